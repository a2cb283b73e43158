import { nationalCalendar, type ItemDefinition } from '@onevisit/item-schemas';
import { describe, expect, it } from 'vitest';
import type { CaseAction } from './actions';
import { clocksOf, dueDatesOf, dueEvents, nextCheckOf, nextEvents, urgencyOf, type Clock } from './clocks';
import { transition } from './lifecycle';
import type { CaseRecord, ClockName } from './record';
import { defaultCaseSettings, type CaseSettings } from './settings';
import { atStep, caseIn, estateItem, scan, SURVEY_DEFERRED, templateItem, withSurvey } from './test-fixtures';

/**
 * The clocks of a case (DOMAIN §2), on the national calendar of 2026: off 4/4–6 (清明), 5/1–5
 * (劳动节), 9/25–27 and 10/1–7 (中秋, 国庆); make-up working days Sat 2/14, Sat 5/9, Sat 10/10.
 * "N working days from D" ends on the N-th working day after D. The estate item promises 5 WD
 * (legal 30), its steps take 1, 2, 1 and 1 WD, and the survey report may come 3 WD late (容缺).
 */

const calendar = nationalCalendar();
const estate = estateItem();
const immediate = templateItem('unemployment-benefit'); // 即办: promised 0, legal 10, one step of 0 WD
const naturalLegal = estateItem((i) => (i.legalLimit = { value: 30, unit: 'natural' }));
const noLegal = estateItem((i) => (i.legalLimit = null));
const twentyDays = estateItem((i) => (i.promisedLimit = { value: 20, unit: 'workday' }));
const suspendOnMissed = estateItem((i) => (i.deficiencyAcceptance = { enabled: true, supplementDays: 3, onMissed: 'suspend' }));
const noCorrectionPause: CaseSettings = { ...defaultCaseSettings, correctionPausesClock: false };

interface On { item?: ItemDefinition; settings?: CaseSettings; today: string }
const clocks = (c: CaseRecord, on: On) => clocksOf(c, on.item ?? estate, calendar, on.settings ?? defaultCaseSettings, on.today);
const names = (list: Clock[]) => list.map((k) => k.name);
/** Each clock's due date, marked where the year has no holiday notice yet. */
const dues = (list: Clock[]) => Object.fromEntries(list.map((k) => [k.name, `${k.due.due}${k.due.provisional ? ' provisional' : ''}`]));

/** Accepted on `day` (the first step starts the same day). */
const acceptedOn = (day: string, patch: Partial<CaseRecord> = {}) => caseIn('inProcess', { receivedOn: day, acceptedOn: day, step: atStep(0, day), ...patch });
const poorRating = (closedOn?: string) => ({ rating: { level: 5, on: '2026-03-16', followUp: closedOn ? { closedOn, response: '已回访' } : {} } });

