import { Card, Table, Tag } from 'antd';
import type { DownstreamClone } from '@onevisit/functions/clones';
import { useI18n } from '../i18n';

/** For the level above: which lower jurisdictions claimed its items, and which are behind. */
export function DownstreamCard({ clones, names }: { clones: DownstreamClone[]; names: Map<string, string> }) {
  const { t } = useI18n();
  const behind = clones.filter((c) => c.behind).length;
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t(`下级认领情况(${behind} 个未跟进上级新版本)`, `Claimed below (${behind} behind the latest version)`)}>
      <Table<DownstreamClone>
        rowKey={(c) => `${c.jurisdiction}/${c.itemId}`}
        size="small"
        dataSource={[...clones].sort((a, b) => Number(b.behind) - Number(a.behind))}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 600 }}
        columns={[
          { title: t('下级区划', 'Jurisdiction'), dataIndex: 'jurisdictionName' },
          { title: t('事项', 'Item'), dataIndex: 'itemId', render: (id: string) => names.get(id) ?? id },
          { title: t('跟随版本', 'Follows'), key: 'following', render: (_, c) => `v${c.following} / v${c.latest}` },
          { title: t('已发布', 'Published'), dataIndex: 'published', render: (v: number) => (v ? `v${v}` : '—') },
          {
            title: t('状态', 'Status'),
            key: 'behind',
            render: (_, c) => (c.behind ? <Tag color="orange">{c.deferredVersion ? t('暂缓更新', 'Deferred') : t('未跟进', 'Behind')}</Tag> : <Tag color="green">{t('已同步', 'Up to date')}</Tag>),
          },
        ]}
      />
    </Card>
  );
}
