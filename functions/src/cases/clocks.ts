import {
  dueDate,
  formatDate,
  parseDate,
  warningDates,
  warningLevel,
  type ItemDefinition,
  type Pause,
  type TimeLimit,
  type WarningLevel,
  type WorkCalendar,
} from '@onevisit/item-schemas';
import type { CaseSettings } from './settings';
import type { CaseRecord, ClockName, DueDateInfo } from './record';

/**
 * The clocks a case runs on (DOMAIN §2), all counted by the calendar engine. A clock runs from a
 * start day over a limit, less the days the case stood suspended; each raises yellow, red and
 * overdue once. Which clocks run depends on the state alone, so the same case, item and
 * calendar always give the same dates: that is what lets the sweep and a calendar edit
 * recompute them safely.
 */

/** 第32条: what to correct is told within 5 WD of receipt, else the application is accepted. */
export const ACCEPTANCE_DAYS = 5;
/** 第44条: the result is issued or delivered within 10 WD of the decision. */
export const DELIVERY_DAYS = 10;
/** 第42条: one extension of 10 WD. */
export const EXTENSION_DAYS = 10;

export interface Clock {
  name: ClockName;
  /** The key its raised warnings are recorded under (a new step starts afresh). */
  key: string;
  from: string;
  due: DueDateInfo;
  pauses: Pause[];
  /** The levels this clock raises; the legal clock only reports going overdue. */
  levels: ReadonlyArray<Exclude<WarningLevel, 'normal'>>;
}

const ALL_LEVELS = ['yellow', 'red', 'overdue'] as const;
const workdays = (value: number): TimeLimit => ({ value, unit: 'workday' });
const dayBefore = (date: string) => formatDate(parseDate(date)! - 1);

/** Suspensions as paused day spans; one still open runs up to `today`. */
export function pausesOf(c: CaseRecord, today: string): Pause[] {
  return c.pauses.map((p) => ({ from: p.from, to: p.until ? dayBefore(p.until) : today }));
}

function due(calendar: WorkCalendar, from: string, limit: TimeLimit, pauses: Pause[] = [], extraWorkdays = 0): DueDateInfo {
  const base = dueDate(calendar, { from, limit, pauses });
  if (extraWorkdays === 0) return { due: base.due, provisional: base.provisional };
  const extended = dueDate(calendar, { from: base.due, limit: workdays(extraWorkdays) });
  return { due: extended.due, provisional: extended.provisional };
}

/** The day the decision clock starts: acceptance, or until then the day it would be accepted. */
function decisionStart(c: CaseRecord): string {
  return c.acceptedOn ?? c.correction?.suppliedOn ?? c.receivedOn;
}

/** Every clock of the case; `running` ones are the ones ticking now. */
export function clocksOf(c: CaseRecord, item: ItemDefinition, calendar: WorkCalendar, settings: CaseSettings, today: string): { all: Clock[]; running: Clock[] } {
  const pauses = pausesOf(c, today);
  const extension = c.extension?.days ?? 0;
  const start = decisionStart(c);
  const all: Clock[] = [];
  const running = new Set<Clock>();
  const add = (clock: Clock, ticking: boolean) => {
    all.push(clock);
    if (ticking) running.add(clock);
  };
  const deciding = ['received', 'correctionRequested', 'inProcess', 'suspended'].includes(c.status);
  // After acceptance the decision clock runs, unless it stands still (suspended, or a correction that pauses it).
  const paused = c.pauses.at(-1) !== undefined && !c.pauses.at(-1)!.until;
  const ticking = c.acceptedOn !== undefined && (c.status === 'inProcess' || c.status === 'correctionRequested') && !paused;

  if (c.status === 'received') {
    add({ name: 'acceptance', key: 'acceptance', from: start, due: due(calendar, start, workdays(ACCEPTANCE_DAYS)), pauses: [], levels: ALL_LEVELS }, true);
  }
  if (deciding) {
    add({ name: 'promised', key: 'promised', from: start, due: due(calendar, start, item.promisedLimit, pauses, extension), pauses, levels: ALL_LEVELS }, ticking);
    if (item.legalLimit) add({ name: 'legal', key: 'legal', from: start, due: due(calendar, start, item.legalLimit, pauses, extension), pauses, levels: ['overdue'] }, ticking);
    if (c.materials.some((m) => m.status === 'deferred')) {
      const waitingForIt = c.status === 'suspended' && c.pauses.at(-1)?.kind === 'supplement';
      add({ name: 'supplement', key: 'supplement', from: c.receivedOn, due: due(calendar, c.receivedOn, workdays(item.deficiencyAcceptance.supplementDays)), pauses: [], levels: ALL_LEVELS }, !waitingForIt);
    }
  }
  if (c.step && c.status === 'inProcess') {
    const limit = item.steps[c.step.index]?.limitDays ?? 0;
    add({ name: 'step', key: `step:${c.step.index}:${c.step.startedOn}`, from: c.step.startedOn, due: due(calendar, c.step.startedOn, workdays(limit), pauses), pauses, levels: ALL_LEVELS }, true);
  }
  if (c.status === 'decided' && c.decision) {
    add({ name: 'delivery', key: 'delivery', from: c.decision.on, due: due(calendar, c.decision.on, workdays(DELIVERY_DAYS)), pauses: [], levels: ALL_LEVELS }, true);
  }
  const followUp = c.rating?.followUp;
  if (followUp && c.rating) {
    add({ name: 'followUp', key: 'followUp', from: c.rating.on, due: due(calendar, c.rating.on, workdays(settings.followUpDays)), pauses: [], levels: ALL_LEVELS }, followUp.closedOn === undefined);
  }
  return { all, running: all.filter((clock) => running.has(clock)) };
}

