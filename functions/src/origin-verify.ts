import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ErrorBody } from './errors';

/**
 * On AWS the API answers only requests that came through CloudFront, where the WAF's rate rules
 * apply (infra/src/firewall.ts): CloudFront adds this header to every request it forwards, with a
 * value the stack generates in Secrets Manager (infra/src/web.ts); a request sent to the HTTP
 * API's own execute-api address lacks it and is refused. The local server has no such check.
 */
export const ORIGIN_HEADER = 'x-origin-verify';

/**
 * Said here rather than through errors.ts: the check runs before the app (and zod) is loaded, so
 * refusing a request costs nothing. The envelope is the API's own.
 */
const refused: ErrorBody = {
  code: 'NOT_THROUGH_SITE',
  message: '请通过本站网址访问，接口不直接对外提供',
  message_en: 'use the site’s address: the API does not answer at this address directly',
};

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Refuses (403) a request without the header CloudFront adds, compared in constant time. */
export function originVerify(expected: string): MiddlewareHandler {
  if (!expected) throw new Error('the origin secret is empty: every request would be refused');
  const wanted = digest(expected);
  return async (c, next) => {
    const sent = c.req.header(ORIGIN_HEADER);
    if (sent === undefined || !timingSafeEqual(digest(sent), wanted)) return c.json(refused, 403);
    await next();
  };
}
