import type { Lang } from '../citizen/page';
import type { PortalQuery } from './facets';

/** Addresses between portal pages, keeping the language (and, for the list, what it is narrowed to). */

/** The jurisdiction the address `/` is the portal of: the demo city locally, the deployment's own city in AWS. */
export const DEFAULT_JURISDICTION = '990100';

export const portalPath = (jurisdiction: string) => (jurisdiction === DEFAULT_JURISDICTION ? '/' : `/${jurisdiction}`);

export function withQuery(path: string, query: Partial<Record<keyof PortalQuery, string | number | undefined>>, lang: Lang): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '' && key !== 'lang') params.set(key, String(value));
  if (lang === 'en') params.set('lang', 'en');
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const guidePath = (jurisdiction: string, itemId: string, lang: Lang) => withQuery(`/guide/${jurisdiction}/${itemId}`, {}, lang);
export const applyPath = (jurisdiction: string, itemId: string, lang: Lang) => withQuery(`/apply/${jurisdiction}/${itemId}`, {}, lang);
export const checklistPath = (jurisdiction: string, itemId: string, lang: Lang) => withQuery(`/apply/${jurisdiction}/${itemId}/checklist`, {}, lang);
export const listPath = (jurisdiction: string) => `/${jurisdiction}/list`;
