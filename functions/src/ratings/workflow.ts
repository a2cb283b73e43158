import { dueDate, warningLevel, type WorkCalendar } from '@onevisit/item-schemas';
import type { WarningLevel } from '../cases/record';
import type { CaseSettings } from '../cases/settings';
import { appealedAlready, revisitRequired, wrongStep } from './errors';
import { isPoor, type PoorAction, type PoorRating, type PoorStatus, type RatingRecord, type RatingSettings, type Verdict } from './model';

/**
 * The 差评 workflow (DOMAIN §6): 待核实 → (核实) 整改中 → (反馈) 已反馈 → the rater judges the fix:
 * 满意 or 基本满意 → 待关闭 → 关闭; 不满意 → 整改中 again. A department that finds the rating
 * mistaken 申诉s (from 待核实 or 整改中, once); the administrators' 复核 either upholds it (关闭,
 * not counted as a 差评) or sends it back to 整改中. A real-name 差评 is closed only after its
 * 回访 is recorded. Each step is due a number of working days after it began (per jurisdiction).
 */

/** A judgement arriving from the tracking page (the rater) or given at the 回访 (recorded by the officer). */
export type JudgeAction = { type: 'judge'; verdict: Verdict; comment?: string; by: 'rater' | 'revisit' };
export type WorkflowAction = PoorAction | JudgeAction;

export interface WorkflowContext {
  today: string;
  at: string;
  actor: { id: string; name?: string };
  key?: string;
  calendar: WorkCalendar;
  settings: RatingSettings;
}

const addWorkdays = (calendar: WorkCalendar, from: string, days: number) => dueDate(calendar, { from, limit: { value: days, unit: 'workday' } }).due;

/** The limit of each step, in working days; 待关闭 and 关闭 have none. */
function stepDays(status: PoorStatus, settings: RatingSettings): number | undefined {
  return { verifying: settings.verifyDays, rectifying: settings.rectifyDays, fedBack: settings.judgeDays, appealed: settings.reviewDays, judged: undefined, closed: undefined }[status];
}

/** The workflow a new 差评 starts: 待核实, due by the settings, and its 回访 due when the rater is known. */
export function startPoor(r: Omit<RatingRecord, 'poor' | 'revision'>, ctx: WorkflowContext): PoorRating | undefined {
  if (!isPoor(r.level)) return undefined;
  return {
    status: 'verifying',
    since: ctx.today,
    due: addWorkdays(ctx.calendar, ctx.today, ctx.settings.verifyDays),
    ...(r.realName ? { revisitDue: addWorkdays(ctx.calendar, ctx.today, ctx.settings.revisitDays) } : {}),
    revisits: [],
    history: [{ at: ctx.at, actor: ctx.actor.id, ...(ctx.actor.name ? { actorName: ctx.actor.name } : {}), action: 'rated', to: 'verifying', ...(ctx.key ? { key: ctx.key } : {}) }],
  };
}

const ADMITTED: Record<WorkflowAction['type'], readonly PoorStatus[]> = {
  verify: ['verifying'],
  appeal: ['verifying', 'rectifying'],
  review: ['appealed'],
  feedback: ['rectifying'],
  judge: ['fedBack'],
  revisit: ['verifying', 'rectifying', 'fedBack', 'judged', 'appealed'],
  // An anonymous rater cannot be asked: their 差评 closes once the fix is reported.
  close: ['judged', 'fedBack'],
};

/** What officers may do with the 差评 now (the admin pages offer only these). */
export function allowedActions(r: RatingRecord): Array<PoorAction['type']> {
  const status = r.poor?.status;
  if (!status) return [];
  return (['verify', 'appeal', 'review', 'feedback', 'revisit', 'close'] as const).filter(
    (type) => ADMITTED[type].includes(status) && !(type === 'appeal' && r.poor?.appeal) && !(type === 'close' && r.realName && (status === 'fedBack' || r.poor!.revisits.length === 0)),
  );
}

/** Steps the 差评's status admits but a rule holds back now, with why: the page says so where the button would be. */
export function blockedActions(r: RatingRecord): Array<{ action: PoorAction['type']; message: string; message_en: string }> {
  if (r.poor?.status !== 'judged' || !r.realName || r.poor.revisits.length > 0) return [];
  const why = revisitRequired();
  return [{ action: 'close', message: why.message, message_en: why.message_en }];
}

