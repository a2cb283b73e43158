import { OpenAPIHono } from '@hono/zod-openapi';
import { describeIssues } from '@onevisit/item-schemas';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Principal } from './auth';
import { securityHeaders } from './security-headers';
import type { AppDeps } from './deps';
import { ApiError, httpError, ifMatchRequired, internalError, invalidIfMatch, invalidRequest, invalidToken, malformedRequest, notSignedIn, payloadTooLarge } from './errors';

/** The Hono environment every route shares: the deps, the client's address, and the caller once authenticated. */
export type AppEnv = { Variables: { principal?: Principal; deps: AppDeps; client: string } };
export type App = OpenAPIHono<AppEnv>;

export function newApp(): App {
  const app = new OpenAPIHono<AppEnv>({
    // Request validation failures become the API's own 400, in Chinese and English.
    defaultHook: (result) => {
      if (!result.success) throw invalidRequest(describeIssues(result.error.issues));
    },
  });
  app.use('*', securityHeaders);
  return app;
}

export function errorResponse(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ApiError) return c.json(error.body(), error.status);
  if (error instanceof HTTPException) {
    const status = error.status;
    const body = status === 413 ? payloadTooLarge() : status === 400 ? malformedRequest(error.message) : httpError(status as ContentfulStatusCode, error.message);
    return c.json(body.body(), body.status);
  }
  console.error('unexpected error', error);
  return c.json(internalError().body(), 500);
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
      throw invalidToken();
    }
  }
  await next();
}

/** `If-Match: "3"` → 3. Writes to drafts and calendars require it. */
export function expectedRevision(c: Context<AppEnv>): number {
  const header = c.req.header('if-match');
  if (!header) throw ifMatchRequired();
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw invalidIfMatch();
  return Number(match[1]);
}

export const etag = (revision: number) => `"${revision}"`;
