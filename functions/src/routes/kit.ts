import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { authorize, type Principal } from '../auth';
import { TRACKING_NUMBER } from '../cases/tracking-number';
import { bodyRequired, notSignedIn, ZErrorBody } from '../errors';
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

/**
 * A route as declared, with what its declaration implies checked before any of the request is
 * validated: a bearer route refuses a caller without a token (401), a required body refuses its
 * absence (400) instead of reading it as `{}`.
 */
export function route<P extends string, R extends Omit<RouteConfig, 'path' | 'middleware'> & { path: P }>(config: R) {
  const first = [...(config.security ? [signedIn] : []), ...(config.request?.body?.required ? [bodyPresent] : [])];
  return createRoute({ ...config, middleware: first });
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A JSON body the route cannot do without. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** A file, as a multipart field or as the response. */
export const ZBinary = z.any().openapi({ type: 'string', format: 'binary' });
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

/** Response declarations for routes, so /openapi.json lists each route's errors. */
export function errorResponses(...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 428>) {
  const descriptions: Record<number, string> = {
    400: '请求内容不符合要求 / invalid request',
    401: '未登录 / not signed in',
    403: '无权操作 / not allowed',
    404: '不存在 / not found',
    409: '冲突 / conflict',
    413: '文件过大 / too large',
    415: '文件类型不允许 / type not allowed',
    422: '无法处理 / cannot be processed',
    428: '缺少 If-Match / If-Match required',
  };
  return Object.fromEntries(statuses.map((s) => [s, json(ZErrorBody, descriptions[s]!)]));
}
