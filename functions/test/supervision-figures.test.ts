import { nationalCalendar, type ItemDefinition } from '@onevisit/item-schemas';
import { describe, expect, it } from 'vitest';
import type { CaseAction } from '../src/cases/actions';
import { receive, transition, type Actor } from '../src/cases/lifecycle';
import type { CaseRecord } from '../src/cases/record';
import { settle } from '../src/cases/service';
import { defaultCaseSettings } from '../src/cases/settings';
import { estateItem, scan, templateItem } from '../src/cases/test-fixtures';
import { summaryOf } from '../src/records';
import { emptyCounters } from '../src/supervision/case-figures';
import { contributionsOf } from '../src/supervision/contributions';
import { ZFigures, type Grouping, type Period } from '../src/supervision/figures';
import { supervise, type SupervisedCase } from '../src/supervision/supervise';
import { limitWorkdays, type CatalogueItem } from '../src/supervision/terms';

/**
 * The supervision figures on cases with known answers, each built through the real lifecycle
 * (receive, transition, and the clocks settled after every step, as the service does), dated
 * day by day. October 2026 is the month a leader reads:
 *
 *   A 不动产转移 accepted Wed 9/30, across National Day (10/1–7 off, Sat 10/10 worked): promised
 *     10/13, decided 10/13 — on time, 5 WD used; received and accepted in September.
 *   B 失业保险 (即办件) received, accepted and decided Fri 10/9 — 日结.
 *   C 不动产 accepted Mon 10/12, promised 10/19, decided Wed 10/21 — 2 WD late.
 *   D 不动产 (county) with the survey report 容缺: accepted 10/12, supplied and reviewed 10/13,
 *     decided 10/14 — early.
 *   E 不动产 (county) told to correct on 10/13, then 不予受理 on 10/14.
 *   F 不动产 (county) accepted 10/12, 专家评审 10/13–10/19 (5 WD paused), decided 10/22 — 3 WD
 *     used, promised 10/26: early, though 8 WD passed.
 *   G 不动产 accepted 10/14, decided 10/16, delivered and rated 5 (差评) 10/19, followed up 10/22.
 *   H 失业保险 (即办件) with a 告知承诺, decided 10/15 and rated 1 (非常满意).
 *   I 不动产 accepted Tue 10/20, promised 10/27, still in process: overdue 3 WD on 10/31.
 */

const CITY = '990100';
const COUNTY = '990102';
const calendar = nationalCalendar();
const settings = defaultCaseSettings;
const estate = estateItem();
const benefit = templateItem('unemployment-benefit', (i) => {
  i.notifyPromise = { enabled: true };
  for (const m of i.materials ?? []) if (m.id === 'termination-proof') m.promiseReplaceable = true;
});
const officer: Actor = { id: 'officer-1', name: '王科员' };
const applicant: Actor = { id: 'applicant' };
const pass: CaseAction = { type: 'completeStep', expectedRevision: 0, outcome: 'pass' };

let serial = 0;

/** A case told day by day: each action on its day, its clocks settled after it. */
class Story {
  c: CaseRecord;
  constructor(
    readonly item: ItemDefinition,
    jurisdiction: string,
    day: string,
    options: { deferred?: string[]; promised?: string[] } = {},
  ) {
    const number = `${jurisdiction}-${day.replaceAll('-', '')}-${String(++serial).padStart(6, '0')}`;
    const promised = options.promised ?? [];
    const deferred = options.deferred ?? [];
    const supplied = item.materials.filter((m) => m.necessity === 'required' && !promised.includes(m.id)).map((m) => ({ materialId: m.id, files: [scan] }));
    const received = receive(
      { trackingNumber: number, jurisdiction, itemId: item.id, version: 1, answers: {}, supplied, promised, deferred, ...(deferred.length ? { supplementDue: '2026-10-15' } : {}) },
      { item, today: day, at: `${day}T02:00:00.000Z` },
    );
    this.c = settle(received, { item, calendar, settings }, day).case;
  }

  on(day: string, ...actions: CaseAction[]): this {
    for (const action of actions) {
      const actor = ['rate', 'supplement', 'supplyCorrection'].includes(action.type) ? applicant : officer;
      const { next } = transition(this.c, action, { item: this.item, settings, today: day, at: `${day}T03:00:00.000Z`, actor });
      this.c = settle(next, { item: this.item, calendar, settings }, day).case;
    }
    return this;
  }

