import { z } from '@hono/zod-openapi';
import type { WorkCalendar } from '@onevisit/item-schemas';
import { ZWarningLevel } from '../cases/record';
import type { CaseSettings } from '../cases/settings';
import { WINDOW_DEPARTMENT, ZPoorAction, ZPoorStatus, ZRatingRecord, type RatingRecord } from './model';
import { allowedActions, blockedActions, poorWarning } from './workflow';

/** What the 差评 list and page show of a rating, and what the rater sees of theirs. */

export const ZPoorListed = z
  .object({
    trackingNumber: z.string(),
    target: ZRatingRecord.shape.target,
    itemName: z.string(),
    departmentId: z.string(),
    departmentName: z.string(),
    level: z.number().int(),
    reasons: ZRatingRecord.shape.reasons,
    on: z.string(),
    realName: z.boolean(),
    status: ZPoorStatus,
    due: z.string().optional(),
    revisitDue: z.string().optional(),
    revisited: z.boolean(),
    warning: ZWarningLevel,
    revision: z.number().int(),
  })
  .openapi('PoorRatingListed');
export type PoorListed = z.infer<typeof ZPoorListed>;

export const ZPoorDetail = z
  .object({
    rating: ZRatingRecord,
    departmentName: z.string(),
    warning: ZWarningLevel,
    /** The actions the 差评 admits now; the page offers only these. */
    allowed: z.array(z.enum(ZPoorAction.options.map((o) => o.shape.type.value) as [string, ...string[]])),
    /** Steps the status admits but a rule holds back now (关闭 before a real-name 差评's 回访), with why. */
    blocked: z.array(z.object({ action: z.string(), message: z.string(), message_en: z.string() })),
    /** Whom to call for the 回访: the applicant of a real-name 差评, for the case's department and administrators. */
    contact: z.object({ name: z.string().optional(), mobile: z.string().optional() }).optional(),
  })
  .openapi('PoorRatingDetail');
export type PoorDetail = z.infer<typeof ZPoorDetail>;

export interface Naming {
  departments: Map<string, string>;
  calendar: WorkCalendar;
  settings: CaseSettings;
  today: string;
}

export const departmentNameOf = (id: string, departments: Map<string, string>) => (id === WINDOW_DEPARTMENT ? '综合窗口' : (departments.get(id) ?? id));

export function poorListed(r: RatingRecord, n: Naming): PoorListed {
  const poor = r.poor!;
  return {
    trackingNumber: r.trackingNumber,
    target: r.target,
    itemName: r.itemName,
    departmentId: r.departmentId,
    departmentName: departmentNameOf(r.departmentId, n.departments),
    level: r.level,
    reasons: r.reasons,
    on: r.on,
    realName: r.realName,
    status: poor.status,
    ...(poor.due ? { due: poor.due } : {}),
    ...(poor.revisitDue ? { revisitDue: poor.revisitDue } : {}),
    revisited: poor.revisits.length > 0,
    warning: poorWarning(r, n.calendar, n.settings, n.today),
    revision: r.revision,
  };
}

export function poorDetail(r: RatingRecord, n: Naming, contact?: PoorDetail['contact']): PoorDetail {
  return {
    rating: withoutKeys(r),
    departmentName: departmentNameOf(r.departmentId, n.departments),
    warning: poorWarning(r, n.calendar, n.settings, n.today),
    allowed: allowedActions(r),
    blocked: blockedActions(r),
    ...(contact ? { contact } : {}),
  };
}

/** A rating without the idempotency keys of the requests that made it. */
export function withoutKeys(r: RatingRecord): RatingRecord {
  const { key: _key, ...rest } = r;
  return rest.poor ? { ...rest, poor: { ...rest.poor, history: rest.poor.history.map(({ key: _k, ...entry }) => entry) } } : rest;
}

const urgencyOrder = { overdue: 0, red: 1, yellow: 2, normal: 3 } as const;
/** Open ones first, the most urgent first, then the soonest due; closed ones last, newest first. */
export function byUrgency(a: PoorListed, b: PoorListed): number {
  const closed = Number(a.status === 'closed') - Number(b.status === 'closed');
  if (closed !== 0) return closed;
  if (a.status === 'closed') return b.on.localeCompare(a.on);
  return urgencyOrder[a.warning] - urgencyOrder[b.warning] || (a.due ?? '9').localeCompare(b.due ?? '9') || a.trackingNumber.localeCompare(b.trackingNumber);
}
