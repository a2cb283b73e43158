import { z } from '@hono/zod-openapi';
import { isoDate, shanghaiDateOf } from '@onevisit/item-schemas';
import { invalidRange, periodTooLong } from '../errors';
import type { App } from '../http';
import { rebuildCounters } from '../supervision/counting';
import { dashboardFigures } from '../supervision/dashboard';
import { ZFigures, ZGrouping } from '../supervision/figures';
import { bearer, errorResponses, json, jurisdictionAdmin, route, ZJurisdictionParams } from './kit';

/** 电子监察: the figures of a period from the kept counters, and their rebuild from the cases, for a jurisdiction's administrators. */

/** A dashboard reads a query per month and jurisdiction: a few years at most. */
const MAX_DAYS = 3 * 366;

const ZDashboardQuery = z.object({
  from: isoDate.optional().openapi({ description: '统计起始日(北京时间，默认本月1日) / first day, Beijing (default: the 1st of this month)' }),
  to: isoDate.optional().openapi({ description: '统计截止日(默认今天) / last day (default: today)' }),
  groupBy: ZGrouping.default('department').openapi({ description: '按区划、部门或事项分组 / grouped by jurisdiction, department or item' }),
  counties: z.enum(['0', '1']).default('0').openapi({ description: '1：含下辖县区 / 1: with the jurisdictions under it' }),
});

const ZRebuildReport = z
  .object({
    cases: z.number().int(),
    rows: z.number().int(),
    differences: z.number().int().openapi({ description: '重建前统计与办件不一致的计数个数 / counts the kept counters had wrong, before any write' }),
    examples: z.array(z.object({ row: z.string(), counter: z.string(), live: z.number(), rebuilt: z.number() })),
    written: z.boolean(),
  })
  .openapi('CounterRebuild');

export function registerSupervisionRoutes(app: App): void {
  const tags = ['admin'];

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/supervision',
      tags,
      security: bearer,
      summary: '电子监察统计 / supervision figures of a period',
      request: { params: ZJurisdictionParams, query: ZDashboardQuery },
      responses: { 200: json(ZFigures.extend({ reads: z.number().int() }), 'the figures, in all and per group, from the kept counters'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const deps = c.get('deps');
      const q = c.req.valid('query');
      const today = shanghaiDateOf(deps.clock());
      const to = q.to ?? today;
      const from = q.from ?? `${to.slice(0, 7)}-01`;
      if (from > to) throw invalidRange();
      if (Date.parse(to) - Date.parse(from) >= MAX_DAYS * 86_400_000) throw periodTooLong(MAX_DAYS);
      const { figures, reads } = await dashboardFigures(deps, { jurisdiction, period: { from, to }, groupBy: q.groupBy, counties: q.counties === '1' });
      return c.json({ ...figures, reads }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/supervision/rebuild',
      tags,
      security: bearer,
      summary: '按办件重建统计(核对) / recompute the counters from the cases (an audit)',
      request: { params: ZJurisdictionParams, query: z.object({ write: z.enum(['0', '1']).default('0').openapi({ description: '1：以重建结果替换 / 1: replace the kept counters' }) }) },
      responses: { 200: json(ZRebuildReport, 'what the rebuild found, and whether it wrote'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      return c.json(await rebuildCounters(c.get('deps'), jurisdiction, { write: c.req.valid('query').write === '1' }), 200);
    },
  );
}
