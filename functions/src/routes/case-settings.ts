import { ZCaseSettings } from '../cases/settings';
import type { App } from '../http';
import { adminParams, bearer, errorResponses, json, jsonBody, route, ZJurisdictionParams } from './kit';

/** A jurisdiction's case settings (warning levels, follow-up days), for its administrators. */
export function registerCaseSettingsRoutes(app: App): void {
  const tags = ['admin'];

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/case-settings',
      tags,
      security: bearer,
      summary: '办件预警设置 / warning levels and follow-up days',
      request: { params: ZJurisdictionParams },
      responses: { 200: json(ZCaseSettings, 'the settings in force (own, inherited or default)'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = adminParams(c);
      return c.json(await c.get('deps').caseSettings.forJurisdiction(jurisdiction), 200);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/api/admin/{jurisdiction}/case-settings',
      tags,
      security: bearer,
      summary: '保存办件预警设置 / save the warning levels and follow-up days',
      request: { params: ZJurisdictionParams, body: jsonBody(ZCaseSettings) },
      responses: { 200: json(ZCaseSettings, 'saved'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = adminParams(c);
      const settings = c.req.valid('json');
      const deps = c.get('deps');
      await deps.store.putCaseSettings(jurisdiction, settings);
      deps.caseSettings.invalidate();
      return c.json(settings, 200);
    },
  );
}
