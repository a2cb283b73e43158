import { bundlePromise, deliveryRules, denialRules, shanghaiDateOf, type BaseVersions, type MaterialNeed } from '@onevisit/item-schemas';
import type { BundleVersion } from '../bundles/records';
import { IntakeNotice } from '../citizen/intake-notice';
import { MaterialsNotice } from '../citizen/materials-notice';
import { say, type Lang } from '../citizen/page';
import type { ItemDefinition } from '@onevisit/item-schemas';
import { Rows, WhereSection } from './guide-sections';
import { applyPath, checklistPath, guidePath, portalPath, withQuery } from './links';
import { labelOf, limitWords } from './words';

/**
 * A 一件事's 办事指南 (一次告知): which items one application covers, in which stages and by which
 * departments, how long the whole takes, how results come back and what happens when one item is
 * not granted, then the one checklist, where to go in person and applying once. Each item's own
 * guide is a link away.
 */
export function BundleGuidePage({ lang, version, base, asItem, needs, online }: { lang: Lang; version: BundleVersion; base: BaseVersions; asItem: ItemDefinition; needs: readonly MaterialNeed[]; online: boolean }) {
  const t = say(lang);
  const bundle = version.definition;
  const { jurisdiction, bundleId } = version;
  const promise = bundlePromise(bundle, base);
  const refs = new Map(bundle.items.map((ref) => [ref.key, ref]));
  const list = (words: string[]) => words.join(lang === 'zh' ? '、' : ', ');
  const actions = (
    <p className="actions no-print">
      {online && (
        <a className="btn btn-primary" href={applyPath(jurisdiction, bundleId, lang)}>
          {t('一次申请', 'Apply once for all')}
        </a>
      )}
      <a className="btn" href={checklistPath(jurisdiction, bundleId, lang)}>
        {t('打印一次告知清单', 'Print the checklist')}
      </a>
    </p>
  );
  return (
    <>
      <p className="crumbs no-print">
        <a href={withQuery(portalPath(jurisdiction), { dept: bundle.leadDepartment.creditCode }, lang)}>{bundle.leadDepartment.name}</a>
      </p>
      <h1>{bundle.name}</h1>
      <p className="hint">{t(`一件事办事指南 · 牵头部门：${bundle.leadDepartment.name}`, `Guide to one application · Lead office: ${bundle.leadDepartment.name}`)}</p>
      {actions}
      <IntakeNotice lang={lang} item={asItem} />
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t(`一次申请，办理 ${bundle.items.length} 个事项`, `One application, ${bundle.items.length} services`)}</h2>
        <p className="prose">{t('一张表填写，一套材料提交，各部门分头办理；同一阶段的事项同时办理，上一阶段办结后开始下一阶段。', 'One form and one set of materials; each office handles its own item. Items of a stage run at the same time; a stage starts once the one before is decided.')}</p>
        <ol className="steps" data-testid="bundle-stages">
          {promise.stages.map((stage, i) => (
            <li key={i}>
              <strong>{stage.name ?? t(`第 ${i + 1} 阶段`, `Stage ${i + 1}`)}</strong>
              {t(`(承诺 ${stage.promised} 个工作日)`, ` (promised in ${stage.promised} working days)`)}
              <ul>
                {stage.items.map((item) => {
                  const ref = refs.get(item.key)!;
                  return (
                    <li key={item.key}>
                      <a href={guidePath(ref.jurisdiction, ref.itemId, lang)}>{item.name}</a>
                      {`：${base[item.key]!.department.name}${ref.when ? t('(视您的情形办理)', ' (depending on your answers)') : ''}`}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="basics-title">
        <h2 id="basics-title">{t('基本信息', 'At a glance')}</h2>
        <Rows
          rows={[
            [t('法定时限', 'Legal limit'), t(`${promise.legal} 个工作日(联合办理，可延长 ${promise.jointExtension} 个工作日)`, `${promise.legal} working days (handled jointly; extendable by ${promise.jointExtension})`)],
            [t('承诺时限', 'Promised limit'), limitWords(asItem.promisedLimit, lang)],
            [t('牵头部门', 'Lead office'), bundle.leadDepartment.name],
            [t('配合部门', 'Cooperating offices'), bundle.cooperatingDepartments.length > 0 ? list(bundle.cooperatingDepartments.map((d) => d.name)) : undefined],
            [t('结果送达', 'Results'), labelOf(deliveryRules[bundle.delivery], lang)],
            [t('某一事项不予办理时', 'When an item is not granted'), labelOf(denialRules[bundle.onChildDenied], lang)],
            [t('容缺受理', 'Materials to follow'), asItem.deficiencyAcceptance.enabled ? t(`实行，缺少非关键材料可先受理，${asItem.deficiencyAcceptance.supplementDays} 个工作日内补交`, `yes: non-key materials may follow within ${asItem.deficiencyAcceptance.supplementDays} working days`) : undefined],
          ]}
        />
      </section>
      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t(`申请材料(一套，${asItem.materials.length} 项)`, `Materials (one set, ${asItem.materials.length})`)}</h2>
        <MaterialsNotice lang={lang} item={asItem} needs={needs} live={false} />
      </section>
      <WhereSection lang={lang} item={asItem} />
      {actions}
      <p className="guide-version">{t(`版本 v${version.version}，${shanghaiDateOf(new Date(version.publishedAt))} 发布`, `Version ${version.version}, published ${shanghaiDateOf(new Date(version.publishedAt))}`)}</p>
    </>
  );
}
