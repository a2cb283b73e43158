import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import type { CaseAction } from './actions';
import { RIGHTS, transition, type Actor } from './lifecycle';
import type { CaseRecord, CaseStatus } from './record';
import { defaultCaseSettings, type CaseSettings } from './settings';
import { ACCEPTED, atStep, caseIn, estateItem, NUMBER, scan, SURVEY_DEFERRED, SURVEY_PENDING, withSurvey } from './test-fixtures';

/**
 * What each action does to a case (DOMAIN §2): the state it leaves, what the history says, who is
 * told what, and what is refused. The item and cases are in test-fixtures.ts; the day is a Thursday.
 * Who may act (role, department) is the routes' check; here the history records who did.
 */

const TODAY = '2026-03-05';
const AT = '2026-03-05T06:00:00.000Z';
const item = estateItem();
const licence = estateItem((i) => (i.itemType = '01'));
const suspendOnMissed = estateItem((i) => (i.deficiencyAcceptance = { enabled: true, supplementDays: 3, onMissed: 'suspend' }));
const NAMED_RIGHTS = '如不服本决定，可以自收到本决定之日起六十日内向示范市人民政府申请行政复议，或者自收到本决定之日起六个月内依法向人民法院提起行政诉讼。';
const namedRights = estateItem((i) => (i.rightsNotice = NAMED_RIGHTS));

const officer: Actor = { id: 'officer-1', name: '王科员' };
const applicant: Actor = { id: 'applicant' };
const system: Actor = { id: 'system', name: '系统' };
const admin: Actor = { id: 'admin-1', name: '李管理员' };
const actorOf = (a: CaseAction): Actor =>
  ['withdraw', 'rate', 'supplyCorrection', 'supplement'].includes(a.type) ? applicant
  : ['deemAccept', 'autoPass', 'supplementMissed', 'warning'].includes(a.type) ? system
  : a.type === 'reassign' ? admin : officer;

function run(c: CaseRecord, action: CaseAction, options: { item?: typeof item; settings?: CaseSettings; key?: string } = {}) {
  return transition(c, action, { item: options.item ?? item, settings: options.settings ?? defaultCaseSettings, today: TODAY, at: AT, actor: actorOf(action), ...(options.key ? { key: options.key } : {}) });
}

const r = 3; // the revision the officer saw
/** One action of each type, with plausible parameters; the Record makes the list complete. */
const sample: { [T in CaseAction['type']]: Extract<CaseAction, { type: T }> } = {
  accept: { type: 'accept', expectedRevision: r },
  deemAccept: { type: 'deemAccept' },
  requestCorrection: { type: 'requestCorrection', expectedRevision: r, items: [{ materialId: 'sale-contract', note: '缺第3页' }, { note: '请补充婚姻状况说明' }] },
  notAccept: { type: 'notAccept', expectedRevision: r, reason: '不属于本机关职权范围' },
  completeStep: { type: 'completeStep', expectedRevision: r, outcome: 'pass' },
  autoPass: { type: 'autoPass' },
  transfer: { type: 'transfer', expectedRevision: r, to: '省自然资源厅', reason: '跨省不动产' },
  suspend: { type: 'suspend', expectedRevision: r, procedure: 'expertReview', reason: '专家评审' },
  resume: { type: 'resume', expectedRevision: r },
  extend: { type: 'extend', expectedRevision: r, reason: '需实地核查' },
  deliver: { type: 'deliver', expectedRevision: r, method: '邮政速递' },
  reviewSupplement: { type: 'reviewSupplement', expectedRevision: r, materialId: 'survey-report', accepted: true },
  closeFollowUp: { type: 'closeFollowUp', expectedRevision: r, response: '已电话回访并致歉' },
  withdraw: { type: 'withdraw', reason: '不再办理' },
  rate: { type: 'rate', level: 2 },
  supplyCorrection: { type: 'supplyCorrection', materials: { 'sale-contract': [scan] } },
  supplement: { type: 'supplement', materialId: 'survey-report', files: [scan] },
  supplementMissed: { type: 'supplementMissed' },
  warning: { type: 'warning', clock: 'promised', key: 'promised', level: 'yellow', due: '2026-03-10' },
  reassign: { type: 'reassign', department: '12370500MB1000099X', departmentName: '示范市市场监管局', fromName: '示范市不动产登记中心', reason: '原部门无此职能' },
};
const completeStep = (outcome: 'pass' | 'return' | 'reject', more: object = {}): CaseAction => ({ ...sample.completeStep, outcome, ...more });
const warning = (clock: 'promised' | 'supplement' | 'step', level: 'yellow' | 'red' | 'overdue', key: string = clock): CaseAction => ({ type: 'warning', clock, key, level, due: '2026-03-05' });

