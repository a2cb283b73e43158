import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Who is asking, as each host knows it; the app keys its rate limits on it (rate-limits.ts).
 * Each host passes its own as `clientAddress` in the deps (local.ts, lambda.ts).
 */
export type ClientAddress = (c: Context) => string | undefined;

/**
 * The local server: the socket's peer. Forwarded-for headers are not trusted here (anyone can
 * send one); behind a local proxy every client is the proxy.
 */
export const socketAddress: ClientAddress = (c) => getConnInfo(c).remote.address;

/**
 * Lambda behind the HTTP API behind CloudFront: the HTTP API's sourceIp is the CloudFront edge
 * (shared by everyone near it), so the viewer is the last X-Forwarded-For entry before it, the
 * one CloudFront appended. A request sent to the execute-api address directly is refused before
 * the app sees it (origin-verify.ts).
 */
export const viewerAddress: ClientAddress = (c) => {
  const sourceIp = (c.env as { requestContext?: { http?: { sourceIp?: string } } } | undefined)?.requestContext?.http?.sourceIp;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (hops.length > 0 && hops.at(-1) === sourceIp) hops.pop();
  return hops.at(-1) ?? sourceIp;
};
