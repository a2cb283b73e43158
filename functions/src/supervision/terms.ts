import { z } from '@hono/zod-openapi';
import { dueDate, workdaysUsed, type TimeLimit, type WorkCalendar } from '@onevisit/item-schemas';
import { ZItemSummary, ZJurisdictionId } from '../records';

/**
 * What the figures read of an item: its limits for a case (from the version the case pinned, so
 * later edits never change a closed case's figures), and for the catalogue figures the
 * published summary of each item (晒清单).
 */

/** A case's item terms: a version's `summaryOf` satisfies it. */
export const ZCaseTerms = ZItemSummary.pick({ promisedLimit: true, legalLimit: true });
export type CaseTerms = z.infer<typeof ZCaseTerms>;

/** A published item as the catalogue lists it, with where it is. */
export const ZCatalogueItem = ZItemSummary.pick({ name: true, caseType: true, department: true, legalLimit: true, promisedLimit: true, maxVisits: true, onlineLevel: true }).extend({
  jurisdiction: ZJurisdictionId,
  itemId: z.string(),
});
export type CatalogueItem = z.infer<typeof ZCatalogueItem>;

/**
 * A limit as working days counted from `from`: its value when set in working days; a natural-day
 * limit as the working days up to the date it ends on (moved to a working day, as the clocks do).
 */
export function limitWorkdays(calendar: WorkCalendar, from: string, limit: TimeLimit): number {
  if (limit.unit === 'workday') return limit.value;
  return workdaysUsed(calendar, { from, to: dueDate(calendar, { from, limit }).due });
}
