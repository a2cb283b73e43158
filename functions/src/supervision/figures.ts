import { z } from '@hono/zod-openapi';
import { isoDate } from '@onevisit/item-schemas';
import { counterNames, type CounterName } from './counters';

/**
 * The supervision figures (电子监察, DOMAIN §4) as the API and the dashboard return them. Every
 * rate keeps its numerator and denominator, so a dashboard can drill from a figure to its cases
 * and a rebuild from the cases can be compared with the live counters number by number. Rates
 * are fractions (0.75, not 75); a rate over nothing is null, never 0 or 100%.
 */

export const ZPeriod = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期 / the period starts after it ends' })
  .openapi({ description: '统计期间(北京时间日期，含首尾) / the period, Beijing days, both ends included' });
export type Period = z.infer<typeof ZPeriod>;

export const groupings = ['jurisdiction', 'department', 'item'] as const;
export const ZGrouping = z.enum(groupings);
export type Grouping = z.infer<typeof ZGrouping>;

/** A rate or a mean: numerator / denominator, null when the denominator is 0. */
export const ZRatio = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() }).openapi('SupervisionRatio');
export type Ratio = z.infer<typeof ZRatio>;

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** A rate as people read it: 75.0%, or — over nothing. */
export const percentText = (r: Ratio) => (r.value === null ? '—' : `${(r.value * 100).toFixed(1)}%`);

/** The additive counts every case figure is made of: per day they are what the live counters hold. */
export const ZCounters = z.object(Object.fromEntries(counterNames.map((name) => [name, z.number()])) as Record<CounterName, z.ZodNumber>).openapi('SupervisionCounters');
export type Counters = z.infer<typeof ZCounters>;

export const ZCaseFigures = z
  .object({
    received: z.number(),
    accepted: z.number(),
    notAccepted: z.number(),
    correctionRate: ZRatio,
    /** 办结 is the decision (DOMAIN §4: 平均办结时间 runs to it); 送达 is counted apart. */
    decided: z.object({ total: z.number(), approved: z.number(), denied: z.number(), transferred: z.number() }),
    delivered: z.number(),
    withdrawn: z.number(),
    immediateShare: ZRatio,
    onTimeRate: ZRatio,
    earlyRate: ZRatio,
    overdueRate: ZRatio,
    workdaysLate: z.number(),
    sameDayRate: ZRatio,
    closedInMonthRate: ZRatio,
    meanWorkdaysUsed: ZRatio,
    meanPromisedWorkdays: ZRatio,
    meanWorkdaysUsedPromisedCases: ZRatio,
    usedAgainstPromised: z.object({ quarter: z.number(), half: z.number(), threeQuarters: z.number(), whole: z.number(), beyond: z.number() }),
    meanLegalWorkdays: ZRatio,
    handlingSpeedUp: ZRatio,
    deferredUse: ZRatio,
    onlineShare: ZRatio,
    notifyPromiseUse: ZRatio,
    ratings: z.object({
      rated: z.number(),
      byLevel: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() }),
      goodRate: ZRatio,
      poor: z.number(),
      /** 差评(申诉成立): 差评 voided on 复核, in none of the other ratings' figures. */
      voided: z.number(),
      followUpRate: ZRatio,
      rectifiedOnTimeRate: ZRatio,
    }),
  })
  .openapi('CaseFigures');
export type CaseFigures = z.infer<typeof ZCaseFigures>;

export const ZCatalogueFigures = z
  .object({
    items: z.number(),
    immediateShare: ZRatio,
    promiseCompression: ZRatio,
    zeroVisitShare: ZRatio,
    fullyOnlineShare: ZRatio,
    noVisitShare: ZRatio,
    meanVisits: ZRatio,
  })
  .openapi('CatalogueFigures');
export type CatalogueFigures = z.infer<typeof ZCatalogueFigures>;

/** One 超期件: whose it is, who last handled it, and how many working days past its promised date. */
export const ZOverdueCase = z
  .object({
    trackingNumber: z.string(),
    jurisdiction: z.string(),
    departmentId: z.string(),
    itemId: z.string(),
    itemName: z.string(),
    applicant: z.string().optional(),
    /** The officer who last acted on it (its decision, for a closed one). */
    handledBy: z.string().optional(),
    due: z.string(),
    /** The decision day; absent while it is still open. */
    decidedOn: z.string().optional(),
    workdaysLate: z.number().int(),
  })
  .openapi('OverdueCase');
export type OverdueCase = z.infer<typeof ZOverdueCase>;

export const ZGroupFigures = z
  .object({
    /** The jurisdiction's code, the department's credit code, or `jurisdiction/itemId`; `all` for the total. */
    key: z.string(),
    counters: ZCounters,
    cases: ZCaseFigures,
    catalogue: ZCatalogueFigures,
    overdue: z.array(ZOverdueCase),
  })
  .openapi('GroupFigures');
export type GroupFigures = z.infer<typeof ZGroupFigures>;

export const ZFigures = z
  .object({
    period: ZPeriod,
    groupBy: ZGrouping,
    /** The day open cases were judged overdue on: the period's end, or today if sooner. */
    asOf: isoDate,
    total: ZGroupFigures,
    groups: z.array(ZGroupFigures),
  })
  .openapi('SupervisionFigures');
export type Figures = z.infer<typeof ZFigures>;

/** The trend chart's months (trend.ts): received, 办结 and 按时办结率 month by month. */
export const ZTrendMonth = z.object({ month: z.string().openapi({ example: '2026-10' }), received: z.number(), decided: z.number(), onTimeRate: ZRatio });
export type TrendMonth = z.infer<typeof ZTrendMonth>;

export const ZTrend = z
  .object({
    months: z.array(z.string()),
    /** The jurisdiction (and its counties when asked) in all. */
    total: z.array(ZTrendMonth),
    /** Each jurisdiction on its own, the asked one first: only with its counties. */
    jurisdictions: z.array(z.object({ jurisdiction: z.string(), months: z.array(ZTrendMonth) })),
    reads: z.number().int(),
  })
  .openapi('SupervisionTrend');
export type Trend = z.infer<typeof ZTrend>;

export type { Order, OrderStatus } from './orders';
export { caseRatingFilterLabels, caseRatingFilters, type CaseRatingFilter } from '../ratings/case-rating-filter';
