import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { AppDeps } from '../deps';
import { onConflict } from '../conflicts';
import { countMove } from '../supervision/counting';
import { clocksOf, dueEvents, type ClockEvent } from './clocks';
import type { CaseAction } from './actions';
import { isAllowed } from './admissible';
import { transition, type NoticeIntent } from './lifecycle';
import type { StoredCase } from './record';
import { messagesFor, withMessages } from './messages';
import { messagesWritten, rulesFor, settle, type CaseRules } from './service';
import { caseMoved } from './case-moves';
import { warnPoorRatings } from '../ratings/warnings';

/**
 * The sweep (a schedule in AWS, a timer locally): reads only the cases whose next check has
 * come, through the sparse index, and for each raises the warnings reached (once), deems
 * acceptance when the correction notice is overdue, applies 超时默认 where the step says so,
 * and handles unsupplied 容缺 by the item's rule. What it records moves the case's next check
 * on, so a second run finds nothing to do.
 */

export interface SweepReport {
  today: string;
  /** Cases read from the index. */
  read: number;
  /** Cases changed. */
  changed: number;
  warnings: number;
  actions: number;
  /** Cases another writer changed meanwhile; the next run sees them again. */
  conflicts: number;
  /** Warnings raised on 差评 steps and 回访. */
  poorRatingWarnings: number;
}

const SYSTEM = { id: 'system', name: '系统' };

/** What a come event does: a deadline with a consequence acts; every event records its level. */
function actionsFor(event: ClockEvent, c: StoredCase, rules: CaseRules): CaseAction[] {
  const warning: CaseAction = { type: 'warning', clock: event.clock.name, key: event.clock.key, level: event.level, due: event.clock.due.due };
  if (event.level !== 'overdue') return [warning];
  const consequence: CaseAction | undefined =
    event.clock.name === 'acceptance'
      ? { type: 'deemAccept' }
      : event.clock.name === 'step' && rules.item.steps[c.step?.index ?? -1]?.onTimeout === 'autoApprove'
        ? { type: 'autoPass' }
        : event.clock.name === 'supplement'
          ? { type: 'supplementMissed' }
          : undefined;
  return consequence && isAllowed(c, consequence, rules.item) ? [warning, consequence] : [warning];
}

/** Applies every event that has come to one case, in memory; at most a few rounds. */
function catchUp(c: StoredCase, rules: CaseRules, today: string, at: string) {
  let current = c;
  const notices: NoticeIntent[] = [];
  let warnings = 0;
  let actions = 0;
  for (let round = 0; round < 10; round++) {
    const running = clocksOf(current, rules.item, rules.calendar, rules.settings, today).running;
    const events = dueEvents(running, current.warnings, rules.calendar, rules.settings, today);
    if (events.length === 0) break;
    // One event per round: an action changes which clocks run.
    for (const action of actionsFor(events[0]!, current, rules)) {
      const result = transition(current, action, { item: rules.item, settings: rules.settings, today, at, actor: SYSTEM });
      current = result.next as StoredCase;
      notices.push(...result.notices);
      if (action.type === 'warning') warnings++;
      else actions++;
    }
  }
  return { next: current, notices, warnings, actions };
}

export async function sweep(deps: AppDeps): Promise<SweepReport> {
  const now = deps.clock();
  const today = shanghaiDateOf(now);
  const report: SweepReport = { today, read: 0, changed: 0, warnings: 0, actions: 0, conflicts: 0, poorRatingWarnings: 0 };
  const rulesCache = new Map<string, Promise<CaseRules>>();
  const rulesOf = (c: StoredCase) => {
    const key = `${c.jurisdiction}/${c.itemId}/${c.version}`;
    if (!rulesCache.has(key)) rulesCache.set(key, rulesFor(deps, c));
    return rulesCache.get(key)!;
  };

  for await (const page of deps.store.casesToCheck(today)) {
    report.read += page.length;
    await Promise.all(
      page.map(async (c) => {
        const rules = await rulesOf(c);
        const { next, notices, warnings, actions } = catchUp(c, rules, today, now.toISOString());
        const settled = settle(withMessages({ ...next, revision: c.revision + (next === c ? 0 : 1) }, messagesFor(next, rules.item, notices, now)), rules, today);
        // Index copies can lag the table: the revision condition keeps a stale copy from winning.
        const saved = await onConflict(deps.store.saveCase(settled.case, c.revision, settled).then(() => true), () => false);
        if (!saved) {
          report.conflicts++;
          return;
        }
        report.changed++;
        report.warnings += warnings;
        report.actions += actions;
        messagesWritten(deps, settled.case);
        await countMove(deps, c, settled.case, rules);
        await caseMoved(deps, settled.case);
      }),
    );
  }
  // 差评 clocks warn the same way (ratings/warnings.ts).
  report.poorRatingWarnings = await warnPoorRatings(deps, now);
  return report;
}
