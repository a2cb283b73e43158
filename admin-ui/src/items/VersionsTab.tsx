import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, type Change } from '../api';
import { shanghaiDay, shanghaiTime } from '../cases/format';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';

/** Published versions and what changed between two of them, in words an official reads. */
export function VersionsTab({ itemId }: { itemId: string }) {
  const { t, language } = useI18n();
  const { session } = useSignedIn();
  const j = session.jurisdiction;
  const versions = useQuery({ queryKey: ['versions', j, itemId], queryFn: () => api.versions(j, itemId) });
  const latest = versions.data?.at(-1)?.version;
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const to = picked.to ?? latest;
  const from = picked.from ?? (to && to > 1 ? to - 1 : undefined);
  const diff = useQuery({ queryKey: ['diff', j, itemId, from, to], queryFn: () => api.diff(j, itemId, from!, to!), enabled: !!from && !!to && from !== to });
  // The API says each change in words, in both languages: nothing here reads the model.
  const words = (zh: string, en: string) => (language === 'zh' ? zh : en) || '—';

  if (!versions.data?.length) return <Empty description={t('尚未发布过', 'Not published yet')} />;
  const options = versions.data.map((v) => ({ value: v.version, label: `v${v.version} · ${shanghaiDay(v.publishedAt)}${v.changeNote ? ` · ${v.changeNote}` : ''}` }));
  return (
    <section aria-label={t('版本历史', 'Versions')}>
      <Table
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={[...versions.data].reverse()}
        columns={[
          { title: t('版本', 'Version'), dataIndex: 'version', render: (v: number) => <Tag color={v === latest ? 'green' : undefined}>v{v}</Tag> },
          { title: t('发布时间', 'Published'), dataIndex: 'publishedAt', render: shanghaiTime },
          // Versions published before names were kept have only the id.
          { title: t('发布人', 'By'), key: 'publishedBy', render: (_: unknown, v: { publishedBy: string; publishedByName?: string }) => v.publishedByName ?? v.publishedBy },
          { title: t('变更说明', 'Change note'), dataIndex: 'changeNote' },
        ]}
      />
      {versions.data.length > 1 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
            {t('版本差异', 'What changed')}
          </Typography.Title>
          <Space wrap style={{ marginBottom: 8 }}>
            <Select aria-label={t('从版本', 'From version')} style={{ minWidth: 200 }} value={from} options={options} onChange={(v: number) => setPicked({ from: v, to })} />
            <span>→</span>
            <Select aria-label={t('到版本', 'To version')} style={{ minWidth: 200 }} value={to} options={options} onChange={(v: number) => setPicked({ from, to: v })} />
          </Space>
          {diff.isError && <Alert type="error" showIcon message={String(diff.error)} />}
          <Table<Change>
            size="small"
            rowKey={(c) => `${c.kind} ${c.path} ${c.label}`}
            loading={diff.isLoading}
            pagination={false}
            dataSource={diff.data ?? []}
            locale={{ emptyText: <Typography.Text type="secondary">{t('两个版本相同', 'No differences')}</Typography.Text> }}
            columns={[
              { title: t('内容', 'What'), key: 'label', render: (_: unknown, c: Change) => words(c.label, c.label_en) },
              { title: t('变化', 'Change'), dataIndex: 'kind', render: (k: Change['kind']) => <Tag>{k === 'added' ? t('新增', 'Added') : k === 'removed' ? t('删除', 'Removed') : t('修改', 'Changed')}</Tag> },
              { title: t('原来', 'Before'), key: 'before', render: (_: unknown, c: Change) => words(c.before, c.before_en) },
              { title: t('现在', 'After'), key: 'after', render: (_: unknown, c: Change) => words(c.after, c.after_en) },
            ]}
          />
        </>
      )}
    </section>
  );
}
