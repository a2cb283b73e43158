import type { ItemDefinition } from '@onevisit/item-schemas';

/**
 * What people type into the portal's search: part of an item's name or its 简称, either's pinyin
 * initials ("bdcdj") or pinyin ("budongchan"), what it is otherwise called (the 搜索关键词 its
 * officials added, e.g. 开饭店; its 主项/子项 name; its result, e.g. 营业执照), or a material they
 * hold ("身份证"). Each item's words are worked out once per catalogue version (catalogue.ts); a
 * query only compares strings.
 */

export interface SearchText {
  /** The 简称, lower-cased ('' without one): found as the name is. */
  short: string;
  /** The item's other words, lower-cased: 搜索关键词, other names, department. */
  words: string;
  /** Initials of the name's pinyin, e.g. spjyxk for 食品经营许可, then the 简称's on a line of their own. */
  initials: string;
  /** The name's pinyin without spaces or tones, e.g. shipinjingyingxuke, then the 简称's. */
  spelled: string;
  /** Material names as shown, to tell which one matched. */
  materials: string[];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export async function searchTextOf(item: ItemDefinition): Promise<SearchText> {
  const { pinyin } = await import('pinyin-pro');
  const spellOne = (name: string, pattern: 'first' | 'pinyin') => fold(pinyin(name, { pattern, toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('')).replace(/[^a-z0-9]/g, '');
  // One line each, so that a query never matches across the name and the 简称.
  const spell = (pattern: 'first' | 'pinyin') => [item.name, item.shortName].flatMap((n) => (n ? [spellOne(n, pattern)] : [])).join('\n');
  // A version published before items had keywords has none stored (versions are kept as published).
  const names = [...(item.keywords ?? []), item.tree?.mainItem.name, item.tree?.subItem?.name, item.result?.name, item.department.name, item.handlingUnit?.name];
  return {
    short: fold(item.shortName ?? ''),
    words: fold(names.filter(Boolean).join('\n')),
    initials: spell('first'),
    spelled: spell('pinyin'),
    materials: item.materials.map((m) => m.name),
  };
}

/** A query as words to find (the first five); whitespace, commas and full-width forms folded. */
export const queryTokens = (q: string): string[] =>
  fold(q)
    .split(/[\s,，、;；]+/)
    .filter(Boolean)
    .slice(0, 5);

export interface Hit {
  /** 0: the name, the 简称 or their pinyin, 1: a keyword or another name, 2: only through a material. */
  rank: number;
  /** The material that matched, when only a material did. */
  material?: string;
}

/** Whether every token is found in the item's words, pinyin or materials, and how well. */
export function searchHit(text: SearchText, name: string, tokens: readonly string[]): Hit | undefined {
  let rank = 0;
  let material: string | undefined;
  const folded = fold(name);
  for (const token of tokens) {
    const latin = /^[a-z]+$/.test(token);
    if (folded.includes(token) || text.short.includes(token) || (latin && (text.initials.includes(token) || text.spelled.includes(token)))) continue;
    if (text.words.includes(token)) {
      rank = Math.max(rank, 1);
      continue;
    }
    const m = text.materials.find((n) => fold(n).includes(token));
    if (!m) return undefined;
    rank = 2;
    material ??= m;
  }
  return { rank, ...(material ? { material } : {}) };
}
