import { appliesOnline, caseTypes, shanghaiDateOf, channels as channelLabels, crossRegionScopes, deliveryMethods, itemTypes, materialNeeds, onlineLevel, onlineLevels, targets as targetLabels, type ItemDefinition } from '@onevisit/item-schemas';
import { IntakeNotice } from '../citizen/intake-notice';
import { MaterialsNotice } from '../citizen/materials-notice';
import { say, type Lang } from '../citizen/page';
import { resultWords } from '../citizen/result-words';
import type { ItemVersion } from '../records';
import { takesOnline } from './entry-card';
import { BasisSection, ContactSection, FaqSection, FeesSection, Rows, StepsSection, WhereSection } from './guide-sections';
import { applyPath, checklistPath, portalPath, withQuery } from './links';
import { labelOf, limitWords, speedupWords, visitWords } from './words';

/**
 * The 办事指南: everything about an item told at once, in the order an applicant reads it: what
 * it is and how long it takes, who may apply (受理条件), every material with its condition in
 * words, the steps, fees, the result, where and when, the law, questions, whom to call; then the
 * printable 一次告知 checklist and applying online. The same for every visitor of a version.
 */
export function GuidePage({ lang, version, today, suspended = false }: { lang: Lang; version: ItemVersion; today: string; suspended?: boolean }) {
  const t = say(lang);
  const item: ItemDefinition = version.definition;
  const { jurisdiction, itemId } = version;
  const list = (words: string[]) => words.join(lang === 'zh' ? '、' : ', ');
  const online = takesOnline({ online: appliesOnline(item.channels), item }, today);
  // A suspended item takes no applications, and its checklist is not served: the guide is all there is.
  const actions = suspended ? undefined : (
    <p className="actions no-print">
      {online && (
        <a className="btn btn-primary" href={applyPath(jurisdiction, itemId, lang)}>
          {t('在线申请', 'Apply online')}
        </a>
      )}
      <a className="btn" href={checklistPath(jurisdiction, itemId, lang)}>
        {t('打印一次告知清单', 'Print the checklist')}
      </a>
    </p>
  );
  const speed = speedupWords(item.legalLimit, item.promisedLimit, lang);
  return (
    <>
      <p className="crumbs no-print">
        <a href={withQuery(portalPath(jurisdiction), { dept: item.department.creditCode }, lang)}>{item.department.name}</a>
      </p>
      <h1>{item.name}</h1>
      <p className="hint">{t(`办事指南 · 实施机关：${item.department.name}`, `Service guide · Office: ${item.department.name}`)}</p>
      {suspended && (
        <p className="notice" role="status" data-testid="suspended">
          <strong>{t('暂停受理', 'Suspended')}</strong>
          {t('：本事项暂停受理，现在不能申请。本指南供了解办理要求，恢复受理后再申请；如有疑问请咨询实施机关。', ': this item takes no applications for now. The guide tells what it asks; apply once it resumes, and ask the office if in doubt.')}
        </p>
      )}
      {actions}
      <IntakeNotice lang={lang} item={item} />
      <section aria-labelledby="basics-title">
        <h2 id="basics-title">{t('基本信息', 'At a glance')}</h2>
        <Rows
          rows={[
            [t('法定时限', 'Legal limit'), `${limitWords(item.legalLimit, lang)}${item.legalLimitNote ? `(${item.legalLimitNote})` : ''}`],
            [t('承诺时限', 'Promised limit'), `${limitWords(item.promisedLimit, lang)}${item.promisedLimitNote ? `(${item.promisedLimitNote})` : ''}`],
            [t('承诺提速', 'Speed-up'), speed === '—' ? undefined : speed],
            [t('到现场次数', 'Visits in person'), `${visitWords(item.maxVisits, lang)}${item.maxVisits > 0 && item.visitReason ? `(${item.visitReason})` : ''}`],
            [t('事项类型', 'Kind'), labelOf(itemTypes[item.itemType], lang)],
            [t('办件类型', 'Case type'), labelOf(caseTypes[item.caseType], lang)],
            [t('服务对象', 'Who may apply'), list(item.targets.map((c) => labelOf(targetLabels[c], lang)))],
            [t('办理形式', 'How'), list(item.channels.map((c) => labelOf(channelLabels[c], lang)))],
            [t('网办深度', 'Online'), labelOf(onlineLevels[onlineLevel(item.onlineDepth)], lang)],
            [t('通办范围', 'Area served'), item.crossRegion && labelOf(crossRegionScopes[item.crossRegion], lang)],
            [t('容缺受理', 'Materials to follow'), item.deficiencyAcceptance.enabled ? t(`实行，缺少非关键材料可先受理，${item.deficiencyAcceptance.supplementDays} 个工作日内补交`, `yes: non-key materials may follow within ${item.deficiencyAcceptance.supplementDays} working days`) : undefined],
            [t('告知承诺', 'Signed promise'), item.notifyPromise.enabled ? t(`实行，可签署承诺书代替部分证明${item.notifyPromise.verification ? `；事后核查：${item.notifyPromise.verification}` : ''}`, `yes: a signed promise replaces some proofs${item.notifyPromise.verification ? `; checked afterwards: ${item.notifyPromise.verification}` : ''}`) : undefined],
            [t('数量限制', 'Limits on number'), item.quantityLimit],
            [t('办理结果', 'Result'), resultWords(item, lang)],
            [t('结果送达', 'Delivery'), item.delivery.length > 0 ? list(item.delivery.map((d) => `${labelOf(deliveryMethods[d.method], lang)}${d.note ? `(${d.note})` : ''}`)) : undefined],
          ]}
        />
      </section>
      <section aria-labelledby="conditions-title">
        <h2 id="conditions-title">{t('受理条件', 'Who may apply, and when')}</h2>
        <p className="prose">{item.acceptanceConditions ?? t(`${list(item.targets.map((c) => labelOf(targetLabels[c], lang)))}，材料齐全、符合法定形式的，予以受理。`, `${list(item.targets.map((c) => labelOf(targetLabels[c], lang)))}; an application with every material, in the form the law requires, is accepted.`)}</p>
      </section>
      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t(`申请材料(${item.materials.length} 项)`, `Materials (${item.materials.length})`)}</h2>
        <MaterialsNotice lang={lang} item={item} needs={materialNeeds(item, {})} live={false} />
      </section>
      <StepsSection lang={lang} item={item} />
      <FeesSection lang={lang} item={item} />
      <WhereSection lang={lang} item={item} />
      <BasisSection lang={lang} item={item} />
      <FaqSection lang={lang} item={item} />
      <ContactSection lang={lang} item={item} />
      {actions}
      <p className="guide-version">
        {t(`版本 v${version.version}，${shanghaiDateOf(new Date(version.publishedAt))} 发布${item.effectiveFrom ? `，${item.effectiveFrom} 起施行` : '，发布之日起施行'}`, `Version ${version.version}, published ${shanghaiDateOf(new Date(version.publishedAt))}${item.effectiveFrom ? `, in force from ${item.effectiveFrom}` : ', in force since publication'}`)}
      </p>
    </>
  );
}
