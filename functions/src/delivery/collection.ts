import type { CaseRecord } from '../cases/record';

/**
 * 统一出件: which results go out through the service window (the applicant collects them there,
 * or the window posts them), and which cases wait at the window (a result to hand over or post,
 * or a window case sent back for 补正). Pure rules: the store's queues and the notices ask here.
 */

/** 领取方式 the applicant chose, Chinese first. */
export const collectionNames = {
  window: ['窗口领取', 'collect at the window'],
  post: ['邮寄(EMS)', 'by post (EMS)'],
} as const;

/** A result goes out through the window when the applicant chose how to receive it there, or applied at a window. */
export function collectedAtWindow(c: Pick<CaseRecord, 'channel' | 'resultDelivery'>): boolean {
  return c.resultDelivery !== undefined || c.channel === 'window';
}

/** How the applicant receives the result: what they chose, else collecting it where they applied. */
export function collectionOf(c: Pick<CaseRecord, 'channel' | 'resultDelivery'>): 'window' | 'post' {
  return c.resultDelivery?.method ?? 'window';
}

/** What the window owes the case now: its result to hand over or post, or the 补正 materials to take in. */
export function windowTask(c: Pick<CaseRecord, 'status' | 'channel' | 'resultDelivery' | 'decision'>): 'delivery' | 'correction' | undefined {
  if (c.status === 'decided' && c.decision?.outcome !== 'transferred' && collectedAtWindow(c)) return 'delivery';
  if (c.status === 'correctionRequested' && c.channel === 'window') return 'correction';
  return undefined;
}

/** What the decision's notice adds for a result that goes out through the window: where to collect it, or that it will be posted. */
export function collectionSentence(c: CaseRecord): readonly [string, string] | undefined {
  if (!collectedAtWindow(c)) return undefined;
  if (collectionOf(c) === 'post') return ['办理结果将通过 EMS 邮寄，寄出后告知运单号。', ' The result will be posted by EMS; you will be told the waybill number.'];
  const where = c.window ? `${c.window.window.name}(${c.window.window.number} 号窗口)` : '受理窗口';
  return [`办理结果已可领取，请持本人有效身份证件到${where}领取；他人代领的，请持委托书和代领人身份证件。`, ` The result is ready: collect it at the service window with your ID; someone collecting it for you brings your letter of authorisation and their own ID.`];
}
