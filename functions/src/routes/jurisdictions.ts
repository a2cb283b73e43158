import { z } from '@hono/zod-openapi';
import type { App } from '../http';
import { ZJurisdiction } from '../records';
import { json, route } from './kit';

/** The jurisdictions (行政区划), for anyone: the catalogue and the sign-in pick from them. */
export function registerJurisdictionRoutes(app: App): void {
  app.openapi(
    route({ method: 'get', path: '/api/jurisdictions', tags: ['public'], summary: '行政区划 / jurisdictions', responses: { 200: json(z.array(ZJurisdiction), 'all jurisdictions') } }),
    async (c) => c.json(await c.get('deps').store.listJurisdictions(), 200),
  );
}
