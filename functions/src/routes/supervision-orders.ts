import { z } from '@hono/zod-openapi';
import { dueDate, shanghaiDateOf, type WorkCalendar } from '@onevisit/item-schemas';
import { authorize } from '../auth';
import { loadCase, rulesFor, urgency } from '../cases/service';
import { jurisdictionOf } from '../cases/tracking-number';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import type { App } from '../http';
import { ConflictError } from '../store/store';
import { caseOfOtherJurisdiction, notSupervisable, onlyDepartmentAnswers, orderAnswered, orderDueBeforeToday, orderDueTooFar, orderKeyReused, orderRaisedMeanwhile, orderStillOpen } from '../supervision/order-errors';
import { orderView, sameAsk, ZAnswerOrder, ZOrder, ZOrderStatus, ZRaiseOrder, type RaiseOrder, type StoredOrder } from '../supervision/orders';
import { bearer, errorResponses, json, jsonBody, jurisdictionAdmin, route, ZCaseParams, ZJurisdictionParams } from './kit';

/**
 * 督办 over HTTP: a jurisdiction's administrators raise one on an overdue or red-warning case
 * and follow their list; the case's department sees it on the case and answers it. Retries with
 * the same Idempotency-Key are the same order or answer; a concurrent raise or answer loses with 409.
 */

const ZKeyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional().openapi({ description: '同一标识重试不会重复督办或答复 / a retry with the same key is applied once' }) });
const ZOrderParams = ZCaseParams.extend({ seq: z.coerce.number().int().min(1).max(9999).openapi({ description: '该办件的第几次督办 / the order’s number on the case' }) });

/** How far ahead a date may be set: as far as the most working days allowed. */
const LATEST_DAYS = 366;

/** The answer date asked for: working days from today by the calendar, or a date from today up to a year on. */
function dueOnOf(raise: RaiseOrder, today: string, calendar: WorkCalendar): string {
  if ('workdays' in raise.due) return dueDate(calendar, { from: today, limit: { value: raise.due.workdays, unit: 'workday' } }).due;
  const latest = shanghaiDateOf(new Date(Date.parse(`${today}T12:00:00+08:00`) + LATEST_DAYS * 86_400_000));
  if (raise.due.date < today) throw orderDueBeforeToday(today);
  if (raise.due.date > latest) throw orderDueTooFar(latest);
  return raise.due.date;
}

/**
 * Tells in-site: the asked department of a new order (its officers' workbench lists it, leading
 * to the case), the administrators of an answer. After the order's write and apart from it: a
 * message lost to a crash in between leaves the order on the case and in the list all the same.
 */
function tell(deps: AppDeps, order: StoredOrder, about: 'raised' | 'answered'): Promise<void> {
  const raised = about === 'raised';
  return deps.store.recordMessage({
    id: `supervision-order-${order.trackingNumber}-${order.seq}-${about}`,
    jurisdiction: order.jurisdiction,
    at: raised ? order.raisedAt : order.answer!.at,
    channel: 'inSite',
    to: raised ? `dept:${order.departmentId}` : 'admins',
    topic: raised ? 'supervisionOrder' : 'supervisionOrderAnswered',
    text: raised ? `督办：${order.itemName}(${order.trackingNumber})，请于 ${order.dueOn} 前答复。${order.ask}` : `督办已答复：${order.itemName}(${order.trackingNumber})，${order.departmentName}：${order.answer!.text}`,
    text_en: raised ? `Supervision order on ${order.itemName} (${order.trackingNumber}): answer by ${order.dueOn}. ${order.ask}` : `Supervision order answered: ${order.itemName} (${order.trackingNumber}), ${order.departmentName}: ${order.answer!.text}`,
    trackingNumber: order.trackingNumber,
    status: 'delivered',
  });
}

