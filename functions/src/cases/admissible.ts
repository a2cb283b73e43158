import type { ItemDefinition } from '@onevisit/item-schemas';
import type { CaseAction, OfficerAction } from './actions';
import type { CaseRecord, CaseStatus } from './record';
import { collectedAtWindow } from '../delivery/collection';

/**
 * What may be done to a case now: the states each action is taken from, the further rules some
 * actions have, and the officer actions the workbench offers (or shows held back, with why).
 */

/** Which actions each state admits. */
export const allowedFrom: Record<CaseAction['type'], readonly CaseStatus[]> = {
  accept: ['received'],
  deemAccept: ['received'],
  // Before acceptance: 一次性告知. During processing: the review asks for more (审查中补正).
  requestCorrection: ['received', 'inProcess'],
  notAccept: ['received', 'correctionRequested'],
  completeStep: ['inProcess'],
  autoPass: ['inProcess'],
  transfer: ['inProcess'],
  suspend: ['inProcess'],
  resume: ['suspended'],
  extend: ['inProcess', 'suspended'],
  deliver: ['decided'],
  reviewSupplement: ['received', 'correctionRequested', 'inProcess', 'suspended', 'decided'],
  closeFollowUp: ['decided', 'delivered', 'notAccepted'],
  withdraw: ['received', 'correctionRequested', 'inProcess', 'suspended'],
  rate: ['decided', 'delivered', 'notAccepted'],
  supplyCorrection: ['correctionRequested'],
  supplement: ['received', 'correctionRequested', 'inProcess', 'suspended'],
  supplementMissed: ['received', 'inProcess'],
  warning: ['received', 'correctionRequested', 'inProcess', 'suspended', 'decided', 'delivered', 'notAccepted'],
  reassign: ['received', 'correctionRequested', 'inProcess', 'suspended', 'decided'],
};

/** A further condition some actions have beyond the state; a message when it is not met. */
export function guard(c: CaseRecord, action: CaseAction, item: ItemDefinition): [string, string] | undefined {
  switch (action.type) {
    case 'requestCorrection':
      if (c.status === 'received' && c.correction) return ['补正只能一次性告知，本件已告知过', 'corrections are requested once, all at once; this case had its request'];
      return undefined;
    case 'notAccept':
      return c.acceptedOn ? ['本件已受理，不能再作不予受理决定', 'the case was accepted; it can no longer be refused acceptance'] : undefined;
    case 'completeStep':
      if (!(item.steps[c.step!.index]?.outcomes ?? [action.outcome]).includes(action.outcome)) {
        return ['该环节不能作此办理结果', 'this step does not allow that outcome'];
      }
      if (action.outcome === 'return' && c.step!.index === 0) return ['第一个环节无法退回', 'the first step cannot be returned'];
      if (action.outcome === 'reject' && !action.reasons) return ['不予许可须说明理由', 'a denial must state its reasons'];
      if (action.outcome === 'pass' && c.step!.index === item.steps.length - 1 && awaitingMaterials(c)) {
        return ['容缺材料尚未补齐并审核，不能办结', 'the deferred (容缺) materials are not all supplied and reviewed yet'];
      }
      return undefined;
    case 'autoPass':
      if (item.steps[c.step!.index]?.onTimeout !== 'autoApprove') return ['该环节未实行超时默认', 'this step is not deemed approved on timeout'];
      // Timing out decides nothing an officer could not: the last step waits for the 容缺 materials too.
      if (c.step!.index === item.steps.length - 1 && awaitingMaterials(c)) return ['容缺材料尚未补齐并审核，不能视为同意办结', 'the deferred (容缺) materials are not all supplied and reviewed, so the case cannot be deemed approved'];
      return undefined;
    case 'resume':
      if (c.pauses.at(-1)?.kind === 'supplement' && c.materials.some((m) => m.status === 'deferred')) {
        return ['容缺材料补交后自动恢复办理', 'the case resumes by itself once the deferred materials are supplied'];
      }
      return undefined;
    case 'extend':
      return c.extension ? ['办理期限只能延长一次', 'the time limit may be extended once only'] : undefined;
    case 'reviewSupplement': {
      const m = c.materials.find((x) => x.materialId === action.materialId);
      return m?.review === 'pending' ? undefined : ['该材料没有待审核的补交', 'this material has no supplement to review'];
    }
    case 'closeFollowUp':
      return c.rating?.followUp && !c.rating.followUp.closedOn ? undefined : ['没有待回访的差评', 'there is no poor rating to follow up'];
    case 'rate':
      return c.rating ? ['本件已评价', 'this case was rated already'] : undefined;
    case 'reassign':
      return action.department === c.departmentId ? ['办件已在该部门', 'the case is with that department already'] : undefined;
    case 'supplement':
      return c.materials.some((m) => m.materialId === action.materialId && m.status === 'deferred')
        ? undefined
        : ['这项材料无需补交或已经补交', 'this material is not awaited (or was supplied already)'];
    case 'supplyCorrection': {
      const asked = c.correction!.items.flatMap((i) => (i.materialId ? [i.materialId] : []));
      const missing = asked.filter((id) => !action.materials[id]?.length && !action.paper?.includes(id));
      if (missing.length > 0) {
        const names = missing.map((id) => c.materials.find((m) => m.materialId === id)?.name ?? id);
        return [`请补正这些材料：${names.join('、')}`, `supply the corrected materials: ${names.join(', ')}`];
      }
      const extra = [...Object.keys(action.materials), ...(action.paper ?? [])].filter((id) => !asked.includes(id));
      return extra.length > 0 ? [`这些材料不在补正告知中：${extra.join('、')}`, `these materials were not asked for: ${extra.join(', ')}`] : undefined;
    }
    case 'deliver':
      // A department's own 送达 of a result that goes out through the window would bypass 统一出件.
      return 'expectedRevision' in action && collectedAtWindow(c) ? ['本件办理结果由综合窗口统一出件', 'this result goes out through the service window'] : undefined;
    case 'supplementMissed':
      if (item.deficiencyAcceptance.onMissed === 'suspend' && c.status !== 'inProcess') return ['受理后方可中止', 'only an accepted case can be suspended'];
      return undefined;
    default:
      return undefined;
  }
}

