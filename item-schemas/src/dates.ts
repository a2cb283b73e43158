import { z } from 'zod';

/**
 * Calendar dates as `YYYY-MM-DD` strings. Arithmetic works on day numbers (days since
 * 1970-01-01) computed with integer civil-calendar formulas (H. Hinnant's days_from_civil),
 * so neither the process's time zone nor `Date` objects are involved: this is the deadline
 * engine's hot path.
 */

/** A day number: whole days since 1970-01-01. */
export type DayNumber = number;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function daysFromCivil(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(day: DayNumber): [year: number, month: number, date: number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Digits at [from, from + length) of `text` as a number, or -1 if any is not a digit. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

export function parseDate(text: string): DayNumber | undefined {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return undefined;
  const [y, m, d] = [digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)];
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function formatDate(day: DayNumber): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function yearOf(day: DayNumber): number {
  return civilFromDays(day)[0];
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

export function firstDayOfYear(year: number): DayNumber {
  return daysFromCivil(year, 1, 1);
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Asia/Shanghai at an instant, whatever the process's time zone. */
export function shanghaiDateOf(instant: Date): string {
  return shanghaiDate.format(instant);
}

export const ZIsoDate = z
  .string()
  .refine((s) => parseDate(s) !== undefined, {
    message: '日期须为有效的 YYYY-MM-DD 格式 / a date must be a valid YYYY-MM-DD',
  })
  .meta({ title: '日期', format: 'date' });
