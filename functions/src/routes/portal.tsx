import type { Context } from 'hono';
import { otherLanguage, say, type Lang } from '../citizen/page';
import { fill, HTML_TYPE, slot, template } from '../citizen/page-cache';
import { ApiError, noSuchAddress } from '../errors';
import type { App, AppEnv } from '../http';
import { Portal, portalQuery, type Served } from '../portal/portal';
import { portalCss, PORTAL_CSS_PATH } from '../portal/portal-css';
import { renderPortalPage } from '../portal/shell';
import { langOf } from './citizen-responses';

/**
 * The public service portal (issue 18): `/` is the default jurisdiction's, `/{jurisdiction}` any
 * one's (search and browsing), `/{jurisdiction}/list` the 晒清单 with its .xlsx and .csv, and
 * `/guide/{jurisdiction}/{itemId}` an item's 办事指南. Server-rendered, without scripts.
 */

const JURISDICTION = '/:jurisdiction{[0-9]{6}}';

/** A page from the portal's cache, its language switch filled in for this address. */
function send(c: Context<AppEnv>, lang: Lang, served: Served) {
  c.header('cache-control', 'no-cache');
  c.header('server-timing', served.rendered ? 'page;desc="rendered"' : 'page;desc="cached"');
  return c.body(fill(served.page, { key: '', due: '', switch: otherLanguage(new URL(c.req.url), lang) }), 200, HTML_TYPE);
}

/** A refusal as a portal page: 400 for a query out of bounds, 404 for what is not there, 409/410 for an item not open. */
export function problem(c: Context<AppEnv>, lang: Lang, error: unknown) {
  if (!(error instanceof ApiError)) throw error;
  const t = say(lang);
  const status = error.status === 400 || error.status === 409 || error.status === 410 ? error.status : 404;
  const title = status === 400 ? t('无法查询', 'Cannot search that') : status === 404 ? t('没有找到', 'Not found') : t('暂不能办理', 'Not available');
  const body = (
    <>
      <h1>{title}</h1>
      <p className="summary" role="alert">
        {lang === 'zh' ? error.message : error.message_en}
      </p>
      <p>
        <a href={lang === 'en' ? '/?lang=en' : '/'}>{t('返回办事大厅', 'Back to the services')}</a>
      </p>
    </>
  );
  const page = template(renderPortalPage(lang, title, body, slot('switch'), { href: lang === 'en' ? '/?lang=en' : '/', name: t('政务服务', 'Public services') }));
  return c.body(fill(page, { key: '', due: '', switch: otherLanguage(new URL(c.req.url), lang) }), status, HTML_TYPE);
}

/**
 * The answer to an address nothing answers: a browser (asking for HTML) gets the portal's 404
 * page, in its language, leading back to the portal's home; the API's own paths and every other
 * client get the API's JSON.
 */
export function addressNotFound(c: Context<AppEnv>) {
  const path = c.req.path;
  const api = path === '/api' || path.startsWith('/api/');
  if (api || !(c.req.header('accept') ?? '').includes('text/html')) return c.json(noSuchAddress().body(), 404);
  return problem(c, langOf(c), noSuchAddress());
}

export function registerPortalPages(app: App): void {
  const portal = new Portal();

  app.get(PORTAL_CSS_PATH, (c) => {
    c.header('cache-control', 'public, max-age=31536000, immutable');
    return c.body(portalCss, 200, { 'content-type': 'text/css; charset=utf-8' });
  });

  const home = async (c: Context<AppEnv>, jurisdiction?: string) => {
    const lang = langOf(c);
    try {
      const deps = c.get('deps');
      return send(c, lang, await portal.home(deps, jurisdiction ?? (await portal.defaultJurisdiction(deps)), portalQuery(c.req.query()), lang));
    } catch (error) {
      return problem(c, lang, error);
    }
  };
  app.get('/', (c) => home(c));
  app.get(JURISDICTION, (c) => home(c, c.req.param('jurisdiction')));

  app.get(`${JURISDICTION}/list`, async (c) => {
    const lang = langOf(c);
    try {
      return send(c, lang, await portal.list(c.get('deps'), c.req.param('jurisdiction')!, portalQuery(c.req.query()), lang));
    } catch (error) {
      return problem(c, lang, error);
    }
  });

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(`${JURISDICTION}/list.${format}`, async (c) => {
      const lang = langOf(c);
      try {
        const file = await portal.download(c.get('deps'), c.req.param('jurisdiction')!, portalQuery(c.req.query()), lang, format, new URL(c.req.url).origin);
        c.header('content-disposition', `attachment; filename="${file.name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
        c.header('cache-control', 'no-cache');
        return c.body(file.bytes as never, 200, { 'content-type': file.type });
      } catch (error) {
        return problem(c, lang, error);
      }
    });
  }

  app.get('/guide/:jurisdiction/:itemId', async (c) => {
    const lang = langOf(c);
    try {
      return send(c, lang, await portal.guide(c.get('deps'), c.req.param('jurisdiction'), c.req.param('itemId'), lang));
    } catch (error) {
      return problem(c, lang, error);
    }
  });
}
