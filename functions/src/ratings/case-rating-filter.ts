import { z } from '@hono/zod-openapi';

/**
 * The case search's filter by the case's own rating, the one the supervision counters count
 * (so a 好差评 figure leads to exactly its cases): 好评 levels 1–3, 差评 levels 4–5 that stand,
 * 差评(申诉成立) voided on 复核, 未评价 none yet.
 */
export const caseRatingFilters = ['good', 'poor', 'voided', 'none'] as const;
export const ZCaseRatingFilter = z.enum(caseRatingFilters);
export type CaseRatingFilter = z.infer<typeof ZCaseRatingFilter>;

export const caseRatingFilterLabels: Record<CaseRatingFilter, readonly [string, string]> = {
  good: ['好评(基本满意及以上)', 'Good (fairly satisfied or better)'],
  poor: ['差评(不满意、非常不满意)', 'Poor (dissatisfied, very dissatisfied)'],
  voided: ['差评(申诉成立)', 'Poor, voided on appeal'],
  none: ['未评价', 'Not rated'],
};
