import { Alert, Card, Typography } from 'antd';
import { bundleFigures, bundlePromise, type BaseVersions, type BundleDefinition } from '@onevisit/item-schemas';
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { PlainTable } from '../plain-table';
import type { BundleDraftDefinition } from './bundle-definition';

/** How long the whole takes against the law's limit, and what one application saves the applicant. */
export function PromiseTab({ definition, bundle, base }: { definition: BundleDraftDefinition; bundle?: BundleDefinition; base: BaseVersions }) {
  const { t } = useI18n();
  const promise = useMemo(() => bundlePromise({ stages: definition.stages ?? [] }, base), [definition.stages, base]);
  const figures = useMemo(() => (bundle ? bundleFigures(bundle, base) : undefined), [bundle, base]);
  const over = promise.promised > promise.legal;
  // Where no law sets a limit, the item's promise stands in for it in the bundle's upper limit: said, so the figure is not read as a law's.
  const unset = promise.stages.flatMap((s) => s.items.filter((i) => i.legal === null).map((i) => `「${i.name}」`));
  const days = (n: number | null) => (n === null ? t('无法定时限', 'none set by law') : t(`${n} 个工作日`, `${n} working days`));
  return (
    <section aria-label={t('时限与数据', 'Time and figures')}>
      <Card size="small" title={t('承诺办结时限', 'Promised time')} style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ fontSize: 16 }} strong>
          {t(`合计 ${promise.promised} 个工作日`, `${promise.promised} working days in all`)}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 14 }}>
            {t(`(同一步取最长，各步相加；上限 ${promise.legal} 个工作日${unset.length ? `，其中${unset.join('')}无法定时限，按其承诺时限计` : ''})`, ` (the longest of each step, steps added up; at most ${promise.legal} working days${unset.length ? `, where ${unset.join(', ')} ${unset.length > 1 ? 'have' : 'has'} no legal limit and count with ${unset.length > 1 ? 'their' : 'its'} promise` : ''})`)}
          </Typography.Text>
        </Typography.Paragraph>
        <PlainTable
          rowKey={(r) => r.key}
          rows={promise.stages.flatMap((s, n) => s.items.map((i) => ({ ...i, step: n + 1 })))}
          columns={[
            { key: 'step', title: t('步骤', 'Step'), render: (r) => t(`第 ${r.step} 步`, `Step ${r.step}`) },
            { key: 'name', title: t('事项', 'Item'), render: (r) => r.name },
            { key: 'promised', title: t('承诺时限', 'Promised'), render: (r) => days(r.promised) },
            { key: 'legal', title: t('法定时限', 'Legal limit'), render: (r) => days(r.legal) },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t(
            `依据：《中华人民共和国行政许可法》第四十二条第二款，联合办理的，办理时间不得超过 ${promise.jointLimit} 日；不能办结的，经本级人民政府负责人批准，可以延长 ${promise.jointExtension} 日。`,
            `Basis: Administrative Licensing Law, Article 42(2): handled jointly, a decision takes no more than ${promise.jointLimit} days, extendable by ${promise.jointExtension} with the approval of the head of the people's government.`,
          )}
        </Typography.Paragraph>
        {over && <Alert type="error" showIcon message={t('承诺时限合计超过法定上限：请缩短承诺时限，或把可以同时办理的事项放在同一步。', 'The promises add up to more than the legal limit: shorten them, or put items that can run together in one step.')} />}
      </Card>
      <Card size="small" title={t('一次申请为申请人省去的', 'What one application saves')}>
        {figures ? (
          <PlainTable
            rowKey={(r) => r.what}
            rows={[
              { what: t('要回答的问题', 'Questions to answer'), together: figures.fieldsAsked, apart: figures.fieldsSeparately },
              { what: t('要提交的材料', 'Documents to hand in'), together: figures.materialsAsked, apart: figures.materialsSeparately },
            ]}
            columns={[
              { key: 'what', title: t('项目', 'What'), render: (r) => r.what },
              { key: 'together', title: t('一起申请', 'Together'), render: (r) => r.together },
              { key: 'apart', title: t(`分别申请 ${figures.items} 个事项`, `${figures.items} items separately`), render: (r) => r.apart },
              { key: 'saved', title: t('少填/少交', 'Saved'), render: (r) => Math.max(0, r.apart - r.together) },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('处理完上方列出的问题后显示。', 'Shown once the issues above are fixed.')}</Typography.Text>
        )}
      </Card>
    </section>
  );
}
