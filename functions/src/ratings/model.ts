import { z } from '@hono/zod-openapi';
import { isoDate } from '@onevisit/item-schemas';
import { ZJurisdictionId } from '../records';

/**
 * 好差评 (国办发〔2019〕51号; GB/T 39734-2020): a rating of one service of a case, and the 差评
 * workflow it starts. Labels are here once, Chinese then English, for every page that shows them.
 *
 * How often a case may be rated: the standard's 一事一评 (online, per case) and 一次一评 (at the
 * window, per service) give one rating to each service rendered — the case, and for a case taken
 * in at a window also that window's service — and nothing more of the same service. A rater may
 * add one 追评 (a later remark on the same rating, the record's 评价次数 2) without changing the
 * level given; a changed mind about a fix is the 差评 workflow's 满意度 judgement, not a new rating.
 */

/** 评价渠道 (DOMAIN: PC, 移动端, 二维码, 大厅平板, 其他终端, 短信). */
export const ratingChannels = ['web', 'mobile', 'kiosk', 'windowQr', 'windowTablet', 'sms'] as const;
export const ZRatingChannel = z.enum(ratingChannels).openapi({ description: '评价渠道 / where the rating came from' });
export type RatingChannel = z.infer<typeof ZRatingChannel>;
export const channelLabels: Record<RatingChannel, readonly [string, string]> = {
  web: ['电脑端', 'Computer'],
  mobile: ['移动端', 'Mobile'],
  kiosk: ['自助终端', 'Self-service kiosk'],
  windowQr: ['窗口二维码', 'QR code at the window'],
  windowTablet: ['窗口评价器', 'Tablet at the window'],
  sms: ['短信', 'SMS reply'],
};

/** What is rated: the case (一事一评), or the window service it was taken in by (一次一评). */
export const ratingTargets = ['case', 'window'] as const;
export const ZRatingTarget = z.enum(ratingTargets);
export type RatingTarget = z.infer<typeof ZRatingTarget>;
/** Window services belong to the centre's 综合窗口, not to a department. */
export const WINDOW_DEPARTMENT = 'window';
export const targetLabels: Record<RatingTarget, readonly [string, string]> = { case: ['办件', 'The case'], window: ['窗口服务', 'The window service'] };

export const levelLabels: ReadonlyArray<readonly [string, string]> = [
  ['非常满意', 'Very satisfied'],
  ['满意', 'Satisfied'],
  ['基本满意', 'Fairly satisfied'],
  ['不满意', 'Dissatisfied'],
  ['非常不满意', 'Very dissatisfied'],
];
export const ZRatingLevel = z.number().int().min(1).max(5).openapi({ description: '1 非常满意 … 5 非常不满意; 4–5 为差评' });
export const isPoor = (level: number) => level >= 4;

/** 差评原因 a rater picks from (one or more). */
export const poorReasons = ['slow', 'attitude', 'visits', 'unclear', 'system', 'other'] as const;
export const ZPoorReason = z.enum(poorReasons);
export type PoorReason = z.infer<typeof ZPoorReason>;
export const reasonLabels: Record<(typeof poorReasons)[number], readonly [string, string]> = {
  slow: ['办理效率低', 'Slow handling'],
  attitude: ['服务态度差', 'Unhelpful staff'],
  visits: ['多次跑动', 'Had to come back again'],
  unclear: ['告知不清楚', 'Unclear instructions'],
  system: ['系统不好用', 'The online system failed'],
  other: ['其他', 'Other'],
};

/** 差评 workflow states. */
export const poorStatuses = ['verifying', 'rectifying', 'fedBack', 'judged', 'appealed', 'closed'] as const;
export const ZPoorStatus = z.enum(poorStatuses);
export type PoorStatus = z.infer<typeof ZPoorStatus>;
export const statusLabels: Record<PoorStatus, readonly [string, string]> = {
  verifying: ['待核实', 'To verify'],
  rectifying: ['整改中', 'Being rectified'],
  fedBack: ['已反馈', 'Fix reported'],
  judged: ['待关闭', 'Judged, to close'],
  appealed: ['申诉复核中', 'Appealed, under review'],
  closed: ['已关闭', 'Closed'],
};

/** The rater's judgement of the fix. */
export const verdicts = ['satisfied', 'fair', 'dissatisfied'] as const;
export const ZVerdict = z.enum(verdicts);
export type Verdict = z.infer<typeof ZVerdict>;
export const verdictLabels: Record<Verdict, readonly [string, string]> = { satisfied: ['满意', 'Satisfied'], fair: ['基本满意', 'Fairly satisfied'], dissatisfied: ['不满意', 'Dissatisfied'] };

/** How a closed 差评 ended: rectified (the rater content), voided (申诉 upheld on 复核). */
export const ZPoorOutcome = z.enum(['rectified', 'voided']);
export type PoorOutcome = z.infer<typeof ZPoorOutcome>;
export const outcomeLabels: Record<PoorOutcome, readonly [string, string]> = { rectified: ['整改完成', 'Rectified'], voided: ['申诉成立，不计差评', 'Appeal upheld, not counted'] };

export const actionLabels: Record<string, readonly [string, string]> = {
  rated: ['收到差评', 'Rated poorly'],
  verify: ['核实属实，开始整改', 'Verified; rectification started'],
  appeal: ['提出申诉', 'Appealed'],
  review: ['复核', 'Reviewed'],
  feedback: ['反馈整改情况', 'Fix reported'],
  judge: ['评价整改', 'Fix judged'],
  revisit: ['回访', 'Revisited'],
  close: ['关闭', 'Closed'],
};

const ZText = (max: number) => z.string().trim().min(1).max(max);