const poorlyRated = { rating: { level: 5, on: '2026-03-11', followUp: {} } };
const correctedOnce = { correction: { requestedOn: ACCEPTED, items: [{ materialId: 'sale-contract', note: '缺第3页' }], suppliedOn: '2026-03-04' } };
const waitingForSurvey = { materials: withSurvey(SURVEY_DEFERRED), pauses: [{ from: '2026-03-04', kind: 'supplement', reason: '容缺材料逾期未补交' }] };
const correctionInProcess = { acceptedOn: ACCEPTED, step: atStep(1), pauses: [{ from: '2026-03-04', kind: 'correction', reason: '受理后补正' }] };

interface Valid {
  title: string;
  from: CaseRecord;
  action: CaseAction;
  options?: { item?: typeof item; settings?: CaseSettings };
  status: CaseStatus;
  /** `to:topic` of each message, in order. */
  notices: string[];
  /** What the next case holds (a partial match). */
  holds?: object;
  /** Fields the next case does not have (dotted paths). */
  lacks?: string[];
  /** Words the messages say. */
  says?: string[];
}

const valid: Valid[] = [
  { title: 'accept: work starts at the first step', from: caseIn('received'), action: sample.accept, status: 'inProcess', notices: ['applicant:accepted'], holds: { acceptedOn: TODAY, step: { index: 0, name: '受理', role: '交易登记窗口', startedOn: TODAY } }, says: [`已受理，受理编号 ${NUMBER}`] },
  { title: 'deemAccept: accepted on the day of receipt (第32条)', from: caseIn('received'), action: sample.deemAccept, status: 'inProcess', notices: ['applicant:accepted'], holds: { acceptedOn: '2026-03-02', deemedAccepted: true, step: { index: 0, startedOn: TODAY } } },
  { title: 'deemAccept after corrections: accepted on the day they arrived', from: caseIn('received', correctedOnce), action: sample.deemAccept, status: 'inProcess', notices: ['applicant:accepted'], holds: { acceptedOn: '2026-03-04', deemedAccepted: true } },
  { title: 'requestCorrection before acceptance: everything listed at once', from: caseIn('received'), action: sample.requestCorrection, status: 'correctionRequested', notices: ['applicant:correctionRequested'], holds: { correction: { requestedOn: TODAY, items: sample.requestCorrection.items }, pauses: [] }, says: ['请一次补齐：1. 不动产买卖合同：缺第3页；2. 请补充婚姻状况说明'] },
  { title: 'requestCorrection during processing pauses the clock (the default setting)', from: caseIn('inProcess'), action: sample.requestCorrection, status: 'correctionRequested', notices: ['applicant:correctionRequested'], holds: { pauses: [{ from: TODAY, kind: 'correction' }], step: { index: 0 } } },
  { title: 'requestCorrection during processing where corrections do not pause it', from: caseIn('inProcess'), action: sample.requestCorrection, options: { settings: { ...defaultCaseSettings, correctionPausesClock: false } }, status: 'correctionRequested', notices: ['applicant:correctionRequested'], holds: { pauses: [] } },
  { title: 'notAccept: the reason and the rights', from: caseIn('received'), action: sample.notAccept, status: 'notAccepted', notices: ['applicant:notAccepted'], holds: { notAccepted: { on: TODAY, reason: '不属于本机关职权范围', rights: RIGHTS } }, says: ['不予受理：不属于本机关职权范围。', RIGHTS] },
  { title: 'notAccept where the item words its own 复议/诉讼 text: that text, kept and told', from: caseIn('received'), action: sample.notAccept, options: { item: namedRights }, status: 'notAccepted', notices: ['applicant:notAccepted'], holds: { notAccepted: { rights: NAMED_RIGHTS } }, says: [NAMED_RIGHTS] },
  { title: 'notAccept while corrections are awaited', from: caseIn('correctionRequested'), action: sample.notAccept, status: 'notAccepted', notices: ['applicant:notAccepted'] },
  { title: 'completeStep pass: on to the next step, today', from: caseIn('inProcess'), action: sample.completeStep, status: 'inProcess', notices: [], holds: { step: { index: 1, name: '审核', role: '登记审核岗', startedOn: TODAY } } },
  { title: 'completeStep return: back to the step before', from: caseIn('inProcess', { step: atStep(1) }), action: completeStep('return'), status: 'inProcess', notices: [], holds: { step: { index: 0, name: '受理', startedOn: TODAY } } },
  { title: 'completeStep pass at the last step: approved, with what was issued', from: caseIn('inProcess', { step: atStep(3) }), action: completeStep('pass', { result: { name: '不动产权证书', number: '鲁(2026)0001号', validUntil: '2036-03-04' } }), status: 'decided', notices: ['applicant:decided'], holds: { decision: { outcome: 'approved', on: TODAY, result: { name: '不动产权证书' } } }, lacks: ['step'], says: ['已办结：准予。办理结果：不动产权证书(编号 鲁(2026)0001号)，有效期至2036-03-04。'] },
  { title: 'completeStep pass at the last step of a 行政许可: 准予行政许可', from: caseIn('inProcess', { step: atStep(3) }), action: sample.completeStep, options: { item: licence }, status: 'decided', notices: ['applicant:decided'], says: ['已办结：准予行政许可。'] },
  { title: 'completeStep reject: denied, with reasons kept and rights told', from: caseIn('inProcess', { step: atStep(1) }), action: completeStep('reject', { reasons: '材料与登记簿不符' }), status: 'decided', notices: ['applicant:decided'], holds: { decision: { outcome: 'denied', on: TODAY, reasons: '材料与登记簿不符', rights: RIGHTS } }, says: ['已办结：不予许可。', RIGHTS] },
  { title: 'completeStep reject where the item words its own 复议/诉讼 text: that text, kept and told', from: caseIn('inProcess', { step: atStep(1) }), action: completeStep('reject', { reasons: '材料与登记簿不符' }), options: { item: namedRights }, status: 'decided', notices: ['applicant:decided'], holds: { decision: { outcome: 'denied', rights: NAMED_RIGHTS } }, says: [NAMED_RIGHTS] },
  { title: 'autoPass (超时默认) on 审核: on to 登簿, the department is told', from: caseIn('inProcess', { step: atStep(1) }), action: sample.autoPass, status: 'inProcess', notices: ['department:autoPass'], holds: { step: { index: 2, name: '登簿' } }, says: ['「审核」环节超时，按超时默认视为同意'] },
  { title: 'autoPass on the last step: approved, marked deemed', from: caseIn('inProcess', { step: atStep(3) }), action: sample.autoPass, status: 'decided', notices: ['applicant:decided', 'department:autoPass'], holds: { decision: { outcome: 'approved', deemed: true } } },
  { title: 'transfer: decided as transferred', from: caseIn('inProcess', { step: atStep(1) }), action: sample.transfer, status: 'decided', notices: ['applicant:decided'], holds: { decision: { outcome: 'transferred', transferTo: '省自然资源厅', reasons: '跨省不动产' } }, says: ['已办结：转报。'] },
  { title: 'suspend (特别程序): the clock stands still from today', from: caseIn('inProcess'), action: sample.suspend, status: 'suspended', notices: ['applicant:suspended'], holds: { pauses: [{ from: TODAY, kind: 'expertReview', reason: '专家评审' }] }, says: ['进入特别程序，期间不计入办理时限：专家评审'] },
  { title: 'resume: the pause ends today', from: caseIn('suspended'), action: sample.resume, status: 'inProcess', notices: [], holds: { pauses: [{ from: '2026-03-04', until: TODAY, kind: 'expertReview' }], step: { index: 0 } } },
  { title: 'extend: 10 more working days, once', from: caseIn('inProcess'), action: sample.extend, status: 'inProcess', notices: ['applicant:extended'], holds: { extension: { days: 10, on: TODAY, reason: '需实地核查' } }, says: ['办理期限经批准延长10个工作日：需实地核查'] },
  { title: 'extend while suspended', from: caseIn('suspended'), action: sample.extend, status: 'suspended', notices: ['applicant:extended'], holds: { extension: { days: 10 } } },
  { title: 'deliver: the applicant is asked to rate', from: caseIn('decided'), action: sample.deliver, status: 'delivered', notices: ['applicant:delivered'], holds: { delivery: { on: TODAY, method: '邮政速递' } }, says: ['办理结果已送达(邮政速递)，欢迎评价。'] },
  { title: 'reviewSupplement accepted', from: caseIn('inProcess', { materials: withSurvey(SURVEY_PENDING) }), action: sample.reviewSupplement, status: 'inProcess', notices: [], holds: { materials: [{}, {}, {}, {}, { materialId: 'survey-report', status: 'supplied', review: 'accepted' }] } },
  { title: 'reviewSupplement refused: awaited again by the same date', from: caseIn('inProcess', { materials: withSurvey(SURVEY_PENDING) }), action: { ...sample.reviewSupplement, accepted: false, note: '扫描不清' }, status: 'inProcess', notices: ['applicant:supplementRejected'], holds: { materials: [{}, {}, {}, {}, { status: 'deferred', files: [] }] }, lacks: ['materials.4.review', 'materials.4.supplementedOn'], says: ['您补交的「不动产测绘报告」未通过审核：扫描不清，请于2026-03-05前重新补交。'] },
  { title: 'closeFollowUp of a poor rating', from: caseIn('delivered', poorlyRated), action: sample.closeFollowUp, status: 'delivered', notices: [], holds: { rating: { level: 5, followUp: { closedOn: TODAY, response: '已电话回访并致歉' } } } },
  { title: 'withdraw before acceptance: the department is told', from: caseIn('received'), action: sample.withdraw, status: 'withdrawn', notices: ['department:withdrawn'], holds: { withdrawn: { on: TODAY, reason: '不再办理' } }, says: [`办件 ${NUMBER}「不动产转移登记」已被申请人撤回`] },
  { title: 'withdraw while suspended: no step is worked any more', from: caseIn('suspended'), action: sample.withdraw, status: 'withdrawn', notices: ['department:withdrawn'], lacks: ['step'] },
  { title: 'rate 2 (满意): nothing to follow up', from: caseIn('delivered'), action: sample.rate, status: 'delivered', notices: [], holds: { rating: { level: 2, on: TODAY } }, lacks: ['rating.followUp'] },
  { title: 'rate 5 (非常不满意) after a refusal: a follow-up is owed', from: caseIn('notAccepted'), action: { type: 'rate', level: 5, comment: '等了很久' }, status: 'notAccepted', notices: ['department:poorRating'], holds: { rating: { level: 5, comment: '等了很久', followUp: {} } }, says: ['收到差评(非常不满意：等了很久)，请按期回访整改'] },
  { title: 'supplyCorrection before acceptance: received afresh', from: caseIn('correctionRequested'), action: sample.supplyCorrection, status: 'received', notices: ['department:corrected'], holds: { correction: { requestedOn: ACCEPTED, suppliedOn: TODAY }, materials: [{}, {}, {}, { materialId: 'sale-contract', status: 'supplied', files: [scan] }] } },
  { title: 'supplyCorrection during processing: work and the clock resume', from: caseIn('correctionRequested', correctionInProcess), action: sample.supplyCorrection, status: 'inProcess', notices: ['department:corrected'], holds: { pauses: [{ from: '2026-03-04', until: TODAY, kind: 'correction' }], step: { index: 1 } } },
  { title: 'supplement (容缺): supplied, for review', from: caseIn('inProcess', { materials: withSurvey(SURVEY_DEFERRED) }), action: sample.supplement, status: 'inProcess', notices: ['department:supplemented'], holds: { materials: [{}, {}, {}, {}, { status: 'supplied', files: [scan], supplementedOn: TODAY, review: 'pending' }] }, says: ['申请人已补交「不动产测绘报告」，请审核'] },
  { title: 'supplement ends a suspension that waited for it', from: caseIn('suspended', waitingForSurvey), action: sample.supplement, status: 'inProcess', notices: ['department:supplemented'], holds: { pauses: [{ from: '2026-03-04', until: TODAY, kind: 'supplement' }] } },
  { title: 'supplementMissed where the item says 不予受理', from: caseIn('inProcess', { materials: withSurvey(SURVEY_DEFERRED) }), action: sample.supplementMissed, status: 'notAccepted', notices: ['applicant:notAccepted'], lacks: ['step'], holds: { notAccepted: { on: TODAY, reason: '容缺材料逾期未补交(不动产测绘报告)', rights: RIGHTS } }, says: ['因容缺材料逾期未补交，不予受理。', RIGHTS] },
  { title: 'supplementMissed where the item says 中止办理', from: caseIn('inProcess', { materials: withSurvey(SURVEY_DEFERRED) }), action: sample.supplementMissed, options: { item: suspendOnMissed }, status: 'suspended', notices: ['applicant:suspended'], holds: { pauses: [{ from: TODAY, kind: 'supplement' }] }, says: ['因容缺材料逾期未补交已中止办理，补交后自动恢复：不动产测绘报告'] },
  { title: 'warning yellow on the promised date: to the department, raised once', from: caseIn('inProcess'), action: sample.warning, status: 'inProcess', notices: ['department:warning'], holds: { warnings: { promised: 'yellow' } }, says: [`办件 ${NUMBER}「不动产转移登记」承诺时限黄牌预警(期限 2026-03-10)`] },
  { title: 'warning on the 容缺 date: the applicant is reminded', from: caseIn('inProcess', { materials: withSurvey(SURVEY_DEFERRED) }), action: warning('supplement', 'red'), status: 'inProcess', notices: ['applicant:supplementReminder'], says: ['容缺材料请于2026-03-05前补交。'] },
  { title: 'warning: the 容缺 date passed (its consequence tells the applicant)', from: caseIn('inProcess', { materials: withSurvey(SURVEY_DEFERRED) }), action: warning('supplement', 'overdue'), status: 'inProcess', notices: [], holds: { warnings: { supplement: 'overdue' } } },
  { title: 'warning: 登簿 overdue is escalated (督办)', from: caseIn('inProcess', { step: atStep(2) }), action: warning('step', 'overdue', `step:2:${ACCEPTED}`), status: 'inProcess', notices: ['department:warning', 'administrators:escalation'], holds: { warnings: { [`step:2:${ACCEPTED}`]: 'overdue' } }, says: [`督办：办件 ${NUMBER}「登簿」环节已超期`] },
  { title: 'reassign: to the other department', from: caseIn('received'), action: sample.reassign, status: 'received', notices: ['department:reassigned'], holds: { departmentId: '12370500MB1000099X' }, says: ['已移交本部门办理：原部门无此职能'] },
];

