import { useQuery } from '@tanstack/react-query';
import { Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { levelLabels, poorStatuses, reasonLabels, statusLabels, targetLabels, type PoorStatus } from '@onevisit/functions/ratings';
import type { PoorListed } from '@onevisit/functions/rating-views';
import { useState } from 'react';
import { Link } from 'react-router';
import { WarningTag } from '../cases/WarningTag';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { ratingsApi } from './ratings-api';
import { RatingSettingsCard } from './RatingSettingsCard';

// Tag colours whose text reads at WCAG AA contrast.
export const statusColours: Record<PoorStatus, string> = { verifying: 'red', rectifying: 'blue', fedBack: 'geekblue', judged: 'purple', appealed: 'magenta', closed: 'default' };

// Numbers, dates and short labels stay on one line; the item, department and reasons take the rest.
const oneLine = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }), onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };

/** 差评 to work: each with its step, the day it is due, its 回访 and its warning; open ones first. */
export function PoorRatingsPage() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const [status, setStatus] = useState<PoorStatus | undefined>();
  const list = useQuery({ queryKey: ['poor-ratings', session.jurisdiction, status], queryFn: () => ratingsApi.poorRatings(session.jurisdiction, status), refetchInterval: 60_000 });
  const admin = session.user.role === 'jurisdictionAdmin' || session.user.role === 'platformAdmin';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('差评整改', 'Poor ratings')}
      </Typography.Title>
      <Space wrap>
        <label htmlFor="poor-status">{t('处理状态', 'Step')}</label>
        <Select<PoorStatus | 'all'>
          id="poor-status"
          style={{ minWidth: 160 }}
          value={status ?? 'all'}
          onChange={(value) => setStatus(value === 'all' ? undefined : value)}
          options={[{ value: 'all' as const, label: t('全部', 'All') }, ...poorStatuses.map((s) => ({ value: s, label: t(...statusLabels[s]) }))]}
        />
      </Space>
      <Table<PoorListed>
        rowKey={(r) => `${r.trackingNumber}#${r.target}`}
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1120 }}
        locale={{ emptyText: <Empty description={t('没有差评', 'No poor ratings')} /> }}
        columns={[
          { title: t('预警', 'Urgency'), dataIndex: 'warning', width: 64, ...oneLine, render: (level: PoorListed['warning'], r) => (r.status === 'closed' ? '—' : <WarningTag level={level} />) },
          {
            title: t('受理编号', 'Tracking number'),
            key: 'number',
            width: 180,
            ...oneLine,
            render: (_, r) => (
              <Link to={`/ratings/${r.trackingNumber}/${r.target}`} aria-label={t(`${r.trackingNumber} ${targetLabels[r.target][0]}差评`, `Poor rating of ${targetLabels[r.target][1].toLowerCase()}, ${r.trackingNumber}`)}>
                {r.trackingNumber}
              </Link>
            ),
          },
          { title: t('评价对象', 'Rated'), key: 'target', width: 72, ...oneLine, render: (_, r) => t(...targetLabels[r.target]) },
          { title: t('事项', 'Item'), dataIndex: 'itemName', width: 130 },
          { title: t('部门', 'Department'), dataIndex: 'departmentName' },
          { title: t('评价', 'Rating'), key: 'level', width: 96, ...oneLine, render: (_, r) => t(...levelLabels[r.level - 1]!) },
          { title: t('原因', 'Reasons'), key: 'reasons', render: (_, r) => r.reasons.map((x) => t(...reasonLabels[x])).join(t('、', ', ')) || '—' },
          { title: t('评价日期', 'Rated on'), dataIndex: 'on', width: 104, ...oneLine },
          { title: t('状态', 'Step'), key: 'status', width: 72, ...oneLine, render: (_, r) => <Tag color={statusColours[r.status]}>{t(...statusLabels[r.status])}</Tag> },
          { title: t('本步期限', 'Step due'), key: 'due', width: 104, ...oneLine, render: (_, r) => r.due ?? '—' },
          {
            title: t('回访', 'Revisit'),
            key: 'revisit',
            width: 150,
            ...oneLine,
            render: (_, r) => (!r.realName ? t('匿名，无需回访', 'Anonymous: none') : r.revisited ? t('已回访', 'Done') : t(`待回访(${r.revisitDue ?? ''}前)`, `Due by ${r.revisitDue ?? ''}`)),
          },
        ]}
      />
      {admin && <RatingSettingsCard jurisdiction={session.jurisdiction} />}
    </Space>
  );
}
