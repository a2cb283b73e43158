import { z } from '@hono/zod-openapi';
import { correctionItem } from './record';

/**
 * What officers and applicants may ask of a case. Officers name the revision they decided on,
 * so acting on a case someone else changed meanwhile is a conflict, not a lost update.
 */

const reason = (title: string) => z.string().trim().min(1).max(1000).openapi({ description: title });
const note = z.string().trim().max(1000).optional();
const expectedRevision = z.number().int().min(0).openapi({ description: '办理时看到的版本号 / the case revision the officer saw' });

export const officerAction = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('accept'), expectedRevision, note }),
    z.object({ type: z.literal('requestCorrection'), expectedRevision, items: z.array(correctionItem).min(1).max(50) }),
    z.object({ type: z.literal('notAccept'), expectedRevision, reason: reason('不予受理理由 / why the application is not accepted') }),
    z.object({
      type: z.literal('completeStep'),
      expectedRevision,
      outcome: z.enum(['pass', 'return', 'reject']),
      note,
      reasons: z.string().trim().max(2000).optional().openapi({ description: '不予许可的理由 / reasons for a denial' }),
    }),
    z.object({ type: z.literal('transfer'), expectedRevision, to: reason('转报机关 / the authority it goes to'), reason: reason('转报理由') }),
    z.object({ type: z.literal('suspend'), expectedRevision, procedure: z.string().min(1).max(50).openapi({ description: '特别程序种类, e.g. expertReview' }), reason: reason('中止理由') }),
    z.object({ type: z.literal('resume'), expectedRevision, note }),
    z.object({ type: z.literal('extend'), expectedRevision, reason: reason('延期理由(经本机关负责人批准)') }),
    z.object({ type: z.literal('deliver'), expectedRevision, method: z.string().trim().min(1).max(100), note }),
    z.object({ type: z.literal('reviewSupplement'), expectedRevision, materialId: z.string().max(64), accepted: z.boolean(), note }),
    z.object({ type: z.literal('closeFollowUp'), expectedRevision, response: reason('回访整改情况') }),
  ])
  .openapi('OfficerAction');
export type OfficerAction = z.infer<typeof officerAction>;
export type OfficerActionType = OfficerAction['type'];

export const applicantAction = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('withdraw'), reason: note }),
    z.object({ type: z.literal('rate'), level: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional() }),
    z.object({
      type: z.literal('supplyCorrection'),
      materials: z.record(z.string().max(64), z.array(z.string().max(300)).min(1).max(20)).default({}),
      response: z.string().trim().max(2000).optional(),
    }),
  ])
  .openapi('ApplicantAction');
export type ApplicantAction = z.infer<typeof applicantAction>;

/** Names for history entries and the workbench, Chinese first. */
export const actionNames: Record<string, readonly [string, string]> = {
  submitted: ['提交申请', 'submitted'],
  accept: ['受理', 'accepted'],
  deemAccept: ['逾期未告知，视为受理', 'deemed accepted'],
  requestCorrection: ['一次性告知补正', 'correction requested'],
  notAccept: ['不予受理', 'not accepted'],
  completeStep: ['办理环节', 'step completed'],
  autoPass: ['超时默认', 'deemed approved on timeout'],
  transfer: ['转报', 'transferred'],
  suspend: ['中止(特别程序)', 'suspended'],
  resume: ['恢复办理', 'resumed'],
  extend: ['延长办理期限', 'extended'],
  deliver: ['送达', 'delivered'],
  reviewSupplement: ['审核容缺补交材料', 'supplement reviewed'],
  closeFollowUp: ['差评回访整改', 'follow-up closed'],
  withdraw: ['申请人撤回', 'withdrawn'],
  rate: ['评价', 'rated'],
  supplyCorrection: ['提交补正材料', 'corrections supplied'],
  supplement: ['补交容缺材料', 'supplement supplied'],
  supplementMissed: ['容缺材料逾期未补交', 'supplement not supplied in time'],
  warning: ['时限预警', 'deadline warning'],
  recomputed: ['工作日历调整，重算期限', 'deadlines recomputed after a calendar change'],
};
