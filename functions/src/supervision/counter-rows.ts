import type { CaseRecord } from '../cases/record';
import { counterNames, type Contribution, type CounterName } from './counters';

/**
 * The live counters as the table keeps them: one row per Beijing day, jurisdiction, department
 * and item, holding the sums of that day's contributions (contributions.ts). A dashboard of any
 * period reads the rows of its days, never the cases: as many rows as days × items that had
 * something happen, however many cases.
 *
 * When a case moves, its rows change by rowsOf(next) − rowsOf(previous) (a case moved to another
 * department moves its counts with it); applied as atomic additions, the rows stay the sums a
 * rebuild from the cases gives.
 */

export interface CounterRowKey {
  day: string;
  jurisdiction: string;
  departmentId: string;
  itemId: string;
}

export interface CounterRow extends CounterRowKey {
  /** Only the counters that are not 0. */
  counts: Partial<Record<CounterName, number>>;
}

/** A row's place, unique per day, jurisdiction, department and item. */
export const rowId = (r: CounterRowKey) => `${r.day}#${r.jurisdiction}#${r.departmentId}#${r.itemId}`;

/** Adds `contributions` of the case `c` (+1) or takes them away (−1) in `rows`. */
export function addContributions(rows: Map<string, CounterRow>, c: Pick<CaseRecord, 'jurisdiction' | 'departmentId' | 'itemId'>, contributions: readonly Contribution[], sign: 1 | -1 = 1): Map<string, CounterRow> {
  for (const { day, counter, value } of contributions) {
    const key = { day, jurisdiction: c.jurisdiction, departmentId: c.departmentId, itemId: c.itemId };
    const id = rowId(key);
    const row = rows.get(id) ?? rows.set(id, { ...key, counts: {} }).get(id)!;
    const sum = (row.counts[counter] ?? 0) + sign * value;
    if (sum === 0) delete row.counts[counter];
    else row.counts[counter] = sum;
  }
  return rows;
}

/** What a case's move adds to the rows: the next state's contributions less the previous one's; rows that do not change are left out. */
export function rowChanges(
  previous: { case: Pick<CaseRecord, 'jurisdiction' | 'departmentId' | 'itemId'>; contributions: readonly Contribution[] } | undefined,
  next: { case: Pick<CaseRecord, 'jurisdiction' | 'departmentId' | 'itemId'>; contributions: readonly Contribution[] },
): CounterRow[] {
  const rows = addContributions(new Map(), next.case, next.contributions);
  if (previous) addContributions(rows, previous.case, previous.contributions, -1);
  return [...rows.values()].filter((r) => Object.keys(r.counts).length > 0);
}

/** Whether two sets of rows hold the same counts (a rebuild against the live rows). */
export function differences(live: readonly CounterRow[], rebuilt: readonly CounterRow[]): Array<{ row: string; counter: CounterName; live: number; rebuilt: number }> {
  const byId = (rows: readonly CounterRow[]) => new Map(rows.map((r) => [rowId(r), r.counts]));
  const a = byId(live);
  const b = byId(rebuilt);
  const out: Array<{ row: string; counter: CounterName; live: number; rebuilt: number }> = [];
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    for (const counter of counterNames) {
      const x = a.get(id)?.[counter] ?? 0;
      const y = b.get(id)?.[counter] ?? 0;
      if (x !== y) out.push({ row: id, counter, live: x, rebuilt: y });
    }
  }
  return out;
}
