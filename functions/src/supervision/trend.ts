import type { AppDeps } from '../deps';
import { monthsOf } from '../store/stats-records';
import { bucket } from './supervise';
import { jurisdictionsOf, sumRows } from './dashboard';
import { ratio, type Trend, type TrendMonth } from './figures';
import type { CounterRow } from './counter-rows';

/**
 * The trend chart's figures: month by month over the last 12 months up to a day, received, 办结
 * (decided) and 按时办结率, for the jurisdiction with its counties, and for each of them when
 * asked; from the kept counters, a query per month per jurisdiction.
 */

export const TREND_MONTHS = 12;

/** The first day of the month `count − 1` months before the month of `day`. */
export function trendStart(day: string, count = TREND_MONTHS): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - (count - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function monthly(months: readonly string[], rows: readonly CounterRow[]): TrendMonth[] {
  const byMonth = bucket(rows, (r) => r.day.slice(0, 7));
  return months.map((month) => {
    const k = sumRows(byMonth.get(month) ?? []);
    return { month, received: k.received, decided: k.decided, onTimeRate: ratio(k.onTime, k.decided) };
  });
}

export async function trendOf(deps: AppDeps, query: { jurisdiction: string; to: string; counties: boolean }): Promise<Trend> {
  const from = trendStart(query.to);
  const months = monthsOf(from, query.to);
  const jurisdictions = await jurisdictionsOf(deps, query);
  const read = await Promise.all(jurisdictions.map((j) => deps.store.readCounts(j, from, query.to)));
  return {
    months,
    total: monthly(months, read.flatMap((r) => r.rows)),
    jurisdictions: query.counties ? jurisdictions.map((jurisdiction, i) => ({ jurisdiction, months: monthly(months, read[i]!.rows) })) : [],
    reads: read.reduce((sum, r) => sum + r.reads, 0),
  };
}
