import { applicantOf, type ItemDefinition } from '@onevisit/item-schemas';
import { actionNotAllowed } from '../errors';
import { allowedFrom, guard } from './admissible';
import type { CaseAction } from './actions';
import { actionNames, statusNames } from './names';
import type { FileInfo } from '../records';
import type { CaseChannel, CaseRecord, HistoryEntry } from './record';
import type { CaseSettings } from './settings';
import { displayTrackingCode } from './tracking-code';
import { collectionSentence } from '../delivery/collection';

/**
 * The case state machine (DOMAIN §2), as pure functions: an application in, the case it opens
 * (receive) and what receipt tells (receiptNotices); then a case and an action in, the next
 * case, its history entry and the messages it calls for out (transition). Storage, scope checks
 * and clocks are the caller's; here is only what may follow what.
 */

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

export function transition(c: CaseRecord, action: CaseAction, ctx: TransitionContext): Transition {
  if (!allowedFrom[action.type].includes(c.status)) {
    const [zh, en] = statusNames[c.status];
    const [azh, aen] = actionNames[action.type] ?? [action.type, action.type];
    throw actionNotAllowed(`办件${zh}，不能「${azh}」`, `the case is ${en}; it cannot be ${aen}`);
  }
  const problem = guard(c, action, ctx.item);
  if (problem) throw actionNotAllowed(...problem);

  const { item, today } = ctx;
  // The item's own 复议/诉讼 text (it may name where to apply), told as written; else the statutory sentence.
  const rights = item.rightsNotice || RIGHTS;
  const rightsEn = item.rightsNotice || RIGHTS_EN;
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
    // A denial says why, and a transfer to whom (DOMAIN: reasons and rights are told with the decision).
    const why = decision.outcome === 'transferred' ? [`转报至${decision.transferTo}${decision.reasons ? `，理由：${decision.reasons}` : ''}。`, ` Transferred to ${decision.transferTo}${decision.reasons ? `: ${decision.reasons}` : ''}.`] : decision.reasons ? [`理由：${decision.reasons}。`, ` Reasons: ${decision.reasons}.`] : ['', ''];
    // A result that goes out through the window: the one notice also says where to collect it (or that it will be posted).
    const collect = (decision.outcome !== 'transferred' && collectionSentence(c)) || ['', ''];
    tell('applicant', 'decided', `您申请的「${c.itemName}」(${c.trackingNumber})已办结：${outcome[0]}。${why[0]}${issued[0]}${decision.outcome === 'denied' ? rights : ''}${collect[0]}`, `Your application ${c.trackingNumber} was decided: ${outcome[1]}.${why[1]}${issued[1]}${decision.outcome === 'denied' ? ` ${rightsEn}` : ''}${collect[1]}`);
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
      const where = c.channel === 'window' ? ['请携带以下材料到受理窗口一次补齐', '; bring them to the service window'] : ['请一次补齐', ''];
      tell('applicant', 'correctionRequested', `您申请的「${c.itemName}」(${c.trackingNumber})需要补正，${where[0]}：${list.join('；')}`, `Your application ${c.trackingNumber} needs corrections (all listed at once${where[1]}): ${list.join('; ')}`);
      break;
    }
    case 'notAccept':
      next.status = 'notAccepted';
      next.notAccepted = { on: today, reason: action.reason, rights };
      note = action.reason;
      tell('applicant', 'notAccepted', `您申请的「${c.itemName}」(${c.trackingNumber})不予受理：${action.reason}。${rights}`, `Your application ${c.trackingNumber} was not accepted: ${action.reason}. ${rightsEn}`);
      break;
    case 'completeStep':
    case 'autoPass': {
      const index = c.step!.index;
      const outcome = action.type === 'autoPass' ? 'pass' : action.outcome;
      const stepName = item.steps[index]!.name;
      if (outcome === 'pass' && index + 1 < item.steps.length) startStep(index + 1);
      else if (outcome === 'pass') decide({ outcome: 'approved', on: today, ...(action.type === 'autoPass' ? { deemed: true } : {}), ...(action.type === 'completeStep' && action.result ? { result: action.result } : {}) });
      else if (outcome === 'return') startStep(index - 1);
      else decide({ outcome: 'denied', on: today, reasons: (action as { reasons?: string }).reasons!, rights });
      // The last step's pass is the decision: the applicant's history says it as the decision does.
      const decides = outcome === 'pass' && index + 1 === item.steps.length;
      const words = decides ? (item.itemType === '01' ? '准予行政许可' : '准予') : { pass: '通过', return: '退回', reject: '不予许可' }[outcome];
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
    case 'deliver': {
      const { recipient, waybill } = 'expectedRevision' in action ? {} : action;
      next.status = 'delivered';
      next.delivery = { on: today, method: action.method, ...(action.note ? { note: action.note } : {}), ...(recipient ? { recipient } : {}), ...(waybill ? { waybill } : {}) };
      // Who took the result is the office's record; the applicant's history says it was collected, by them or for them.
      note = `${action.method}${recipient ? `，${recipient.agent ? '代领' : '本人领取'}` : ''}${waybill ? `，EMS 运单号 ${waybill}` : ''}`;
      if (recipient) internalNote = `领取人 ${recipient.name}`;
      const sent = waybill ? [`已通过 EMS 寄出，运单号 ${waybill}`, ` posted by EMS, waybill ${waybill}`] : [`已送达(${action.method})`, ` delivered (${action.method})`];
      tell('applicant', 'delivered', `您申请的「${c.itemName}」(${c.trackingNumber})办理结果${sent[0]}，欢迎评价。`, `The result of your application ${c.trackingNumber} was${sent[1]}. Please rate the service.`);
      break;
    }
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
      // Corrections taken in on paper at the window count as supplied, without a file.
      for (const [materialId, files] of [...Object.entries(action.materials), ...(action.paper ?? []).map((id) => [id, []] as const)]) {
        const m = next.materials.find((x) => x.materialId === materialId);
        if (m) Object.assign(m, { status: 'supplied', files });
        else next.materials.push({ materialId, name: item.materials.find((x) => x.id === materialId)?.name ?? materialId, status: 'supplied', files: [...files] });
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
        next.notAccepted = { on: today, reason: `容缺材料逾期未补交(${names})`, rights };
        delete next.step;
        tell('applicant', 'notAccepted', `您申请的「${c.itemName}」(${c.trackingNumber})因容缺材料逾期未补交，不予受理。${rights}`, `Your application ${c.trackingNumber} was not accepted: the deferred materials were not supplied in time. ${rightsEn}`);
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
    // Moves between officers, and the office's record of a 差评's follow-up (the applicant's page shows the 整改 itself), stay in the office.
    ...(action.type === 'reassign' || action.type === 'closeFollowUp' ? { internal: true } : {}),
  };
  next.history.push(entry);
  return { next, entry, notices };
}

