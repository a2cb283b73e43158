import type { TimeLimit } from './deadlines';

/** A limit in working days, for comparing limits of different units (5 working days a week). */
export function asWorkdays(l: TimeLimit): number {
  return l.unit === 'workday' ? l.value : Math.floor((l.value * 5) / 7);
}

/** Whether a promised limit is longer than the legal one. */
export function exceedsLimit(promised: TimeLimit, legal: TimeLimit): boolean {
  return legal.unit === promised.unit ? promised.value > legal.value : asWorkdays(promised) > asWorkdays(legal);
}
