import type { Context } from 'hono';
import type { ReactElement } from 'react';
import { applicantAct, applicantCase, storedFile, supplyLater } from '../cases/applicant';
import type { StoredCase } from '../cases/record';
import { parseTrackingNumber } from '../cases/tracking-number';
import { applicantView } from '../cases/service';
import { casePath, LookupPage, OpeningPage, ReceiptPage, TrackPage } from '../citizen/case-pages';
import { say, type Lang } from '../citizen/page';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import type { App, AppEnv } from '../http';
import type { FileInfo } from '../records';
import { ratingsOnPage } from '../ratings/tracking-section';
import { registerRatingPosts } from '../ratings/tracking-posts';
import { rememberCode, rememberedCode, type CasePage } from '../tracking-cookie';
import { html, langOf, readPost, refusedPage, type Posted } from './citizen-responses';

/**
 * The applicant's pages of a case, without JavaScript and without the 查询码 in any address
 * (issue 15): the receipt at /receipt/{number} and the case at /track/{number}, shown to a browser
 * holding the case's cookie (set on submitting, or by posting the number and code to /track),
 * else the form asking for the code with the number filled in. The applicant's forms post under
 * /track/{number}/ and send the browser back to the case (post, redirect, get).
 */

const titleOf = (lang: Lang) => say(lang)('办件进度查询', 'Follow a case');

type Status = 200 | 403 | 404;

/** The form asking for the code; `address` is the page it stands for, when that is not this request's. */
function lookupPage(c: Context<AppEnv>, lang: Lang, number: string | undefined, how: { failed?: boolean; ask?: boolean }, status: Status = 200, address?: string) {
  const shown = number?.trim().slice(0, 40);
  return html(c, lang, titleOf(lang), <LookupPage lang={lang} {...(shown ? { number: shown } : {})} {...how} />, status, address);
}

/** The case this browser has shown the code of, by the cookie sent to this page of it. */
async function rememberedCase(c: Context<AppEnv>, typedNumber: string): Promise<{ found: StoredCase; code: string } | undefined> {
  const deps = c.get('deps');
  const code = rememberedCode(c, deps, typedNumber);
  if (!code) return undefined;
  try {
    return { found: await applicantCase(deps, typedNumber, code), code };
  } catch (error) {
    if (error instanceof ApiError) return undefined;
    throw error;
  }
}

/**
 * A number and a code given (posted, or in an old link): kept in the cookie of the pages named,
 * and the browser sent (303) to the first of them, at an address with neither. A pair that matches
 * no case gets the form again, 404, the same whether the number exists or not.
 */
async function admit(c: Context<AppEnv>, lang: Lang, typedNumber: string, code: string, pages: readonly [CasePage, ...CasePage[]]) {
  const deps = c.get('deps');
  try {
    const found = await applicantCase(deps, typedNumber, code.trim());
    rememberCode(c, deps, found.trackingNumber, code.trim(), pages);
    const to = casePath(found.trackingNumber, lang, pages[0]);
    // An old link followed from another site: browsers do not send a SameSite=Strict cookie on the
    // redirect that follows it, so this page sends the browser on itself (Refresh replaces this
    // address in the history, as a redirect would).
    if (c.req.method === 'GET' && c.req.header('sec-fetch-site') === 'cross-site') {
      c.header('Refresh', `0; url=${to}`);
      return html(c, lang, titleOf(lang), <OpeningPage lang={lang} href={to} />, 200, to);
    }
    return c.redirect(to, 303);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return lookupPage(c, lang, typedNumber, { failed: true }, 404, '/track');
  }
}

