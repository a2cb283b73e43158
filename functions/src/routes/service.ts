import { z } from '@hono/zod-openapi';
import { itemDefinitionJsonSchema } from '@onevisit/item-schemas';
import type { App } from '../http';
import { json, route } from './kit';

/** What the service says of itself, to anyone: that it is up, how officials sign in, the item model. */
export function registerServiceRoutes(app: App): void {
  const tags = ['public'];

  app.openapi(
    route({ method: 'get', path: '/api/health', tags, summary: '健康检查 / health', responses: { 200: json(z.object({ status: z.literal('ok'), time: z.string() }), 'ok') } }),
    (c) => c.json({ status: 'ok' as const, time: c.get('deps').clock().toISOString() }, 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/auth/config',
      tags,
      summary: '登录方式 / how officials sign in here',
      responses: {
        200: json(z.discriminatedUnion('mode', [z.object({ mode: z.literal('local') }), z.object({ mode: z.literal('hosted'), domain: z.string(), clientId: z.string() })]), 'local: the demo picker; hosted: the Cognito hosted page'),
      },
    }),
    (c) => {
      const hosted = c.get('deps').hostedSignIn;
      return c.json(hosted ? { mode: 'hosted' as const, ...hosted } : { mode: 'local' as const }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/schema/item',
      tags,
      summary: '事项定义的 JSON Schema / the item model as JSON Schema (draft-07)',
      responses: { 200: json(z.record(z.string(), z.unknown()), 'JSON Schema') },
    }),
    (c) => c.json(itemDefinitionJsonSchema(), 200),
  );
}