// Which clocks a case has in each state, and which of them are ticking (a paused clock raises nothing).
const byState: Array<{ title: string; c: CaseRecord; on?: Partial<On>; all: ClockName[]; running: ClockName[] }> = [
  { title: 'received: the 5-day acceptance clock runs; the decision dates are estimates', c: caseIn('received'), all: ['acceptance', 'promised', 'legal'], running: ['acceptance'] },
  { title: 'received with 容缺: the supplement clock runs too', c: caseIn('received', { materials: withSurvey(SURVEY_DEFERRED) }), all: ['acceptance', 'promised', 'legal', 'supplement'], running: ['acceptance', 'supplement'] },
  { title: "corrections asked before acceptance: the applicant's turn", c: caseIn('correctionRequested'), all: ['promised', 'legal'], running: [] },
  { title: 'in process: promised, legal and the step', c: caseIn('inProcess'), all: ['promised', 'legal', 'step'], running: ['promised', 'legal', 'step'] },
  { title: 'in process without a legal limit', c: caseIn('inProcess'), on: { item: noLegal }, all: ['promised', 'step'], running: ['promised', 'step'] },
  { title: 'corrections asked during processing pause the decision clocks', c: caseIn('correctionRequested', { acceptedOn: '2026-03-03', pauses: [{ from: '2026-03-04', kind: 'correction', reason: '受理后补正' }] }), all: ['promised', 'legal'], running: [] },
  { title: 'corrections during processing where they do not pause the clock', c: caseIn('correctionRequested', { acceptedOn: '2026-03-03' }), on: { settings: noCorrectionPause }, all: ['promised', 'legal'], running: ['promised', 'legal'] },
  { title: 'suspended (特别程序): everything stands still', c: caseIn('suspended'), all: ['promised', 'legal'], running: [] },
  { title: 'suspended for a missed 容缺 material: its clock stops too', c: caseIn('suspended', { materials: withSurvey(SURVEY_DEFERRED), pauses: [{ from: '2026-03-06', kind: 'supplement', reason: '容缺' }] }), all: ['promised', 'legal', 'supplement'], running: [] },
  { title: 'suspended (特别程序) with a 容缺 material still due: that clock runs on', c: caseIn('suspended', { materials: withSurvey(SURVEY_DEFERRED) }), all: ['promised', 'legal', 'supplement'], running: ['supplement'] },
  { title: 'decided: 10 WD to deliver (第44条)', c: caseIn('decided'), all: ['delivery'], running: ['delivery'] },
  { title: 'delivered: nothing owed', c: caseIn('delivered'), all: [], running: [] },
  { title: 'delivered and rated poorly: the follow-up runs', c: caseIn('delivered', poorRating()), all: ['followUp'], running: ['followUp'] },
  { title: 'a follow-up closed', c: caseIn('delivered', poorRating('2026-03-18')), all: ['followUp'], running: [] },
  { title: 'not accepted and rated poorly', c: caseIn('notAccepted', poorRating()), all: ['followUp'], running: ['followUp'] },
  { title: 'withdrawn: nothing', c: caseIn('withdrawn'), all: [], running: [] },
];

describe('clocksOf: which clocks run', () => {
  it.each(byState)('$title', ({ c, on, all, running }) => {
    const found = clocks(c, { today: '2026-03-05', ...on });
    expect({ all: names(found.all), running: names(found.running) }).toEqual({ all, running });
  });
});

// Due dates counted in working days, across weekends, holidays and make-up days.
const dueRows: Array<{ title: string; c: CaseRecord; on?: Partial<On>; due: Record<string, string> }> = [
  { title: 'received Thu 3/5: 5 WD over a weekend', c: caseIn('received', { receivedOn: '2026-03-05' }), due: { acceptance: '2026-03-12', promised: '2026-03-12', legal: '2026-04-17' } },
  { title: 'received Wed 4/1: 5 WD over 清明 (4/4–6)', c: caseIn('received', { receivedOn: '2026-04-01' }), due: { acceptance: '2026-04-09', legal: '2026-05-18' } },
  { title: 'received Wed 4/29: 劳动节, then the make-up Saturday 5/9 counts', c: caseIn('received', { receivedOn: '2026-04-29' }), due: { acceptance: '2026-05-09' } },
  { title: 'received Fri 2/13: the make-up Saturday 2/14, then 春节 to 2/23', c: caseIn('received', { receivedOn: '2026-02-13' }), due: { acceptance: '2026-02-27' } },
  { title: 'accepted Mon 3/2: promised 5, legal 30, the first step 1', c: acceptedOn('2026-03-02'), due: { promised: '2026-03-09', legal: '2026-04-14', step: '2026-03-03' } },
  { title: 'an extension adds 10 WD to promised and legal (第42条)', c: acceptedOn('2026-03-02', { extension: { days: 10, on: '2026-03-05', reason: '需实地核查' } }), due: { promised: '2026-03-23', legal: '2026-04-28' } },
  { title: '容缺: the material is due 3 WD after receipt', c: caseIn('received', { materials: withSurvey(SURVEY_DEFERRED) }), due: { supplement: '2026-03-05' } },
  { title: 'decided Thu 9/24: delivery over 中秋 and 国庆, with Sat 10/10', c: caseIn('decided', { decision: { outcome: 'approved', on: '2026-09-24' } }), due: { delivery: '2026-10-15' } },
  { title: 'rated poorly Mon 3/16: follow up within 10 WD', c: caseIn('delivered', poorRating()), due: { followUp: '2026-03-30' } },
  { title: 'rated poorly: within the jurisdiction’s 5 WD', c: caseIn('delivered', poorRating()), on: { settings: { ...defaultCaseSettings, followUpDays: 5 } }, due: { followUp: '2026-03-23' } },
  { title: '即办件: promised the day of acceptance', c: acceptedOn('2026-03-02'), on: { item: immediate }, due: { promised: '2026-03-02', step: '2026-03-02', legal: '2026-03-16' } },
  { title: 'natural days ending on a holiday move to the next working day', c: acceptedOn('2026-08-27'), on: { item: naturalLegal, today: '2026-08-27' }, due: { legal: '2026-09-28' } },
  { title: 'a date in a year with no holiday notice is provisional', c: acceptedOn('2026-12-28'), on: { today: '2026-12-28' }, due: { promised: '2027-01-04 provisional', legal: '2027-02-08 provisional', step: '2026-12-29' } },
];

