import type { Context } from 'hono';
import type { ReactElement } from 'react';
import { otherLanguage, renderPage, say, type Lang } from '../citizen/page';
import { ApiError, malformedRequest, tooManyFields } from '../errors';
import type { AppEnv } from '../http';

/** What every citizen page route answers with: the page in the asked language, the refusals, the posted form. */

export const langOf = (c: Context<AppEnv>, posted?: unknown): Lang => (c.req.query('lang') === 'en' || posted === 'en' ? 'en' : 'zh');

/**
 * A whole page. Its language switch leads to `address` (a page to show after a post, whose own
 * address answers only posts), else to this address; never with a 查询码 an old link carried.
 */
export function html(c: Context<AppEnv>, lang: Lang, title: string, body: ReactElement, status: 200 | 400 | 403 | 404 | 409 | 410 | 413 = 200, address?: string) {
  const url = new URL(address ?? c.req.url, c.req.url);
  url.searchParams.delete('secret');
  return c.html(renderPage(lang, title, body, otherLanguage(url, lang)), status);
}

export function problemPage(c: Context<AppEnv>, lang: Lang, error: unknown) {
  if (!(error instanceof ApiError)) throw error;
  const t = say(lang);
  const status = error.status === 403 || error.status === 409 || error.status === 410 ? error.status : 404;
  // A heading first, as on every page: the language link floats beside it, not over the message.
  return html(
    c,
    lang,
    t('无法办理', 'Not available'),
    <>
      <h1>{t('无法办理', 'Not available')}</h1>
      <p className="summary" role="alert">
        {lang === 'zh' ? error.message : error.message_en}
      </p>
    </>,
    status,
  );
}

/** Fields a page may post: the largest form's answers and list markers, and its files, with room to spare. */
export const MAX_POSTED_FIELDS = 2_000;
export type Posted = Record<string, string | File | Array<string | File>>;

/**
 * The posted form, or why it is refused before any answer is read: a body that cannot be parsed
 * (400) or more fields than any page posts (413).
 */
export async function readPost(c: Context<AppEnv>): Promise<Posted | ApiError> {
  let body: Posted;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    return malformedRequest('the form data cannot be parsed');
  }
  let count = 0;
  for (const value of Object.values(body)) count += Array.isArray(value) ? value.length : 1;
  return count > MAX_POSTED_FIELDS ? tooManyFields(MAX_POSTED_FIELDS) : body;
}

/** A post refused as a whole, said in both languages. */
export function refusedPage(c: Context<AppEnv>, error: ApiError) {
  const lang = langOf(c);
  const t = say(lang);
  return html(
    c,
    lang,
    t('无法提交', 'Not sent'),
    <p className="summary" role="alert">
      {error.message}
      <br />
      {error.message_en}
    </p>,
    error.status === 413 ? 413 : 400,
  );
}
