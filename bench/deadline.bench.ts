import { dueDate, nationalCalendar, parseDate } from '@onevisit/item-schemas';
import { compareRates, report } from './measure';

/**
 * Due dates of 250-working-day limits from start dates spread over 2024–2026.
 *
 * Baseline (`ratio`): the plain day-by-day loop most implementations start from — step a Date
 * one day at a time and look each day up in the holiday and make-up day sets, from the same
 * calendar data. `ratio_vs_daynumber_loop` compares against a day-by-day loop that already uses
 * this engine's day numbers and lookups, isolating what the precomputed counts alone bring.
 */
const calendar = nationalCalendar();
const DAYS = 250;
const starts = Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + ((i * 7919) % 1000))).toISOString().slice(0, 10));

const holidays = new Set(calendar.declaredDays().filter((d) => d.kind === 'holiday').map((d) => d.date));
const makeUpDays = new Set(calendar.declaredDays().filter((d) => d.kind === 'workday').map((d) => d.date));

function naiveLoop(from: string, n: number): string {
  const date = new Date(`${from}T00:00:00Z`);
  let key = from;
  for (let counted = 0; counted < n; ) {
    date.setUTCDate(date.getUTCDate() + 1);
    key = date.toISOString().slice(0, 10);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    if (makeUpDays.has(key) || (!weekend && !holidays.has(key))) counted++;
  }
  return key;
}

function dayNumberLoop(from: string, n: number): number {
  let day = parseDate(from)!;
  for (let counted = 0; counted < n; ) if (calendar.isWorkday(++day)) counted++;
  return day;
}

const engine = (i: number) => dueDate(calendar, { from: starts[i % starts.length]!, limit: { value: DAYS, unit: 'workday' } });

for (const from of starts.slice(0, 100)) {
  const expected = dueDate(calendar, { from, limit: { value: DAYS, unit: 'workday' } }).due;
  if (naiveLoop(from, DAYS) !== expected || dayNumberLoop(from, DAYS) !== parseDate(expected)) throw new Error(`baselines disagree for ${from}`);
}

const naive = compareRates(engine, (i) => naiveLoop(starts[i % starts.length]!, DAYS));
const dayNumbers = compareRates(engine, (i) => dayNumberLoop(starts[i % starts.length]!, DAYS));
report('deadline', {
  ratio: naive.ratio,
  ops_per_s: naive.candidate.opsPerSecond,
  baseline_ops_per_s: naive.baseline.opsPerSecond,
  ratio_vs_daynumber_loop: dayNumbers.ratio,
  days: DAYS,
});
