import { counterNames, type Contribution } from './counters';
import { ratio, type CaseFigures, type Counters, type Period } from './figures';

/**
 * The case figures of a period from its counters. Each formula is DOMAIN §4's where it defines
 * one; the others are this module's choice, marked (chosen). "In the period" means dated to a
 * day of it, as counters.ts dates each count.
 */

export const emptyCounters = (): Counters => Object.fromEntries(counterNames.map((name) => [name, 0])) as Counters;

export const inPeriod = (day: string, period: Period) => day >= period.from && day <= period.to;

/** Adds contributions dated in the period to `into` (a fresh set by default). */
export function sumCounters(contributions: Iterable<Contribution>, period: Period, into: Counters = emptyCounters()): Counters {
  for (const c of contributions) if (inPeriod(c.day, period)) into[c.counter] += c.value;
  return into;
}

export function caseFiguresOf(k: Counters): CaseFigures {
  return {
    received: k.received,
    accepted: k.accepted,
    notAccepted: k.notAccepted,
    /** 补正率 (chosen) = cases received in the period asked for 补正 at least once / cases received in the period. */
    correctionRate: ratio(k.correctionRequested, k.received),
    decided: { total: k.decided, approved: k.approved, denied: k.denied, transferred: k.transferred },
    delivered: k.delivered,
    withdrawn: k.withdrawn,
    /**
     * 即办件比例 of cases (chosen; DOMAIN defines it over items, see catalogue.ts) = decisions of
     * items promised in 0 working days / decisions.
     */
    immediateShare: ratio(k.immediateDecided, k.decided),
    /**
     * 按时办结率 = decided on or before the deadline / decided (DOMAIN: closed on or before the
     * deadline); the deadline (chosen) is the case's promised date, not the legal one.
     */
    onTimeRate: ratio(k.onTime, k.decided),
    /** 提前办结率 = decided strictly before the promised date / decided. */
    earlyRate: ratio(k.early, k.decided),
    /** 超期率 = decided after the promised date / decided; the cases are overdue.ts's list. */
    overdueRate: ratio(k.late, k.decided),
    /** Σ working days past the promised date of the late decisions (pauses excepted). */
    workdaysLate: k.workdaysLate,
    /**
     * 日结率 = cases accepted and decided the same working day / cases accepted (DOMAIN), both
     * counted on the acceptance day.
     */
    sameDayRate: ratio(k.sameDay, k.accepted),
    /** 当月办结率 = cases decided within the calendar month they were accepted / cases accepted (DOMAIN). */
    closedInMonthRate: ratio(k.closedInMonth, k.accepted),
    /** 平均办结时间 = Σ working days from acceptance to decision, net of pauses / decisions (DOMAIN). */
    meanWorkdaysUsed: ratio(k.workdaysUsed, k.decided),
    /** Mean promised limit of the same decisions, in working days (chosen: the item's promise, without an extension). */
    meanPromisedWorkdays: ratio(k.promisedWorkdays, k.decided),
    /** 承诺件平均办结时间 = Σ working days used by 承诺件 (promise > 0) / their decisions (as the 德保 report states it). */
    meanWorkdaysUsedPromisedCases: ratio(k.promisedCaseWorkdaysUsed, k.promisedCaseDecided),
    /** How much of their allowed working days the decisions used (counters.ts): the distribution chart's bars. */
    usedAgainstPromised: { quarter: k.usedQuarter, half: k.usedHalf, threeQuarters: k.usedThreeQuarters, whole: k.usedWhole, beyond: k.usedBeyond },
    /** Mean legal limit in working days, over decisions of items that have one. */
    meanLegalWorkdays: ratio(k.legalWorkdays, k.legalDecided),
    /**
     * 办理提速 = (Σ legal − Σ actual working days used, net of pauses) / Σ legal, over closed cases
     * (DOMAIN; i.e. 1 − used/legal), closed meaning decided, over those whose item has a legal limit.
     */
    handlingSpeedUp: ratio(k.legalWorkdays - k.legalCaseWorkdaysUsed, k.legalWorkdays),
    /** 容缺受理 use (chosen) = cases received with a material let come later / cases received. */
    deferredUse: ratio(k.deferred, k.received),
    /**
     * 网办率 (chosen: DOMAIN names it, not its denominator) = cases received over the internet
     * (电脑端, 移动端, 自助终端) / cases received with their 申报来源 recorded (older cases
     * without one are left out rather than counted as at the window).
     */
    onlineShare: ratio(k.receivedOnline, k.receivedWithChannel),
    /** 告知承诺 use (chosen) = cases received with a signed promise standing in for a proof / cases received. */
    notifyPromiseUse: ratio(k.notifyPromise, k.received),
    ratings: {
      rated: k.rated,
      byLevel: { 1: k.rated1, 2: k.rated2, 3: k.rated3, 4: k.rated4, 5: k.rated5 },
      /**
       * 好评率 (chosen) = ratings 1–3 (非常满意, 满意, 基本满意) / ratings; DOMAIN: 4–5 are 差评.
       * A 差评 voided on 复核 (申诉成立) is in neither: it counts as 差评(申诉成立) only.
       */
      goodRate: ratio(k.rated1 + k.rated2 + k.rated3, k.rated),
      poor: k.poor,
      voided: k.poorVoided,
      /**
       * 回访率 (chosen) = 差评 whose 回访 is recorded / 差评 given in the period. DOMAIN asks 100%
       * 回访 of real-name 差评; every rated case names its applicant, so all 差评 count.
       */
      followUpRate: ratio(k.followedUp, k.poor),
      /**
       * 整改按时率 (chosen) = 差评 followed up on or before their follow-up date (the jurisdiction's
       * limit in working days from the rating) / 差评 given in the period; one still open counts
       * as not (yet) on time.
       */
      rectifiedOnTimeRate: ratio(k.rectifiedOnTime, k.poor),
    },
  };
}