export function registerTrackingPages(app: App): void {
  /**
   * A page of the case: shown to a browser that has given its code within the half hour (which
   * starts again), else the form asking for it. An address with `?secret=` (links from before the
   * code left addresses) is taken once and the browser sent to the same page without it.
   */
  const casePage = (page: CasePage, title: (lang: Lang) => string, render: (lang: Lang, found: StoredCase, code: string, c: Context<AppEnv>) => ReactElement | Promise<ReactElement>) =>
    app.get(`/${page}/:trackingNumber`, async (c) => {
      const lang = langOf(c);
      const number = c.req.param('trackingNumber');
      const secret = c.req.query('secret');
      if (secret !== undefined) return admit(c, lang, number, secret, page === 'receipt' ? ['receipt', 'track'] : ['track']);
      const known = await rememberedCase(c, number);
      if (!known) return lookupPage(c, lang, number, { ask: true });
      rememberCode(c, c.get('deps'), known.found.trackingNumber, known.code, [page]);
      return html(c, lang, title(lang), await render(lang, known.found, known.code, c));
    });

  casePage('receipt', (lang) => say(lang)('申请已提交', 'Application received'), (lang, found, code) => <ReceiptPage lang={lang} c={applicantView(found)} secret={code} />);
  // Opened from the QR code at the window (?via=qr): its ratings count as 窗口二维码.
  casePage('track', titleOf, async (lang, found, _code, c) => <TrackPage lang={lang} c={applicantView(found)} ratings={await ratingsOnPage(c.get('deps'), lang, found, c.req.query('via'))} />);

  /** The form asking for the number and code, empty or with the number; an old link's `?number=…&secret=…` is taken once. */
  app.get('/track', (c) => {
    const lang = langOf(c);
    const number = c.req.query('number');
    const secret = c.req.query('secret');
    if (secret !== undefined) return admit(c, lang, number ?? '', secret, ['track']);
    return lookupPage(c, lang, number, {});
  });

  app.post('/track', async (c) => {
    const body = await readPost(c);
    if (body instanceof ApiError) return refusedPage(c, body);
    const lang = langOf(c, body.lang);
    const field = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
    return admit(c, lang, field('number'), field('secret'), ['track']);
  });

  /**
   * What the applicant does from the case's page: the action is applied with the code the cookie
   * holds, and the browser is sent back to the case. A refusal shows the case again with the
   * reason; without the cookie (another browser, or over half an hour since) the form asks for
   * the code, and nothing is done.
   */
  const trackPost = (action: string, run: (deps: AppDeps, found: StoredCase, body: Posted, c: Context<AppEnv>) => Promise<unknown>) =>
    app.post(`/track/:trackingNumber/${action}`, async (c) => {
      const deps = c.get('deps');
      const body = await readPost(c);
      if (body instanceof ApiError) return refusedPage(c, body);
      const lang = langOf(c, body.lang);
      const number = c.req.param('trackingNumber');
      const known = await rememberedCase(c, number);
      if (!known) return lookupPage(c, lang, number, { ask: true }, 403, casePath(number, lang));
      const { found, code } = known;
      try {
        await run(deps, found, body, c);
        rememberCode(c, deps, found.trackingNumber, code, ['track']);
        return c.redirect(casePath(found.trackingNumber, lang), 303);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const now = await applicantCase(deps, found.trackingNumber, code);
        const problem = lang === 'zh' ? error.message : error.message_en;
        return html(c, lang, titleOf(lang), <TrackPage lang={lang} c={applicantView(now)} problem={problem} ratings={await ratingsOnPage(deps, lang, now)} />, error.status === 409 ? 409 : 400, casePath(found.trackingNumber, lang));
      }
    });

  // A form's address opened (a refused form's page reloaded by address, or kept): the case's page.
  app.get('/track/:trackingNumber/:action', (c) => {
    const number = parseTrackingNumber(c.req.param('trackingNumber'))?.trackingNumber;
    return c.redirect(number ? casePath(number, langOf(c)) : '/track', 303);
  });

  /** A file chosen in a form, if one was. */
  const chosen = async (value: unknown) => (value instanceof File && value.size > 0 ? { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) } : undefined);
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 1000) : undefined);

  trackPost('supplement', async (deps, found, body) => {
    const materialId = String(body.materialId ?? '');
    await supplyLater(deps, found, materialId, async () => [await storedFile(deps, found, materialId, await chosen(body.file))]);
  });

  trackPost('corrections', async (deps, found, body) => {
    const asked = [...new Set((found.correction?.items ?? []).flatMap((i) => (i.materialId ? [i.materialId] : [])))];
    const materials: Record<string, FileInfo[]> = {};
    for (const id of asked) {
      const file = await chosen(body[`file-${id}`]);
      if (file) materials[id] = [await storedFile(deps, found, id, file)];
    }
    const response = text(body.response);
    await applicantAct(deps, found, { type: 'supplyCorrection', materials, ...(response ? { response } : {}) });
  });

  trackPost('withdraw', async (deps, found, body) => {
    const reason = text(body.reason);
    await applicantAct(deps, found, { type: 'withdraw', ...(reason ? { reason } : {}) });
  });

  registerRatingPosts(trackPost);
}