describe('transition: what each action does', () => {
  it.each(valid)('$title', ({ from, action, options, status, notices, holds, lacks, says }) => {
    const before = structuredClone(from);
    const { next, entry, notices: sent } = run(from, action, options);
    expect(next.status).toBe(status);
    expect(sent.map((n) => `${n.to}:${n.topic}`)).toEqual(notices);
    if (holds) expect(next).toMatchObject(holds);
    for (const path of lacks ?? []) expect(path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], next), path).toBeUndefined();
    for (const words of says ?? []) expect(sent.map((n) => n.text).join('\n')).toContain(words);
    // The history: one entry more, by whom and when, and the change of state if there was one.
    const actor = actorOf(action);
    expect(next.history).toEqual([...from.history, entry]);
    expect({ at: entry.at, actor: entry.actor, actorName: entry.actorName, action: entry.action }).toEqual({ at: AT, actor: actor.id, actorName: actor.name, action: action.type });
    expect([entry.from, entry.to]).toEqual(status === from.status ? [undefined, undefined] : [from.status, status]);
    // The case given is left as it was.
    expect(from).toEqual(before);
  });

  it('tells the item\'s own 复议/诉讼 text in English as written, and the statutory sentence otherwise', () => {
    expect(run(caseIn('received'), sample.notAccept, { item: namedRights }).notices[0]!.text_en).toContain(NAMED_RIGHTS);
    expect(run(caseIn('received'), sample.notAccept).notices[0]!.text_en).toContain('administrative reconsideration within 60 days');
  });

  it('records the request key, so a retried request is recognised', () => {
    expect(run(caseIn('received'), sample.accept, { key: 'k-1' }).entry.key).toBe('k-1');
  });
});

