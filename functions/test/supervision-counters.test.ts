import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { termsReader } from '../src/supervision/counting';
import { supervise } from '../src/supervision/supervise';
import { caseWorld } from './case-world';

/**
 * The live counters against the cases: applications filed, accepted, decided on time and late,
 * deemed accepted by the sweep, refused and rated over HTTP, day by day; the supervision figures
 * read from the counters equal supervise() over the cases themselves, and a rebuild finds
 * nothing to correct.
 */

const { h, CITY, tokens, on, apply, ok, applicant, sweep, pass } = await caseWorld();
const OCTOBER = 'from=2026-10-01&to=2026-10-31';

async function figures(query: string, token = tokens.admin) {
  return h.call('GET', `/api/admin/${CITY}/supervision?${query}`, { token });
}

/** The same period computed from the cases of the jurisdiction, as the reference. */
async function fromCases(from: string, to: string) {
  const { cases } = await h.store.searchCases(CITY, { from: '2000-01-01', to: '2099-12-31' }, { limit: 1000, maxRead: 1000 });
  const termsOf = termsReader(h.deps);
  const calendar = await h.deps.calendars.forJurisdiction(CITY);
  return supervise({
    cases: await Promise.all(cases.map(async (c) => ({ case: c, terms: await termsOf(c) }))),
    items: [],
    period: { from, to },
    groupBy: 'department',
    calendarFor: () => calendar,
    today: '2026-10-31',
  });
}