  /** Accepted, then every step passed, all on `day`. */
  decideOn(day: string): this {
    return this.on(day, ...this.item.steps.slice(this.c.step?.index ?? 0).map(() => pass));
  }
}

const accept: CaseAction = { type: 'accept', expectedRevision: 0 };
const A = new Story(estate, CITY, '2026-09-30').on('2026-09-30', accept).decideOn('2026-10-13');
const B = new Story(benefit, CITY, '2026-10-09').on('2026-10-09', accept).decideOn('2026-10-09');
const C = new Story(estate, CITY, '2026-10-12').on('2026-10-12', accept).decideOn('2026-10-21');
const D = new Story(estate, COUNTY, '2026-10-12', { deferred: ['survey-report'] })
  .on('2026-10-12', accept)
  .on('2026-10-13', { type: 'supplement', materialId: 'survey-report', files: [scan] }, { type: 'reviewSupplement', expectedRevision: 0, materialId: 'survey-report', accepted: true })
  .decideOn('2026-10-14');
const E = new Story(estate, COUNTY, '2026-10-13')
  .on('2026-10-13', { type: 'requestCorrection', expectedRevision: 0, items: [{ materialId: 'sale-contract', note: '缺第3页' }] })
  .on('2026-10-14', { type: 'notAccept', expectedRevision: 0, reason: '不属于本机关职权范围' });
const F = new Story(estate, COUNTY, '2026-10-12')
  .on('2026-10-12', accept)
  .on('2026-10-13', { type: 'suspend', expectedRevision: 0, procedure: 'expertReview', reason: '专家评审' })
  .on('2026-10-20', { type: 'resume', expectedRevision: 0 })
  .decideOn('2026-10-22');
const G = new Story(estate, CITY, '2026-10-14')
  .on('2026-10-14', accept)
  .decideOn('2026-10-16')
  .on('2026-10-19', { type: 'deliver', expectedRevision: 0, method: '窗口领取' }, { type: 'rate', level: 5, comment: '等候时间太长' })
  .on('2026-10-22', { type: 'closeFollowUp', expectedRevision: 0, response: '已电话回访致歉，增开窗口' });
const H = new Story(benefit, CITY, '2026-10-15', { promised: ['termination-proof'] }).on('2026-10-15', accept).decideOn('2026-10-15').on('2026-10-15', { type: 'rate', level: 1 });
const I = new Story(estate, CITY, '2026-10-20').on('2026-10-20', accept, pass);

const stories = [A, B, C, D, E, F, G, H, I];
const cases: SupervisedCase[] = stories.map((s) => ({ case: s.c, terms: summaryOf(s.item) }));
const published = (item: ItemDefinition, jurisdiction: string): CatalogueItem => ({ ...summaryOf(item), jurisdiction, itemId: item.id });
const items = [
  published(estate, CITY),
  published(benefit, CITY),
  published(templateItem('low-voltage-power'), CITY),
  published(estate, COUNTY),
  published(templateItem('crop-seed-licence'), COUNTY),
];
const OCTOBER: Period = { from: '2026-10-01', to: '2026-10-31' };
const figures = (period: Period = OCTOBER, groupBy: Grouping = 'jurisdiction') =>
  supervise({ cases, items, period, groupBy, calendarFor: () => calendar, today: '2026-11-03' });
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });

describe('the fixture cases, as their clocks dated them', () => {
  it('counts National Day out and the expert review pause out of the promised dates', () => {
    expect(A.c.due.promised.due).toBe('2026-10-13'); // 10/8, 10/9, 10/10 (make-up Saturday), 10/12, 10/13
    expect(B.c.due.promised.due).toBe('2026-10-09'); // 即办: the day itself
    expect(F.c.due.promised.due).toBe('2026-10-26'); // 10/19 moved by the 5 WD of 10/13–10/19
    expect(I.c.status).toBe('inProcess');
  });
});

