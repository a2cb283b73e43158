import { Button, Select, Space, Typography } from 'antd';
import type { ItemHead } from '@onevisit/functions/records';
import { conditionWords, formFields } from '@onevisit/item-schemas';
import { useI18n } from '../i18n';
import { itemKeyOf, stagesFrom, stepOf, type BundleDraftDefinition } from './bundle-definition';

/**
 * Which published items the 一件事 bundles, and in which step each runs: items of one step run
 * at the same time, a step starts when every item of the step before it is granted.
 */
export function ItemsAndSteps({ jurisdiction, heads, definition, update }: { jurisdiction: string; heads: readonly ItemHead[]; definition: BundleDraftDefinition; update: (change: (d: BundleDraftDefinition) => BundleDraftDefinition) => void }) {
  const { t, language } = useI18n();
  const items = definition.items ?? [];
  // The scenario questions that decide whether an item applies (the seeded 开办餐饮店 has them).
  const scenario = definition.scenario?.schema ? formFields(definition.scenario.schema) : [];
  const steps = stepOf(definition);
  const names = (definition.stages ?? []).map((s) => s.name);
  const nameOf = (itemId: string) => heads.find((h) => h.itemId === itemId)?.published?.name ?? heads.find((h) => h.itemId === itemId)?.draftName ?? itemId;
  const published = heads.filter((h) => h.state === 'published' && h.version > 0);
  const stepCount = Math.max(0, ...items.map((i) => (steps.get(i.key) ?? 0) + 1));

  const pick = (itemIds: string[]) =>
    update((d) => {
      const kept = (d.items ?? []).filter((i) => itemIds.includes(i.itemId));
      const taken = new Set(kept.map((i) => i.key));
      const next = new Map(stepOf(d));
      const added = itemIds
        .filter((id) => !kept.some((i) => i.itemId === id))
        .map((itemId, n) => {
          const key = itemKeyOf(itemId, taken);
          taken.add(key);
          // The first item runs first; the ones added after it, together after it.
          next.set(key, kept.length === 0 && n === 0 ? 0 : 1);
          return { key, jurisdiction, itemId, version: heads.find((h) => h.itemId === itemId)?.version ?? 1 };
        });
      const all = [...kept, ...added];
      const keys = new Set(all.map((i) => i.key));
      const only = (map: Record<string, string>) => Object.fromEntries(Object.entries(map).filter(([k]) => keys.has(k)));
      return {
        ...d,
        items: all,
        stages: stagesFrom(all, next, names),
        fields: (d.fields ?? []).map((c) => ({ ...c, map: only(c.map) })).filter((c) => Object.keys(c.map).length > 1),
        materials: (d.materials ?? []).map((eq) => ({ ...eq, map: only(eq.map) })).filter((eq) => Object.keys(eq.map).length > 1),
      };
    });

  const moveTo = (key: string, step: number) =>
    update((d) => {
      const next = new Map(stepOf(d));
      next.set(key, step);
      return { ...d, stages: stagesFrom(d.items ?? [], next) };
    });

  const stages = definition.stages ?? [];
  return (
    <section aria-label={t('事项与办理顺序', 'Items and their order')}>
      <label htmlFor="bundle-items" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
        {t('包含的事项(从本区划已发布的事项中选择)', 'Items it bundles (from this jurisdiction’s published items)')}
      </label>
      <Select
        id="bundle-items"
        mode="multiple"
        style={{ width: '100%' }}
        placeholder={t('输入事项名称查找，例如“企业设立登记”', 'Type an item’s name, e.g. 企业设立登记')}
        optionFilterProp="label"
        value={items.map((i) => i.itemId)}
        onChange={pick}
        // Items already in it stay named while not (yet) published here, e.g. a county's claims.
        options={[...published, ...heads.filter((h) => !published.includes(h) && items.some((i) => i.itemId === h.itemId))].map((h) => ({ value: h.itemId, label: h.published?.name ?? h.draftName }))}
      />
      {items.length > 0 && (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 4px' }}>
            {t('同一步的事项同时办理；上一步的事项全部准予后，才开始办理下一步。', 'Items of one step run at the same time; a step starts once every item of the step before is granted.')}
          </Typography.Paragraph>
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            {items.map((i) => (
              <li key={i.key} style={{ padding: '4px 0' }}>
                <Space wrap>
                  <span style={{ minWidth: 220, display: 'inline-block' }}>{nameOf(i.itemId)}</span>
                  <Select
                    aria-label={t(`办理顺序：${nameOf(i.itemId)}`, `Step of ${nameOf(i.itemId)}`)}
                    style={{ width: 120 }}
                    value={steps.get(i.key) ?? 0}
                    onChange={(step: number) => moveTo(i.key, step)}
                    options={Array.from({ length: Math.min(stepCount + 1, 10) }, (_, s) => ({ value: s, label: t(`第 ${s + 1} 步`, `Step ${s + 1}`) }))}
                  />
                  <Button size="small" onClick={() => pick(items.filter((x) => x.key !== i.key).map((x) => x.itemId))} aria-label={t(`移除：${nameOf(i.itemId)}`, `Remove ${nameOf(i.itemId)}`)}>
                    {t('移除', 'Remove')}
                  </Button>
                  {i.when && (
                    <Typography.Text type="secondary">
                      {t(`仅当${conditionWords(i.when, scenario, language)}时办理`, `only when ${conditionWords(i.when, scenario, language)}`)}
                    </Typography.Text>
                  )}
                </Space>
              </li>
            ))}
          </ol>
          <Typography.Paragraph strong style={{ marginTop: 8 }} aria-label={t('办理顺序', 'Order')}>
            {stages
              .map((s, n) => {
                const listed = s.items.map((key) => nameOf(items.find((i) => i.key === key)?.itemId ?? key)).join('、');
                return s.items.length > 1 ? t(`第 ${n + 1} 步(同时办理)：${listed}`, `Step ${n + 1} (at the same time): ${listed}`) : t(`第 ${n + 1} 步：${listed}`, `Step ${n + 1}: ${listed}`);
              })
              .join(' → ')}
          </Typography.Paragraph>
        </>
      )}
    </section>
  );
}
