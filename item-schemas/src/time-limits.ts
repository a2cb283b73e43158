import type { TimeLimit } from './deadlines';

/** A limit in working days, for comparing limits of different units (5 working days a week). */
export function asWorkdays(l: TimeLimit): number {
  return l.unit === 'workday' ? l.value : Math.floor((l.value * 5) / 7);
}

/** Whether a promised limit is longer than the legal one. */
export function exceedsLimit(promised: TimeLimit, legal: TimeLimit): boolean {
  return legal.unit === promised.unit ? promised.value > legal.value : asWorkdays(promised) > asWorkdays(legal);
}

/** The working days a list of steps takes: parallel steps (the same group) count once, at their longest. */
export function stepsWorkdays(steps: ReadonlyArray<{ limitDays: number; parallelGroup?: string }>): number {
  const groups = new Map<string, number>();
  steps.forEach((s, i) => {
    const group = s.parallelGroup ?? `#${i}`;
    groups.set(group, Math.max(groups.get(group) ?? 0, s.limitDays));
  });
  return [...groups.values()].reduce((a, b) => a + b, 0);
}
