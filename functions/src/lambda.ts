import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { secretFromEnvironment } from './aws/secret-value';
import type { App } from './http';
import { originVerify } from './origin-verify';

/**
 * The API on AWS Lambda, behind an HTTP API (API Gateway v2) behind CloudFront: a request that did
 * not come through CloudFront is refused before the app sees it (origin-verify.ts).
 *
 * Init loads only this file, Hono and that check (issue 16). The app (its store and records,
 * every route, the SDK's clients) is in chunks of its own, loaded by the first request that
 * passes: a refused request loads nothing, and a cold start pays for the app once, within its
 * first request. `npm run bench -- bundle` measures both.
 */
let app: Promise<App> | undefined;

function loadApp(): Promise<App> {
  app ??= Promise.all([import('./app'), import('./aws/environment'), import('./client-address')]).then(async ([{ createApp }, { depsFromEnvironment }, { viewerAddress }]) =>
    createApp({ ...(await depsFromEnvironment()), clientAddress: viewerAddress }),
  );
  // A start that failed (a setting missing, a secret unreadable) is tried again by the next request.
  app.catch(() => (app = undefined));
  return app;
}

const front = new Hono();
front.use('*', originVerify(await secretFromEnvironment('ORIGIN_SECRET')));
front.all('*', async (c) => (await loadApp()).fetch(c.req.raw, c.env));

export const handler = handle(front);
