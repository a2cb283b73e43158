import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { depsFromEnvironment } from './aws/environment';
import { secretFromEnvironment } from './aws/secret-value';
import { viewerAddress } from './client-address';
import { originVerify } from './origin-verify';

/**
 * The API on AWS Lambda, behind an HTTP API (API Gateway v2) behind CloudFront: a request that did
 * not come through CloudFront is refused before the app sees it (origin-verify.ts).
 */
const app = createApp({ ...(await depsFromEnvironment()), clientAddress: viewerAddress });
const front = new Hono();
front.use('*', originVerify(await secretFromEnvironment('ORIGIN_SECRET')));
front.all('*', (c) => app.fetch(c.req.raw, c.env));

export const handler = handle(front);
