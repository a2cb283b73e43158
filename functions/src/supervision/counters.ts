/**
 * The additive counts the case figures are made of, each dated to one Beijing day of the case
 * (the comment says which). Being sums per day, they are what per-day counters hold: the
 * figures of any period are ratios of their sums over its days, whatever the period.
 */
export const counterNames = [
  /** 收件, on the day of receipt. */
  'received',
  /** Cases whose 申报来源 is recorded, and of those the ones sent over the internet (电脑端, 移动端, 自助终端), on the day of receipt. */
  'receivedWithChannel',
  'receivedOnline',
  /** Cases asked for 补正 at least once (before or after acceptance), on the day of receipt. */
  'correctionRequested',
  /** Cases received with a 容缺 material (one let come later), on the day of receipt. */
  'deferred',
  /** Cases received with a 告知承诺 (a signed promise for a proof), on the day of receipt. */
  'notifyPromise',
  /** 受理 (also deemed), on the acceptance day. */
  'accepted',
  /** Accepted and decided the same day, on the acceptance day (日结). */
  'sameDay',
  /** Accepted and decided in the same calendar month, on the acceptance day (当月办结). */
  'closedInMonth',
  /** 不予受理, on its day (including 容缺 not supplied in time, where the item refuses then). */
  'notAccepted',
  /** 撤回, on its day. */
  'withdrawn',
  /** Decisions, on the decision day, in all and by outcome. */
  'decided',
  'approved',
  'denied',
  'transferred',
  /** Decisions of items promised in 0 working days (即办件), on the decision day. */
  'immediateDecided',
  /** Decided on or before / strictly before / after the promised date, on the decision day. */
  'onTime',
  'early',
  'late',
  /** Σ working days past the promised date, pauses excepted, of the late ones. */
  'workdaysLate',
  /** Σ working days from acceptance to decision, pauses excepted, on the decision day. */
  'workdaysUsed',
  /** Σ the item's promised limit in working days, on the decision day. */
  'promisedWorkdays',
  /** Decisions of items promised in more than 0 days (承诺件) and Σ their working days used. */
  'promisedCaseDecided',
  'promisedCaseWorkdaysUsed',
  /** Decisions of items with a legal limit, Σ that limit in working days, Σ their working days used. */
  'legalDecided',
  'legalWorkdays',
  'legalCaseWorkdaysUsed',
  /**
   * Decisions by the share of their allowed working days they used (used / the working days from
   * the start to the case's promised date, pauses excepted), on the decision day: up to a quarter,
   * a half, three quarters, all of them, beyond. A 即办件 (0 allowed) decided the day it started is
   * in the first, one decided later beyond.
   */
  'usedQuarter',
  'usedHalf',
  'usedThreeQuarters',
  'usedWhole',
  'usedBeyond',
  /** 送达, on its day. */
  'delivered',
  /** Ratings that stand (a 差评 voided on 复核 is not one), on the rating day: in all, by level 1 非常满意 … 5 非常不满意. */
  'rated',
  'rated1',
  'rated2',
  'rated3',
  'rated4',
  'rated5',
  /** 差评 (levels 4–5) on the rating day; of those, followed up (回访 recorded) and followed up by their due date. */
  'poor',
  'followedUp',
  'rectifiedOnTime',
  /** 差评(申诉成立): 差评 voided on 复核 (the department's 申诉 upheld), on the rating day; counted in none of the above. */
  'poorVoided',
] as const;
export type CounterName = (typeof counterNames)[number];

/** One case's part of a counter on one day. */
export interface Contribution {
  day: string;
  counter: CounterName;
  value: number;
}
