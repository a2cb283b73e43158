import { z } from '@hono/zod-openapi';
import { isoDate } from '@onevisit/item-schemas';
import { TRACKING_NUMBER } from '../cases/tracking-number';

/**
 * 督办: a jurisdiction's administrator asks the department holding an overdue or red-warning case
 * to act on it by a date, and the department answers in words. An order is asked once and
 * answered once; its status is judged on the day it is read (open until its date, overdue after
 * it, answered once answered, late or not).
 */

const ZPerson = z.object({ id: z.string(), name: z.string().optional() });

const ZAnswer = z.object({
  text: z.string(),
  on: isoDate,
  at: z.string(),
  by: ZPerson,
  /** The answering request's idempotency key: its retry is the same answer. */
  key: z.string().optional(),
});

export const orderStatuses = ['open', 'overdue', 'answered'] as const;
export const ZOrderStatus = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof ZOrderStatus>;

/** An order as stored: the case it is about, whom it asks, what and by when, and the answer once given. */
export const ZStoredOrder = z.object({
  jurisdiction: z.string(),
  trackingNumber: z.string(),
  /** 1 for a case's first order, 2 for the one raised after it was answered, … */
  seq: z.number().int().min(1),
  itemName: z.string(),
  /** To whom: the department holding the case when it was raised, which alone answers. */
  departmentId: z.string(),
  departmentName: z.string(),
  ask: z.string(),
  /** 答复期限, a Beijing date. */
  dueOn: isoDate,
  raisedOn: isoDate,
  raisedAt: z.string(),
  raisedBy: ZPerson,
  /** The case's warning when it was raised. */
  caseWarning: z.enum(['red', 'overdue']),
  /** The raising request's idempotency key, and the date or working days it asked for (a retry asks the same). */
  key: z.string(),
  dueAsked: z.union([z.object({ workdays: z.number() }), z.object({ date: isoDate })]),
  answer: ZAnswer.optional(),
});
export type StoredOrder = z.infer<typeof ZStoredOrder>;

export const ZOrder = ZStoredOrder.omit({ key: true, dueAsked: true })
  .extend({
    answer: ZAnswer.omit({ key: true }).optional(),
    status: ZOrderStatus,
    /** Answered after its date. */
    answeredLate: z.boolean(),
  })
  .openapi('SupervisionOrder');
export type Order = z.infer<typeof ZOrder>;

/** How an order stands on `today`. */
export function orderView(o: StoredOrder, today: string): Order {
  const { key: _raised, dueAsked: _asked, answer, ...rest } = o;
  const status: OrderStatus = answer ? 'answered' : today > o.dueOn ? 'overdue' : 'open';
  return { ...rest, ...(answer ? { answer: { text: answer.text, on: answer.on, at: answer.at, by: answer.by } } : {}), status, answeredLate: answer !== undefined && answer.on > o.dueOn };
}

/** The most an order may give: a year of working days is no 督办. */
export const MAX_ORDER_WORKDAYS = 60;

export const ZRaiseOrder = z
  .object({
    trackingNumber: z.string().regex(TRACKING_NUMBER, { message: '受理编号格式不正确 / not a tracking number' }),
    ask: z.string().trim().min(1).max(1000).openapi({ description: '督办事项：要求部门做什么 / what the department is asked to do' }),
    /** By when: working days from today, or a date. */
    due: z.union([
      z.object({ workdays: z.number().int().min(1).max(MAX_ORDER_WORKDAYS).openapi({ description: '自今日起的工作日数 / working days from today' }) }).strict(),
      z.object({ date: isoDate }).strict().openapi({ description: '答复期限(北京时间日期) / the date, Beijing' }),
    ]),
  })
  .strict()
  .openapi('RaiseSupervisionOrder');
export type RaiseOrder = z.infer<typeof ZRaiseOrder>;

export const ZAnswerOrder = z
  .object({ answer: z.string().trim().min(1).max(2000).openapi({ description: '答复：已采取的措施和办结安排 / what the department did and when the case will be closed' }) })
  .strict()
  .openapi('AnswerSupervisionOrder');

/** Whether a retried raise asks what the stored one asked (its working days counted from the day it was first sent). */
export const sameAsk = (o: StoredOrder, raise: RaiseOrder) => o.trackingNumber === raise.trackingNumber && o.ask === raise.ask && JSON.stringify(o.dueAsked) === JSON.stringify(raise.due);
