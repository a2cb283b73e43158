import type { ItemDefinition } from '@onevisit/item-schemas';

/**
 * What people type into the portal's search: part of an item's name, what it is otherwise called
 * (its 主项/子项 name, its result, e.g. 营业执照), its name's pinyin initials ("bdcdj") or pinyin
 * ("budongchan"), or a material they hold ("身份证"). Each item's words are worked out once per
 * catalogue version (catalogue.ts); a query only compares strings.
 */

export interface SearchText {
  /** The item's own words, lower-cased: name, other names, department. */
  words: string;
  /** Initials of the name's pinyin, e.g. spjyxk for 食品经营许可. */
  initials: string;
  /** The name's pinyin without spaces or tones, e.g. shipinjingyingxuke. */
  spelled: string;
  /** Material names as shown, to tell which one matched. */
  materials: string[];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export async function searchTextOf(item: ItemDefinition): Promise<SearchText> {
  const { pinyin } = await import('pinyin-pro');
  const spell = (pattern: 'first' | 'pinyin') => fold(pinyin(item.name, { pattern, toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('')).replace(/[^a-z0-9]/g, '');
  const names = [item.name, item.tree?.mainItem.name, item.tree?.subItem?.name, item.result?.name, item.department.name, item.handlingUnit?.name];
  return {
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
  /** 0: the name or its pinyin, 1: another name, 2: only through a material. */
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
    if (folded.includes(token) || (latin && (text.initials.includes(token) || text.spelled.includes(token)))) continue;
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
