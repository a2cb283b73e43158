import { z } from 'zod';

/**
 * Calendar dates as `YYYY-MM-DD` strings. Arithmetic works on day numbers (days since
 * 1970-01-01) computed with UTC, so the process's time zone never shifts a date.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day number: whole days since 1970-01-01. */
export type DayNumber = number;

export function parseDate(text: string): DayNumber | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Round-trip to reject 2026-02-30 and friends.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

export function formatDate(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

export function firstDayOfYear(year: number): DayNumber {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
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

export const isoDate = z
  .string()
  .refine((s) => parseDate(s) !== undefined, {
    message: '日期须为有效的 YYYY-MM-DD 格式 / a date must be a valid YYYY-MM-DD',
  })
  .meta({ title: '日期', format: 'date' });