describe('clocksOf: due dates in working days', () => {
  it.each(dueRows)('$title', ({ c, on, due }) => {
    expect(dues(clocks(c, { today: c.receivedOn, ...on }).all)).toMatchObject(due);
  });
});

/** Plays actions on their days through the lifecycle, as the officer, applicant and sweep would. */
function play(c: CaseRecord, moves: Array<[string, CaseAction]>, item = estate, settings = defaultCaseSettings): CaseRecord {
  return moves.reduce((k, [today, action]) => transition(k, action, { item, settings, today, at: `${today}T02:00:00.000Z`, actor: { id: 'officer-1' } }).next, c);
}
const r = 3;
const suspend: CaseAction = { type: 'suspend', expectedRevision: r, procedure: 'expertReview', reason: '专家评审' };
const resume: CaseAction = { type: 'resume', expectedRevision: r };
const pass: CaseAction = { type: 'completeStep', expectedRevision: r, outcome: 'pass' };
const askCorrection: CaseAction = { type: 'requestCorrection', expectedRevision: r, items: [{ materialId: 'sale-contract', note: '缺第3页' }] };
const corrected: CaseAction = { type: 'supplyCorrection', materials: { 'sale-contract': [scan] } };

// Suspension (中止, 补正 after acceptance, a missed 容缺 material) stops the clock; resuming adds back the working days it covered.
const pausing: Array<{ title: string; c: CaseRecord; moves: Array<[string, CaseAction]>; on: On; due: Record<string, string>; running: ClockName[] }> = [
  { title: 'no pause: 5 WD from Mon 3/2', c: acceptedOn('2026-03-02'), moves: [['2026-03-03', pass]], on: { today: '2026-03-04' }, due: { promised: '2026-03-09', step: '2026-03-05' }, running: ['promised', 'legal', 'step'] },
  { title: '中止 since Wed 3/4, still on Fri 3/6: the date moves while it stands still', c: acceptedOn('2026-03-02'), moves: [['2026-03-04', suspend]], on: { today: '2026-03-06' }, due: { promised: '2026-03-12', legal: '2026-04-17' }, running: [] },
  { title: '中止 3/4, resumed 3/11: 5 WD added back to promised and the step', c: acceptedOn('2026-03-02'), moves: [['2026-03-03', pass], ['2026-03-04', suspend], ['2026-03-11', resume]], on: { today: '2026-03-11' }, due: { promised: '2026-03-16', legal: '2026-04-21', step: '2026-03-12' }, running: ['promised', 'legal', 'step'] },
  { title: '中止 over 清明 (Fri 4/3 to Wed 4/8): only 2 WD added', c: acceptedOn('2026-04-01'), moves: [['2026-04-03', suspend], ['2026-04-08', resume]], on: { today: '2026-04-08' }, due: { promised: '2026-04-13' }, running: ['promised', 'legal', 'step'] },
  { title: 'two pauses of a day each', c: acceptedOn('2026-03-02'), moves: [['2026-03-03', suspend], ['2026-03-04', resume], ['2026-03-05', suspend], ['2026-03-06', resume]], on: { today: '2026-03-06' }, due: { promised: '2026-03-11' }, running: ['promised', 'legal', 'step'] },
  { title: 'an extension granted while suspended counts after the pause', c: acceptedOn('2026-03-02'), moves: [['2026-03-04', suspend], ['2026-03-05', { type: 'extend', expectedRevision: r, reason: '需实地核查' }], ['2026-03-11', resume]], on: { today: '2026-03-11' }, due: { promised: '2026-03-30' }, running: ['promised', 'legal', 'step'] },
  { title: '补正 during processing (3/4 to 3/11) pauses the clock', c: acceptedOn('2026-03-02'), moves: [['2026-03-04', askCorrection], ['2026-03-11', corrected]], on: { today: '2026-03-11' }, due: { promised: '2026-03-16' }, running: ['promised', 'legal', 'step'] },
  { title: '补正 during processing where it does not pause the clock', c: acceptedOn('2026-03-02'), moves: [['2026-03-04', askCorrection]], on: { today: '2026-03-06', settings: noCorrectionPause }, due: { promised: '2026-03-09' }, running: ['promised', 'legal'] },
  { title: '补正 before acceptance (3/3 to Tue 3/10): 5 WD to accept from the corrections', c: caseIn('received'), moves: [['2026-03-03', askCorrection], ['2026-03-10', corrected]], on: { today: '2026-03-10' }, due: { acceptance: '2026-03-17', promised: '2026-03-17' }, running: ['acceptance'] },
  { title: 'accepted after corrections: the promise counts from acceptance', c: caseIn('received'), moves: [['2026-03-03', askCorrection], ['2026-03-10', corrected], ['2026-03-12', { type: 'accept', expectedRevision: r }]], on: { today: '2026-03-12' }, due: { promised: '2026-03-19' }, running: ['promised', 'legal', 'step'] },
  { title: '容缺 missed (中止办理) on Fri 3/6, supplied Wed 3/11: 3 WD added back', c: acceptedOn('2026-03-02', { materials: withSurvey(SURVEY_DEFERRED) }), moves: [['2026-03-06', { type: 'supplementMissed' }], ['2026-03-11', { type: 'supplement', materialId: 'survey-report', files: [scan] }]], on: { item: suspendOnMissed, today: '2026-03-11' }, due: { promised: '2026-03-12' }, running: ['promised', 'legal', 'step'] },
];

