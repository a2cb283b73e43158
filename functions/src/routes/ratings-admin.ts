import { z } from '@hono/zod-openapi';
import { shanghaiDateOf } from '@onevisit/item-schemas';
import { authorize, type Principal } from '../auth';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import type { App } from '../http';
import { adminsReview } from '../ratings/errors';
import { WINDOW_DEPARTMENT, ZPoorAction, ZPoorStatus, ZRatingSettings, ZRatingTarget, type RatingRecord } from '../ratings/model';
import { actOnPoor, ratingSettingsFor } from '../ratings/service';
import { byUrgency, poorDetail, poorListed, ZPoorDetail, ZPoorListed, type Naming, type PoorDetail } from '../ratings/views';
import type { Role } from '../records';
import { adminParams, bearer, errorResponses, json, jsonBody, route, ZJurisdictionParams } from './kit';

/**
 * 差评 as the office works them: the list with each one's step, due day and warning; one 差评
 * with its history and the actions it admits; the workflow's steps; the jurisdiction's limits.
 * Department officers see their department's, window officers the 综合窗口's, administrators all.
 */

const WORKERS: readonly Role[] = ['officer', 'windowOfficer', 'jurisdictionAdmin', 'platformAdmin'];
const ZPoorParams = ZJurisdictionParams.extend({ trackingNumber: z.string().regex(/^\d{6}-\d{8}-\d{6}$/), target: ZRatingTarget });

/** Whether the caller works this 差评: an officer their department's, a window officer the window's. */
function works(who: Principal, r: Pick<RatingRecord, 'departmentId'>): boolean {
  if (who.role === 'officer') return r.departmentId === who.department;
  if (who.role === 'windowOfficer') return r.departmentId === WINDOW_DEPARTMENT;
  return true;
}

async function namingFor(deps: AppDeps, jurisdiction: string): Promise<Naming> {
  const [departments, calendar, settings] = await Promise.all([deps.store.listDepartments(jurisdiction), deps.calendars.forJurisdiction(jurisdiction), deps.caseSettings.forJurisdiction(jurisdiction)]);
  return { departments: new Map(departments.map((d) => [d.id, d.name])), calendar, settings, today: shanghaiDateOf(deps.clock()) };
}

/** The 差评 the caller may work, or the same 404 as for one that does not exist. */
async function visiblePoor(deps: AppDeps, who: Principal, params: z.infer<typeof ZPoorParams>): Promise<RatingRecord> {
  const r = await deps.store.getRating(params.jurisdiction, params.trackingNumber, params.target);
  if (!r?.poor || !works(who, r)) throw notFound('差评', 'poor rating');
  return r;
}

/**
 * The applicant's name and mobile, to call for the 回访 of a real-name 差评: only for those who see
 * the case anyway (its department's officers, administrators); an anonymous rater stays unnamed.
 */
async function contactFor(deps: AppDeps, who: Principal, r: RatingRecord): Promise<PoorDetail['contact']> {
  if (!r.realName) return undefined;
  const found = await deps.store.getCase(r.jurisdiction, r.trackingNumber);
  const seesCase = who.role === 'jurisdictionAdmin' || who.role === 'platformAdmin' || (who.role === 'officer' && found?.departmentId === who.department);
  const applicant = found?.applicant;
  if (!seesCase || !applicant || (!applicant.name && !applicant.mobile)) return undefined;
  return { ...(applicant.name ? { name: applicant.name } : {}), ...(applicant.mobile ? { mobile: applicant.mobile } : {}) };
}

export function registerRatingAdminRoutes(app: App): void {
  const tags = ['ratings'];

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/poor-ratings',
      tags,
      security: bearer,
      summary: '差评列表 / poor ratings with their step, due day and warning',
      request: { params: ZJurisdictionParams, query: z.object({ status: ZPoorStatus.optional() }) },
      responses: { 200: json(z.array(ZPoorListed), 'open ones first, the most urgent first'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { jurisdiction } = c.req.valid('param');
      const who = authorize(c.get('principal'), { roles: WORKERS, jurisdiction });
      const { status } = c.req.valid('query');
      const [poor, naming] = await Promise.all([deps.store.poorRatings(jurisdiction), namingFor(deps, jurisdiction)]);
      const listed = poor.filter((r) => works(who, r) && (!status || r.poor!.status === status)).map((r) => poorListed(r, naming));
      return c.json(listed.sort(byUrgency), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/poor-ratings/{trackingNumber}/{target}',
      tags,
      security: bearer,
      summary: '差评详情 / a poor rating with its history and the actions it admits',
      request: { params: ZPoorParams },
      responses: { 200: json(ZPoorDetail, 'the poor rating'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const params = c.req.valid('param');
      const who = authorize(c.get('principal'), { roles: WORKERS, jurisdiction: params.jurisdiction });
      const r = await visiblePoor(deps, who, params);
      return c.json(poorDetail(r, await namingFor(deps, params.jurisdiction), await contactFor(deps, who, r)), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/poor-ratings/{trackingNumber}/{target}/actions',
      tags,
      security: bearer,
      summary: '处理差评：核实、申诉、复核、反馈整改、回访、关闭 / verify, appeal, review, report the fix, revisit, close',
      request: {
        params: ZPoorParams,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional().openapi({ description: '同一标识重试只处理一次 / a retry with the same key is applied once' }) }),
        body: jsonBody(ZPoorAction),
      },
      responses: { 200: json(ZPoorDetail, 'the poor rating after the action (or as it is, for a retry)'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const params = c.req.valid('param');
      const action = c.req.valid('json');
      const who = authorize(c.get('principal'), { roles: WORKERS, jurisdiction: params.jurisdiction });
      // 复核 is the administrators': the department that appealed does not judge its own appeal.
      if (action.type === 'review' && who.role !== 'jurisdictionAdmin' && who.role !== 'platformAdmin') throw adminsReview();
      const r = await visiblePoor(deps, who, params);
      const key = c.req.valid('header')['idempotency-key'];
      const next = await actOnPoor(deps, r, action, { actor: { id: who.sub, name: who.name }, expectedRevision: action.expectedRevision, ...(key ? { key } : {}) });
      return c.json(poorDetail(next, await namingFor(deps, params.jurisdiction), await contactFor(deps, who, next)), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/rating-settings',
      tags,
      security: bearer,
      summary: '差评处理期限 / the working-day limits of poor ratings',
      request: { params: ZJurisdictionParams },
      responses: { 200: json(ZRatingSettings, 'the limits in force (own, inherited or default)'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { jurisdiction } = c.req.valid('param');
      authorize(c.get('principal'), { roles: WORKERS, jurisdiction });
      return c.json(await ratingSettingsFor(deps, jurisdiction), 200);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/api/admin/{jurisdiction}/rating-settings',
      tags,
      security: bearer,
      summary: '保存差评处理期限 / save the working-day limits of poor ratings',
      request: { params: ZJurisdictionParams, body: jsonBody(ZRatingSettings) },
      responses: { 200: json(ZRatingSettings, 'saved; 差评 from now on are due by them'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = adminParams(c);
      const settings = c.req.valid('json');
      await c.get('deps').store.putRatingSettings(jurisdiction, settings);
      return c.json(settings, 200);
    },
  );
}