/** The 差评 after one action, or a 4xx saying why the action does not fit. */
export function applyPoor(r: RatingRecord, action: WorkflowAction, ctx: WorkflowContext): PoorRating {
  const poor = r.poor!;
  if (!ADMITTED[action.type].includes(poor.status)) throw wrongStep(action.type, poor.status);
  const next: PoorRating = structuredClone(poor);
  let note: string | undefined;
  const moveTo = (status: PoorStatus) => {
    next.status = status;
    next.since = ctx.today;
    const days = stepDays(status, ctx.settings);
    if (days === undefined) delete next.due;
    else next.due = addWorkdays(ctx.calendar, ctx.today, days);
  };
  const judge = (verdict: Verdict, by: 'rater' | 'revisit', comment?: string) => {
    next.judgement = { on: ctx.today, verdict, by, ...(comment ? { comment } : {}) };
    moveTo(verdict === 'dissatisfied' ? 'rectifying' : 'judged');
  };
  switch (action.type) {
    case 'verify':
      next.verification = { on: ctx.today, finding: action.finding };
      note = action.finding;
      moveTo('rectifying');
      break;
    case 'appeal':
      if (poor.appeal) throw appealedAlready();
      next.appeal = { on: ctx.today, reason: action.reason };
      note = action.reason;
      moveTo('appealed');
      break;
    case 'review':
      next.review = { on: ctx.today, upheld: action.upheld, note: action.note };
      note = `${action.upheld ? '申诉成立' : '申诉不成立'}：${action.note}`;
      if (action.upheld) {
        moveTo('closed');
        next.closed = { on: ctx.today, outcome: 'voided' };
      } else moveTo('rectifying');
      break;
    case 'feedback':
      next.feedback = { on: ctx.today, text: action.text, onTime: poor.due === undefined || ctx.today <= poor.due };
      note = action.text;
      moveTo('fedBack');
      break;
    case 'judge':
      note = action.comment;
      judge(action.verdict, action.by, action.comment);
      break;
    case 'revisit':
      next.revisits.push({ on: ctx.today, method: action.method, result: action.result, by: ctx.actor.name ?? ctx.actor.id });
      note = `${action.method}：${action.result}`;
      if (action.verdict && poor.status === 'fedBack') judge(action.verdict, 'revisit');
      break;
    case 'close':
      if (r.realName && poor.status === 'fedBack') throw wrongStep(action.type, poor.status);
      if (r.realName && poor.revisits.length === 0) throw revisitRequired();
      moveTo('closed');
      next.closed = { on: ctx.today, outcome: 'rectified' };
      break;
  }
  next.history.push({
    at: ctx.at,
    actor: ctx.actor.id,
    ...(ctx.actor.name ? { actorName: ctx.actor.name } : {}),
    action: action.type,
    from: poor.status,
    to: next.status,
    ...(note ? { note } : {}),
    ...(ctx.key ? { key: ctx.key } : {}),
  });
  return next;
}

/** A 差评's running clocks: its current step's, and its 回访's until one is recorded; keyed so a new step warns afresh. */
export function poorClocks(r: RatingRecord, calendar: WorkCalendar, settings: CaseSettings, today: string): Array<{ key: string; due: string; level: WarningLevel }> {
  const poor = r.poor;
  if (!poor || poor.status === 'closed') return [];
  const clocks: Array<{ key: string; due: string; level: WarningLevel }> = [];
  if (poor.due) clocks.push({ key: `${poor.status}@${poor.since}`, due: poor.due, level: warningLevel(calendar, { from: poor.since, due: poor.due, today, thresholds: settings.warnings }) });
  if (poor.revisitDue && poor.revisits.length === 0) clocks.push({ key: 'revisit', due: poor.revisitDue, level: warningLevel(calendar, { from: r.on, due: poor.revisitDue, today, thresholds: settings.warnings }) });
  return clocks;
}

export const warningOrder: readonly WarningLevel[] = ['normal', 'yellow', 'red', 'overdue'];

/** How urgent the 差评 is today: the worst of its clocks, with the case settings' thresholds. */
export function poorWarning(r: RatingRecord, calendar: WorkCalendar, settings: CaseSettings, today: string): WarningLevel {
  return poorClocks(r, calendar, settings, today).reduce<WarningLevel>((worst, c) => (warningOrder.indexOf(c.level) > warningOrder.indexOf(worst) ? c.level : worst), 'normal');
}