/** Deferred materials not yet supplied, or supplied and not yet reviewed. */
export function awaitingMaterials(c: CaseRecord): boolean {
  return c.materials.some((m) => m.status === 'deferred' || m.review === 'pending');
}

/** Whether an action may be taken now (for the workbench, which offers only these). */
export function isAllowed(c: CaseRecord, action: CaseAction, item: ItemDefinition): boolean {
  return allowedFrom[action.type].includes(c.status) && guard(c, action, item) === undefined;
}

/** Every officer action with stand-in parameters, to ask which the case admits now. */
const probes: OfficerAction[] = [
  { type: 'accept', expectedRevision: 0 },
  { type: 'requestCorrection', expectedRevision: 0, items: [{ note: '-' }] },
  { type: 'notAccept', expectedRevision: 0, reason: '-' },
  { type: 'completeStep', expectedRevision: 0, outcome: 'pass' },
  { type: 'completeStep', expectedRevision: 0, outcome: 'return' },
  { type: 'completeStep', expectedRevision: 0, outcome: 'reject', reasons: '-' },
  { type: 'transfer', expectedRevision: 0, to: '-', reason: '-' },
  { type: 'suspend', expectedRevision: 0, procedure: 'expertReview', reason: '-' },
  { type: 'resume', expectedRevision: 0 },
  { type: 'extend', expectedRevision: 0, reason: '-' },
  { type: 'deliver', expectedRevision: 0, method: '-' },
  { type: 'closeFollowUp', expectedRevision: 0, response: '-' },
];

const probeName = (p: OfficerAction) => (p.type === 'completeStep' ? `completeStep:${p.outcome}` : p.type);

/** The officer actions the case admits now (a step's outcomes as `completeStep:pass` etc.): the workbench offers only these. */
export function allowedActions(c: CaseRecord, item: ItemDefinition): string[] {
  const allowed = probes.filter((p) => isAllowed(c, p, item)).map(probeName);
  if (allowedFrom.reviewSupplement.includes(c.status) && c.materials.some((m) => m.review === 'pending')) allowed.push('reviewSupplement');
  return allowed;
}

/**
 * Actions the case's state admits but a rule holds back now, with the reason (e.g. 通过 while a
 * 容缺 material is unsupplied): the workbench shows them disabled and says why.
 */
export function blockedActions(c: CaseRecord, item: ItemDefinition): Array<{ action: string; message: string; message_en: string }> {
  return probes.flatMap((p) => {
    // Closing a follow-up is held back only in the sense that there is none: nothing to show.
    if (!allowedFrom[p.type].includes(c.status) || p.type === 'closeFollowUp') return [];
    const problem = guard(c, p, item);
    // A probe's stand-in parameters are not the officer's: only rules about the case itself count.
    return problem && !(p.type === 'completeStep' && p.outcome === 'reject') ? [{ action: probeName(p), message: problem[0], message_en: problem[1] }] : [];
  });
}
