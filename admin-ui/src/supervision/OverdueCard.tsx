import { Button, Card, Empty, Table } from 'antd';
import type { OverdueCase } from '@onevisit/functions/supervision';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { RaiseOrderDialog } from './RaiseOrderDialog';

/** The 超期件, each leading to its case; an open one can be given a 督办 from here. */
export function OverdueCard({ jurisdiction, asOf, overdue, nameOf, supervised }: { jurisdiction: string; asOf: string; overdue: OverdueCase[]; nameOf: (key: string) => string; supervised: Set<string> }) {
  const { t } = useI18n();
  const [raising, setRaising] = useState<OverdueCase>();
  return (
    <Card id="overdue" title={t(`超期件(截至 ${asOf})`, `Overdue cases (as of ${asOf})`)}>
      <Table<OverdueCase>
        size="small"
        rowKey="trackingNumber"
        dataSource={overdue}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('没有超期件', 'No overdue cases')} /> }}
        columns={[
          { title: t('受理编号', 'Tracking number'), render: (_, c) => <Link to={`/cases/${c.trackingNumber}`}>{c.trackingNumber}</Link> },
          { title: t('事项', 'Item'), dataIndex: 'itemName' },
          { title: t('部门', 'Department'), render: (_, c) => nameOf(c.departmentId) },
          { title: t('申请人', 'Applicant'), render: (_, c) => c.applicant ?? '—' },
          { title: t('经办人', 'Handled by'), render: (_, c) => c.handledBy ?? '—' },
          { title: t('承诺期限', 'Promised by'), dataIndex: 'due' },
          { title: t('超期(工作日)', 'Working days late'), dataIndex: 'workdaysLate' },
          {
            title: t('督办', 'Supervision'),
            render: (_, c) =>
              c.decidedOn || c.jurisdiction !== jurisdiction ? null : supervised.has(c.trackingNumber) ? (
                t('督办中', 'under supervision')
              ) : (
                <Button size="small" danger onClick={() => setRaising(c)} aria-label={t(`督办 ${c.trackingNumber}`, `Raise a supervision order on ${c.trackingNumber}`)}>
                  {t('督办', 'Raise')}
                </Button>
              ),
          },
        ]}
      />
      {raising && <RaiseOrderDialog jurisdiction={jurisdiction} trackingNumber={raising.trackingNumber} departmentName={nameOf(raising.departmentId)} onClose={() => setRaising(undefined)} />}
    </Card>
  );
}
