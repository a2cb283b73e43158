import { z } from '@hono/zod-openapi';
import { isoDate, shanghaiDateOf } from '@onevisit/item-schemas';
import { invalidRange, periodTooLong } from '../errors';
import type { App } from '../http';
import { rebuildCounters } from '../supervision/counting';
import { dashboardFigures, jurisdictionsOf } from '../supervision/dashboard';
import { ZFigures, ZGrouping, ZTrend } from '../supervision/figures';
import { figuresWorkbook, groupNames } from '../supervision/export';
import { trendOf } from '../supervision/trend';
import { registerSupervisionOrderRoutes } from './supervision-orders';
import { attachment, bearer, binary, errorResponses, json, jurisdictionAdmin, route, XLSX_TYPE, ZJurisdictionParams } from './kit';

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

/** The period asked for: this month to today unless said, refused when backwards or too long. */
function periodOf(q: z.infer<typeof ZDashboardQuery>, today: string): { from: string; to: string } {
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 7)}-01`;
  if (from > to) throw invalidRange();
  if (Date.parse(to) - Date.parse(from) >= MAX_DAYS * 86_400_000) throw periodTooLong(MAX_DAYS);
  return { from, to };
}

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
      responses: {
        200: json(
          ZFigures.extend({ reads: z.number().int(), names: z.record(z.string(), z.string()).openapi({ description: '分组、部门、区划的名称 / the names of the groups, departments and jurisdictions, by key' }) }),
          'the figures, in all and per group, from the kept counters',
        ),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const deps = c.get('deps');
      const q = c.req.valid('query');
      const counties = q.counties === '1';
      const [{ figures, reads }, names] = await Promise.all([
        dashboardFigures(deps, { jurisdiction, period: periodOf(q, shanghaiDateOf(deps.clock())), groupBy: q.groupBy, counties }),
        jurisdictionsOf(deps, { jurisdiction, counties }).then((js) => groupNames(deps, js)),
      ]);
      return c.json({ ...figures, reads, names: Object.fromEntries(names) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/supervision.xlsx',
      tags,
      security: bearer,
      summary: '电子监察统计表(Excel) / the supervision figures as a workbook',
      request: { params: ZJurisdictionParams, query: ZDashboardQuery },
      responses: { 200: binary('汇总、分组、超期件三张表 / the figures in all, per group, and the overdue cases'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const deps = c.get('deps');
      const q = c.req.valid('query');
      const period = periodOf(q, shanghaiDateOf(deps.clock()));
      const counties = q.counties === '1';
      const { figures } = await dashboardFigures(deps, { jurisdiction, period, groupBy: q.groupBy, counties });
      const names = await groupNames(deps, await jurisdictionsOf(deps, { jurisdiction, counties }));
      const file = await figuresWorkbook(figures, names);
      return c.body(file as Uint8Array<ArrayBuffer>, 200, attachment(`电子监察-${jurisdiction}-${period.from}-${period.to}.xlsx`, XLSX_TYPE)) as never;
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

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/supervision/trend',
      tags,
      security: bearer,
      summary: '近12个月趋势 / the last 12 months: received, decided, on time',
      request: {
        params: ZJurisdictionParams,
        query: z.object({ to: isoDate.optional().openapi({ description: '截至日(默认今天) / up to this day (default: today)' }), counties: ZDashboardQuery.shape.counties }),
      },
      responses: { 200: json(ZTrend, 'month by month, from the kept counters'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const deps = c.get('deps');
      const q = c.req.valid('query');
      return c.json(await trendOf(deps, { jurisdiction, to: q.to ?? shanghaiDateOf(deps.clock()), counties: q.counties === '1' }), 200);
    },
  );

  registerSupervisionOrderRoutes(app);
}
