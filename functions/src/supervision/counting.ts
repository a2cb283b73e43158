import { shanghaiDateOf, type ItemDefinition, type WorkCalendar } from '@onevisit/item-schemas';
import type { CaseRecord } from '../cases/record';
import type { AppDeps } from '../deps';
import { summaryOf } from '../records';
import { monthsOf } from '../store/stats-records';
import { contributionsOf } from './contributions';
import { addContributions, differences, rowChanges, type CounterRow } from './counter-rows';
import type { CaseTerms } from './terms';

/**
 * Keeping the counters: each case's move adds what it changed (live), and a rebuild recomputes
 * them all from the cases (for data from before counting, and for audits), saying where the
 * two disagree.
 *
 * A new case's counts go in its own write where the store has transactions (saveClaimedCase);
 * elsewhere the live addition follows the case's write and is not part of it: a process stopped
 * between the two, or a calendar changed after a case moved (its earlier counts were made with
 * the old one), leaves the counters off until the next rebuild, which the audit shows.
 */

/** The limits of the version each case pinned, read once per version. */
export function termsReader(deps: AppDeps): (c: Pick<CaseRecord, 'jurisdiction' | 'itemId' | 'version'>) => Promise<CaseTerms> {
  const read = new Map<string, Promise<CaseTerms>>();
  return (c) => {
    const key = `${c.jurisdiction}/${c.itemId}/${c.version}`;
    let terms = read.get(key);
    if (!terms) {
      terms = deps.store.getVersion(c.jurisdiction, c.itemId, c.version).then((v) => {
        if (!v) throw new Error(`version ${key} of a case is missing`);
        return termsOf(v.definition);
      });
      read.set(key, terms);
    }
    return terms;
  };
}

/** A version's limits, as the figures read them. */
export function termsOf(item: ItemDefinition): CaseTerms {
  const { promisedLimit, legalLimit } = summaryOf(item);
  return { promisedLimit, legalLimit };
}

/** What a case's move (`previous` undefined: a new case) adds to the counters, under the rules it moved by. */
export function countsOfMove(previous: CaseRecord | undefined, next: CaseRecord, rules: { item: ItemDefinition; calendar: WorkCalendar }): CounterRow[] {
  const terms = termsOf(rules.item);
  const before = previous && { case: previous, contributions: contributionsOf(previous, terms, rules.calendar) };
  return rowChanges(before, { case: next, contributions: contributionsOf(next, terms, rules.calendar) });
}

/**
 * Adds to the counters what a case's move changed, under the rules it moved by (its pinned
 * version, its jurisdiction's calendar). Never throws: the case is already stored, and a rebuild
 * makes up for a lost addition.
 */
export async function countMove(deps: AppDeps, previous: CaseRecord | undefined, next: CaseRecord, rules: { item: ItemDefinition; calendar: WorkCalendar }): Promise<void> {
  try {
    const changes = countsOfMove(previous, next, rules);
    if (changes.length > 0) await deps.store.addCounts(changes);
  } catch (error) {
    console.error(JSON.stringify({ type: 'counters-not-updated', trackingNumber: next.trackingNumber, error: String(error) }));
  }
}

export interface RebuildReport {
  cases: number;
  rows: number;
  /** Counts where the kept counters differed from the cases, before any write. */
  differences: number;
  /** The first few, for the audit trail: row (day#jurisdiction#department#item), counter, kept, recomputed. */
  examples: ReturnType<typeof differences>;
  written: boolean;
}

/** Recomputes a jurisdiction's counters from its cases; with `write`, replaces the kept ones from its first case's month to today's. */
export async function rebuildCounters(deps: AppDeps, jurisdiction: string, options: { write: boolean }): Promise<RebuildReport> {
  const calendar = await deps.calendars.forJurisdiction(jurisdiction);
  const termsOf = termsReader(deps);
  const rows = new Map<string, CounterRow>();
  let cases = 0;
  let first = shanghaiDateOf(deps.clock());
  let cursor: Record<string, string> | undefined;
  do {
    const page = await deps.store.searchCases(jurisdiction, { from: '0000-01-01', to: '9999-12-31' }, { limit: 500, maxRead: 500, ...(cursor ? { cursor } : {}) });
    for (const c of page.cases) {
      cases++;
      const contributions = contributionsOf(c, await termsOf(c), calendar);
      addContributions(rows, c, contributions);
      for (const { day } of contributions) if (day < first) first = day;
    }
    cursor = page.cursor;
  } while (cursor);
  const last = [...rows.values()].reduce((max, r) => (r.day > max ? r.day : max), shanghaiDateOf(deps.clock()));
  const rebuilt = [...rows.values()].filter((r) => Object.keys(r.counts).length > 0);
  const kept = await deps.store.readCounts(jurisdiction, first, last);
  const found = differences(kept.rows, rebuilt);
  if (options.write && found.length > 0) await deps.store.replaceCounts(jurisdiction, monthsOf(first, last), rebuilt);
  return { cases, rows: rebuilt.length, differences: found.length, examples: found.slice(0, 20), written: options.write && found.length > 0 };
}
