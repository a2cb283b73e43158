import { createRoute, z } from '@hono/zod-openapi';
import { formFields, shanghaiDateOf, valueAt, type FormField, type ItemDefinition } from '@onevisit/item-schemas';
import { authorize, type Principal } from '../auth';
import { ZOfficerAction } from '../cases/actions';
import { allowedActions, blockedActions } from '../cases/admissible';
import { ZCaseDetail, ZCaseRecord, ZQueueEntry, type StoredCase } from '../cases/record';
import { act, loadCase, publicCase, rulesFor, urgency } from '../cases/service';
import { jurisdictionOf, TRACKING_NUMBER } from '../cases/tracking-number';
import { departmentRequired, errorResponses, notFound } from '../errors';
import type { App } from '../http';
import { outboxMessage } from '../notifier';

/** Department officers: the queue of their department's open cases, case detail, and actions. */

const trackingParams = z.object({ trackingNumber: z.string().regex(TRACKING_NUMBER) });

/** The titles of the groups a field sits in ("受让方" for transferee.name), outermost first. */
function groupTitles(schema: Record<string, unknown>, path: string): string[] {
  const titles: string[] = [];
  let node: Record<string, unknown> | undefined = schema;
  for (const part of path.split('.').slice(0, -1)) {
    node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[part];
    if (typeof node?.title === 'string') titles.push(node.title);
  }
  return titles;
}