describe('suspension stops the clock and resuming restarts it', () => {
  it.each(pausing)('$title', ({ c, moves, on, due, running }) => {
    const found = clocks(play(c, moves, on.item, on.settings), on);
    expect({ due: dues(found.all), running: names(found.running) }).toMatchObject({ due, running });
  });
});

/** The running clocks of a case, or one of them. */
const runningOf = (c: CaseRecord, on: On, clock?: ClockName) => clocks(c, on).running.filter((k) => !clock || k.name === clock);
const twenty = acceptedOn('2026-03-02'); // with the 20-WD promise: due Mon 3/30
const warnAt: CaseSettings = { ...defaultCaseSettings, warnings: { yellow: 0.6, red: 0.8 } };

// How urgent a clock is as its due date approaches: yellow at 50% of the working days, red at 90%, then overdue.
const urgency: Array<{ title: string; c: CaseRecord; item?: ItemDefinition; settings?: CaseSettings; clock?: ClockName; today: string; level: string }> = [
  { title: '20 WD promised, Fri 3/13 (9 WD used)', c: twenty, item: twentyDays, clock: 'promised', today: '2026-03-13', level: 'normal' },
  { title: '20 WD promised, Sat 3/14 (still 9)', c: twenty, item: twentyDays, clock: 'promised', today: '2026-03-14', level: 'normal' },
  { title: '20 WD promised, Mon 3/16 (10: half)', c: twenty, item: twentyDays, clock: 'promised', today: '2026-03-16', level: 'yellow' },
  { title: '20 WD promised, 3/25 (17)', c: twenty, item: twentyDays, clock: 'promised', today: '2026-03-25', level: 'yellow' },
  { title: '20 WD promised, 3/26 (18: 90%)', c: twenty, item: twentyDays, clock: 'promised', today: '2026-03-26', level: 'red' },
  { title: '20 WD promised, the due day 3/30', c: twenty, item: twentyDays, clock: 'promised', today: '2026-03-30', level: 'red' },
  { title: '20 WD promised, 3/31', c: twenty, item: twentyDays, clock: 'promised', today: '2026-03-31', level: 'overdue' },
  { title: 'yellow at 60% where the jurisdiction says so: 3/17 (11)', c: twenty, item: twentyDays, settings: warnAt, clock: 'promised', today: '2026-03-17', level: 'normal' },
  { title: 'yellow at 60%: 3/18 (12)', c: twenty, item: twentyDays, settings: warnAt, clock: 'promised', today: '2026-03-18', level: 'yellow' },
  { title: 'red at 80%: 3/23 (15)', c: twenty, item: twentyDays, settings: warnAt, clock: 'promised', today: '2026-03-23', level: 'yellow' },
  { title: 'red at 80%: 3/24 (16)', c: twenty, item: twentyDays, settings: warnAt, clock: 'promised', today: '2026-03-24', level: 'red' },
  { title: 'accepted Wed 4/1, 5 WD: on the holiday Mon 4/6 only 2 WD are used', c: acceptedOn('2026-04-01'), clock: 'promised', today: '2026-04-06', level: 'normal' },
  { title: 'accepted Wed 4/1, 5 WD: Tue 4/7 (3)', c: acceptedOn('2026-04-01'), clock: 'promised', today: '2026-04-07', level: 'yellow' },
  { title: 'accepted Wed 4/1, 5 WD: the due day Thu 4/9', c: acceptedOn('2026-04-01'), clock: 'promised', today: '2026-04-09', level: 'red' },
  { title: 'the legal clock says nothing at 28 of 30 WD', c: acceptedOn('2026-03-02'), clock: 'legal', today: '2026-04-10', level: 'normal' },
  { title: 'the legal clock past 4/14: overdue', c: acceptedOn('2026-03-02'), clock: 'legal', today: '2026-04-15', level: 'overdue' },
  { title: 'a suspended case past its date: no warning while paused', c: caseIn('suspended'), today: '2026-04-01', level: 'normal' },
  { title: 'the case as a whole: the worst clock (受理, 1 WD, due 3/3)', c: acceptedOn('2026-03-02'), today: '2026-03-04', level: 'overdue' },
];

