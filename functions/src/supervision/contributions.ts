import { workdaysUsed, type WorkCalendar } from '@onevisit/item-schemas';
import { pausesOf } from '../cases/clocks';
import type { CaseRecord } from '../cases/record';
import type { Contribution, CounterName } from './counters';
import { limitWorkdays, type CaseTerms } from './terms';

/**
 * What one case adds to the counters, as it stands now: a pure function of the case, its item
 * terms and its calendar. The counters of a set of cases are the sums of these; when a case
 * moves, what changes is contributionsOf(next) − contributionsOf(previous), which is how live
 * counters stay equal to a rebuild from the cases.
 *
 * Working days used run from acceptance (受理; deemed acceptance counts) to the decision, the
 * start day not counted and the days the case stood suspended (特别程序, 容缺 overdue, 补正
 * where it pauses the clock) left out, exactly as the case's own clocks count them.
 * The promised date judged against is the case's own (due.promised): the item's promise from
 * acceptance, moved by pauses and an approved extension, as the applicant was told it.
 */

/** The day a case's decision clock starts: acceptance, else receipt. */
const startOf = (c: CaseRecord) => c.acceptedOn ?? c.receivedOn;

/** A 容缺 case: a material was let come later (still awaited, or supplied since). */
export const usedDeferral = (c: CaseRecord) => c.materials.some((m) => m.status === 'deferred' || m.supplementedOn !== undefined);

/** Working days from the case's start to `day`, less the days it stood suspended. */
export function workdaysFrom(c: CaseRecord, calendar: WorkCalendar, from: string, to: string): number {
  return workdaysUsed(calendar, { from, to, pauses: pausesOf(c, to) });
}

/** The distribution's bucket of a decision that used `used` of `allowed` working days. */
export function usedShareOf(used: number, allowed: number): CounterName {
  if (used > allowed) return 'usedBeyond';
  if (used * 4 <= allowed) return 'usedQuarter';
  if (used * 2 <= allowed) return 'usedHalf';
  if (used * 4 <= allowed * 3) return 'usedThreeQuarters';
  return 'usedWhole';
}

export function contributionsOf(c: CaseRecord, terms: CaseTerms, calendar: WorkCalendar): Contribution[] {
  const out: Contribution[] = [];
  const add = (day: string, counter: CounterName, value = 1) => {
    if (value !== 0) out.push({ day, counter, value });
  };

  add(c.receivedOn, 'received');
  if (c.channel) {
    add(c.receivedOn, 'receivedWithChannel');
    if (c.channel === 'web' || c.channel === 'mobile' || c.channel === 'kiosk') add(c.receivedOn, 'receivedOnline');
  }
  if (c.history.some((h) => h.action === 'requestCorrection')) add(c.receivedOn, 'correctionRequested');
  if (usedDeferral(c)) add(c.receivedOn, 'deferred');
  if (c.materials.some((m) => m.status === 'promised')) add(c.receivedOn, 'notifyPromise');
  if (c.notAccepted) add(c.notAccepted.on, 'notAccepted');
  if (c.withdrawn) add(c.withdrawn.on, 'withdrawn');

  const decision = c.decision;
  if (c.acceptedOn) {
    add(c.acceptedOn, 'accepted');
    if (decision?.on === c.acceptedOn) add(c.acceptedOn, 'sameDay');
    if (decision && decision.on.slice(0, 7) === c.acceptedOn.slice(0, 7)) add(c.acceptedOn, 'closedInMonth');
  }

  if (decision) {
    const on = decision.on;
    const start = startOf(c);
    const used = workdaysFrom(c, calendar, start, on);
    const promised = limitWorkdays(calendar, start, terms.promisedLimit);
    add(on, 'decided');
    add(on, decision.outcome);
    add(on, 'workdaysUsed', used);
    add(on, 'promisedWorkdays', promised);
    if (terms.promisedLimit.value === 0) add(on, 'immediateDecided');
    else {
      add(on, 'promisedCaseDecided');
      add(on, 'promisedCaseWorkdaysUsed', used);
    }
    if (terms.legalLimit) {
      add(on, 'legalDecided');
      add(on, 'legalWorkdays', limitWorkdays(calendar, start, terms.legalLimit));
      add(on, 'legalCaseWorkdaysUsed', used);
    }
    const due = c.due.promised.due;
    add(on, usedShareOf(used, workdaysFrom(c, calendar, start, due)));
    if (on <= due) add(on, 'onTime');
    if (on < due) add(on, 'early');
    if (on > due) {
      add(on, 'late');
      add(on, 'workdaysLate', workdaysFrom(c, calendar, due, on));
    }
  }
  if (c.delivery) add(c.delivery.on, 'delivered');

  const rating = c.rating;
  // A 差评 voided on 复核 is not a rating the service is judged by: only its own figure counts it.
  if (rating?.voided) add(rating.on, 'poorVoided');
  else if (rating) {
    add(rating.on, 'rated');
    add(rating.on, `rated${rating.level}` as CounterName);
    if (rating.level >= 4) {
      add(rating.on, 'poor');
      const closedOn = rating.followUp?.closedOn;
      if (closedOn) add(rating.on, 'followedUp');
      const due = c.due.followUp?.due;
      if (closedOn && due && closedOn <= due) add(rating.on, 'rectifiedOnTime');
    }
  }
  return out;
}
