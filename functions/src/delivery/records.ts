import { z } from '@hono/zod-openapi';
import { ZCaseStatus, ZCorrectionItem, ZDecision, ZDecisionResult, ZRecipient, ZResultDelivery } from '../cases/record';
import { ZDeskPerson, ZIdType } from '../window/desk-record';

/** What the window's 统一出件 routes take and return. */

const ZExpectedRevision = z.number().int().min(0).openapi({ description: '办理时看到的版本号 / the case revision the officer saw' });
const ZNote = z.string().trim().max(500).optional();

/** A case waiting at the window: a result to hand over or post, or 补正 materials to take in. */
export const ZWindowQueueEntry = z
  .object({
    trackingNumber: z.string(),
    itemName: z.string(),
    status: ZCaseStatus,
    revision: z.number().int(),
    task: z.enum(['delivery', 'correction']),
    applicant: z.object({ name: z.string().optional(), idType: ZIdType.optional(), idNumber: z.string().optional() }),
    /** The 代理人 who applied for them at the window, if any. */
    agent: ZDeskPerson.pick({ name: true, idType: true, idNumber: true }).optional(),
    collection: ZResultDelivery,
    outcome: ZDecision.shape.outcome.optional(),
    decidedOn: z.string().optional(),
    result: ZDecisionResult.optional(),
    /** 送达 due (delivery) or the day the 补正 was asked (correction). */
    due: z.string().optional(),
    corrections: z.array(ZCorrectionItem.extend({ name: z.string().optional() })).optional(),
  })
  .openapi('WindowQueueEntry');
export type WindowQueueEntry = z.infer<typeof ZWindowQueueEntry>;

/** The result handed over at the window: to whom, their 证件 (a 居民身份证 checked with its GB 11643 check digit). */
export const ZHandover = z
  .object({
    expectedRevision: ZExpectedRevision,
    recipient: ZRecipient.extend({ idNumber: ZDeskPerson.shape.idNumber, name: z.string().trim().min(1).max(100) }),
    note: ZNote,
  })
  .openapi('Handover');

/** The result posted by the window: the EMS waybill number. */
export const ZPosting = z
  .object({
    expectedRevision: ZExpectedRevision,
    waybill: z.string().trim().min(1).max(40).openapi({ description: 'EMS 运单号，如 1234567890123 或 EA123456785CN' }),
    note: ZNote,
  })
  .openapi('Posting');

/** A window case's 补正 taken in at the window: the materials received on paper, and what was said. */
export const ZWindowCorrection = z
  .object({
    expectedRevision: ZExpectedRevision,
    paper: z.array(z.string().max(64)).max(50).default([]).openapi({ description: '窗口收取的纸质补正材料(材料标识) / materials received on paper' }),
    response: z.string().trim().max(2000).optional(),
  })
  .openapi('WindowCorrection');
