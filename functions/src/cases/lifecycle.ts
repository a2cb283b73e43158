import type { ItemDefinition } from '@onevisit/item-schemas';
import { ApiError } from '../errors';
import type { FileInfo } from '../records';
import type { ApplicantAction, OfficerAction } from './actions';
import { actionNames, statusNames } from './names';
import type { ClockName, CaseRecord, CaseStatus, HistoryEntry } from './record';
import type { CaseSettings } from './settings';

/**
 * The case state machine (DOMAIN §2), as a pure function: a case and an action in, the next
 * case, its history entry and the messages it calls for out. Storage, scope checks and clocks
 * are the caller's; here is only what may follow what.
 */

export type SystemAction =
  | { type: 'deemAccept' }
  | { type: 'autoPass' }
  | { type: 'supplementMissed' }
  | { type: 'warning'; clock: ClockName; key: string; level: 'yellow' | 'red' | 'overdue'; due: string };

/** Applicant actions once their uploads are checked: file keys resolved to files. */
export type ResolvedApplicantAction =
  | Exclude<ApplicantAction, { type: 'supplyCorrection' }>
  | { type: 'supplyCorrection'; materials: Record<string, FileInfo[]>; response?: string }
  | { type: 'supplement'; materialId: string; files: FileInfo[] };

/** An administrator moves a case to the department that should work it; the history keeps why. */
export type AdminAction = { type: 'reassign'; department: string; departmentName: string; fromName: string; reason: string };

export type CaseAction = OfficerAction | ResolvedApplicantAction | SystemAction | AdminAction;

/** Who a message goes to: the applicant, the case's department, or the jurisdiction's administrators. */
export interface NoticeIntent {
  to: 'applicant' | 'department' | 'administrators';
  topic: string;
  text: string;
  text_en: string;
}

export interface Actor {
  id: string;
  name?: string;
}

export interface TransitionContext {
  item: ItemDefinition;
  settings: CaseSettings;
  today: string;
  at: string;
  actor: Actor;
  key?: string;
}

export interface Transition {
  next: CaseRecord;
  entry: HistoryEntry;
  notices: NoticeIntent[];
}

/** 行政复议法 第20条, 行政诉讼法 第46条: every refusal states the applicant's rights. */
export const RIGHTS =
  '如不服本决定，可以自收到本决定之日起六十日内依法申请行政复议，或者自收到本决定之日起六个月内依法提起行政诉讼。';
const RIGHTS_EN = 'You may apply for administrative reconsideration within 60 days, or bring an administrative lawsuit within six months, of receiving this decision.';

const notAllowed = (zh: string, en: string) => new ApiError(409, 'ACTION_NOT_ALLOWED', zh, en);



