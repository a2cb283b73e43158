import { createRoute, z } from '@hono/zod-openapi';
import type { LocalTokens } from '../auth';
import { sweep } from '../cases/sweep';
import { notFound } from '../errors';
import { ZInboundSms, ZSmsReplyOutcome } from '../ratings/sms-invitations';
import { replyBySms } from '../ratings/sms-replies';
import type { App } from '../http';
import { ZJurisdictionId as jurisdictionId, ZUser as user } from '../records';
import { errorResponses } from './kit';

/** Local mode only: the demo sign-in picker (it issues real signed tokens for the seeded users), the sweep on demand, and SMS replies as a phone would send them. */
export function registerDevRoutes(app: App, tokens: LocalTokens): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/dev/sweep',
      tags: ['local'],
      summary: '立即运行时限巡检 / run the sweep now (it also runs every minute)',
      responses: { 200: { description: 'what the sweep did', content: { 'application/json': { schema: z.object({ today: z.string(), read: z.number(), changed: z.number(), warnings: z.number(), actions: z.number(), conflicts: z.number() }) } } } },
    }),
    async (c) => c.json(await sweep(c.get('deps')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/dev/sms-replies',
      tags: ['local'],
      summary: '模拟短信回复(评价) / an SMS reply as the gateway hands it on (in AWS it arrives from the two-way number’s topic)',
      request: { body: { content: { 'application/json': { schema: ZInboundSms } } } },
      responses: { 200: { description: 'what the reply did', content: { 'application/json': { schema: ZSmsReplyOutcome } } }, ...errorResponses(400, 409) },
    }),
    async (c) => c.json(await replyBySms(c.get('deps'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/dev/users', tags: ['local'], summary: '演示用户 / demo users', responses: { 200: { description: 'users to sign in as', content: { 'application/json': { schema: z.array(user) } } } } }),
    async (c) => {
      const { store } = c.get('deps');
      const jurisdictions = await store.listJurisdictions();
      return c.json((await Promise.all(jurisdictions.map((j) => store.listUsers(j.id)))).flat(), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/dev/sign-in',
      tags: ['local'],
      summary: '以演示用户登录 / sign in as a demo user',
      request: { body: { content: { 'application/json': { schema: z.object({ jurisdiction: jurisdictionId, userId: z.string().max(64) }) } } } },
      responses: { 200: { description: 'a bearer token', content: { 'application/json': { schema: z.object({ token: z.string(), user }) } } }, ...errorResponses(400, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { jurisdiction, userId } = c.req.valid('json');
      const found = await deps.store.getUser(jurisdiction, userId);
      if (!found) throw notFound('用户', 'user');
      return c.json({ token: await tokens.issue(found), user: found }, 200);
    },
  );
}
