import type { WorkCalendar } from '@onevisit/item-schemas';
import type { CaseRecord } from '../cases/record';
import { caseFiguresOf, emptyCounters, sumCounters } from './case-figures';
import { catalogueFiguresOf } from './catalogue';
import { contributionsOf } from './contributions';
import type { Figures, GroupFigures, Grouping, OverdueCase, Period } from './figures';
import { overdueOf } from './overdue';
import type { CaseTerms, CatalogueItem } from './terms';

/**
 * The figures of a period computed from the cases themselves, in all and per jurisdiction,
 * department or item: the definition the live counters and their rebuild must agree with, and
 * the reference a dashboard reading counters is tested against.
 */

export interface SupervisedCase {
  case: CaseRecord;
  /** The limits of the item version the case pinned. */
  terms: CaseTerms;
}

export interface SuperviseInput {
  cases: readonly SupervisedCase[];
  /** The published items (晒清单) of the jurisdictions looked at. */
  items: readonly CatalogueItem[];
  period: Period;
  groupBy: Grouping;
  /** Each jurisdiction's working-day calendar (its own days over its parent's). */
  calendarFor: (jurisdiction: string) => WorkCalendar;
  /** Today (Beijing): open cases are judged overdue on the period's end, or today if sooner. */
  today: string;
}

/** A case's group key: the jurisdiction's code, the department's credit code, or `jurisdiction/itemId`. */
export function caseGroupKey(c: Pick<CaseRecord, 'jurisdiction' | 'departmentId' | 'itemId'>, groupBy: Grouping): string {
  return groupBy === 'jurisdiction' ? c.jurisdiction : groupBy === 'department' ? c.departmentId : `${c.jurisdiction}/${c.itemId}`;
}

const itemGroupKey = (item: CatalogueItem, groupBy: Grouping) => caseGroupKey({ jurisdiction: item.jurisdiction, departmentId: item.department.creditCode, itemId: item.itemId }, groupBy);

function groupFigures(key: string, cases: readonly SupervisedCase[], items: readonly CatalogueItem[], input: SuperviseInput, asOf: string): GroupFigures {
  const counters = emptyCounters();
  const overdue: OverdueCase[] = [];
  for (const { case: c, terms } of cases) {
    const calendar = input.calendarFor(c.jurisdiction);
    sumCounters(contributionsOf(c, terms, calendar), input.period, counters);
    const late = overdueOf(c, calendar, input.period, asOf);
    if (late) overdue.push(late);
  }
  overdue.sort((a, b) => b.workdaysLate - a.workdaysLate || a.trackingNumber.localeCompare(b.trackingNumber));
  return { key, counters, cases: caseFiguresOf(counters), catalogue: catalogueFiguresOf(items), overdue };
}

/** `list` grouped by `keyOf`, each group in the list's order. */
export function bucket<T>(list: readonly T[], keyOf: (x: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const x of list) {
    const key = keyOf(x);
    const group = groups.get(key);
    if (group) group.push(x);
    else groups.set(key, [x]);
  }
  return groups;
}

export function supervise(input: SuperviseInput): Figures {
  const asOf = input.today < input.period.to ? input.today : input.period.to;
  const caseGroups = bucket(input.cases, (x) => caseGroupKey(x.case, input.groupBy));
  const itemGroups = bucket(input.items, (item) => itemGroupKey(item, input.groupBy));
  const keys = [...new Set([...caseGroups.keys(), ...itemGroups.keys()])].sort();
  return {
    period: input.period,
    groupBy: input.groupBy,
    asOf,
    total: groupFigures('all', input.cases, input.items, input, asOf),
    groups: keys.map((key) => groupFigures(key, caseGroups.get(key) ?? [], itemGroups.get(key) ?? [], input, asOf)),
  };
}