describe('urgencyOf: warning levels as the due date approaches', () => {
  it.each(urgency)('$title: $level', ({ c, item, settings, clock, today, level }) => {
    const on = { item: item ?? estate, settings: settings ?? defaultCaseSettings, today };
    expect(urgencyOf(runningOf(c, on, clock), calendar, on.settings, today)).toBe(level);
  });
});

// What the sweep acts on: the next level each clock reaches (to schedule the case) and the levels come by today, each once.
const events: Array<{ title: string; c?: CaseRecord; clock: ClockName; warnings: CaseRecord['warnings']; today?: string; events: string[] }> = [
  { title: 'next: yellow on 3/16', clock: 'promised', warnings: {}, events: ['promised yellow 2026-03-16'] },
  { title: 'next after yellow: red on 3/26', clock: 'promised', warnings: { promised: 'yellow' }, events: ['promised red 2026-03-26'] },
  { title: 'next after red: overdue on 3/31', clock: 'promised', warnings: { promised: 'red' }, events: ['promised overdue 2026-03-31'] },
  { title: 'next after overdue: nothing', clock: 'promised', warnings: { promised: 'overdue' }, events: [] },
  { title: 'next on the legal clock: only overdue, the day after 4/14', clock: 'legal', warnings: {}, events: ['legal overdue 2026-04-15'] },
  { title: 'a new step is warned afresh', c: acceptedOn('2026-03-02', { step: atStep(1, '2026-03-04') }), clock: 'step', warnings: { 'step:0:2026-03-02': 'overdue' }, events: ['step:1:2026-03-04 yellow 2026-03-05'] },
  { title: 'come by 3/20: yellow', clock: 'promised', warnings: {}, today: '2026-03-20', events: ['promised yellow 2026-03-16'] },
  { title: 'come by 3/27 with nothing raised: red only, the highest', clock: 'promised', warnings: {}, today: '2026-03-27', events: ['promised red 2026-03-26'] },
  { title: 'come by 3/27 with red raised: nothing again', clock: 'promised', warnings: { promised: 'red' }, today: '2026-03-27', events: [] },
  { title: 'come by 4/1 with yellow raised: overdue', clock: 'promised', warnings: { promised: 'yellow' }, today: '2026-04-01', events: ['promised overdue 2026-03-31'] },
];

