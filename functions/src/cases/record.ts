import { z } from '@hono/zod-openapi';
import { isoDate } from '@onevisit/item-schemas';
import { ZFileInfo, ZJurisdictionId, type PendingMessage } from '../records';
import { ZIdType, ZWindowIntake } from '../window/desk-record';

/**
 * A case (办件) as stored and returned: its state, the dates its clocks run from, and the
 * history of every transition (电子监察). Due dates are derived from these by clocks.ts and
 * kept on the record so queues and the sweep can index them.
 */

/** The 查询码 as shown and sent: two groups of four, easy to read out. */
export const displayTrackingCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

export const caseStatuses = [
  'received', // 收件: waiting for the acceptance decision (5 WD, else deemed accepted)
  'correctionRequested', // 补正: the applicant was told everything to correct, at once
  'notAccepted', // 不予受理
  'inProcess', // 受理后办理中, through the item's steps
  'suspended', // 特别程序 or 容缺 overdue: the clock stands still
  'decided', // 准予 / 不予许可 / 转报
  'delivered', // 送达
  'withdrawn', // 撤回
] as const;
export const ZCaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof ZCaseStatus>;

/** States in which the office still owes the applicant something. */
export const openStatuses: readonly CaseStatus[] = ['received', 'correctionRequested', 'inProcess', 'suspended', 'decided'];

export const ZDueDateInfo = z.object({ due: z.string(), provisional: z.boolean() }).openapi('DueDate');
export type DueDateInfo = z.infer<typeof ZDueDateInfo>;

export const ZCaseMaterial = z
  .object({
    materialId: z.string(),
    name: z.string(),
    status: z.enum(['supplied', 'deferred', 'promised']),
    files: z.array(ZFileInfo),
    supplementDue: z.string().optional(),
    /** A 容缺 material supplied after submission: when, and the officer's review of it. */
    supplementedOn: z.string().optional(),
    review: z.enum(['pending', 'accepted']).optional(),
  })
  .openapi('CaseMaterial');
export type CaseMaterial = z.infer<typeof ZCaseMaterial>;

export const ZHistoryEntry = z
  .object({
    at: z.string(),
    /** A user id, `applicant`, or `system` (the sweep). */
    actor: z.string(),
    actorName: z.string().optional(),
    action: z.string(),
    from: ZCaseStatus.optional(),
    to: ZCaseStatus.optional(),
    /** What the applicant is told, with the entry. */
    note: z.string().optional(),
    /** The officer's own remark: kept for the office, never shown to the applicant. */
    internalNote: z.string().optional(),
    /** The idempotency key of the request that made this entry. */
    key: z.string().optional(),
    /** The office's own business (e.g. moving the case between departments): not shown to the applicant. */
    internal: z.boolean().optional(),
  })
  .openapi('HistoryEntry');
export type HistoryEntry = z.infer<typeof ZHistoryEntry>;

export const ZCorrectionItem = z.object({
  materialId: z.string().max(64).optional(),
  note: z.string().min(1).max(500),
});

export const ZCasePause = z.object({
  /** The first day the clock stood still. */
  from: z.string(),
  /** The day the clock ran again; absent while suspended. */
  until: z.string().optional(),
  kind: z.string(),
  reason: z.string(),
});
export type CasePause = z.infer<typeof ZCasePause>;

/** What an approval issues: the licence or document, its number, and how long it is valid. */
export const ZDecisionResult = z.object({
  name: z.string().trim().min(1).max(200).openapi({ description: '结果名称，如 食品经营许可证' }),
  number: z.string().trim().max(100).optional().openapi({ description: '证照编号或文号' }),
  validUntil: isoDate.optional().openapi({ description: '有效期至 YYYY-MM-DD' }),
});
export type DecisionResult = z.infer<typeof ZDecisionResult>;

export const ZDecision = z.object({
  outcome: z.enum(['approved', 'denied', 'transferred']),
  result: ZDecisionResult.optional(),
  on: z.string(),
  reasons: z.string().optional(),
  /** 复议/诉讼 rights, stated on every denial. */
  rights: z.string().optional(),
  transferTo: z.string().optional(),
  /** Set when the step's 超时默认 made the decision. */
  deemed: z.boolean().optional(),
});