// What the history says of an action: `note` is shown to the applicant, `internalNote` and `internal` entries are the office's.
const told: Array<{ title: string; from: CaseRecord; action: CaseAction; item?: typeof item; entry: { note?: string; internalNote?: string; internal?: boolean } }> = [
  { title: "accept: the officer's remark stays in the office", from: caseIn('received'), action: { ...sample.accept, note: '材料齐全' }, entry: { internalNote: '材料齐全' } },
  { title: 'accept with 容缺: what is still to come', from: caseIn('received', { materials: withSurvey(SURVEY_DEFERRED) }), action: sample.accept, entry: { note: '容缺受理，待补交：不动产测绘报告' } },
  { title: 'requestCorrection: the whole list', from: caseIn('received'), action: sample.requestCorrection, entry: { note: '1. 不动产买卖合同：缺第3页；2. 请补充婚姻状况说明' } },
  { title: 'notAccept: the reason', from: caseIn('received'), action: sample.notAccept, entry: { note: '不属于本机关职权范围' } },
  { title: 'completeStep pass: the step and its outcome', from: caseIn('inProcess'), action: completeStep('pass', { note: '已核验原件' }), entry: { note: '受理：通过', internalNote: '已核验原件' } },
  { title: 'completeStep reject: the reasons, for the applicant', from: caseIn('inProcess', { step: atStep(1) }), action: completeStep('reject', { reasons: '材料与登记簿不符' }), entry: { note: '审核：不予许可；材料与登记簿不符' } },
  { title: 'completeStep pass at the last step of a 行政许可: the decision in its words', from: caseIn('inProcess', { step: atStep(3) }), action: sample.completeStep, item: licence, entry: { note: '缮证发证：准予行政许可' } },
  { title: 'completeStep pass at the last step of another kind of item: 准予', from: caseIn('inProcess', { step: atStep(3) }), action: sample.completeStep, entry: { note: '缮证发证：准予' } },
  { title: 'autoPass: deemed approved on timeout', from: caseIn('inProcess', { step: atStep(1) }), action: sample.autoPass, entry: { note: '审核：通过；环节超时，视为同意' } },
  { title: 'transfer: to whom and why', from: caseIn('inProcess'), action: sample.transfer, entry: { note: '省自然资源厅：跨省不动产' } },
  { title: 'suspend: why', from: caseIn('inProcess'), action: sample.suspend, entry: { note: '专家评审' } },
  { title: "resume: the officer's remark stays in the office", from: caseIn('suspended'), action: { ...sample.resume, note: '专家意见已出具' }, entry: { internalNote: '专家意见已出具' } },
  { title: 'extend: why', from: caseIn('inProcess'), action: sample.extend, entry: { note: '需实地核查' } },
  { title: 'deliver: how', from: caseIn('decided'), action: sample.deliver, entry: { note: '邮政速递' } },
  { title: 'reviewSupplement refused: which material and why', from: caseIn('inProcess', { materials: withSurvey(SURVEY_PENDING) }), action: { ...sample.reviewSupplement, accepted: false, note: '扫描不清' }, entry: { note: '不动产测绘报告：不通过，扫描不清' } },
  { title: 'closeFollowUp: the response, for the office only', from: caseIn('delivered', poorlyRated), action: sample.closeFollowUp, entry: { note: '已电话回访并致歉', internal: true } },
  { title: 'withdraw without a reason: nothing more', from: caseIn('received'), action: { type: 'withdraw' }, entry: {} },
  { title: 'rate 1: the level in words', from: caseIn('delivered'), action: { type: 'rate', level: 1 }, entry: { note: '非常满意' } },
  { title: 'rate 4 with a comment', from: caseIn('delivered'), action: { type: 'rate', level: 4, comment: '窗口人少' }, entry: { note: '不满意：窗口人少' } },
  { title: "supplyCorrection: the applicant's response", from: caseIn('correctionRequested'), action: { ...sample.supplyCorrection, response: '已补第3页' }, entry: { note: '已补第3页' } },
  { title: 'supplement that ends the wait', from: caseIn('suspended', waitingForSurvey), action: sample.supplement, entry: { note: '不动产测绘报告；材料补齐，恢复办理' } },
  { title: 'supplementMissed: which material', from: caseIn('received', { materials: withSurvey(SURVEY_DEFERRED) }), action: sample.supplementMissed, entry: { note: '逾期未补交：不动产测绘报告' } },
  { title: 'warning: which clock, which level, which date', from: caseIn('inProcess', { step: atStep(2) }), action: warning('step', 'red'), entry: { note: '环节「登簿」红牌预警(期限 2026-03-05)' } },
  { title: 'reassign: from where to where, for the office only', from: caseIn('received'), action: sample.reassign, entry: { note: '由「示范市不动产登记中心」移交「示范市市场监管局」：原部门无此职能', internal: true } },
];