export const ZPoorEntry = z.object({
  at: z.string(),
  actor: z.string(),
  actorName: z.string().optional(),
  action: z.string(),
  from: ZPoorStatus.optional(),
  to: ZPoorStatus.optional(),
  note: z.string().optional(),
  /** The idempotency key of the request that made the entry. */
  key: z.string().optional(),
});
export type PoorEntry = z.infer<typeof ZPoorEntry>;

export const ZRevisit = z.object({ on: z.string(), method: z.string(), result: z.string(), by: z.string() });

export const ZPoorRating = z
  .object({
    status: ZPoorStatus,
    /** The day the current step began, and the day it is due (working days from the settings). */
    since: z.string(),
    due: z.string().optional(),
    /** 回访 is due within the settings' days of the rating (real-name 差评 only). */
    revisitDue: z.string().optional(),
    verification: z.object({ on: z.string(), finding: z.string() }).optional(),
    feedback: z.object({ on: z.string(), text: z.string(), onTime: z.boolean() }).optional(),
    judgement: z.object({ on: z.string(), verdict: ZVerdict, comment: z.string().optional(), by: z.enum(['rater', 'revisit']) }).optional(),
    appeal: z.object({ on: z.string(), reason: z.string() }).optional(),
    review: z.object({ on: z.string(), upheld: z.boolean(), note: z.string() }).optional(),
    revisits: z.array(ZRevisit),
    closed: z.object({ on: z.string(), outcome: ZPoorOutcome }).optional(),
    history: z.array(ZPoorEntry),
    /** The highest warning already raised per clock (ratings/warnings.ts), so each is raised once. */
    warned: z.record(z.string(), z.enum(['yellow', 'red', 'overdue'])).optional(),
  })
  .openapi('PoorRating');
export type PoorRating = z.infer<typeof ZPoorRating>;

export const ZRatingRecord = z
  .object({
    jurisdiction: ZJurisdictionId,
    trackingNumber: z.string(),
    target: ZRatingTarget,
    departmentId: z.string(),
    itemName: z.string(),
    level: ZRatingLevel,
    reasons: z.array(ZPoorReason),
    comment: z.string().optional(),
    channel: ZRatingChannel,
    /** The rater is known (the applicant, by the case's code or at the window): a 差评 gets a 回访. */
    realName: z.boolean(),
    at: z.string(),
    on: isoDate,
    /** 追评: one later remark on the same rating. */
    addendum: z.object({ on: z.string(), comment: z.string(), channel: ZRatingChannel }).optional(),
    poor: ZPoorRating.optional(),
    /** Bumped by every change; workflow actions name the revision they were decided on. */
    revision: z.number().int(),
    /** The idempotency key of the request that made the rating. */
    key: z.string().optional(),
  })
  .openapi('RatingRecord');
export type RatingRecord = z.infer<typeof ZRatingRecord>;

/** What a rater sends: the level, for a 差评 at least one reason, and words if they like. */
export const ZRatingInput = z
  .object({
    target: ZRatingTarget.default('case'),
    level: ZRatingLevel,
    reasons: z.array(ZPoorReason).max(poorReasons.length).default([]),
    comment: z.string().trim().max(1000).optional(),
  })
  .openapi('RatingInput');
export type RatingInput = z.infer<typeof ZRatingInput>;

const ZExpected = z.number().int().min(0).openapi({ description: '处理时看到的版本号 / the revision you saw' });

/** What officers and administrators do with a 差评; the rater's judgement comes from the tracking page. */
export const ZPoorAction = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('verify'), expectedRevision: ZExpected, finding: ZText(1000).openapi({ description: '核实情况 / what was found' }) }),
    z.object({ type: z.literal('appeal'), expectedRevision: ZExpected, reason: ZText(1000).openapi({ description: '申诉理由 / why the rating is mistaken' }) }),
    z.object({ type: z.literal('review'), expectedRevision: ZExpected, upheld: z.boolean(), note: ZText(1000) }),
    z.object({ type: z.literal('feedback'), expectedRevision: ZExpected, text: ZText(2000).openapi({ description: '整改情况 / what was fixed' }) }),
    z.object({ type: z.literal('revisit'), expectedRevision: ZExpected, method: ZText(50).openapi({ description: '回访方式，如 电话 / how' }), result: ZText(1000), verdict: ZVerdict.optional().openapi({ description: '回访时评价人对整改的评价 / the rater’s judgement given at the revisit' }) }),
    z.object({ type: z.literal('close'), expectedRevision: ZExpected }),
  ])
  .openapi('PoorAction');
export type PoorAction = z.infer<typeof ZPoorAction>;

/** A jurisdiction's 差评 limits, in working days. */
export const ZRatingSettings = z
  .object({
    verifyDays: z.number().int().min(1).max(30).openapi({ description: '核实期限(工作日) / days to verify' }),
    rectifyDays: z.number().int().min(1).max(60).openapi({ description: '整改反馈期限(工作日) / days to fix and report' }),
    judgeDays: z.number().int().min(1).max(30).openapi({ description: '评价人评价整改期限(工作日) / days the rater has to judge the fix' }),
    reviewDays: z.number().int().min(1).max(30).openapi({ description: '申诉复核期限(工作日) / days to review an appeal' }),
    revisitDays: z.number().int().min(1).max(60).openapi({ description: '实名差评回访期限(工作日) / days to revisit a real-name rater' }),
  })
  .openapi('RatingSettings');
export type RatingSettings = z.infer<typeof ZRatingSettings>;
/** 5 WD to report the fix is the common local limit (DOMAIN §6); the rest are this product's defaults. */
export const defaultRatingSettings: RatingSettings = { verifyDays: 2, rectifyDays: 5, judgeDays: 5, reviewDays: 5, revisitDays: 10 };

export const ratingMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