export const ZRating = z.object({
  /** 1 非常满意 … 5 非常不满意; 4–5 are 差评. */
  level: z.number().int().min(1).max(5),
  comment: z.string().optional(),
  on: z.string(),
  /** A 差评's follow-up; its deadline is the followUp clock. */
  followUp: z.object({ closedOn: z.string().optional(), response: z.string().optional() }).optional(),
  /** A 差评 voided on 复核 (申诉成立): it no longer counts as a 差评, nor as a rating. */
  voided: z.object({ on: z.string() }).optional(),
});

export const clockNames = ['acceptance', 'promised', 'legal', 'step', 'supplement', 'delivery', 'followUp'] as const;
export type ClockName = (typeof clockNames)[number];
export const ZWarningLevel = z.enum(['normal', 'yellow', 'red', 'overdue']);
export type WarningLevel = z.infer<typeof ZWarningLevel>;

export const ZCaseDue = z.object({
  /** 补正告知 deadline: 5 WD after receipt (or after the corrections arrived). */
  acceptance: ZDueDateInfo.optional(),
  /** From acceptance (estimated from receipt until then), less pauses, plus an extension. */
  promised: ZDueDateInfo,
  legal: ZDueDateInfo.optional(),
  step: ZDueDateInfo.optional(),
  supplement: ZDueDateInfo.optional(),
  delivery: ZDueDateInfo.optional(),
  followUp: ZDueDateInfo.optional(),
});

/**
 * 申报来源: how an application came in. 窗口 (entered at a service window), 电脑端 and 移动端 (the
 * citizen pages and API from a computer or a phone), 自助终端 (a self-service kiosk), 快递 (posted).
 */
export const caseChannels = ['window', 'web', 'mobile', 'kiosk', 'post'] as const;
export const ZCaseChannel = z.enum(caseChannels);
export type CaseChannel = z.infer<typeof ZCaseChannel>;

/** Who collected a result at the window: the applicant, or someone collecting it for them (代领, with a 委托书). */
export const ZRecipient = z.object({ idType: ZIdType, idNumber: z.string(), name: z.string(), agent: z.boolean() });
export type Recipient = z.infer<typeof ZRecipient>;

export const ZResultDelivery = z.object({ method: z.enum(['window', 'post']), address: z.string().trim().max(300).optional() });

export const ZCaseRecord = z
  .object({
    trackingNumber: z.string(),
    jurisdiction: ZJurisdictionId,
    itemId: z.string(),
    itemName: z.string(),
    version: z.number().int(),
    departmentId: z.string(),
    status: ZCaseStatus,
    /** Bumped by every change; actions name the revision they were decided on. */
    revision: z.number().int(),
    submittedAt: z.string(),
    receivedOn: z.string(),
    /** 申报来源; absent on cases received before it was recorded. */
    channel: ZCaseChannel.optional(),
    /** Who applied, read from the fields the item marks (or that name them): for notices, documents and search. */
    applicant: z.object({ name: z.string().optional(), idNumber: z.string().optional(), mobile: z.string().optional() }).optional(),
    /** 窗口收件: the window and officer that took it, the applicant's identity, any 代理人, and how each material was received. */
    window: ZWindowIntake.optional(),
    answers: z.record(z.string(), z.unknown()),
    materials: z.array(ZCaseMaterial),
    acceptedOn: z.string().optional(),
    deemedAccepted: z.boolean().optional(),
    correction: z.object({ requestedOn: z.string(), items: z.array(ZCorrectionItem), suppliedOn: z.string().optional(), response: z.string().optional() }).optional(),
    notAccepted: z.object({ on: z.string(), reason: z.string(), rights: z.string() }).optional(),
    /** The step being worked (index into the pinned version's steps) and when it started. */
    step: z.object({ index: z.number().int(), name: z.string(), role: z.string(), startedOn: z.string() }).optional(),
    pauses: z.array(ZCasePause),
    extension: z.object({ days: z.number().int(), on: z.string(), reason: z.string() }).optional(),
    decision: ZDecision.optional(),
    /** 出件: how the result went out; through the window, to whom (their 证件 checked) or by which EMS waybill. */
    delivery: z.object({ on: z.string(), method: z.string(), note: z.string().optional(), recipient: ZRecipient.optional(), waybill: z.string().optional() }).optional(),
    /** 领取方式 the applicant chose: collect the result at the window, or have the window post it (to this address). */
    resultDelivery: ZResultDelivery.optional(),
    withdrawn: z.object({ on: z.string(), reason: z.string().optional() }).optional(),
    rating: ZRating.optional(),
    due: ZCaseDue,
    /** The highest warning already raised per clock, so each is raised once. */
    warnings: z.record(z.string(), ZWarningLevel),
    calendarVersion: z.string(),
    history: z.array(ZHistoryEntry),
    /** A base item's case filed with a 一件事: the parent case (its one tracking number) and the item's key in the bundle. */
    bundle: z.object({ trackingNumber: z.string(), bundleId: z.string(), key: z.string() }).optional(),
  })
  .openapi('Case');