describe('transition: what the history says', () => {
  it.each(told)('$title', ({ from, action, item: other, entry: expected }) => {
    const { entry } = run(from, action, other ? { item: other } : {});
    expect({ note: entry.note, internalNote: entry.internalNote, internal: entry.internal }).toEqual(expected);
  });
});

/** The refusal an officer or applicant sees: 409 ACTION_NOT_ALLOWED with what stood in the way. */
function refusal(c: CaseRecord, action: CaseAction, options?: { item?: typeof item }): ApiError {
  try {
    run(c, action, options);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`${action.type} was not refused`);
}

// Each action in a state it cannot be taken from, with the message that names both.
const wrongState: Array<[CaseAction['type'], CaseStatus, string]> = [
  ['accept', 'inProcess', '办件办理中，不能「受理」'],
  ['accept', 'withdrawn', '办件已撤回，不能「受理」'],
  ['deemAccept', 'correctionRequested', '办件待补正，不能「逾期未告知，视为受理」'],
  ['requestCorrection', 'correctionRequested', '办件待补正，不能「一次性告知补正」'],
  ['requestCorrection', 'decided', '办件已办结，不能「一次性告知补正」'],
  ['notAccept', 'inProcess', '办件办理中，不能「不予受理」'],
  ['completeStep', 'received', '办件已收件，等待受理，不能「办理环节」'],
  ['completeStep', 'suspended', '办件已中止，不能「办理环节」'],
  ['autoPass', 'suspended', '办件已中止，不能「超时默认」'],
  ['transfer', 'received', '办件已收件，等待受理，不能「转报」'],
  ['suspend', 'suspended', '办件已中止，不能「中止(特别程序)」'],
  ['suspend', 'received', '办件已收件，等待受理，不能「中止(特别程序)」'],
  ['resume', 'inProcess', '办件办理中，不能「恢复办理」'],
  ['extend', 'received', '办件已收件，等待受理，不能「延长办理期限」'],
  ['extend', 'decided', '办件已办结，不能「延长办理期限」'],
  ['deliver', 'inProcess', '办件办理中，不能「送达」'],
  ['deliver', 'delivered', '办件已送达，不能「送达」'],
  ['reviewSupplement', 'delivered', '办件已送达，不能「审核容缺补交材料」'],
  ['closeFollowUp', 'inProcess', '办件办理中，不能「差评回访整改」'],
  ['withdraw', 'decided', '办件已办结，不能「申请人撤回」'],
  ['withdraw', 'notAccepted', '办件不予受理，不能「申请人撤回」'],
  ['rate', 'inProcess', '办件办理中，不能「评价」'],
  ['rate', 'withdrawn', '办件已撤回，不能「评价」'],
  ['supplyCorrection', 'received', '办件已收件，等待受理，不能「提交补正材料」'],
  ['supplement', 'decided', '办件已办结，不能「补交容缺材料」'],
  ['supplementMissed', 'suspended', '办件已中止，不能「容缺材料逾期未补交」'],
  ['warning', 'withdrawn', '办件已撤回，不能「时限预警」'],
  ['reassign', 'delivered', '办件已送达，不能「移交其他部门」'],
];