export function registerSupervisionOrderRoutes(app: App): void {
  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/supervision/orders',
      tags: ['admin'],
      security: bearer,
      summary: '发起督办 / raise a 督办 on an overdue or red-warning case',
      request: { params: ZJurisdictionParams, headers: ZKeyHeader, body: jsonBody(ZRaiseOrder) },
      responses: { 201: json(ZOrder, 'the order raised'), 200: json(ZOrder, 'a retry: the order as raised'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      const who = jurisdictionAdmin(c, jurisdiction);
      const deps = c.get('deps');
      const raise = c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'] ?? crypto.randomUUID();
      if (jurisdictionOf(raise.trackingNumber) !== jurisdiction) throw caseOfOtherJurisdiction();
      const found = await loadCase(deps, jurisdiction, raise.trackingNumber);
      const today = shanghaiDateOf(deps.clock());
      const existing = await deps.store.caseOrders(jurisdiction, raise.trackingNumber);
      const replay = (o: StoredOrder) => {
        if (!sameAsk(o, raise)) throw orderKeyReused();
        return c.json(orderView(o, today), 200);
      };
      const retried = existing.find((o) => o.key === key);
      if (retried) return replay(retried);
      const rules = await rulesFor(deps, found);
      const dueOn = dueOnOf(raise, today, rules.calendar);
      const open = existing.find((o) => !o.answer);
      if (open) throw orderStillOpen(orderView(open, today));
      const warning = urgency(found, rules, today);
      if (warning !== 'red' && warning !== 'overdue') throw notSupervisable(warning);
      const department = await deps.store.getDepartment(jurisdiction, found.departmentId);
      const order: StoredOrder = {
        jurisdiction,
        trackingNumber: found.trackingNumber,
        seq: existing.length + 1,
        itemName: found.itemName,
        departmentId: found.departmentId,
        departmentName: department?.name ?? found.departmentId,
        ask: raise.ask,
        dueOn,
        raisedOn: today,
        raisedAt: deps.clock().toISOString(),
        raisedBy: { id: who.sub, name: who.name },
        caseWarning: warning,
        key,
        dueAsked: raise.due,
      };
      try {
        await deps.store.putOrder(order);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const there = error.existing as StoredOrder | undefined;
        if (there?.key === key) return replay(there);
        throw orderRaisedMeanwhile();
      }
      await tell(deps, order, 'raised');
      return c.json(orderView(order, today), 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/supervision/orders',
      tags: ['admin'],
      security: bearer,
      summary: '督办列表 / the jurisdiction’s 督办 and how each stands',
      request: { params: ZJurisdictionParams, query: z.object({ status: ZOrderStatus.optional().openapi({ description: 'open 待答复, overdue 逾期未答复, answered 已答复' }) }) },
      responses: { 200: json(z.array(ZOrder), 'unanswered first (overdue, then by date), then the answered, latest first'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const deps = c.get('deps');
      const today = shanghaiDateOf(deps.clock());
      const { status } = c.req.valid('query');
      const rank = { overdue: 0, open: 1, answered: 2 };
      const orders = (await deps.store.listOrders(jurisdiction)).map((o) => orderView(o, today)).filter((o) => !status || o.status === status);
      orders.sort((a, b) => rank[a.status] - rank[b.status] || (a.status === 'answered' ? b.answer!.at.localeCompare(a.answer!.at) : a.dueOn.localeCompare(b.dueOn)));
      return c.json(orders, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/officer/cases/{trackingNumber}/supervision-orders',
      tags: ['officer'],
      security: bearer,
      summary: '办件的督办 / the 督办 raised on a case',
      request: { params: ZCaseParams },
      responses: { 200: json(z.array(ZOrder), 'first raised first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber } = c.req.valid('param');
      const caller = authorize(c.get('principal'), { roles: ['officer', 'jurisdictionAdmin', 'platformAdmin'] });
      const jurisdiction = jurisdictionOf(trackingNumber);
      const found = await loadCase(deps, jurisdiction, trackingNumber);
      const orders = await deps.store.caseOrders(jurisdiction, trackingNumber);
      // Officers see a case's orders when the case or an order is their department's; nobody learns of others' cases.
      const theirs = caller.role !== 'officer' || found.departmentId === caller.department || orders.some((o) => o.departmentId === caller.department);
      if (caller.role !== 'platformAdmin' && (caller.jurisdiction !== jurisdiction || !theirs)) throw notFound('办件', 'case');
      const today = shanghaiDateOf(deps.clock());
      return c.json(orders.map((o) => orderView(o, today)), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/officer/cases/{trackingNumber}/supervision-orders/{seq}/answer',
      tags: ['officer'],
      security: bearer,
      summary: '答复督办 / answer a 督办 (the department it asks)',
      request: { params: ZOrderParams, headers: ZKeyHeader, body: jsonBody(ZAnswerOrder) },
      responses: { 200: json(ZOrder, 'the order answered (or as it is, for a retry)'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber, seq } = c.req.valid('param');
      const who = authorize(c.get('principal'), { roles: ['officer'] });
      const order = who.jurisdiction === jurisdictionOf(trackingNumber) ? await deps.store.getOrder(who.jurisdiction, trackingNumber, seq) : undefined;
      if (!order) throw notFound('督办', 'supervision order');
      if (order.departmentId !== who.department) throw onlyDepartmentAnswers();
      const today = shanghaiDateOf(deps.clock());
      const key = c.req.valid('header')['idempotency-key'];
      const text = c.req.valid('json').answer;
      const settled = (o: StoredOrder) => {
        if (key && o.answer?.key === key && o.answer.text === text) return c.json(orderView(o, today), 200);
        throw orderAnswered(orderView(o, today));
      };
      if (order.answer) return settled(order);
      try {
        const answered = await deps.store.answerOrder(order, { text, on: today, at: deps.clock().toISOString(), by: { id: who.sub, name: who.name }, ...(key ? { key } : {}) });
        await tell(deps, answered, 'answered');
        return c.json(orderView(answered, today), 200);
      } catch (error) {
        if (!(error instanceof ConflictError) || !error.existing) throw error;
        return settled(error.existing as StoredOrder);
      }
    },
  );
}
