import { z } from '@hono/zod-openapi';
import { isoDate, shanghaiDateOf } from '@onevisit/item-schemas';
import { authorize } from '../auth';
import type { App } from '../http';
import { ZOutboxMessage } from '../records';
import { bearer, errorResponses, json, jurisdictionAdmin, route, ZJurisdictionParams } from './kit';

/** Messages: a jurisdiction's outbox by day (SMS, e-mail, in-site) for its administrators; an officer's in-site inbox. */
export function registerMessageRoutes(app: App): void {
  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/outbox',
      tags: ['admin'],
      security: bearer,
      summary: '消息发件箱 / the messages sent on a day (SMS, e-mail, in-site)',
      request: { params: ZJurisdictionParams, query: z.object({ day: isoDate.optional().openapi({ description: 'YYYY-MM-DD，默认今天 / default today' }) }) },
      responses: { 200: json(z.array(ZOutboxMessage), 'newest first'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const deps = c.get('deps');
      return c.json(await deps.store.outboxOf(jurisdiction, c.req.valid('query').day ?? shanghaiDateOf(deps.clock())), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/officer/inbox',
      tags: ['officer'],
      security: bearer,
      summary: '站内消息 / my department’s in-site messages (warnings, supplements, ratings)',
      responses: { 200: json(z.array(ZOutboxMessage), 'newest first'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      const who = authorize(c.get('principal'), { roles: ['officer', 'jurisdictionAdmin'] });
      const recipient = who.role === 'officer' ? `dept:${who.department}` : 'admins';
      return c.json(await c.get('deps').store.inboxOf(who.jurisdiction, recipient), 200);
    },
  );
}
