import { z } from '@hono/zod-openapi';
import { ZCalendarOverlay } from '@onevisit/item-schemas';
import { recomputeOpenCases } from '../cases/recompute';
import { onConflict } from '../conflicts';
import { calendarConflict } from '../errors';
import { etag, expectedRevision, type App } from '../http';
import { ZCalendarRecord } from '../records';
import { bearer, errorResponses, json, jsonBody, jurisdictionAdmin, route, ZIfMatch, ZJurisdictionParams } from './kit';

/** A jurisdiction's own calendar days (holidays, make-up days) over its parent's, for its administrators. */

const ZEffectiveCalendar = z.object({ version: z.string(), lastOfficialYear: z.number(), days: z.array(z.object({ date: z.string(), kind: z.string(), name: z.string().optional() })) });

export function registerCalendarRoutes(app: App): void {
  const tags = ['admin'];

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/calendar',
      tags,
      security: bearer,
      summary: '本区划日历调整 / the jurisdiction’s calendar days',
      request: { params: ZJurisdictionParams, query: z.object({ year: z.coerce.number().int().min(2004).max(2100).optional() }) },
      responses: { 200: json(z.object({ own: ZCalendarRecord, effective: ZEffectiveCalendar }), 'own overlay and the effective days'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const deps = c.get('deps');
      const own = (await deps.store.getCalendar(jurisdiction)) ?? { jurisdiction, overlay: { days: [], officialYears: [] }, revision: 0, updatedAt: '' };
      const effective = await deps.calendars.forJurisdiction(jurisdiction);
      c.header('ETag', etag(own.revision));
      return c.json({ own, effective: { version: effective.version, lastOfficialYear: effective.lastOfficialYear, days: effective.declaredDays(c.req.valid('query').year) } }, 200);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/api/admin/{jurisdiction}/calendar',
      tags,
      security: bearer,
      summary: '保存日历调整(If-Match) / save the jurisdiction’s days',
      request: { params: ZJurisdictionParams, headers: ZIfMatch, body: jsonBody(ZCalendarOverlay) },
      responses: { 200: json(ZCalendarRecord.extend({ recomputedCases: z.number().int() }), 'saved; open cases whose deadlines moved were recomputed'), ...errorResponses(400, 401, 403, 409, 428) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      const who = jurisdictionAdmin(c, jurisdiction);
      const deps = c.get('deps');
      const expected = expectedRevision(c);
      const saved = { jurisdiction, overlay: c.req.valid('json'), revision: expected + 1, updatedAt: deps.clock().toISOString() };
      await onConflict(deps.store.saveCalendar(saved, expected), () => {
        throw calendarConflict();
      });
      deps.calendars.invalidate();
      const recomputedCases = await recomputeOpenCases(deps, jurisdiction, { id: who.sub, name: who.name });
      c.header('ETag', etag(saved.revision));
      return c.json({ ...saved, recomputedCases }, 200);
    },
  );
}
