import { crossRegionScopes, onlineLevels } from '@onevisit/item-schemas';
import { say, type Lang } from '../citizen/page';
import type { PortalEntry } from './catalogue';
import { reformLists, type ReformList } from './facets';
import { applyPath, guidePath } from './links';
import { feeWords, labelOf, limitWords, speedup, speedupWords, visitWords } from './words';

/** Whether the item takes applications online on `today` (its channels and its planned dates). */
export const takesOnline = (e: Pick<PortalEntry, 'online' | 'item'>, today: string) =>
  e.online && (!e.item.effectiveFrom || today >= e.item.effectiveFrom) && (!e.item.plannedCancelOn || today < e.item.plannedCancelOn);

/** The reform lists an item is on, as tags. */
export function ReformTags({ entry, lang }: { entry: PortalEntry; lang: Lang }) {
  const on = (Object.keys(reformLists) as ReformList[]).filter((key) => key !== 'once' || entry.item.maxVisits === 1).filter((key) => reformLists[key][2](entry));
  return (
    <>
      {on.map((key) => (
        <span className="tag reform" key={key}>
          {lang === 'zh' ? reformLists[key][0] : reformLists[key][1].replace(/ \(.*\)$/, '')}
        </span>
      ))}
      {entry.item.crossRegion && <span className="tag reform">{labelOf(crossRegionScopes[entry.item.crossRegion], lang)}</span>}
    </>
  );
}

/** One item in the portal's list: its limits, visits and fees at a glance, its guide, and applying when it can be done online. */
export function EntryCard({ entry, lang, today, material }: { entry: PortalEntry; lang: Lang; today: string; material?: string }) {
  const t = say(lang);
  const { item } = entry;
  const id = `item-${entry.jurisdiction}-${entry.itemId}`;
  return (
    <li className="card" aria-labelledby={id}>
      <h3 id={id}>
        <a href={guidePath(entry.jurisdiction, entry.itemId, lang)}>{item.name}</a>
      </h3>
      {item.shortName && <p className="dept">{t(`简称：${item.shortName}`, `Also called ${item.shortName}`)}</p>}
      <p className="dept">{entry.bundle ? t(`牵头部门：${item.department.name}`, `Lead office: ${item.department.name}`) : item.department.name}</p>
      {entry.bundle && (
        <p className="dept" data-testid="bundle-items">
          <span className="tag reform">{t('一件事', 'One application')}</span>
          {t(`一次申请办理 ${entry.bundle.items.length} 个事项：${entry.bundle.items.join('、')}`, ` One application for ${entry.bundle.items.length} services: ${entry.bundle.items.join(', ')}`)}
        </p>
      )}
      <ReformTags entry={entry} lang={lang} />
      <dl className="facts">
        <dt>{t('法定时限', 'Legal limit')}</dt>
        <dd>{limitWords(item.legalLimit, lang)}</dd>
        <dt>{t('承诺时限', 'Promised')}</dt>
        <dd>
          {limitWords(item.promisedLimit, lang)}
          {(speedup(item.legalLimit, item.promisedLimit) ?? 0) > 0 && ` (${speedupWords(item.legalLimit, item.promisedLimit, lang)})`}
        </dd>
        <dt>{t('到现场', 'Visits')}</dt>
        <dd>{visitWords(item.maxVisits, lang)}</dd>
        <dt>{t('收费', 'Fees')}</dt>
        <dd>{feeWords(item.fees, lang)}</dd>
        <dt>{t('网办深度', 'Online')}</dt>
        <dd>{labelOf(onlineLevels[entry.level], lang)}</dd>
      </dl>
      {material && <p className="matched">{t(`材料中有「${material}」`, `Among its materials: "${material}"`)}</p>}
      <p className="actions">
        <a className="btn" href={guidePath(entry.jurisdiction, entry.itemId, lang)} aria-describedby={id}>
          {t('办事指南', 'Guide')}
        </a>
        {takesOnline(entry, today) ? (
          <a className="btn btn-primary" href={applyPath(entry.jurisdiction, entry.itemId, lang)} aria-describedby={id}>
            {t('在线申请', 'Apply online')}
          </a>
        ) : (
          <span className="tag">{entry.online ? t('暂不受理网上申请', 'Not taking applications online now') : t('请到窗口办理', 'Apply in person')}</span>
        )}
      </p>
    </li>
  );
}