describe('October 2026, the whole city and county', () => {
  const { cases: k, overdue } = figures().total;

  it('counts the cases received, accepted, refused, corrected and decided in the month', () => {
    expect(k.received).toBe(8); // A was received in September
    expect(k.accepted).toBe(7);
    expect(k.notAccepted).toBe(1);
    expect(k.correctionRate).toEqual(rate(1, 8));
    expect(k.decided).toEqual({ total: 7, approved: 7, denied: 0, transferred: 0 }); // A's decision is October's
    expect(k.delivered).toBe(1);
    expect(k.immediateShare).toEqual(rate(2, 7));
  });

  it('judges each decision against its promised date: 按时 6/7, 提前 3/7, 超期 1/7', () => {
    expect(k.onTimeRate).toEqual(rate(6, 7));
    expect(k.onTimeRate.value).toBeCloseTo(0.857, 3);
    expect(k.earlyRate).toEqual(rate(3, 7));
    expect(k.overdueRate).toEqual(rate(1, 7));
    expect(k.workdaysLate).toBe(2);
  });

  it('lists the 超期件 with whose they are and how many working days late', () => {
    expect(overdue).toEqual([
      expect.objectContaining({ trackingNumber: I.c.trackingNumber, due: '2026-10-27', workdaysLate: 3, itemName: '不动产转移登记', handledBy: '王科员' }),
      expect.objectContaining({ trackingNumber: C.c.trackingNumber, due: '2026-10-19', decidedOn: '2026-10-21', workdaysLate: 2, departmentId: estate.department.creditCode }),
    ]);
    expect(overdue[0]!.decidedOn).toBeUndefined();
  });

  it('日结率 2/7: the two 即办件 accepted and decided the same day; 当月办结率 6/7', () => {
    expect(k.sameDayRate).toEqual(rate(2, 7));
    expect(k.closedInMonthRate).toEqual(rate(6, 7));
  });

  it('working days used, net of pauses, against promised and legal: 办理提速 151/170', () => {
    // A 5, B 0, C 7, D 2, F 3 (not 8: the review's 5 WD stood still), G 2, H 0.
    expect(k.meanWorkdaysUsed).toEqual(rate(19, 7));
    expect(k.meanPromisedWorkdays).toEqual(rate(25, 7));
    expect(k.meanWorkdaysUsedPromisedCases).toEqual(rate(19, 5)); // 承诺件平均办结时间 3.8 天
    // Of the working days allowed up to the promised date: B and H (即办件) none of none, D and G 2 of 5, F 3 of 5 (the pause out), A 5 of 5, C 7 of 5.
    expect(k.usedAgainstPromised).toEqual({ quarter: 2, half: 2, threeQuarters: 1, whole: 1, beyond: 1 });
    expect(k.meanLegalWorkdays).toEqual(rate(170, 7)); // 不动产 30 × 5 + 失业保险 10 × 2
    expect(k.handlingSpeedUp).toEqual(rate(151, 170));
    expect(k.handlingSpeedUp.value).toBeCloseTo(0.8882, 4);
  });

  it('counts the use of 容缺 and 告知承诺 among the cases received', () => {
    expect(k.deferredUse).toEqual(rate(1, 8));
    expect(k.notifyPromiseUse).toEqual(rate(1, 8));
  });

  it('好差评: one 非常满意, one 差评 followed up in time', () => {
    expect(k.ratings).toEqual({
      rated: 2,
      byLevel: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 1 },
      goodRate: rate(1, 2),
      poor: 1,
      voided: 0,
      followUpRate: rate(1, 1),
      rectifiedOnTimeRate: rate(1, 1),
    });
  });

  it('the catalogue: 承诺提速 95/110, 即办件 1/5, 零跑动 3/5, 全程网办 3/5', () => {
    const c = figures().total.catalogue;
    expect(c.items).toBe(5);
    // Items with both limits: 不动产 30 → 5 twice, 失业保险 10 → 0, 种子 40 → 5; 低压用电 has no legal limit.
    expect(c.promiseCompression).toEqual(rate(95, 110));
    expect(c.immediateShare).toEqual(rate(1, 5));
    expect(c.zeroVisitShare).toEqual(rate(3, 5));
    expect(c.fullyOnlineShare).toEqual(rate(3, 5));
    expect(c.noVisitShare).toEqual(rate(3, 5));
    expect(c.meanVisits).toEqual(rate(2, 5));
  });
});

