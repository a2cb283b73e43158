import { z } from '@hono/zod-openapi';
import { ZCaseStatus } from '../cases/record';
import { ZDeskPerson } from '../window/desk-record';

/**
 * 帮办代办: an applicant asks the service centre for help with their application (帮办) or
 * delegates it to the centre's staff (代办, with a signed 委托书). The record says who asked, who
 * helps, which cases it covers, and the 回访 made once the results were delivered.
 */

export const assistanceKinds = { help: ['帮办', 'help'], proxy: ['代办', 'delegated'] } as const;

const ZPersonOfStaff = z.object({ id: z.string().optional(), name: z.string().trim().min(1).max(100) });

export const ZLetter = z.object({ key: z.string(), name: z.string(), contentType: z.string() }).openapi('AssistanceLetter');
export type Letter = z.infer<typeof ZLetter>;

export const ZFollowUp = z.object({
  on: z.string(),
  at: z.string(),
  by: ZPersonOfStaff,
  reached: z.boolean(),
  satisfied: z.boolean().optional(),
  note: z.string().optional(),
  /** The idempotency key of the request that recorded it. */
  key: z.string().optional(),
});

export const ZAssistance = z
  .object({
    id: z.string(),
    jurisdiction: z.string(),
    kind: z.enum(['help', 'proxy']),
    requester: ZDeskPerson,
    helper: ZPersonOfStaff,
    /** The signed 委托书 (代办 only). */
    letter: ZLetter.optional(),
    cases: z.array(z.string()),
    note: z.string().optional(),
    createdAt: z.string(),
    createdBy: ZPersonOfStaff,
    revision: z.number().int(),
    /** 回访 after the results were delivered. */
    followUp: ZFollowUp.optional(),
    /** The idempotency key it was recorded under. */
    key: z.string().optional(),
  })
  .openapi('Assistance');
export type Assistance = z.infer<typeof ZAssistance>;

/** A record as listed, with where each of its cases stands. */
export const ZAssistanceView = ZAssistance.extend({
  caseStates: z.array(z.object({ trackingNumber: z.string(), itemName: z.string(), status: ZCaseStatus })),
}).openapi('AssistanceView');
export type AssistanceView = z.infer<typeof ZAssistanceView>;

export const ZNewAssistance = z
  .object({
    kind: z.enum(['help', 'proxy']).openapi({ description: 'help 帮办 / proxy 代办' }),
    requester: ZDeskPerson,
    helper: z.object({ name: z.string().trim().min(1).max(100) }).optional().openapi({ description: '帮办代办员；缺省为登记的窗口工作人员 / who helps; the officer recording it by default' }),
    letter: z.string().max(300).optional().openapi({ description: '委托书文件(上传所得 key)，代办必填 / the uploaded letter of authorisation; required for 代办' }),
    cases: z.array(z.string().max(40)).min(1).max(20).openapi({ description: '所涉办件的受理编号 / tracking numbers of the cases it covers' }),
    note: z.string().trim().max(1000).optional(),
  })
  .openapi('NewAssistance');

export const ZNewFollowUp = z
  .object({
    expectedRevision: z.number().int().min(0),
    reached: z.boolean().openapi({ description: '是否联系上申请人 / whether the applicant was reached' }),
    satisfied: z.boolean().optional().openapi({ description: '联系上时：是否满意 / when reached: satisfied or not' }),
    note: z.string().trim().max(1000).optional(),
  })
  .openapi('NewFollowUp');