describe('the supervision counters', () => {
  it('start where a rebuild of the seeded cases leaves them', async () => {
    const rebuilt = await h.call('POST', `/api/admin/${CITY}/supervision/rebuild?write=1`, { token: tokens.admin });
    expect(rebuilt.status).toBe(200);
    const again = await h.call('POST', `/api/admin/${CITY}/supervision/rebuild`, { token: tokens.admin });
    expect(again.json).toMatchObject({ differences: 0, written: false });
  });

  it('follow cases as they move, and agree with the figures computed from the cases', async () => {
    on('2026-09-29');
    const early = await apply();
    on('2026-09-30');
    await ok(early.number, { type: 'accept' });
    await ok(early.number, pass);
    on('2026-10-09');
    await ok(early.number, pass);
    on('2026-10-10');
    await ok(early.number, pass);
    on('2026-10-12');
    await ok(early.number, pass); // decided 10/12, promised 10/13: on time, early

    on('2026-10-13');
    const late = await apply();
    await ok(late.number, { type: 'accept' });
    const refused = await apply();
    await ok(refused.number, { type: 'notAccept', reason: '不属于本机关职权范围' });
    const idle = await apply();
    for (const day of ['2026-10-14', '2026-10-15', '2026-10-16', '2026-10-19', '2026-10-20', '2026-10-21']) {
      on(day);
      await sweep(); // idle is deemed accepted by the sweep
    }
    on('2026-10-22');
    for (let i = 0; i < 4; i++) await ok(late.number, pass); // promised 10/20: 2 working days late
    await ok(late.number, { type: 'deliver', method: '窗口领取' });
    const rated = await applicant(late, { type: 'rate', level: 1, comment: '办得好' });
    expect(rated.status).toBe(200);

    const { status, json } = await figures(`${OCTOBER}&groupBy=department`);
    expect(status).toBe(200);
    const total = json.total;
    expect(total.counters).toMatchObject({ received: 3, accepted: 2, notAccepted: 1, decided: 2, onTime: 1, early: 1, late: 1, workdaysLate: 2, delivered: 1, rated: 1, rated1: 1 });
    expect(total.cases.onTimeRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    // Deemed accepted on its receipt day, idle was promised by 10/20: open and 2 working days late on 10/22.
    expect(total.overdue).toEqual([expect.objectContaining({ trackingNumber: idle.number, due: '2026-10-20', workdaysLate: 2 })]);
    const reference = await fromCases('2026-10-01', '2026-10-31');
    expect(total.counters).toEqual(reference.total.counters);
    expect(json.groups.map((g: { key: string; counters: unknown }) => [g.key, g.counters])).toEqual(
      expect.arrayContaining(reference.groups.map((g) => [g.key, g.counters])),
    );

    const audit = await h.call('POST', `/api/admin/${CITY}/supervision/rebuild`, { token: tokens.admin });
    expect(audit.json).toMatchObject({ differences: 0, written: false });
  });

  it('download as a workbook: the figures in all with each rate’s numerator and denominator, the groups by name, the 超期件', async () => {
    const response = await h.app.request(`/api/admin/${CITY}/supervision.xlsx?${OCTOBER}`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('电子监察-990100-2026-10-01-2026-10-31.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      book.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows('汇总')).toContainEqual(['收件', 3]);
    expect(rows('汇总')).toContainEqual(['按时办结率(%)', 50, 1, 2]);
    expect(rows('汇总')).toContainEqual(['75%–100%', 1]);
    expect(rows('汇总')).toContainEqual(['超出承诺', 1]);
    expect(rows('分组')).toContainEqual(expect.arrayContaining(['示范市不动产登记中心', 3, 2, 2, 50]));
    expect(rows('超期件')[1]).toEqual(expect.arrayContaining(['不动产转移登记', '示范市不动产登记中心', 2]));
  });

  it('read counters, not cases: a month is one query however many cases it had', async () => {
    const { json } = await figures(OCTOBER);
    expect(json.reads).toBe(1);
    const year = await figures('from=2026-01-01&to=2026-12-31');
    expect(year.json.reads).toBe(12);
  });

  it('give the charts their figures: the last 12 months, and the working days used against those allowed', async () => {
    const trend = await h.call('GET', `/api/admin/${CITY}/supervision/trend?to=2026-10-31`, { token: tokens.admin });
    expect(trend.status).toBe(200);
    expect(trend.json.months).toHaveLength(12);
    expect(trend.json.months[0]).toBe('2025-11');
    expect(trend.json.reads).toBe(12);
    expect(trend.json.total.at(-2)).toMatchObject({ month: '2026-09', received: 1, decided: 0, onTimeRate: { value: null } });
    expect(trend.json.total.at(-1)).toEqual({ month: '2026-10', received: 3, decided: 2, onTimeRate: { numerator: 1, denominator: 2, value: 0.5 } });
    expect(trend.json.jurisdictions).toEqual([]);
    const counties = await h.call('GET', `/api/admin/${CITY}/supervision/trend?to=2026-10-31&counties=1`, { token: tokens.admin });
    expect(counties.json.jurisdictions.map((j: { jurisdiction: string }) => j.jurisdiction)).toEqual([CITY, '990121', '990122']);
    expect(counties.json.jurisdictions[1].months.at(-1)).toMatchObject({ received: 0, decided: 0 });
    expect((await h.call('GET', `/api/admin/${CITY}/supervision/trend?to=2026-10-32`, { token: tokens.admin })).status).toBe(400);
    expect((await h.call('GET', `/api/admin/${CITY}/supervision/trend`, { token: tokens.officer })).status).toBe(403);

    // early used 4 of its 5 allowed working days (9/30 → 10/12, National Day out), late 7 of 5.
    const { json } = await figures(OCTOBER);
    expect(json.total.cases.usedAgainstPromised).toEqual({ quarter: 0, half: 0, threeQuarters: 0, whole: 1, beyond: 1 });
  });

  it('show a city its counties side by side', async () => {
    const { status, json } = await figures(`${OCTOBER}&groupBy=jurisdiction&counties=1`);
    expect(status).toBe(200);
    const keys = json.groups.map((g: { key: string }) => g.key);
    expect(keys).toEqual(expect.arrayContaining([CITY, '990121']));
    expect(json.groups.find((g: { key: string }) => g.key === CITY).counters.received).toBe(3);
    // Named, the counties' departments too (the city's administrator cannot list those).
    expect(json.names).toMatchObject({ [CITY]: '示范市', '990121': '示范市东城县', '11370521MB1000001J': '东城县行政审批服务局' });
  });

  it('refuse a period that ends before it starts or is too long, others’ jurisdictions and officers, in both languages', async () => {
    const backwards = await figures('from=2026-10-31&to=2026-10-01');
    expect(backwards.status).toBe(400);
    expect(backwards.json).toMatchObject({ code: 'INVALID_RANGE' });
    const long = await figures('from=2020-01-01&to=2026-10-31');
    expect(long.status).toBe(400);
    expect(long.json.message).toContain('统计期间最长');
    expect(long.json.message_en).toContain('at most');
    expect((await figures(OCTOBER, tokens.officer)).status).toBe(403);
    expect((await h.call('GET', `/api/admin/${CITY}/supervision?${OCTOBER}`, { token: await h.token('990121', 'dongcheng-admin') })).status).toBe(403);
    expect((await figures('from=2026-13-01')).status).toBe(400);
  });
});