/** One line per answered field, in form order. */
function readableAnswers(item: ItemDefinition, answers: Record<string, unknown>) {
  const shown = (field: FormField, value: unknown): string => {
    if (Array.isArray(value)) return value.map((v) => shown({ ...field, options: field.itemOptions ?? field.options }, v)).join('、');
    if (typeof value === 'boolean') return value ? '是' : '否';
    const index = field.options?.indexOf(value as never) ?? -1;
    return index >= 0 && field.optionTitles?.[index] ? field.optionTitles[index]! : typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  return formFields(item.form.schema).flatMap((field) => {
    const value = valueAt(answers, field.path);
    return value === undefined || value === '' || (typeof value === 'object' && !Array.isArray(value)) ? [] : [{ path: field.path, title: [...groupTitles(item.form.schema, field.path), field.title].join(' · '), value: shown(field, value) }];
  });
}

const rank = { overdue: 0, red: 1, yellow: 2, normal: 3 } as const;

/** Officers see their department's cases; administrators see their jurisdiction's. */
function mayView(who: Principal | undefined, c: StoredCase): Principal {
  return authorize(who, { roles: ['officer', 'jurisdictionAdmin', 'platformAdmin'], jurisdiction: c.jurisdiction, ...(who?.role === 'officer' ? { department: c.departmentId } : {}) });
}

export function registerOfficerRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/officer/queue',
      tags: ['officer'],
      security: [{ bearer: [] }],
      summary: '待办件 / my department’s open cases, most urgent first',
      request: { query: z.object({ department: z.string().max(18).optional().openapi({ description: '管理员查看某部门时使用 / for administrators' }) }) },
      responses: { 200: { description: 'open cases with deadlines and warning levels', content: { 'application/json': { schema: z.array(ZQueueEntry) } } }, ...errorResponses(400, 401, 403) },
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
      const entries = await Promise.all(
        cases.map(async (k) => ({
          trackingNumber: k.trackingNumber,
          itemId: k.itemId,
          itemName: k.itemName,
          status: k.status,
          revision: k.revision,
          receivedOn: k.receivedOn,
          ...(k.applicant?.name ? { applicant: k.applicant.name } : {}),
          ...(k.step ? { step: k.step.name } : {}),
          due: k.due,
          warning: urgency(k, await rulesFor(deps, k), today),
          awaitingReview: k.materials.some((m) => m.review === 'pending'),
        })),
      );
      entries.sort((a, b) => rank[a.warning] - rank[b.warning] || (a.due.step?.due ?? a.due.promised.due).localeCompare(b.due.step?.due ?? b.due.promised.due));
      return c.json(entries, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/officer/cases/{trackingNumber}',
      tags: ['officer'],
      security: [{ bearer: [] }],
      summary: '办件详情 / a case with its deadlines and the actions it admits',
      request: { params: trackingParams },
      responses: { 200: { description: 'the case', content: { 'application/json': { schema: ZCaseDetail } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber } = c.req.valid('param');
      const found = await loadCase(deps, jurisdictionOf(trackingNumber), trackingNumber);
      mayView(c.get('principal'), found);
      const [rules, department] = await Promise.all([rulesFor(deps, found), deps.store.getDepartment(found.jurisdiction, found.departmentId)]);
      return c.json(
        {
          case: publicCase(found),
          warning: urgency(found, rules, shanghaiDateOf(deps.clock())),
          steps: rules.item.steps.map((s) => ({ name: s.name, role: s.role, limitDays: s.limitDays, onTimeout: s.onTimeout })),
          allowed: allowedActions(found, rules.item),
          specialProcedures: rules.item.specialProcedures.map((p) => p.kind),
          // Where the case is now: an administrator may have moved it from the item's department.
          departmentName: department?.name ?? rules.item.department.name,
          answers: readableAnswers(rules.item, found.answers),
          deliveryMethods: rules.item.delivery.map((d) => d.method),
          itemType: rules.item.itemType,
          supplementOnMissed: rules.item.deficiencyAcceptance.onMissed,
          blocked: blockedActions(found, rules.item),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/officer/cases/{trackingNumber}/actions',
      tags: ['officer'],
      security: [{ bearer: [] }],
      summary: '办理 / act on a case (accept, request corrections, complete a step, suspend, extend, decide, deliver …)',
      request: {
        params: trackingParams,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional().openapi({ description: '同一标识重试不会重复办理 / a retry with the same key is applied once' }) }),
        body: { content: { 'application/json': { schema: ZOfficerAction } } },
      },
      responses: {
        200: { description: 'the case after the action (or as it is, for a retry)', content: { 'application/json': { schema: ZCaseRecord } } },
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber } = c.req.valid('param');
      const action = c.req.valid('json');
      const found = await loadCase(deps, jurisdictionOf(trackingNumber), trackingNumber);
      // Acting is the department's: administrators may look but not act.
      const who = authorize(c.get('principal'), { roles: ['officer'], jurisdiction: found.jurisdiction, department: found.departmentId });
      const key = c.req.valid('header')['idempotency-key'];
      const result = await act(deps, found, action, { actor: { id: who.sub, name: who.name }, expectedRevision: action.expectedRevision, ...(key ? { key } : {}) });
      return c.json(publicCase(result.case), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/officer/cases/{trackingNumber}/file',
      tags: ['officer'],
      security: [{ bearer: [] }],
      summary: '查看申请材料 / open an uploaded material',
      request: { params: trackingParams, query: z.object({ key: z.string().min(1).max(300) }) },
      responses: { 200: { description: 'the file', content: { 'application/octet-stream': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } } }, ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber } = c.req.valid('param');
      const { key } = c.req.valid('query');
      const found = await loadCase(deps, jurisdictionOf(trackingNumber), trackingNumber);
      mayView(c.get('principal'), found);
      // Only files the case holds, never an arbitrary key.
      const file = found.materials.flatMap((m) => m.files).find((f) => f.key === key);
      const bytes = file ? await deps.files.read(file.key) : undefined;
      if (!file || !bytes) throw notFound('文件', 'file');
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/officer/inbox',
      tags: ['officer'],
      security: [{ bearer: [] }],
      summary: '站内消息 / my department’s in-site messages (warnings, supplements, ratings)',
      responses: { 200: { description: 'newest first', content: { 'application/json': { schema: z.array(outboxMessage) } } }, ...errorResponses(401, 403) },
    }),
    async (c) => {
      const who = authorize(c.get('principal'), { roles: ['officer', 'jurisdictionAdmin'] });
      const recipient = who.role === 'officer' ? `dept:${who.department}` : 'admins';
      return c.json(await c.get('deps').store.inboxOf(who.jurisdiction, recipient), 200);
    },
  );
}
