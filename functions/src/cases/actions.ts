import { z } from '@hono/zod-openapi';
import { specialProcedureKinds } from '@onevisit/item-schemas';
import type { FileInfo } from '../records';
import { poorReasons, ZPoorReason } from '../ratings/model';
import { ZCorrectionItem, ZDecisionResult, type ClockName, type Recipient } from './record';

/**
 * What officers and applicants may ask of a case. Officers name the revision they decided on,
 * so acting on a case someone else changed meanwhile is a conflict, not a lost update.
 */

const reason = (title: string) => z.string().trim().min(1).max(1000).openapi({ description: title });
const ZNote = z.string().trim().max(1000).optional();
const ZExpectedRevision = z.number().int().min(0).openapi({ description: '办理时看到的版本号 / the case revision the officer saw' });

export const ZOfficerAction = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('accept'), expectedRevision: ZExpectedRevision, note: ZNote }),
    z.object({ type: z.literal('requestCorrection'), expectedRevision: ZExpectedRevision, items: z.array(ZCorrectionItem).min(1).max(50) }),
    z.object({ type: z.literal('notAccept'), expectedRevision: ZExpectedRevision, reason: reason('不予受理理由 / why the application is not accepted') }),
    z.object({
      type: z.literal('completeStep'),
      expectedRevision: ZExpectedRevision,
      outcome: z.enum(['pass', 'return', 'reject']),
      note: ZNote,
      reasons: z.string().trim().max(2000).optional().openapi({ description: '不予许可的理由 / reasons for a denial' }),
      result: ZDecisionResult.optional().openapi({ description: '最后一个环节通过时：办理结果(证照名称、编号、有效期) / on the last step: the result issued' }),
    }),
    z.object({ type: z.literal('transfer'), expectedRevision: ZExpectedRevision, to: reason('转报机关 / the authority it goes to'), reason: reason('转报理由') }),
    z.object({ type: z.literal('suspend'), expectedRevision: ZExpectedRevision, procedure: z.enum(Object.keys(specialProcedureKinds).filter((k) => k !== 'extension') as [keyof typeof specialProcedureKinds]).openapi({ description: '特别程序种类 / the special procedure, e.g. expertReview' }), reason: reason('中止理由') }),
    z.object({ type: z.literal('resume'), expectedRevision: ZExpectedRevision, note: ZNote }),
    z.object({ type: z.literal('extend'), expectedRevision: ZExpectedRevision, reason: reason('延期理由(经本机关负责人批准)') }),
    z.object({ type: z.literal('deliver'), expectedRevision: ZExpectedRevision, method: z.string().trim().min(1).max(100), note: ZNote }),
    z.object({ type: z.literal('reviewSupplement'), expectedRevision: ZExpectedRevision, materialId: z.string().max(64), accepted: z.boolean(), note: ZNote }),
    z.object({ type: z.literal('closeFollowUp'), expectedRevision: ZExpectedRevision, response: reason('回访整改情况') }),
  ])
  .openapi('OfficerAction');
export type OfficerAction = z.infer<typeof ZOfficerAction>;
export type OfficerActionType = OfficerAction['type'];

export const ZApplicantAction = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('withdraw'), reason: ZNote }),
    z.object({ type: z.literal('rate'), level: z.number().int().min(1).max(5), reasons: z.array(ZPoorReason).max(poorReasons.length).optional(), comment: z.string().trim().max(1000).optional() }),
    z.object({
      type: z.literal('supplyCorrection'),
      materials: z.record(z.string().max(64), z.array(z.string().max(300)).min(1).max(20)).default({}),
      response: z.string().trim().max(2000).optional(),
    }),
  ])
  .openapi('ApplicantAction');
export type ApplicantAction = z.infer<typeof ZApplicantAction>;

export type SystemAction =
  | { type: 'deemAccept' }
  | { type: 'autoPass' }
  | { type: 'supplementMissed' }
  | { type: 'warning'; clock: ClockName; key: string; level: 'yellow' | 'red' | 'overdue'; due: string };

/** Applicant actions once their uploads are checked: file keys resolved to files; `paper` names the corrections a window took in on paper. */
export type ResolvedApplicantAction =
  | Exclude<ApplicantAction, { type: 'supplyCorrection' }>
  | { type: 'supplyCorrection'; materials: Record<string, FileInfo[]>; response?: string; paper?: string[] }
  | { type: 'supplement'; materialId: string; files: FileInfo[] };

/** 统一出件 at the window: the result handed over (to whom, their 证件 checked by the window's route) or posted (the EMS waybill). */
export type WindowAction = { type: 'deliver'; method: string; note?: string; recipient?: Recipient; waybill?: string };

/** An administrator moves a case to the department that should work it; the history keeps why. */
export type AdminAction = { type: 'reassign'; department: string; departmentName: string; fromName: string; reason: string };

export type CaseAction = OfficerAction | ResolvedApplicantAction | SystemAction | AdminAction | WindowAction;