export type CaseRecord = z.infer<typeof ZCaseRecord>;

// What the officer routes return.

/** What every list of cases shows of one. */
const ZCaseListed = ZCaseRecord.pick({ trackingNumber: true, itemId: true, itemName: true, status: true, revision: true, receivedOn: true });

export const ZQueueEntry = ZCaseListed
  .extend({
    applicant: z.string().optional(),
    step: z.string().optional(),
    due: z.object({ promised: ZDueDateInfo, legal: ZDueDateInfo.optional(), step: ZDueDateInfo.optional(), supplement: ZDueDateInfo.optional(), acceptance: ZDueDateInfo.optional() }).passthrough(),
    warning: ZWarningLevel,
    awaitingReview: z.boolean(),
  })
  .openapi('QueueEntry');

export const ZCaseStep = z.object({ name: z.string(), role: z.string(), limitDays: z.number().int(), onTimeout: z.string() });

export const ZCaseDetail = z
  .object({
    case: ZCaseRecord,
    warning: ZWarningLevel,
    steps: z.array(ZCaseStep),
    /** The actions the case admits now; the workbench offers only these. */
    allowed: z.array(z.string()),
    specialProcedures: z.array(z.string()),
    departmentName: z.string(),
    /** The answers as the applicant saw the questions: titles and the chosen options' names. */
    answers: z.array(z.object({ path: z.string(), title: z.string(), value: z.string() })),
    deliveryMethods: z.array(z.string()),
    /** The item's 办理结果 (不动产权证书): what the decision issues unless the officer says otherwise. */
    resultName: z.string().optional(),
    /** 事项类型 (01 行政许可 …): the decision's wording and documents follow it. */
    itemType: z.string(),
    /** What happens to a 容缺 case whose material does not come in time: the notices say so. */
    supplementOnMissed: z.enum(['reject', 'suspend']),
    /** Actions the state admits but a rule holds back now, with why: the workbench shows them disabled. */
    blocked: z.array(z.object({ action: z.string(), message: z.string(), message_en: z.string() })),
    /** The 一件事 the case was filed with: its one number and where each of its items stands. */
    bundle: z
      .object({
        trackingNumber: z.string(),
        bundleName: z.string(),
        items: z.array(z.object({ itemName: z.string(), stage: z.number().int(), trackingNumber: z.string().optional(), departmentId: z.string().optional(), status: z.string() })),
      })
      .optional(),
  })
  .openapi('CaseDetail');

/** A case found by the search, open or closed. */
export const ZCaseSearchEntry = ZCaseListed
  .extend({
    departmentId: z.string(),
    applicant: z.string().optional(),
    channel: ZCaseChannel.optional(),
    /** 受理窗口号 of a case taken at a service window. */
    windowNumber: z.string().optional(),
    promisedDue: z.string(),
    outcome: ZDecision.shape.outcome.optional(),
    /** The case's own rating: its level, and whether a 差评 was voided on 复核. */
    rating: ZRating.pick({ level: true, voided: true }).optional(),
  })
  .openapi('CaseSearchEntry');

export type QueueEntry = z.infer<typeof ZQueueEntry>;
export type CaseSearchEntry = z.infer<typeof ZCaseSearchEntry>;
export type CaseDetail = z.infer<typeof ZCaseDetail>;

/**
 * A stored case also holds what never leaves the server: the 查询码's hash, the submission's
 * idempotency key, and the messages its changes must send that are not delivered yet, by id
 * (written in the same item write as the change; the sender removes each once delivered).
 */
export type StoredCase = CaseRecord & { secretHash: string; idempotencyKey: string; outbox?: Record<string, PendingMessage> };
