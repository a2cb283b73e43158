import { z } from 'zod';
import type { WorkCalendar } from './calendar';
import { formatDate, ZIsoDate, parseDate, type DayNumber } from './dates';
import { codeList, timeUnits } from './model/codes';

/**
 * Deadlines (民法典 第201–203条, 行政许可法 第82条): the start day is not counted; N working
 * days from D end on the N-th working day after D; natural-day limits that end on a rest day
 * move to the next working day; paused intervals (特别程序) add back the days they covered.
 */

export const ZTimeLimit = z
  .object({
    value: z.number().int().min(0).max(3650).meta({ title: '天数' }),
    unit: codeList(timeUnits)
      .default('workday')
      .meta({ title: '单位' }),
  })
  .meta({ title: '时限' });
export type TimeLimit = z.infer<typeof ZTimeLimit>;

/** Days on which the clock stood still, both ends included. */
export const ZPause = z.object({ from: ZIsoDate, to: ZIsoDate });
export type Pause = z.infer<typeof ZPause>;

export interface Deadline {
  due: string;
  /** The due date falls in a year with no official holiday notice yet. */
  provisional: boolean;
  calendarVersion: string;
}

export class DeadlineError extends Error {}

function day(text: string, what: string): DayNumber {
  const parsed = parseDate(text);
  if (parsed === undefined) throw new DeadlineError(`${what} is not a valid YYYY-MM-DD date: ${text}`);
  return parsed;
}

/** Paused intervals sorted, merged, and clipped to after the start day. */
function normalisePauses(start: DayNumber, pauses: readonly Pause[]): Array<[DayNumber, DayNumber]> {
  if (pauses.length === 0) return [];
  const spans = pauses
    .map((p): [DayNumber, DayNumber] => [Math.max(day(p.from, 'pause start'), start + 1), day(p.to, 'pause end')])
    .filter(([from, to]) => from <= to)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[DayNumber, DayNumber]> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** How one unit counts: days in (a, b], and the day n counted days after `from`. */
interface Counting {
  count(calendar: WorkCalendar, a: DayNumber, b: DayNumber): number;
  advance(calendar: WorkCalendar, from: DayNumber, n: number): DayNumber;
}

// Module-level strategies: the hot path creates no closures per call.
const COUNTING: Record<TimeLimit['unit'], Counting> = {
  workday: {
    count: (calendar, a, b) => calendar.workdaysBetween(a, b),
    advance: (calendar, from, n) => calendar.addWorkdays(from, n),
  },
  natural: {
    count: (_, a, b) => Math.max(0, b - a),
    advance: (_, from, n) => from + n,
  },
};

/** The day on which `n` counted days after `start`, skipping paused days, are used up. */
function advanceSkippingPauses(
  calendar: WorkCalendar,
  c: Counting,
  start: DayNumber,
  n: number,
  pauses: Array<[DayNumber, DayNumber]>,
): DayNumber {
  let cursor = start;
  let remaining = n;
  for (const [from, to] of pauses) {
    if (to <= cursor) continue;
    const before = c.count(calendar, cursor, Math.max(cursor, from - 1));
    if (before >= remaining) break;
    remaining -= before;
    cursor = to;
  }
  return c.advance(calendar, cursor, remaining);
}

/** The due date of a limit counted from `from` (the day of receipt or acceptance). */
export function dueDate(
  calendar: WorkCalendar,
  input: { from: string; limit: TimeLimit; pauses?: readonly Pause[] },
): Deadline {
  const start = day(input.from, 'start date');
  if (!calendar.supports(start)) throw new DeadlineError(`start date ${input.from} is outside the calendar's range`);
  const pauses = normalisePauses(start, input.pauses ?? []);
  const { value, unit } = input.limit;
  let due = advanceSkippingPauses(calendar, COUNTING[unit], start, value, pauses);
  if (unit === 'natural') due = calendar.nextWorkday(due);
  return { due: formatDate(due), provisional: calendar.isProvisional(due), calendarVersion: calendar.version };
}

/** Working days counted between `from` and `to` (start day excluded), less paused days. */
export function workdaysUsed(calendar: WorkCalendar, input: { from: string; to: string; pauses?: readonly Pause[] }): number {
  const start = day(input.from, 'start date');
  const end = day(input.to, 'end date');
  let used = calendar.workdaysBetween(start, end);
  for (const [from, to] of normalisePauses(start, input.pauses ?? [])) {
    if (from > end) break;
    used -= calendar.workdaysBetween(from - 1, Math.min(to, end));
  }
  return used;
}

export const ZWarningThresholds = z.object({
  yellow: z.number().min(0).max(1).default(0.5).meta({ title: '黄牌预警(已用时比例)' }),
  red: z.number().min(0).max(1).default(0.9).meta({ title: '红牌预警(已用时比例)' }),
});
export type WarningThresholds = z.infer<typeof ZWarningThresholds>;

export type WarningLevel = 'normal' | 'yellow' | 'red' | 'overdue';

/** How far a running clock has gone: yellow at ≥ 50% of its working days, red at ≥ 90%. */
export function warningLevel(
  calendar: WorkCalendar,
  input: { from: string; due: string; today: string; pauses?: readonly Pause[]; thresholds?: Partial<WarningThresholds> },
): WarningLevel {
  const { yellow, red } = ZWarningThresholds.parse(input.thresholds ?? {});
  if (day(input.today, 'today') > day(input.due, 'due date')) return 'overdue';
  const total = workdaysUsed(calendar, { from: input.from, to: input.due, pauses: input.pauses });
  if (total === 0) return 'normal';
  const share = workdaysUsed(calendar, { from: input.from, to: input.today, pauses: input.pauses }) / total;
  return share >= red ? 'red' : share >= yellow ? 'yellow' : 'normal';
}

/**
 * The days on which a running clock reaches each warning level, matching `warningLevel`: the
 * first day its share of working days used reaches the threshold, and the day after the due date.
 */
export function warningDates(
  calendar: WorkCalendar,
  input: { from: string; due: string; pauses?: readonly Pause[]; thresholds?: Partial<WarningThresholds> },
): { yellow?: string; red?: string; overdue: string } {
  const { yellow, red } = ZWarningThresholds.parse(input.thresholds ?? {});
  const overdue = formatDate(day(input.due, 'due date') + 1);
  const total = workdaysUsed(calendar, { from: input.from, to: input.due, pauses: input.pauses });
  if (total === 0) return { overdue };
  // A share is reached on the day the n-th working day is used; the epsilon keeps 0.9 × 10 at 9.
  const reached = (share: number) => {
    const n = Math.max(0, Math.ceil(share * total - 1e-9));
    return n === 0 ? input.from : dueDate(calendar, { from: input.from, limit: { value: n, unit: 'workday' }, pauses: input.pauses }).due;
  };
  return { yellow: reached(yellow), red: reached(red), overdue };
}