// The state admits the action, a rule does not.
const ruledOut: Array<{ title: string; from: CaseRecord; action: CaseAction; item?: typeof item; message: string }> = [
  { title: 'a second correction notice before acceptance (一次性告知)', from: caseIn('received', correctedOnce), action: sample.requestCorrection, message: '补正只能一次性告知，本件已告知过' },
  { title: 'not accepting a case accepted already', from: caseIn('correctionRequested', correctionInProcess), action: sample.notAccept, message: '本件已受理，不能再作不予受理决定' },
  { title: 'returning the first step', from: caseIn('inProcess'), action: completeStep('return'), message: '第一个环节无法退回' },
  { title: 'a denial without reasons', from: caseIn('inProcess', { step: atStep(1) }), action: completeStep('reject'), message: '不予许可须说明理由' },
  { title: 'deciding while a 容缺 material is not supplied', from: caseIn('inProcess', { step: atStep(3), materials: withSurvey(SURVEY_DEFERRED) }), action: sample.completeStep, message: '容缺材料尚未补齐并审核，不能办结' },
  { title: 'deciding while a 容缺 material is not reviewed', from: caseIn('inProcess', { step: atStep(3), materials: withSurvey(SURVEY_PENDING) }), action: sample.completeStep, message: '容缺材料尚未补齐并审核，不能办结' },
  { title: '超时默认 on a step that only warns', from: caseIn('inProcess'), action: sample.autoPass, message: '该环节未实行超时默认' },
  { title: 'resuming by hand while the 容缺 material is awaited', from: caseIn('suspended', waitingForSurvey), action: sample.resume, message: '容缺材料补交后自动恢复办理' },
  { title: 'a second extension', from: caseIn('inProcess', { extension: { days: 10, on: '2026-03-04', reason: '需实地核查' } }), action: sample.extend, message: '办理期限只能延长一次' },
  { title: 'reviewing a material nobody supplied', from: caseIn('inProcess', { materials: withSurvey(SURVEY_DEFERRED) }), action: sample.reviewSupplement, message: '该材料没有待审核的补交' },
  { title: 'closing a follow-up after a good rating', from: caseIn('delivered', { rating: { level: 2, on: '2026-03-11' } }), action: sample.closeFollowUp, message: '没有待回访的差评' },
  { title: 'closing a follow-up twice', from: caseIn('delivered', { rating: { level: 5, on: '2026-03-11', followUp: { closedOn: '2026-03-12', response: '已回访' } } }), action: sample.closeFollowUp, message: '没有待回访的差评' },
  { title: 'rating twice', from: caseIn('delivered', poorlyRated), action: sample.rate, message: '本件已评价' },
  { title: 'moving a case to the department it is with', from: caseIn('received'), action: { ...sample.reassign, department: caseIn('received').departmentId }, message: '办件已在该部门' },
  { title: 'supplying a material that is not awaited', from: caseIn('inProcess'), action: sample.supplement, message: '这项材料无需补交或已经补交' },
  { title: 'corrections without the material asked for', from: caseIn('correctionRequested'), action: { type: 'supplyCorrection', materials: {}, response: '已补' }, message: '请补正这些材料：不动产买卖合同' },
  { title: 'corrections with a material not asked for', from: caseIn('correctionRequested'), action: { type: 'supplyCorrection', materials: { 'sale-contract': [scan], 'tax-receipt': [scan] } }, message: '这些材料不在补正告知中：tax-receipt' },
  { title: 'suspending for a missed 容缺 material before acceptance', from: caseIn('received', { materials: withSurvey(SURVEY_DEFERRED) }), action: sample.supplementMissed, item: suspendOnMissed, message: '受理后方可中止' },
];

