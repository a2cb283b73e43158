import { z } from '@hono/zod-openapi';
import { shanghaiDateOf } from '@onevisit/item-schemas';
import { authorize, type Principal } from '../auth';
import { bundleMembership } from '../bundles/parent-view';
import { ZOfficerAction } from '../cases/actions';
import { ZCaseDetail, ZCaseRecord, ZQueueEntry, type StoredCase } from '../cases/record';
import { act, loadCase, publicCase, rulesFor, urgency } from '../cases/service';
import { jurisdictionOf } from '../cases/tracking-number';
import { byUrgency, caseDetailOf, queueEntryOf } from '../cases/views';
import { departmentRequired, notFound } from '../errors';
import type { AppDeps } from '../deps';
import type { App } from '../http';
import type { Role } from '../records';
import { bearer, binary, downloadHeaders, errorResponses, json, jsonBody, route, ZCaseParams } from './kit';

/** Department officers: the queue of their department's open cases, a case, acting on it, its files. */

const VIEWERS: readonly Role[] = ['officer', 'jurisdictionAdmin', 'platformAdmin'];

/**
 * A case the caller may see (officers their department's, administrators their jurisdiction's),
 * or the same 404 as for a number that does not exist (issue 15): whoever may not see a case
 * learns nothing of it. The role is checked first, since it does not depend on the case.
 */
async function visibleCase(who: Principal | undefined, deps: AppDeps, trackingNumber: string, roles: readonly Role[] = VIEWERS): Promise<{ who: Principal; found: StoredCase }> {
  const caller = authorize(who, { roles });
  const found = await loadCase(deps, jurisdictionOf(trackingNumber), trackingNumber);
  try {
    return { who: authorize(caller, { roles, jurisdiction: found.jurisdiction, ...(caller.role === 'officer' ? { department: found.departmentId } : {}) }), found };
  } catch {
    throw notFound('办件', 'case');
  }
}

export function registerCaseRoutes(app: App): void {
  const tags = ['officer'];

  app.openapi(
    route({
      method: 'get',
      path: '/api/officer/queue',
      tags,
      security: bearer,
      summary: '待办件 / my department’s open cases, most urgent first',
      request: { query: z.object({ department: z.string().max(18).optional().openapi({ description: '管理员查看某部门时使用 / for administrators' }) }) },
      responses: { 200: json(z.array(ZQueueEntry), 'open cases with deadlines and warning levels'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const who = c.get('principal');
      const requested = c.req.valid('query').department;
      const department = who?.role === 'officer' ? (requested ?? who.department) : requested;
      if (!department) throw departmentRequired();
      const me = authorize(who, { roles: ['officer', 'jurisdictionAdmin', 'platformAdmin'], ...(who?.role === 'officer' ? { department } : {}) });
      const cases = await deps.store.departmentQueue(me.jurisdiction, department);
      const today = shanghaiDateOf(deps.clock());
      const entries = await Promise.all(cases.map(async (k) => queueEntryOf(k, urgency(k, await rulesFor(deps, k), today))));
      return c.json(entries.sort(byUrgency), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/officer/cases/{trackingNumber}',
      tags,
      security: bearer,
      summary: '办件详情 / a case with its deadlines and the actions it admits',
      request: { params: ZCaseParams },
      responses: { 200: json(ZCaseDetail, 'the case'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber } = c.req.valid('param');
      const { found } = await visibleCase(c.get('principal'), deps, trackingNumber);
      const [rules, department, bundle] = await Promise.all([rulesFor(deps, found), deps.store.getDepartment(found.jurisdiction, found.departmentId), bundleMembership(deps, found)]);
      return c.json({ ...caseDetailOf(found, rules, urgency(found, rules, shanghaiDateOf(deps.clock())), department?.name), ...(bundle ? { bundle } : {}) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/officer/cases/{trackingNumber}/actions',
      tags,
      security: bearer,
      summary: '办理 / act on a case (accept, request corrections, complete a step, suspend, extend, decide, deliver …)',
      request: {
        params: ZCaseParams,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional().openapi({ description: '同一标识重试不会重复办理 / a retry with the same key is applied once' }) }),
        body: jsonBody(ZOfficerAction),
      },
      responses: { 200: json(ZCaseRecord, 'the case after the action (or as it is, for a retry)'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber } = c.req.valid('param');
      const action = c.req.valid('json');
      // Acting is the department's: administrators may look but not act.
      const { who, found } = await visibleCase(c.get('principal'), deps, trackingNumber, ['officer']);
      const key = c.req.valid('header')['idempotency-key'];
      const result = await act(deps, found, action, { actor: { id: who.sub, name: who.name }, expectedRevision: action.expectedRevision, ...(key ? { key } : {}) });
      return c.json(publicCase(result.case), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/officer/cases/{trackingNumber}/file',
      tags,
      security: bearer,
      summary: '查看申请材料 / open an uploaded material',
      request: { params: ZCaseParams, query: z.object({ key: z.string().min(1).max(300) }) },
      responses: { 200: binary('the file'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber } = c.req.valid('param');
      const { key } = c.req.valid('query');
      const { found } = await visibleCase(c.get('principal'), deps, trackingNumber);
      // Only files the case holds, never an arbitrary key.
      const file = found.materials.flatMap((m) => m.files).find((f) => f.key === key);
      const bytes = file ? await deps.files.read(file.key) : undefined;
      if (!file || !bytes) throw notFound('文件', 'file');
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { ...downloadHeaders(file.contentType, file.name), 'cache-control': 'private, no-store' }) as never;
    },
  );
}