describe('nextEvents and dueEvents: each level once, on its day', () => {
  it.each(events)('$title', ({ c, clock, warnings, today, events: expected }) => {
    const on = { item: twentyDays, settings: defaultCaseSettings, today: today ?? '2026-03-05' };
    const running = runningOf(c ?? twenty, on, clock);
    const found = today ? dueEvents(running, warnings, calendar, on.settings, today) : nextEvents(running, warnings, calendar, on.settings);
    expect(found.map((e) => `${e.clock.key} ${e.level} ${e.on}`)).toEqual(expected);
  });

  it('the sweep looks again on the soonest of them: the first step’s yellow', () => {
    const running = runningOf(acceptedOn('2026-03-02'), { today: '2026-03-02' });
    expect(nextCheckOf(nextEvents(running, {}, calendar, defaultCaseSettings))).toBe('2026-03-03');
  });
});

// The due dates kept on the case: a closed case keeps its promised and legal dates for the record and the figures.
const kept: Array<{ title: string; c: CaseRecord; item?: ItemDefinition; previous: CaseRecord['due']; due: CaseRecord['due'] }> = [
  { title: 'in process: all recomputed', c: acceptedOn('2026-03-02'), previous: { promised: { due: '2026-03-02', provisional: false }, acceptance: { due: '2026-03-09', provisional: false } }, due: { promised: { due: '2026-03-09', provisional: false }, legal: { due: '2026-04-14', provisional: false }, step: { due: '2026-03-03', provisional: false } } },
  { title: 'decided: promised and legal stay, the step goes, delivery comes', c: caseIn('decided'), previous: { promised: { due: '2026-03-09', provisional: false }, legal: { due: '2026-04-14', provisional: false }, step: { due: '2026-03-06', provisional: false } }, due: { promised: { due: '2026-03-09', provisional: false }, legal: { due: '2026-04-14', provisional: false }, delivery: { due: '2026-03-23', provisional: false } } },
  { title: 'decided, no legal limit: none appears', c: caseIn('decided'), item: noLegal, previous: { promised: { due: '2026-03-09', provisional: false } }, due: { promised: { due: '2026-03-09', provisional: false }, delivery: { due: '2026-03-23', provisional: false } } },
];

describe('dueDatesOf: the dates stored on the case', () => {
  it.each(kept)('$title', ({ c, item, previous, due }) => {
    expect(dueDatesOf(clocks(c, { item: item ?? estate, today: '2026-03-10' }).all, previous)).toEqual(due);
  });
});
