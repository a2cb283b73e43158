import { shanghaiDateOf, type ItemDefinition, type WorkCalendar } from '@onevisit/item-schemas';
import type { AppDeps } from '../deps';
import { onConflict } from '../conflicts';
import { countMove } from '../supervision/counting';
import { caseChanged, notFound } from '../errors';
import { clocksOf, dueDatesOf, nextCheckOf, nextEvents, urgencyOf } from './clocks';
import type { CaseAction } from './actions';
import { transition, type Actor } from './lifecycle';
import { messagesFor, withMessages } from './messages';
import { openStatuses, type CaseRecord, type HistoryEntry, type StoredCase } from './record';
import type { CaseSettings } from './settings';
import { TRACKING_NUMBER } from './tracking-number';
import { caseMoved } from './case-moves';
import { windowTask } from '../delivery/collection';

/**
 * Acting on stored cases: load what the rules need (the pinned version, the calendar, the
 * settings), apply a transition, recompute the clocks, and write over the revision read with
 * the messages the transition sends in the case's outbox. The sweep, the officer routes and the applicant routes all come through here.
 */

export interface CaseRules {
  item: ItemDefinition;
  calendar: WorkCalendar;
  settings: CaseSettings;
}

export async function rulesFor(deps: AppDeps, c: Pick<CaseRecord, 'jurisdiction' | 'itemId' | 'version'>): Promise<CaseRules> {
  const [version, calendar, settings] = await Promise.all([
    deps.store.getVersion(c.jurisdiction, c.itemId, c.version),
    deps.calendars.forJurisdiction(c.jurisdiction),
    deps.caseSettings.forJurisdiction(c.jurisdiction),
  ]);
  if (!version) throw new Error(`case ${c.jurisdiction}/${c.itemId} pins version ${c.version}, which is missing`);
  return { item: version.definition, calendar, settings };
}

/** The case's clocks recomputed: due dates, calendar version, and where it is indexed. */
export function settle<T extends CaseRecord>(c: T, rules: CaseRules, today: string): { case: T; queueDue?: string; atWindow?: boolean; nextCheck?: string } {
  const clocks = clocksOf(c, rules.item, rules.calendar, rules.settings, today);
  const settled = { ...c, due: dueDatesOf(clocks.all, c.due), calendarVersion: rules.calendar.version };
  const open = openStatuses.includes(c.status) || (c.rating?.followUp !== undefined && !c.rating.followUp.closedOn);
  return {
    case: settled,
    ...(open ? { queueDue: settled.due.step?.due ?? settled.due.delivery?.due ?? settled.due.followUp?.due ?? settled.due.promised.due } : {}),
    // A result to hand over or post, or a window case's 补正, waits in the window's queue instead of the department's.
    ...(open && windowTask(c) ? { atWindow: true } : {}),
    ...withNextCheck(nextCheckOf(nextEvents(clocks.running, c.warnings, rules.calendar, rules.settings))),
  };
}

const withNextCheck = (day: string | undefined) => (day ? { nextCheck: day } : {});

export function publicCase(c: StoredCase): CaseRecord {
  const { secretHash: _s, idempotencyKey: _k, outbox: _o, ...rest } = c;
  return rest;
}

/**
 * The case as its applicant sees it: without the office's internal entries (deadline warnings,
 * moves between departments) and without officers' own remarks.
 */
export function applicantView(c: StoredCase): CaseRecord {
  const shown = publicCase(c);
  return { ...shown, history: shown.history.filter((h) => h.action !== 'warning' && !h.internal).map(({ internalNote: _office, ...entry }) => entry) };
}

/** How urgent an open case is today, for the queue's colours. */
export function urgency(c: CaseRecord, rules: CaseRules, today: string) {
  return urgencyOf(clocksOf(c, rules.item, rules.calendar, rules.settings, today).running, rules.calendar, rules.settings, today);
}

export interface ActResult {
  case: StoredCase;
  /** The same request had been applied already: nothing changed. */
  replayed: boolean;
}

/**
 * Applies one action to a stored case. With a key, a retry of an applied request returns the
 * case as it is; with an expected revision, acting on a case that changed since is a conflict.
 */
export async function act(
  deps: AppDeps,
  found: StoredCase,
  action: CaseAction,
  options: { actor: Actor; key?: string; expectedRevision?: number },
): Promise<ActResult> {
  if (options.key && found.history.some((h) => h.key === options.key)) return { case: found, replayed: true };
  if (options.expectedRevision !== undefined && options.expectedRevision !== found.revision) throw caseChanged();
  const now = deps.clock();
  const today = shanghaiDateOf(now);
  const rules = await rulesFor(deps, found);
  const { next, notices } = transition(found, action, { item: rules.item, settings: rules.settings, today, at: now.toISOString(), actor: options.actor, ...(options.key ? { key: options.key } : {}) });
  // The messages go into the case's outbox, in the same write as the change.
  const changed = withMessages({ ...next, revision: found.revision + 1 } as StoredCase, messagesFor(next, rules.item, notices, now));
  const settled = settle(changed, rules, today);
  const storedFirst = await onConflict<StoredCase | undefined, StoredCase>(deps.store.saveCase(settled.case, found.revision, settled).then(() => undefined), (latest) => {
    // A concurrent retry of this very request got there first.
    if (latest && options.key && latest.history.some((h) => h.key === options.key)) return latest;
    throw caseChanged();
  });
  if (storedFirst) return { case: storedFirst, replayed: true };
  messagesWritten(deps, settled.case);
  await countMove(deps, found, settled.case, rules);
  await caseMoved(deps, settled.case);
  return { case: settled.case, replayed: false };
}

/** After a case was written: its host delivers what its outbox holds (locally at once; in AWS the table's stream does). */
export function messagesWritten(deps: AppDeps, c: StoredCase): void {
  if (c.outbox && Object.keys(c.outbox).length > 0) deps.outbox?.written(c);
}

/** Reads a case of a jurisdiction or answers 404. */
export async function loadCase(deps: AppDeps, jurisdiction: string, trackingNumber: string): Promise<StoredCase> {
  const found = TRACKING_NUMBER.test(trackingNumber) ? await deps.store.getCase(jurisdiction, trackingNumber) : undefined;
  if (!found) throw notFound('办件', 'case');
  return found;
}

/** Appends an entry that is not a transition (e.g. a recomputation) to a settled case. */
export function withEntry<T extends CaseRecord>(c: T, entry: HistoryEntry): T {
  return { ...c, revision: c.revision + 1, history: [...c.history, entry] };
}
