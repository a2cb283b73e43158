import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { authorize, type Principal } from '../auth';
import { TRACKING_NUMBER } from '../cases/tracking-number';
import { storableNumber } from '@onevisit/item-schemas';
import { bodyRequired, invalidRequest, malformedRequest, notSignedIn, ZErrorBody } from '../errors';
import type { AppEnv } from '../http';
import { ZJurisdictionId } from '../records';

/** What every route file declares its routes with, so each says only what is its own. */

/** Officials' routes: a bearer token, as /openapi.json says and `route` enforces. */
export const bearer = [{ bearer: [] }];

const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('principal')) throw notSignedIn();
  await next();
};

const bodyPresent: MiddlewareHandler<AppEnv> = async (c, next) => {
  // A body sent without a Content-Type is left to the media-type check (415).
  if (!c.req.header('content-type') && (await c.req.arrayBuffer()).byteLength === 0) throw bodyRequired();
  await next();
};

/** How deep a JSON body may nest, and how many values it may hold, whatever the route. */
export const JSON_BOUNDS = { maxDepth: 32, maxNodes: 100_000 } as const;

/** The first place a JSON body leaves what the store can hold (numbers, nesting, size), or none. */
export function jsonOutOfBounds(body: unknown): { field: string; message: string; message_en: string } | undefined {
  let nodes = 0;
  const stack: Array<[unknown, string, number]> = [[body, '', 0]];
  while (stack.length > 0) {
    const [value, field, depth] = stack.pop()!;
    if (++nodes > JSON_BOUNDS.maxNodes) return { field, message: '请求内容过多', message_en: 'the body holds too many values' };
    if (depth > JSON_BOUNDS.maxDepth) return { field, message: `嵌套超过 ${JSON_BOUNDS.maxDepth} 层`, message_en: `nested deeper than ${JSON_BOUNDS.maxDepth}` };
    if (typeof value === 'number' && !storableNumber(value)) return { field, message: '数值超出可保存的范围', message_en: 'the number is out of the range that can be stored' };
    if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) stack.push([child, field ? `${field}.${key}` : key, depth + 1]);
  }
  return undefined;
}

/**
 * The body as its media type says, read once (the validators reuse it): a body that cannot be
 * parsed is MALFORMED_REQUEST (400), a JSON body the store could not hold is refused (400)
 * before anything is validated or stored.
 */
const bodyReadable: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (/^application\/json/i.test(type)) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw malformedRequest('the JSON cannot be parsed');
    }
    const problem = jsonOutOfBounds(body);
    if (problem) throw invalidRequest([{ path: problem.field, ...problem }]);
  } else if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
    try {
      await c.req.parseBody({ all: true });
    } catch {
      throw malformedRequest('the form data cannot be parsed');
    }
  }
  await next();
};

/**
 * A route as declared, with what its declaration implies checked before any of the request is
 * validated: a bearer route refuses a caller without a token (401), a required body refuses its
 * absence (400) instead of reading it as `{}`.
 */
export function route<P extends string, R extends Omit<RouteConfig, 'path' | 'middleware'> & { path: P }>(config: R) {
  const first = [...(config.security ? [signedIn] : []), ...(config.request?.body?.required ? [bodyPresent] : []), ...(config.request?.body ? [bodyReadable] : [])];
  return createRoute({ ...config, middleware: first });
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A JSON body the route cannot do without. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** A file, as a multipart field or as the response. */
export const ZBinary = z.any().openapi({ type: 'string', format: 'binary' });
/** The file a download is saved under (ASCII and its UTF-8 form for browsers that read it), never cached. */
export function attachment(name: string, type: string): Record<string, string> {
  return { 'content-type': type, 'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`, 'cache-control': 'no-store' };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const binary = (description: string) => ({ description, content: { 'application/octet-stream': { schema: ZBinary } } });

export const ZJurisdictionParams = z.object({ jurisdiction: ZJurisdictionId });
export const ZItemParams = ZJurisdictionParams.extend({ itemId: z.string().max(80) });
/** A case, by its tracking number (受理编号). */
export const ZCaseParams = z.object({ trackingNumber: z.string().regex(TRACKING_NUMBER) });
export const ZIfMatch = z.object({ 'if-match': z.string().optional().openapi({ description: '草稿版本号，如 "3" / the revision you edited' }) });

/** The jurisdiction's administrators, or the platform's. */
export function jurisdictionAdmin(c: Context<AppEnv>, jurisdiction: string): Principal {
  return authorize(c.get('principal'), { roles: ['jurisdictionAdmin', 'platformAdmin'], jurisdiction });
}

/** A route's params once the caller is found to administer their jurisdiction (403 otherwise), and the caller. */
export function adminParams<P extends { jurisdiction: string }>(c: Context<AppEnv, string, { out: { param: P } }>): P & { who: Principal } {
  const params = c.req.valid('param');
  return { ...params, who: jurisdictionAdmin(c, params.jurisdiction) };
}

/** Response declarations for routes, so /openapi.json lists each route's errors. */
export function errorResponses(...statuses: Array<400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 428>) {
  const descriptions: Record<number, string> = {
    400: '请求内容不符合要求 / invalid request',
    401: '未登录 / not signed in',
    403: '无权操作 / not allowed',
    404: '不存在 / not found',
    409: '冲突 / conflict',
    410: '已不再提供 / gone',
    413: '文件过大 / too large',
    415: '文件类型不允许 / type not allowed',
    422: '无法处理 / cannot be processed',
    428: '缺少 If-Match / If-Match required',
  };
  return Object.fromEntries(statuses.map((s) => [s, json(ZErrorBody, descriptions[s]!)]));
}

/**
 * Headers for a file someone uploaded (issue 15): always a download, never rendered on the app's
 * origin; if a browser renders it anyway, the sandbox gives it an opaque origin and no scripts.
 */
export function downloadHeaders(contentType: string, name?: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-disposition': name ? `attachment; filename*=UTF-8''${encodeURIComponent(name)}` : 'attachment',
    'content-security-policy': 'sandbox',
    'x-content-type-options': 'nosniff',
  };
}