describe('side by side and over other periods', () => {
  it('puts the city and the county side by side', () => {
    const [city, county] = figures().groups;
    expect(city!.key).toBe(CITY);
    expect(city!.cases.onTimeRate).toEqual(rate(4, 5)); // A, B, G, H on time; C late
    expect(city!.overdue.map((o) => o.trackingNumber)).toEqual([I.c.trackingNumber, C.c.trackingNumber]);
    expect(county!.key).toBe(COUNTY);
    expect(county!.cases.onTimeRate).toEqual(rate(2, 2));
    expect(county!.cases).toMatchObject({ received: 3, accepted: 2, notAccepted: 1, correctionRate: rate(1, 3), deferredUse: rate(1, 3) });
    expect(county!.catalogue.promiseCompression).toEqual(rate(60, 70));
  });

  it('groups by department and by item', () => {
    const byDepartment = figures(OCTOBER, 'department').groups;
    expect(byDepartment.map((g) => [g.key, g.cases.decided.total])).toEqual(
      [[benefit.department.creditCode, 2], [estate.department.creditCode, 5], [templateItem('low-voltage-power').department.creditCode, 0], [templateItem('crop-seed-licence').department.creditCode, 0]].sort(),
    );
    const benefitItem = figures(OCTOBER, 'item').groups.find((g) => g.key === `${CITY}/${benefit.id}`)!;
    expect(benefitItem.cases.sameDayRate).toEqual(rate(2, 2));
    expect(benefitItem.catalogue.immediateShare).toEqual(rate(1, 1));
  });

  it('answers in the shape the dashboard reads', () => {
    for (const groupBy of ['jurisdiction', 'department', 'item'] as const) expect(ZFigures.safeParse(figures(OCTOBER, groupBy)).success).toBe(true);
    expect(figures().asOf).toBe('2026-10-31');
  });

  it('counts a natural-day limit as the working days up to the day it ends on', () => {
    // 10 days from 9/30 end Sat 10/10, a make-up working day: 10/8, 10/9, 10/10.
    expect(limitWorkdays(calendar, '2026-09-30', { value: 10, unit: 'natural' })).toBe(3);
    // 5 days from 9/30 end Mon 10/5, a holiday: moved to Thu 10/8.
    expect(limitWorkdays(calendar, '2026-09-30', { value: 5, unit: 'natural' })).toBe(1);
  });

  it('September holds A received and accepted, and nothing decided: its rates are null, not 0', () => {
    const september = figures({ from: '2026-09-01', to: '2026-09-30' }).total;
    expect(september.cases).toMatchObject({ received: 1, accepted: 1, onTimeRate: { numerator: 0, denominator: 0, value: null } });
    expect(september.cases.sameDayRate).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(september.overdue).toEqual([]);
  });

  it('a period’s counters are the sums of its days’ counters, so per-day counters give any period', () => {
    const month = figures().total.counters;
    const days = emptyCounters();
    for (let d = 1; d <= 31; d++) {
      const day = `2026-10-${String(d).padStart(2, '0')}`;
      const daily = figures({ from: day, to: day }).total.counters;
      for (const name of Object.keys(days) as Array<keyof typeof days>) days[name] += daily[name];
    }
    expect(days).toEqual(month);
  });

  it('a decision changes the counters of its own day and of the acceptance day (日结, 当月办结) only', () => {
    const story = new Story(estate, CITY, '2026-10-20').on('2026-10-20', accept, pass);
    const previous = contributionsOf(story.c, summaryOf(estate), calendar);
    const next = contributionsOf(story.decideOn('2026-10-23').c, summaryOf(estate), calendar);
    // What the write path would add: next − previous, per day and counter.
    const delta = new Map<string, number>();
    for (const [sign, list] of [[1, next], [-1, previous]] as const) {
      for (const c of list) delta.set(`${c.day} ${c.counter}`, (delta.get(`${c.day} ${c.counter}`) ?? 0) + sign * c.value);
    }
    expect(Object.fromEntries([...delta].filter(([, v]) => v !== 0))).toEqual({
      '2026-10-20 closedInMonth': 1,
      '2026-10-23 decided': 1,
      '2026-10-23 approved': 1,
      '2026-10-23 onTime': 1,
      '2026-10-23 early': 1,
      '2026-10-23 workdaysUsed': 3,
      '2026-10-23 promisedWorkdays': 5,
      '2026-10-23 promisedCaseDecided': 1,
      '2026-10-23 promisedCaseWorkdaysUsed': 3,
      '2026-10-23 legalDecided': 1,
      '2026-10-23 legalWorkdays': 30,
      '2026-10-23 legalCaseWorkdaysUsed': 3,
      '2026-10-23 usedThreeQuarters': 1,
    });
  });
});
