import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { AppDeps } from '../deps';
import { emptyCounters } from './case-figures';
import { caseFiguresOf } from './case-figures';
import { catalogueFiguresOf } from './catalogue';
import type { CounterRow } from './counter-rows';
import type { Counters, Figures, GroupFigures, Grouping, OverdueCase, Period } from './figures';
import { overdueOf } from './overdue';
import { bucket, caseGroupKey } from './supervise';
import type { CatalogueItem } from './terms';

/**
 * The supervision page's figures, from the kept counters (never the cases): a query per month
 * per jurisdiction, however many cases. The 超期件 list is the open cases past their promised
 * date (the department queues: only open cases are read); cases decided late are counted in
 * the figures, listed from the case search.
 */

export interface DashboardQuery {
  jurisdiction: string;
  period: Period;
  groupBy: Grouping;
  /** A city's counties beside it (their counters and catalogues read too). */
  counties: boolean;
}

/** The jurisdiction and, when asked, the ones directly under it. */
export async function jurisdictionsOf(deps: AppDeps, query: Pick<DashboardQuery, 'jurisdiction' | 'counties'>): Promise<string[]> {
  if (!query.counties) return [query.jurisdiction];
  const below = (await deps.store.listJurisdictions()).filter((j) => j.parent === query.jurisdiction).map((j) => j.id);
  return [query.jurisdiction, ...below.sort()];
}

async function catalogueOf(deps: AppDeps, jurisdiction: string): Promise<CatalogueItem[]> {
  const heads = await deps.store.listHeadsBriefly(jurisdiction);
  return heads.flatMap((h) => (h.state === 'published' && h.published ? [{ ...h.published, jurisdiction, itemId: h.itemId }] : []));
}

async function overdueIn(deps: AppDeps, jurisdiction: string, period: Period, asOf: string): Promise<OverdueCase[]> {
  const calendar = await deps.calendars.forJurisdiction(jurisdiction);
  return (await deps.store.openCases(jurisdiction)).flatMap((c) => overdueOf(c, calendar, period, asOf) ?? []);
}

export function sumRows(rows: readonly CounterRow[], into: Counters = emptyCounters()): Counters {
  for (const row of rows) for (const [name, value] of Object.entries(row.counts)) into[name as keyof Counters] += value;
  return into;
}

/** The figures of the period, in all and per group; `reads`: the counter queries it took. */
export async function dashboardFigures(deps: AppDeps, query: DashboardQuery): Promise<{ figures: Figures; reads: number }> {
  const { period, groupBy } = query;
  const today = shanghaiDateOf(deps.clock());
  const asOf = today < period.to ? today : period.to;
  const jurisdictions = await jurisdictionsOf(deps, query);
  const read = await Promise.all(
    jurisdictions.map(async (j) => {
      const [counts, items, overdue] = await Promise.all([deps.store.readCounts(j, period.from, period.to), catalogueOf(deps, j), overdueIn(deps, j, period, asOf)]);
      return { counts, items, overdue };
    }),
  );
  const rows = read.flatMap((r) => r.counts.rows);
  const items = read.flatMap((r) => r.items);
  const overdue = read.flatMap((r) => r.overdue).sort((a, b) => b.workdaysLate - a.workdaysLate || a.trackingNumber.localeCompare(b.trackingNumber));
  const figuresOf = (key: string, rs: readonly CounterRow[], is: readonly CatalogueItem[], late: readonly OverdueCase[]): GroupFigures => {
    const counters = sumRows(rs);
    return { key, counters, cases: caseFiguresOf(counters), catalogue: catalogueFiguresOf(is), overdue: [...late] };
  };
  const keyOf = (x: { jurisdiction: string; departmentId: string; itemId: string }) => caseGroupKey(x, groupBy);
  const rowGroups = bucket(rows, keyOf);
  const itemGroups = bucket(items, (i) => keyOf({ jurisdiction: i.jurisdiction, departmentId: i.department.creditCode, itemId: i.itemId }));
  const lateGroups = bucket(overdue, keyOf);
  // Side by side, a jurisdiction with nothing to count still has its place.
  const keys = [...new Set([...(groupBy === 'jurisdiction' ? jurisdictions : []), ...rowGroups.keys(), ...itemGroups.keys()])].sort();
  return {
    figures: {
      period,
      groupBy,
      asOf,
      total: figuresOf('all', rows, items, overdue),
      groups: keys.map((key) => figuresOf(key, rowGroups.get(key) ?? [], itemGroups.get(key) ?? [], lateGroups.get(key) ?? [])),
    },
    reads: read.reduce((sum, r) => sum + r.counts.reads, 0),
  };
}
