import { z } from '@hono/zod-openapi';
import { corporateThemes, crossRegionScopes, personalThemes } from '@onevisit/item-schemas';
import type { PortalEntry } from './catalogue';
import { queryTokens, searchHit } from './search';

/**
 * How the portal narrows its list: a search, a department, a 服务主题 (个人 p…, 法人 c…), a
 * 通办范围, and the lists the reforms publish. Everything is in the address (a GET form), so it
 * works without JavaScript and a result can be shared as a link.
 */

export const reformLists = {
  zero: ['零跑动', 'No visit needed', (e: PortalEntry) => e.item.maxVisits === 0],
  once: ['最多跑一次', 'At most one visit', (e: PortalEntry) => e.item.maxVisits <= 1],
  immediate: ['即办件', 'Decided on the spot', (e: PortalEntry) => e.item.caseType === 'immediate'],
  online: ['全程网办', 'Entirely online', (e: PortalEntry) => e.level === '4'],
  deficiency: ['容缺受理', 'Accepted with materials to follow (容缺)', (e: PortalEntry) => e.item.deficiencyAcceptance.enabled],
  promise: ['告知承诺', 'A signed promise replaces proofs (告知承诺)', (e: PortalEntry) => e.item.notifyPromise.enabled],
} as const;
export type ReformList = keyof typeof reformLists;

const themeCode = z.string().regex(/^[pc]\d{3}$/).refine((v) => (v[0] === 'p' ? v.slice(1) in personalThemes : v.slice(1) in corporateThemes));

/** The query string of a portal page: a value out of bounds is refused with 400 rather than guessed at; other keys (a campaign tag) are left alone. */
export const ZPortalQuery = z.object({
  q: z.string().max(100).optional(),
  dept: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/).optional(),
  theme: themeCode.optional(),
  scope: z.enum(Object.keys(crossRegionScopes) as [keyof typeof crossRegionScopes, ...(keyof typeof crossRegionScopes)[]]).optional(),
  list: z.enum(Object.keys(reformLists) as [ReformList, ...ReformList[]]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  counties: z.literal('1').optional(),
  lang: z.enum(['zh', 'en']).optional(),
});
export type PortalQuery = z.infer<typeof ZPortalQuery>;

/** Where a query's words are told, for the problem page. */
export const queryFieldNames: Record<string, [string, string]> = {
  q: ['搜索词(最多 100 字)', 'the search (at most 100 characters)'],
  dept: ['部门(统一社会信用代码)', 'the department (its credit code)'],
  theme: ['服务主题', 'the theme'],
  scope: ['通办范围', 'the area served'],
  list: ['改革清单', 'the list'],
  page: ['页码', 'the page number'],
  counties: ['是否含下级区划(1)', 'whether to include the counties (1)'],
  lang: ['语言(zh 或 en)', 'the language (zh or en)'],
};

export interface Found {
  entry: PortalEntry;
  /** A material whose name matched, when only a material did. */
  material?: string;
}

export function filterEntries(entries: readonly PortalEntry[], query: PortalQuery): Found[] {
  const theme = query.theme;
  const kept = entries.filter(
    (e) =>
      (!query.dept || e.item.department.creditCode === query.dept) &&
      (!theme || (theme[0] === 'p' ? (e.item.themes.personal as string[]) : (e.item.themes.corporate as string[])).includes(theme.slice(1))) &&
      (!query.scope || e.item.crossRegion === query.scope) &&
      (!query.list || reformLists[query.list][2](e)),
  );
  const tokens = queryTokens(query.q ?? '');
  if (tokens.length === 0) return kept.map((entry) => ({ entry }));
  const found: Array<Found & { rank: number }> = [];
  for (const entry of kept) {
    const hit = searchHit(entry.search, entry.item.name, tokens);
    if (hit) found.push({ entry, rank: hit.rank, ...(hit.material ? { material: hit.material } : {}) });
  }
  // Array.sort is stable: within a rank the catalogue's order (department, name) stays.
  return found.sort((a, b) => a.rank - b.rank);
}

/** Counts per department, theme, scope and list, for the browse links (of the whole catalogue). */
export function facetCounts(entries: readonly PortalEntry[]) {
  const departments = new Map<string, { name: string; count: number }>();
  const themes = new Map<string, number>();
  const scopes = new Map<string, number>();
  const lists = new Map<ReformList, number>();
  for (const e of entries) {
    const d = departments.get(e.item.department.creditCode) ?? { name: e.item.department.name, count: 0 };
    departments.set(e.item.department.creditCode, { ...d, count: d.count + 1 });
    for (const code of e.item.themes.personal) themes.set(`p${code}`, (themes.get(`p${code}`) ?? 0) + 1);
    for (const code of e.item.themes.corporate) themes.set(`c${code}`, (themes.get(`c${code}`) ?? 0) + 1);
    if (e.item.crossRegion) scopes.set(e.item.crossRegion, (scopes.get(e.item.crossRegion) ?? 0) + 1);
    for (const [key, [, , test]] of Object.entries(reformLists) as Array<[ReformList, (typeof reformLists)[ReformList]]>) if (test(e)) lists.set(key, (lists.get(key) ?? 0) + 1);
  }
  return { departments, themes, scopes, lists };
}
