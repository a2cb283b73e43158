import type { ItemDefinition, TimeLimit } from '@onevisit/item-schemas';
import type { Lang } from '../citizen/page';

/**
 * What the portal says of an item's limits, visits and fees, the same on its pages and in the
 * 晒清单 downloads, so a row in the spreadsheet reads as the card on the page.
 */

type Pick2 = (zh: string, en: string) => string;
const sayer = (lang: Lang): Pick2 => (zh, en) => (lang === 'zh' ? zh : en);

export function limitWords(limit: TimeLimit | null, lang: Lang): string {
  const t = sayer(lang);
  if (limit === null) return t('法律未规定', 'none set by law');
  if (limit.value === 0) return t('即办(当场办结)', 'on the spot');
  return t(`${limit.value}个${limit.unit === 'workday' ? '工作日' : '自然日'}`, `${limit.value} ${limit.unit === 'workday' ? 'working' : 'calendar'} day${limit.value === 1 ? '' : 's'}`);
}

/**
 * 承诺提速: how much shorter the promised limit is than the legal one, in percent, when the two
 * can be compared (the same unit, or the promise is on the spot); undefined otherwise.
 */
export function speedup(legal: TimeLimit | null, promised: TimeLimit): number | undefined {
  if (!legal || legal.value === 0) return undefined;
  if (promised.value === 0) return 100;
  if (legal.unit !== promised.unit) return undefined;
  return Math.max(0, Math.round(((legal.value - promised.value) / legal.value) * 100));
}

export function speedupWords(legal: TimeLimit | null, promised: TimeLimit, lang: Lang): string {
  const percent = speedup(legal, promised);
  return percent === undefined ? '—' : sayer(lang)(`提速 ${percent}%`, `${percent}% faster`);
}

/** 到现场次数 as the reforms name it: 零跑动, 最多跑一次, else how many times. */
export function visitWords(maxVisits: number, lang: Lang): string {
  const t = sayer(lang);
  if (maxVisits === 0) return t('零跑动', 'no visit');
  if (maxVisits === 1) return t('最多跑一次', 'at most one visit');
  return t(`最多跑 ${maxVisits} 次`, `at most ${maxVisits} visits`);
}

export function feeWords(fees: ItemDefinition['fees'], lang: Lang): string {
  const charged = fees.filter((f) => f.charged);
  if (charged.length === 0) return sayer(lang)('不收费', 'free');
  return charged.map((f) => `${f.name}${f.standard ? (lang === 'zh' ? `：${f.standard}` : `: ${f.standard}`) : ''}`).join(lang === 'zh' ? '；' : '; ');
}

/** A code's label in the page's language, from the model's code lists ([zh, en, …]). */
export const labelOf = (pair: readonly [string, string, ...string[]], lang: Lang): string => (lang === 'zh' ? pair[0] : pair[1]);
