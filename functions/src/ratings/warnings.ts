import { shanghaiDateOf } from '@onevisit/item-schemas';
import { onConflict } from '../conflicts';
import type { AppDeps } from '../deps';
import { statusLabels, targetLabels, type RatingRecord } from './model';
import { poorClocks, warningOrder } from './workflow';

/**
 * 差评 deadlines warned as case clocks are: each clock (the current step's, the 回访's) raises
 * yellow, red and overdue once, as an in-site message to whoever works it (the department, or the
 * 综合窗口) and, once overdue, to the administrators. Run by the sweep. The message is recorded
 * before the 差评 remembers it (ids made from the clock and level, so a repeat records the same
 * message); a 差评 changed meanwhile is warned on the next run.
 */
const levelWords = { yellow: ['黄牌预警', 'yellow warning'], red: ['红牌预警', 'red warning'], overdue: ['已超期', 'overdue'] } as const;

export async function warnPoorRatings(deps: AppDeps, now: Date): Promise<number> {
  const today = shanghaiDateOf(now);
  let raised = 0;
  for (const j of await deps.store.listJurisdictions()) {
    const open = (await deps.store.poorRatings(j.id)).filter((r) => r.poor!.status !== 'closed');
    if (open.length === 0) continue;
    const [calendar, settings] = await Promise.all([deps.calendars.forJurisdiction(j.id), deps.caseSettings.forJurisdiction(j.id)]);
    for (const r of open) {
      const due = poorClocks(r, calendar, settings, today).filter((c) => c.level !== 'normal' && warningOrder.indexOf(c.level) > warningOrder.indexOf(r.poor!.warned?.[c.key] ?? 'normal'));
      if (due.length === 0) continue;
      const warned = { ...r.poor!.warned };
      for (const clock of due) {
        const level = clock.level as keyof typeof levelWords;
        warned[clock.key] = level;
        const what = clock.key === 'revisit' ? ['回访', 'revisit'] : [statusLabels[r.poor!.status][0], statusLabels[r.poor!.status][1].toLowerCase()];
        const text = `差评 ${r.trackingNumber}(${targetLabels[r.target][0]})「${what[0]}」${levelWords[level][0]}，期限 ${clock.due}`;
        const text_en = `Poor rating ${r.trackingNumber} (${targetLabels[r.target][1].toLowerCase()}): ${what[1]} — ${levelWords[level][1]}, due ${clock.due}`;
        for (const to of [`dept:${r.departmentId}`, ...(level === 'overdue' ? ['admins'] : [])]) {
          const id = `poor#${r.trackingNumber}#${r.target}#${clock.key}#${level}#${to}`;
          await deps.store.recordMessage({ id, jurisdiction: r.jurisdiction, at: now.toISOString(), channel: 'inSite', to, topic: 'poorRatingWarning', text, text_en, trackingNumber: r.trackingNumber, status: 'delivered' });
        }
        raised++;
      }
      const next: RatingRecord = { ...r, poor: { ...r.poor!, warned }, revision: r.revision + 1 };
      await onConflict(deps.store.putRating(next, r.revision), () => undefined);
    }
  }
  return raised;
}