/** The due dates to store on the case: every clock that applies, running or not. */
export function dueDatesOf(all: Clock[], previous: CaseRecord['due']): CaseRecord['due'] {
  const byName = new Map(all.map((clock) => [clock.name, clock.due]));
  return {
    // The promised date stays on a closed case as it was, for the record and the figures.
    promised: byName.get('promised') ?? previous.promised,
    ...Object.fromEntries([...byName].filter(([name]) => name !== 'promised')),
    ...(byName.has('legal') || !previous.legal ? {} : { legal: previous.legal }),
  };
}

export interface ClockEvent {
  clock: Clock;
  level: Exclude<WarningLevel, 'normal'>;
  on: string;
}

const rank: Record<WarningLevel, number> = { normal: 0, yellow: 1, red: 2, overdue: 3 };

/** The next level each running clock will reach that was not raised yet, and on which day. */
export function nextEvents(running: Clock[], warnings: CaseRecord['warnings'], calendar: WorkCalendar, settings: CaseSettings): ClockEvent[] {
  const events: ClockEvent[] = [];
  for (const clock of running) {
    const raised = rank[warnings[clock.key] ?? 'normal'];
    const dates = warningDates(calendar, { from: clock.from, due: clock.due.due, pauses: clock.pauses, thresholds: settings.warnings });
    const next = clock.levels.find((level) => rank[level] > raised && dates[level] !== undefined);
    if (next) events.push({ clock, level: next, on: dates[next]! });
  }
  return events;
}

/** Events that have come: per clock the highest level reached by `today` and not yet raised. */
export function dueEvents(running: Clock[], warnings: CaseRecord['warnings'], calendar: WorkCalendar, settings: CaseSettings, today: string): ClockEvent[] {
  const events: ClockEvent[] = [];
  for (const clock of running) {
    const raised = rank[warnings[clock.key] ?? 'normal'];
    const dates = warningDates(calendar, { from: clock.from, due: clock.due.due, pauses: clock.pauses, thresholds: settings.warnings });
    const reached = [...clock.levels].reverse().find((level) => dates[level] !== undefined && dates[level]! <= today);
    if (reached && rank[reached] > raised) events.push({ clock, level: reached, on: dates[reached]! });
  }
  return events;
}

/** The day the sweep must next look at the case, if ever. */
export function nextCheckOf(events: ClockEvent[]): string | undefined {
  return events.reduce<string | undefined>((soonest, e) => (soonest === undefined || e.on < soonest ? e.on : soonest), undefined);
}

/** How urgent the case is today: the worst level over its running clocks. */
export function urgencyOf(running: Clock[], calendar: WorkCalendar, settings: CaseSettings, today: string): WarningLevel {
  let worst: WarningLevel = 'normal';
  for (const clock of running) {
    const level = warningLevel(calendar, { from: clock.from, due: clock.due.due, today, pauses: clock.pauses, thresholds: settings.warnings });
    const counted = level === 'normal' || clock.levels.includes(level) ? level : 'normal';
    if (rank[counted] > rank[worst]) worst = counted;
  }
  return worst;
}