/** Which actions each state admits. */
const allowedFrom: Record<CaseAction['type'], readonly CaseStatus[]> = {
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
function guard(c: CaseRecord, action: CaseAction, item: ItemDefinition): [string, string] | undefined {
  switch (action.type) {
    case 'requestCorrection':
      if (c.status === 'received' && c.correction) return ['补正只能一次性告知，本件已告知过', 'corrections are requested once, all at once; this case had its request'];
      return undefined;
    case 'notAccept':
      return c.acceptedOn ? ['本件已受理，不能再作不予受理决定', 'the case was accepted; it can no longer be refused acceptance'] : undefined;
    case 'completeStep':
      if (action.outcome === 'return' && c.step!.index === 0) return ['第一个环节无法退回', 'the first step cannot be returned'];
      if (action.outcome === 'reject' && !action.reasons) return ['不予许可须说明理由', 'a denial must state its reasons'];
      if (action.outcome === 'pass' && c.step!.index === item.steps.length - 1 && awaitingMaterials(c)) {
        return ['容缺材料尚未补齐并审核，不能办结', 'the deferred (容缺) materials are not all supplied and reviewed yet'];
      }
      return undefined;
    case 'autoPass':
      return item.steps[c.step!.index]?.onTimeout === 'autoApprove' ? undefined : ['该环节未实行超时默认', 'this step is not deemed approved on timeout'];
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
      const missing = asked.filter((id) => !action.materials[id]?.length);
      if (missing.length > 0) {
        const names = missing.map((id) => c.materials.find((m) => m.materialId === id)?.name ?? id);
        return [`请补正这些材料：${names.join('、')}`, `supply the corrected materials: ${names.join(', ')}`];
      }
      const extra = Object.keys(action.materials).filter((id) => !asked.includes(id));
      return extra.length > 0 ? [`这些材料不在补正告知中：${extra.join('、')}`, `these materials were not asked for: ${extra.join(', ')}`] : undefined;
    }
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

export function transition(c: CaseRecord, action: CaseAction, ctx: TransitionContext): Transition {
  if (!allowedFrom[action.type].includes(c.status)) {
    const [zh, en] = statusNames[c.status];
    const [azh, aen] = actionNames[action.type] ?? [action.type, action.type];
    throw notAllowed(`办件${zh}，不能「${azh}」`, `the case is ${en}; it cannot be ${aen}`);
  }
  const problem = guard(c, action, ctx.item);
  if (problem) throw notAllowed(...problem);

  const { item, today } = ctx;
  const next: CaseRecord = structuredClone(c);
  const notices: NoticeIntent[] = [];
  let note: string | undefined;
  let internalNote: string | undefined;
  const tell = (to: NoticeIntent['to'], topic: string, text: string, text_en: string) => notices.push({ to, topic, text, text_en });
  const startStep = (index: number) => {
    const step = item.steps[index]!;
    next.step = { index, name: step.name, role: step.role, startedOn: today };
  };
  const decide = (decision: NonNullable<CaseRecord['decision']>) => {
    next.status = 'decided';
    next.decision = decision;
    delete next.step;
    const outcome = { approved: ['准予', 'approved'], denied: ['不予许可', 'denied'], transferred: ['转报', 'transferred'] }[decision.outcome];
    if (decision.outcome === 'approved' && item.itemType === '01') outcome[0] = '准予行政许可';
    const r = decision.result;
    const issued = r ? [`办理结果：${r.name}${r.number ? `(编号 ${r.number})` : ''}${r.validUntil ? `，有效期至${r.validUntil}` : ''}。`, ` Issued: ${r.name}${r.number ? ` No. ${r.number}` : ''}${r.validUntil ? `, valid until ${r.validUntil}` : ''}.`] : ['', ''];
    tell('applicant', 'decided', `您申请的「${c.itemName}」(${c.trackingNumber})已办结：${outcome[0]}。${issued[0]}${decision.outcome === 'denied' ? RIGHTS : ''}`, `Your application ${c.trackingNumber} was decided: ${outcome[1]}.${issued[1]}${decision.outcome === 'denied' ? ` ${RIGHTS_EN}` : ''}`);
  };
  const accept = (deemed: boolean) => {
    next.status = 'inProcess';
    next.acceptedOn = deemed ? (c.correction?.suppliedOn ?? c.receivedOn) : today;
    if (deemed) next.deemedAccepted = true;
    startStep(0);
    const deferred = c.materials.filter((m) => m.status === 'deferred');
    if (deferred.length > 0) note = `容缺受理，待补交：${deferred.map((m) => m.name).join('、')}`;
    tell('applicant', 'accepted', `您申请的「${c.itemName}」已受理，受理编号 ${c.trackingNumber}。`, `Your application ${c.trackingNumber} was accepted.`);
  };

  switch (action.type) {
    case 'accept':
      accept(false);
      internalNote = action.note;
      break;
    case 'deemAccept':
      accept(true);
      break;
    case 'requestCorrection': {
      next.status = 'correctionRequested';
      next.correction = { requestedOn: today, items: action.items };
      // Asked during processing: where the jurisdiction says so, the clock waits for the applicant.
      if (c.status === 'inProcess' && ctx.settings.correctionPausesClock) next.pauses.push({ from: today, kind: 'correction', reason: '受理后补正' });
      const list = action.items.map((i, n) => `${n + 1}. ${i.materialId ? `${c.materials.find((m) => m.materialId === i.materialId)?.name ?? i.materialId}：` : ''}${i.note}`);
      note = list.join('；');
      tell('applicant', 'correctionRequested', `您申请的「${c.itemName}」(${c.trackingNumber})需要补正，请一次补齐：${list.join('；')}`, `Your application ${c.trackingNumber} needs corrections (all listed at once): ${list.join('; ')}`);
      break;
    }
    case 'notAccept':
      next.status = 'notAccepted';
      next.notAccepted = { on: today, reason: action.reason, rights: RIGHTS };
      note = action.reason;
      tell('applicant', 'notAccepted', `您申请的「${c.itemName}」(${c.trackingNumber})不予受理：${action.reason}。${RIGHTS}`, `Your application ${c.trackingNumber} was not accepted: ${action.reason}. ${RIGHTS_EN}`);
      break;
    case 'completeStep':
    case 'autoPass': {
      const index = c.step!.index;
      const outcome = action.type === 'autoPass' ? 'pass' : action.outcome;
      const stepName = item.steps[index]!.name;
      if (outcome === 'pass' && index + 1 < item.steps.length) startStep(index + 1);
      else if (outcome === 'pass') decide({ outcome: 'approved', on: today, ...(action.type === 'autoPass' ? { deemed: true } : {}), ...(action.type === 'completeStep' && action.result ? { result: action.result } : {}) });
      else if (outcome === 'return') startStep(index - 1);
      else decide({ outcome: 'denied', on: today, reasons: (action as { reasons?: string }).reasons!, rights: RIGHTS });
      const words = { pass: '通过', return: '退回', reject: '不予许可' }[outcome];
      // The decision's reasons are the applicant's to read; an officer's remark on a step is the office's.
      note = [`${stepName}：${words}`, action.type === 'completeStep' ? action.reasons : '环节超时，视为同意'].filter(Boolean).join('；');
      if (action.type === 'completeStep') internalNote = action.note;
      if (action.type === 'autoPass') tell('department', 'autoPass', `办件 ${c.trackingNumber}「${stepName}」环节超时，按超时默认视为同意`, `Case ${c.trackingNumber}: step "${stepName}" timed out and was deemed approved`);
      break;
    }
    case 'transfer':
      decide({ outcome: 'transferred', on: today, transferTo: action.to, reasons: action.reason });
      note = `${action.to}：${action.reason}`;
      break;
    case 'suspend':
      next.status = 'suspended';
      next.pauses.push({ from: today, kind: action.procedure, reason: action.reason });
      note = action.reason;
      tell('applicant', 'suspended', `您申请的「${c.itemName}」(${c.trackingNumber})进入特别程序，期间不计入办理时限：${action.reason}`, `Your application ${c.trackingNumber} entered a special procedure; the time limit is paused: ${action.reason}`);
      break;
    case 'resume':
      next.status = 'inProcess';
      next.pauses.at(-1)!.until = today;
      internalNote = action.note;
      break;
    case 'extend':
      next.extension = { days: 10, on: today, reason: action.reason };
      note = action.reason;
      tell('applicant', 'extended', `您申请的「${c.itemName}」(${c.trackingNumber})办理期限经批准延长10个工作日：${action.reason}`, `The time limit of your application ${c.trackingNumber} was extended by 10 working days: ${action.reason}`);
      break;
    case 'deliver':
      next.status = 'delivered';
      next.delivery = { on: today, method: action.method, ...(action.note ? { note: action.note } : {}) };
      note = action.method;
      tell('applicant', 'delivered', `您申请的「${c.itemName}」(${c.trackingNumber})办理结果已送达(${action.method})，欢迎评价。`, `The result of your application ${c.trackingNumber} was delivered (${action.method}). Please rate the service.`);
      break;
    case 'reviewSupplement': {
      const m = next.materials.find((x) => x.materialId === action.materialId)!;
      note = `${m.name}：${action.accepted ? '通过' : '不通过'}${action.note ? `，${action.note}` : ''}`;
      if (action.accepted) m.review = 'accepted';
      else {
        m.status = 'deferred';
        m.files = [];
        delete m.review;
        delete m.supplementedOn;
        tell('applicant', 'supplementRejected', `您补交的「${m.name}」未通过审核${action.note ? `：${action.note}` : ''}，请于${m.supplementDue ?? '期限'}前重新补交。`, `Your supplied "${m.name}" was not accepted${action.note ? `: ${action.note}` : ''}; supply it again by ${m.supplementDue ?? 'the deadline'}.`);
      }
      break;
    }
    case 'closeFollowUp':
      next.rating!.followUp = { closedOn: today, response: action.response };
      note = action.response;
      break;
    case 'withdraw':
      next.status = 'withdrawn';
      next.withdrawn = { on: today, ...(action.reason ? { reason: action.reason } : {}) };
      delete next.step;
      note = action.reason;
      tell('department', 'withdrawn', `办件 ${c.trackingNumber}「${c.itemName}」已被申请人撤回`, `Case ${c.trackingNumber} was withdrawn by the applicant`);
      break;
    case 'rate': {
      const poor = action.level >= 4;
      next.rating = { level: action.level, on: today, ...(action.comment ? { comment: action.comment } : {}), ...(poor ? { followUp: {} } : {}) };
      note = `${['', '非常满意', '满意', '基本满意', '不满意', '非常不满意'][action.level]}${action.comment ? `：${action.comment}` : ''}`;
      if (poor) tell('department', 'poorRating', `办件 ${c.trackingNumber} 收到差评(${note})，请按期回访整改`, `Case ${c.trackingNumber} was rated poorly (${action.level}/5); follow it up in time`);
      break;
    }
    case 'supplyCorrection':
      // Before acceptance the corrected application is received afresh; during processing, work resumes.
      next.status = c.acceptedOn ? 'inProcess' : 'received';
      if (c.acceptedOn && c.pauses.at(-1)?.kind === 'correction' && !c.pauses.at(-1)!.until) next.pauses.at(-1)!.until = today;
      next.correction = { ...c.correction!, suppliedOn: today, ...(action.response ? { response: action.response } : {}) };
      for (const [materialId, files] of Object.entries(action.materials)) {
        const m = next.materials.find((x) => x.materialId === materialId);
        if (m) Object.assign(m, { status: 'supplied', files });
        else next.materials.push({ materialId, name: item.materials.find((x) => x.id === materialId)?.name ?? materialId, status: 'supplied', files });
      }
      // The 5-day acceptance clock starts again from the day the corrections arrived.
      delete next.warnings.acceptance;
      note = action.response;
      tell('department', 'corrected', `办件 ${c.trackingNumber} 申请人已提交补正材料`, `Case ${c.trackingNumber}: the applicant supplied the corrections`);
      break;
    case 'supplement': {
      const m = next.materials.find((x) => x.materialId === action.materialId && x.status === 'deferred')!;
      Object.assign(m, { status: 'supplied', files: action.files, supplementedOn: today, review: 'pending' });
      note = m.name;
      if (c.status === 'suspended' && c.pauses.at(-1)?.kind === 'supplement' && !next.materials.some((x) => x.status === 'deferred')) {
        next.status = 'inProcess';
        next.pauses.at(-1)!.until = today;
        note += '；材料补齐，恢复办理';
      }
      tell('department', 'supplemented', `办件 ${c.trackingNumber} 申请人已补交「${m.name}」，请审核`, `Case ${c.trackingNumber}: "${m.name}" was supplied; review it`);
      break;
    }
    case 'supplementMissed': {
      const names = c.materials.filter((m) => m.status === 'deferred').map((m) => m.name).join('、');
      note = `逾期未补交：${names}`;
      if (item.deficiencyAcceptance.onMissed === 'reject') {
        next.status = 'notAccepted';
        next.notAccepted = { on: today, reason: `容缺材料逾期未补交(${names})`, rights: RIGHTS };
        delete next.step;
        tell('applicant', 'notAccepted', `您申请的「${c.itemName}」(${c.trackingNumber})因容缺材料逾期未补交，不予受理。${RIGHTS}`, `Your application ${c.trackingNumber} was not accepted: the deferred materials were not supplied in time. ${RIGHTS_EN}`);
      } else {
        next.status = 'suspended';
        next.pauses.push({ from: today, kind: 'supplement', reason: `容缺材料逾期未补交(${names})` });
        tell('applicant', 'suspended', `您申请的「${c.itemName}」(${c.trackingNumber})因容缺材料逾期未补交已中止办理，补交后自动恢复：${names}`, `Your application ${c.trackingNumber} is suspended until the deferred materials arrive: ${names}`);
      }
      break;
    }
    case 'reassign':
      next.departmentId = action.department;
      note = `由「${action.fromName}」移交「${action.departmentName}」：${action.reason}`;
      tell('department', 'reassigned', `办件 ${c.trackingNumber}「${c.itemName}」已移交本部门办理：${action.reason}`, `Case ${c.trackingNumber} was moved to your department: ${action.reason}`);
      break;
    case 'warning': {
      next.warnings[action.key] = action.level;
      const clockName = { acceptance: '受理告知', promised: '承诺时限', legal: '法定时限', step: `环节「${c.step?.name ?? ''}」`, supplement: '容缺补交', delivery: '送达', followUp: '差评回访' }[action.clock];
      const levelName = { yellow: '黄牌预警', red: '红牌预警', overdue: '已超期' }[action.level];
      note = `${clockName}${levelName}(期限 ${action.due})`;
      if (action.clock === 'supplement') {
        if (action.level !== 'overdue') tell('applicant', 'supplementReminder', `提醒：您申请的「${c.itemName}」(${c.trackingNumber})容缺材料请于${action.due}前补交。`, `Reminder: supply the deferred materials of ${c.trackingNumber} by ${action.due}.`);
      } else {
        tell('department', 'warning', `办件 ${c.trackingNumber}「${c.itemName}」${note}`, `Case ${c.trackingNumber}: ${action.clock} ${action.level} (due ${action.due})`);
        const escalate = action.clock === 'step' && action.level === 'overdue' && item.steps[c.step!.index]?.onTimeout === 'escalate';
        if (escalate) tell('administrators', 'escalation', `督办：办件 ${c.trackingNumber}「${c.step!.name}」环节已超期`, `Escalation: case ${c.trackingNumber}, step "${c.step!.name}" is overdue`);
      }
      break;
    }
  }

  const entry: HistoryEntry = {
    at: ctx.at,
    actor: ctx.actor.id,
    ...(ctx.actor.name ? { actorName: ctx.actor.name } : {}),
    action: action.type,
    ...(next.status !== c.status ? { from: c.status, to: next.status } : {}),
    ...(note ? { note } : {}),
    ...(internalNote ? { internalNote } : {}),
    ...(ctx.key ? { key: ctx.key } : {}),
    ...(action.type === 'reassign' ? { internal: true } : {}),
  };
  next.history.push(entry);
  return { next, entry, notices };
}
