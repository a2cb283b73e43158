import { z } from 'zod';
import { firstDayOfYear, formatDate, ZIsoDate, parseDate, weekdayOf, yearOf, type DayNumber } from './dates';

/**
 * The working-day calendar. A calendar is the weekly rhythm (Monday–Friday) corrected by
 * declared days: holidays, and make-up working days (调休上班) on weekends. Jurisdictions
 * overlay their own days on their parent's calendar.
 *
 * Counting is precomputed: `cumulative[i]` is the number of working days from the first
 * supported day up to and including day i, so adding N working days or counting the working
 * days between two dates is a binary search or a subtraction, never a day-by-day loop.
 */

export const ZCalendarDay = z.object({
  date: ZIsoDate,
  kind: z.enum(['holiday', 'workday']).meta({ title: '类型', description: 'holiday 放假 / workday 调休上班' }),
  name: z.string().max(50).optional().meta({ title: '名称' }),
});
export type CalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendarOverlay = z.object({
  /** Days this jurisdiction declares; they replace the parent's entry for the same date. */
  days: z.array(ZCalendarDay).max(5000).default([]),
  /** Years whose official notice these days complete (e.g. next year's notice imported early). */
  officialYears: z.array(z.number().int().min(1990).max(2200)).max(50).default([]),
});
export type CalendarOverlay = z.input<typeof ZCalendarOverlay>;

/** How far past the last official year the weekly rhythm alone is used (flagged provisional). */
const PROVISIONAL_YEARS = 30;

export class WorkCalendar {
  readonly version: string;
  readonly firstYear: number;
  readonly lastOfficialYear: number;
  private readonly start: DayNumber;
  private readonly cumulative: Int32Array;
  /** 1 where the day's year has an official holiday notice. */
  private readonly official: Uint8Array;

  constructor(
    private readonly days: ReadonlyMap<DayNumber, CalendarDay>,
    readonly officialYears: ReadonlySet<number>,
    /** Names the calendar's lineage, e.g. `national@chinese-days-1.5.7+示范市`. */
    readonly label: string,
  ) {
    if (officialYears.size === 0) throw new Error('a calendar needs at least one official year');
    this.firstYear = Math.min(...officialYears);
    this.lastOfficialYear = Math.max(...officialYears);
    this.start = firstDayOfYear(this.firstYear);
    const end = firstDayOfYear(this.lastOfficialYear + PROVISIONAL_YEARS + 1);
    this.cumulative = new Int32Array(end - this.start);
    this.official = new Uint8Array(end - this.start);
    let count = 0;
    for (let day = this.start; day < end; day++) {
      if (this.isDeclaredWorkday(day)) count++;
      this.cumulative[day - this.start] = count;
      if (officialYears.has(yearOf(day))) this.official[day - this.start] = 1;
    }
    this.version = `${label}#${fingerprint(days, officialYears)}`;
  }

  /** A new calendar with this one's days corrected by a jurisdiction's overlay. */
  overlay(overlay: CalendarOverlay, label: string): WorkCalendar {
    const parsed = ZCalendarOverlay.parse(overlay);
    const days = new Map(this.days);
    for (const entry of parsed.days) days.set(parseDate(entry.date)!, entry);
    const years = new Set([...this.officialYears, ...parsed.officialYears]);
    return new WorkCalendar(days, years, `${this.label}+${label}`);
  }

  /** Declared days, in date order: for display and export. */
  declaredDays(year?: number): CalendarDay[] {
    return [...this.days.entries()]
      .filter(([day]) => year === undefined || yearOf(day) === year)
      .sort(([a], [b]) => a - b)
      .map(([, entry]) => entry);
  }

  supports(day: DayNumber): boolean {
    return day >= this.start && day < this.start + this.cumulative.length;
  }

  isProvisional(day: DayNumber): boolean {
    return this.supports(day) ? this.official[day - this.start] === 0 : !this.officialYears.has(yearOf(day));
  }

  isWorkday(day: DayNumber): boolean {
    this.assertSupported(day);
    return this.isDeclaredWorkday(day);
  }

  /** The N-th working day after `from` (the start day is not counted); N = 0 is `from` itself. */
  addWorkdays(from: DayNumber, n: number): DayNumber {
    this.assertSupported(from);
    if (n === 0) return from;
    const target = this.countThrough(from) + n;
    // First index whose running count reaches the target: that day is the N-th working day.
    let lo = from - this.start + 1;
    let hi = this.cumulative.length - 1;
    if (lo > hi || this.cumulative[hi]! < target) throw new RangeError(outOfRange(from));
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.start + lo;
  }

  /** Working days in (a, b]: after a, up to and including b. Zero when b ≤ a. */
  workdaysBetween(a: DayNumber, b: DayNumber): number {
    if (b <= a) return 0;
    this.assertSupported(a);
    this.assertSupported(b);
    return this.countThrough(b) - this.countThrough(a);
  }

  /** `day` itself when it is a working day, else the next working day. */
  nextWorkday(day: DayNumber): DayNumber {
    return this.isWorkday(day) ? day : this.addWorkdays(day, 1);
  }

  private countThrough(day: DayNumber): number {
    return this.cumulative[day - this.start]!;
  }

  private isDeclaredWorkday(day: DayNumber): boolean {
    const declared = this.days.get(day);
    if (declared) return declared.kind === 'workday';
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6;
  }

  private assertSupported(day: DayNumber): void {
    if (!this.supports(day)) throw new RangeError(outOfRange(day));
  }
}

function outOfRange(day: DayNumber): string {
  return `date ${formatDate(day)} is outside the calendar's supported range`;
}

/** A short content hash (FNV-1a) so a case can record exactly which calendar computed it. */
function fingerprint(days: ReadonlyMap<DayNumber, CalendarDay>, years: ReadonlySet<number>): string {
  const text =
    [...years].sort().join(',') +
    '|' +
    [...days.keys()]
      .sort((a, b) => a - b)
      .map((d) => `${d}${days.get(d)!.kind[0]}`)
      .join(',');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
