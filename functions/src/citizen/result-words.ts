import { resultTypes, type ItemDefinition } from '@onevisit/item-schemas';
import type { Lang } from './page';

/** 办理结果 as an applicant is told it before applying: what they receive, of what kind, valid how long. */
export function resultWords(item: Pick<ItemDefinition, 'result'>, lang: Lang): string | undefined {
  const r = item.result;
  if (!r) return undefined;
  const [zh, en] = resultTypes[r.type];
  return lang === 'zh' ? `${r.name}(${zh})${r.validity ? `，有效期：${r.validity}` : ''}` : `${r.name} (${en.toLowerCase()})${r.validity ? `, valid: ${r.validity}` : ''}`;
}
