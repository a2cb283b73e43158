import { Alert, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { mergedMaterials, type BaseVersions, type BundleDefinition, type BundleIssue, type BundleMaterial } from '@onevisit/item-schemas';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { PlainTable } from '../plain-table';
import { joinMaterials, splitMaterials, type BundleDraftDefinition } from './bundle-definition';

const statusLabels: Record<BundleMaterial['status'], [string, string, string]> = {
  required: ['必须提交', 'Required', 'blue'],
  optional: ['可选', 'Optional', 'default'],
  deferrable: ['可容缺后补', 'May come later', 'gold'],
  shared: ['免交(共享获取)', 'Not asked (shared)', 'green'],
  notApplicable: ['不适用', 'Not needed', 'default'],
};

/**
 * 一套材料: the one checklist, each document once with the items that need it. Documents of the
 * same name and issuer are one already; the official marks others the same, or parts them again.
 */
export function BundleMaterialsTab({ bundle, base, update, issues }: { bundle?: BundleDefinition; base: BaseVersions; update: (change: (d: BundleDraftDefinition) => BundleDraftDefinition) => void; issues: readonly BundleIssue[] }) {
  const { t, language, pick } = useI18n();
  const list = useMemo(() => (bundle ? mergedMaterials(bundle, base) : []), [bundle, base]);
  const [a, setA] = useState<string>();
  const [b, setB] = useState<string>();
  if (!bundle) return <Alert type="info" showIcon message={t('请先在“事项与顺序”中选择事项并处理上方列出的问题，再查看合并后的材料。', 'Choose the items under “Items and order” and fix the issues above first; the one checklist shows then.')} />;
  const marked = new Set((bundle.materials ?? []).map((eq) => eq.key));
  const options = list.map((m) => ({ value: m.id, label: `${m.material.name}(${m.for.join('、')})` }));
  const byId = new Map(list.map((m) => [m.id, m]));
  const asked = list.filter((m) => m.status !== 'shared').length;
  return (
    <section aria-label={t('合并材料', 'Documents handed in once')}>
      <Typography.Paragraph>
        {t(`申请人只交一套材料：共 ${list.length} 项，其中 ${asked} 项需要提交。同名、同一出具单位的材料只交一次；任一事项可共享获取的，整件事免交。`, `The applicant hands in one set: ${list.length} documents, ${asked} of them to hand in. Documents of the same name and issuer are handed in once; one any item obtains by sharing is not asked at all.`)}
      </Typography.Paragraph>
      {issues.length > 0 && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={issues.map(pick).join('；')} />}
      <PlainTable<BundleMaterial>
        rowKey={(m) => m.id}
        rows={list}
        pageSize={50}
        minWidth={640}
        columns={[
          { key: 'name', title: t('材料', 'Document'), render: (m) => m.material.name },
          { key: 'for', title: t('用于哪些事项', 'For which items'), render: (m) => <Space size={4} wrap>{m.for.map((name) => <Tag key={name}>{name}</Tag>)}</Space> },
          {
            key: 'status',
            title: t('要求', 'Asked'),
            render: (m) => {
              const w = language === 'zh' ? m.words.zh : m.words.en;
              return (
                <Space direction="vertical" size={0}>
                  <Tag color={statusLabels[m.status][2]}>{m.status === 'required' && m.material.when ? t('按情形提交', 'Depending on answers') : t(statusLabels[m.status][0], statusLabels[m.status][1])}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[w.when, w.shared ?? w.copies, w.later].filter(Boolean).join('；')}
                  </Typography.Text>
                </Space>
              );
            },
          },
          ...(marked.size === 0
            ? []
            : [
                {
                  key: 'actions',
                  title: t('调整', 'Change'),
                  render: (m: BundleMaterial) =>
                    marked.has(m.id) ? (
                      <Button size="small" onClick={() => update((d) => splitMaterials(d, m.id))} aria-label={t(`分开提交：${m.material.name}`, `Hand in separately: ${m.material.name}`)}>
                        {t('分开提交', 'Hand in separately')}
                      </Button>
                    ) : null,
                },
              ]),
        ]}
      />
      <Card size="small" title={t('标记为同一份材料', 'Mark two documents as the same')} style={{ marginTop: 12 }}>
        <Space wrap align="start">
          <Select aria-label={t('第一份材料', 'First document')} placeholder={t('第一份材料', 'First document')} showSearch optionFilterProp="label" style={{ width: 340 }} value={a} onChange={setA} options={options} />
          <Select aria-label={t('与之相同的材料', 'The same document')} placeholder={t('与之相同的材料', 'The same document')} showSearch optionFilterProp="label" style={{ width: 340 }} value={b} onChange={setB} options={options.filter((o) => o.value !== a)} />
          <Button
            disabled={!a || !b || a === b}
            onClick={() => {
              const [first, second] = [byId.get(a!)!, byId.get(b!)!];
              // Every source of both: a document of the same name left out of the mark would be asked again.
              update((d) => [...first.sources.slice(1), ...second.sources].reduce((next, s) => joinMaterials(next, { ...first.sources[0]!, name: first.material.name }, s), d));
              setA(undefined);
              setB(undefined);
            }}
          >
            {t('只交一次', 'Hand in once')}
          </Button>
        </Space>
      </Card>
    </section>
  );
}
