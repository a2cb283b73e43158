import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { citizenCss } from './citizen/form/styles';

/**
 * What every response says about itself to the browser (issue 15): a Content-Security-Policy with
 * scripts and styles only from the app's own origin, the one inline <style> of the citizen pages
 * by its hash (it is the same on every page, whoever renders it, the 429 page too), a fresh nonce
 * per response for any other inline code (`c.get('secureHeadersNonce')`), never framed, no <base>,
 * forms posting only here. A response that set its own policy keeps it (uploaded files: `sandbox`).
 * The rules JSON on the apply page is a data block (type=application/json), which no policy runs.
 */
export const CITIZEN_STYLE = `'sha256-${createHash('sha256').update(citizenCss).digest('base64')}'`;

const policy = (styleSrc: (string | typeof NONCE)[], evaluates = false) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", NONCE, ...(evaluates ? ["'unsafe-eval'"] : [])],
  styleSrc,
  imgSrc: ["'self'", 'data:'],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
});

/**
 * The citizen pages, the apply page too: its script finds mistakes with an interpreter
 * (citizen/script/interpreted-check.ts), so no page here evaluates code.
 */
const pages = secureHeaders({ contentSecurityPolicy: policy(["'self'", NONCE, CITIZEN_STYLE]), overwrite: false });
/**
 * The editor: antd writes its CSS-in-JS <style> elements at run time and its index.html is a static
 * file (served by CloudFront in AWS), so no per-response nonce can reach it; its styles may be
 * inline, its scripts may not. Its scripts may evaluate: its forms (the preview's CitizenForm, the
 * model fields) check with rjsf's ajv validator and its publish checks compile the form with ajv,
 * each of which compiles a schema into a function (`new Function`).
 */
const editor = secureHeaders({ contentSecurityPolicy: policy(["'self'", "'unsafe-inline'"], true), overwrite: false });

/** Where the 查询码 travels: never cached, never sent on as a referrer. */
const SECRET_PAGES = /^\/(receipt|track)(\/|$)|^\/api\/track(\/|$)/;

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  const path = c.req.path;
  await (path === '/admin' || path.startsWith('/admin/') ? editor : pages)(c, next);
  if (SECRET_PAGES.test(path)) {
    c.res.headers.set('cache-control', 'no-store');
    c.res.headers.set('referrer-policy', 'no-referrer');
  }
};