describe('transition: what is refused', () => {
  it.each(wrongState)('%s in state %s', (type, status, message) => {
    const error = refusal(caseIn(status), sample[type]);
    expect({ status: error.status, code: error.code, message: error.message }).toEqual({ status: 409, code: 'ACTION_NOT_ALLOWED', message });
  });

  it.each(ruledOut)('$title', ({ from, action, item: other, message }) => {
    const error = refusal(from, action, other ? { item: other } : undefined);
    expect({ status: error.status, code: error.code, message: error.message }).toEqual({ status: 409, code: 'ACTION_NOT_ALLOWED', message });
  });

  it('covers every action type, taken and refused', () => {
    const types = Object.keys(sample).sort();
    expect([...new Set(valid.map((v) => v.action.type))].sort()).toEqual(types);
    expect([...new Set(wrongState.map(([type]) => type))].sort()).toEqual(types);
  });
});

describe('what the officers and the clock may not decide', () => {
  const last = atStep(3);
  const refusal = (c: CaseRecord, action: CaseAction, options: { item?: typeof item } = {}) => {
    try {
      run(c, action, options);
    } catch (error) {
      return (error as ApiError).message;
    }
    return undefined;
  };

  it('does not deem the last step approved while a 容缺 material is outstanding or unreviewed', () => {
    for (const survey of [SURVEY_DEFERRED, SURVEY_PENDING]) {
      expect(refusal(caseIn('inProcess', { step: last, materials: withSurvey(survey) }), { type: 'autoPass' })).toContain('容缺材料尚未补齐并审核');
    }
    expect(run(caseIn('inProcess', { step: last }), { type: 'autoPass' }).next.status).toBe('decided');
  });

  it('allows a step only the outcomes the item gives it', () => {
    const passOnly = estateItem((i) => (i.steps[1]!.outcomes = ['pass']));
    const c = caseIn('inProcess', { step: atStep(1) });
    expect(refusal(c, { type: 'completeStep', expectedRevision: c.revision, outcome: 'reject', reasons: '不符合条件' }, { item: passOnly })).toContain('该环节不能作此办理结果');
    expect(refusal(c, { type: 'completeStep', expectedRevision: c.revision, outcome: 'return' }, { item: passOnly })).toContain('该环节不能作此办理结果');
  });

  it('tells the applicant why a denial was made', () => {
    const c = caseIn('inProcess', { step: atStep(1) });
    const denied = run(c, { type: 'completeStep', expectedRevision: c.revision, outcome: 'reject', reasons: '申请材料与实际不符' });
    expect(denied.notices.find((n) => n.to === 'applicant')?.text).toContain('理由：申请材料与实际不符');
  });
});
