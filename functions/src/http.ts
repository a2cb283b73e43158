import { OpenAPIHono } from '@hono/zod-openapi';
import { describeIssues } from '@onevisit/item-schemas';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { notSignedIn, type Principal } from './auth';
import type { AppDeps } from './deps';
import { ApiError, invalidRequest } from './errors';

/** The Hono environment every route shares: the deps, and the caller once authenticated. */
export type AppEnv = { Variables: { principal?: Principal; deps: AppDeps } };
export type App = OpenAPIHono<AppEnv>;

export function newApp(): App {
  return new OpenAPIHono<AppEnv>({
    // Request validation failures become the API's own 400, in Chinese and English.
    defaultHook: (result) => {
      if (!result.success) throw invalidRequest(describeIssues(result.error.issues));
    },
  });
}

export function errorResponse(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ApiError) return c.json(error.body(), error.status);
  if (error instanceof HTTPException) {
    const status = error.status;
    const body =
      status === 413
        ? new ApiError(413, 'PAYLOAD_TOO_LARGE', '请求内容过大', 'the request is too large')
        : status === 400
          ? new ApiError(400, 'MALFORMED_REQUEST', '请求格式不正确(如 JSON 无法解析)', `the request is malformed: ${error.message}`)
          : new ApiError(status as 400, 'HTTP_ERROR', '请求无法处理', error.message);
    return c.json(body.body(), body.status);
  }
  console.error('unexpected error', error);
  return c.json({ code: 'INTERNAL_ERROR', message: '系统内部错误，请稍后重试', message_en: 'internal error; try again later' }, 500);
}

/** Reads the bearer token, if any. Routes decide what they require with `authorize`. */
export async function authenticate(c: Context<AppEnv>, next: () => Promise<void>): Promise<void> {
  const header = c.req.header('authorization');
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw notSignedIn();
    try {
      c.set('principal', await c.get('deps').auth.verify(token));
    } catch {
      throw new ApiError(401, 'INVALID_TOKEN', '登录已失效，请重新登录', 'the sign-in is invalid or expired; sign in again');
    }
  }
  await next();
}

/** `If-Match: "3"` → 3. Writes to drafts and calendars require it. */
export function expectedRevision(c: Context<AppEnv>): number {
  const header = c.req.header('if-match');
  if (!header) throw new ApiError(428, 'IF_MATCH_REQUIRED', '缺少 If-Match 版本号，请先读取最新内容', 'If-Match is required: read the current revision first');
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new ApiError(400, 'INVALID_IF_MATCH', 'If-Match 格式不正确', 'If-Match must be a revision such as "3"');
  return Number(match[1]);
}

export const etag = (revision: number) => `"${revision}"`;
