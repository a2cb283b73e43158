import { Card, Table } from 'antd';
import type { GroupFigures } from '@onevisit/functions/supervision';
import { useI18n } from '../i18n';
import { percent } from './FigureCards';

/** The city and each county under it side by side, the same figures for each. */
export function CountiesCard({ groups, nameOf }: { groups: GroupFigures[]; nameOf: (key: string) => string }) {
  const { t } = useI18n();
  return (
    <Card title={t('区县对比', 'The city and its counties')}>
      <Table<GroupFigures>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={groups}
        // Eleven figures do not fit a phone: the table scrolls inside the card, not the page.
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('区划', 'Jurisdiction'), render: (_, g) => nameOf(g.key) },
          { title: t('收件', 'Received'), render: (_, g) => g.cases.received },
          { title: t('受理', 'Accepted'), render: (_, g) => g.cases.accepted },
          { title: t('办结', 'Decided'), render: (_, g) => g.cases.decided.total },
          { title: t('按时办结率', 'On time'), render: (_, g) => percent(g.cases.onTimeRate) },
          { title: t('日结率', 'Same day'), render: (_, g) => percent(g.cases.sameDayRate) },
          { title: t('超期件', 'Overdue'), render: (_, g) => g.overdue.length },
          { title: t('好评率', 'Good ratings'), render: (_, g) => percent(g.cases.ratings.goodRate) },
          { title: t('差评', 'Poor ratings'), render: (_, g) => g.cases.ratings.poor },
          { title: t('差评(申诉成立)', 'Poor, voided on appeal'), render: (_, g) => g.cases.ratings.voided },
          { title: t('承诺提速', 'Promised faster'), render: (_, g) => percent(g.catalogue.promiseCompression) },
        ]}
      />
    </Card>
  );
}
