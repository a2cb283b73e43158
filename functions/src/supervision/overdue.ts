import type { WorkCalendar } from '@onevisit/item-schemas';
import type { CaseRecord } from '../cases/record';
import { workdaysFrom } from './contributions';
import { inPeriod } from './case-figures';
import type { OverdueCase, Period } from './figures';

/**
 * 超期件: the cases past their promised date (due.promised, moved by pauses and an extension).
 * A decided one is listed when its decision falls in the period and came after that date (the
 * cases of the 超期 count); an open one when on `asOf` it was still undecided and its date had
 * passed. How late: working days after the promised date up to the decision (or `asOf`), the
 * days it stood suspended left out.
 */

/** Someone who acted for the office: not the applicant, not the sweep. */
const officerEntries = (c: CaseRecord) => c.history.filter((h) => h.actor !== 'applicant' && h.actor !== 'system');

/** Whether the case had ended, one way or another, by the end of `day`. */
function endedBy(c: CaseRecord, day: string): boolean {
  return [c.decision?.on, c.notAccepted?.on, c.withdrawn?.on].some((on) => on !== undefined && on <= day);
}

export function overdueOf(c: CaseRecord, calendar: WorkCalendar, period: Period, asOf: string): OverdueCase | undefined {
  const due = c.due.promised.due;
  const decided = c.decision?.on;
  const closedLate = decided !== undefined && inPeriod(decided, period) && decided > due;
  const openLate = c.receivedOn <= asOf && !endedBy(c, asOf) && due < asOf;
  if (!closedLate && !openLate) return undefined;
  const until = closedLate ? decided : asOf;
  const handledBy = officerEntries(c).at(-1);
  return {
    trackingNumber: c.trackingNumber,
    jurisdiction: c.jurisdiction,
    departmentId: c.departmentId,
    itemId: c.itemId,
    itemName: c.itemName,
    ...(c.applicant?.name ? { applicant: c.applicant.name } : {}),
    ...(handledBy ? { handledBy: handledBy.actorName ?? handledBy.actor } : {}),
    due,
    ...(closedLate ? { decidedOn: decided } : {}),
    workdaysLate: workdaysFrom(c, calendar, due, until),
  };
}