/** An application as intake hands it over: numbered, its answers valid, its files checked. */
export interface ReceivedApplication {
  trackingNumber: string;
  jurisdiction: string;
  itemId: string;
  version: number;
  answers: Record<string, unknown>;
  /** Each material supplied with its files, in the order sent. */
  supplied: Array<{ materialId: string; files: FileInfo[] }>;
  /** Materials a signed promise (告知承诺) stands in for. */
  promised: string[];
  /** 容缺 materials that may come later, by `supplementDue`. */
  deferred: string[];
  supplementDue?: string;
  /** 申报来源; a 一件事's items do not record theirs yet. */
  channel?: CaseChannel;
}

/**
 * 收件: the case an application opens, waiting for the acceptance decision. Its due dates and
 * calendar version are placeholders until the caller settles its clocks.
 */
export function receive(application: ReceivedApplication, ctx: Pick<TransitionContext, 'item' | 'today' | 'at'>): CaseRecord {
  const { item, today, at } = ctx;
  const { supplementDue } = application;
  const named = (materialId: string) => ({ materialId, name: item.materials.find((m) => m.id === materialId)!.name });
  return {
    trackingNumber: application.trackingNumber,
    jurisdiction: application.jurisdiction,
    itemId: application.itemId,
    itemName: item.name,
    version: application.version,
    departmentId: item.department.creditCode,
    status: 'received',
    revision: 1,
    submittedAt: at,
    receivedOn: today,
    ...(application.channel ? { channel: application.channel } : {}),
    answers: application.answers,
    applicant: applicantOf(item.form, application.answers),
    materials: [
      ...application.supplied.map(({ materialId, files }) => ({ ...named(materialId), status: 'supplied' as const, files })),
      ...application.promised.map((materialId) => ({ ...named(materialId), status: 'promised' as const, files: [] })),
      ...application.deferred.map((materialId) => ({ ...named(materialId), status: 'deferred' as const, files: [], supplementDue: supplementDue! })),
    ],
    pauses: [],
    warnings: {},
    due: { promised: { due: today, provisional: false } },
    calendarVersion: '',
    history: [{ at, actor: 'applicant', action: 'submitted', to: 'received', ...(supplementDue ? { note: `容缺材料补交期限 ${supplementDue}` } : {}) }],
  };
}

/**
 * What receipt tells, once the received case's clocks are settled: the applicant its number,
 * its 查询码 (`code`) and the promised date; the department its deadline to decide on acceptance.
 */
export function receiptNotices(c: CaseRecord, code: string): NoticeIntent[] {
  const deferred = c.due.supplement ? `，请于${c.due.supplement.due}前补交容缺材料` : '';
  const shown = displayTrackingCode(code);
  return [
    {
      to: 'applicant',
      topic: 'received',
      text: `您申请的「${c.itemName}」已收到，受理编号 ${c.trackingNumber}，查询码 ${shown}，承诺${c.due.promised.due}前办结${deferred}。`,
      text_en: `Your application ${c.trackingNumber} was received (tracking code ${shown}); it is promised to be decided by ${c.due.promised.due}.`,
    },
    { to: 'department', topic: 'received', text: `新收件 ${c.trackingNumber}「${c.itemName}」，请于${c.due.acceptance!.due}前作出受理决定`, text_en: `New case ${c.trackingNumber}; decide on acceptance by ${c.due.acceptance!.due}` },
  ];
}
