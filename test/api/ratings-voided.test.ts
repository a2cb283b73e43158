import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { caseWorld } from '../../functions/test/case-world';

/**
 * A 差评 voided on 复核 (申诉成立) stops counting as a 差评: the live supervision counters move
 * it to 差评(申诉成立) as the 复核 is written, 好评率 is over the ratings that stand, and a
 * rebuild from the cases agrees. The case search finds the cases behind each 好差评 figure by
 * their own rating, and refuses a filter it does not know in both languages.
 */

const world = await caseWorld();
const { h, CITY, tokens, on, apply, collected } = world;
const MAY = 'from=2026-05-01&to=2026-05-31';
const POOR = `/api/admin/${CITY}/poor-ratings`;

async function rate(c: { number: string; secret: string }, level: number) {
  const rated = await h.call('POST', `/api/track/${c.number}/ratings`, { body: { secret: c.secret, rating: { level, reasons: level >= 4 ? ['slow'] : [] } } });
  expect(rated.status, JSON.stringify(rated.json)).toBe(201);
}

async function step(number: string, action: Record<string, unknown>, token: string, key?: string) {
  const seen = await h.call('GET', `${POOR}/${number}/case`, { token });
  return h.call('POST', `${POOR}/${number}/case/actions`, { token, body: { expectedRevision: seen.json.rating.revision, ...action }, ...(key ? { headers: { 'idempotency-key': key } } : {}) });
}

const ratings = async () => (await h.call('GET', `/api/admin/${CITY}/supervision?${MAY}`, { token: tokens.admin })).json.total;
const search = (query: string) => h.call('GET', `/api/cases?${MAY}&${query}`, { token: tokens.admin });
const numbersOf = (response: { json: { cases: Array<{ trackingNumber: string }> } }) => response.json.cases.map((c) => c.trackingNumber).sort();

describe('a 差评 voided on 复核', () => {
  const c = {} as Record<'veryGood' | 'fair' | 'poor' | 'mistaken' | 'unrated' | 'open', { number: string; secret: string }>;

  it('counts as a 差评 until the 复核 upholds the 申诉, then as 差评(申诉成立) only, the rebuild agreeing', async () => {
    on('2026-05-06');
    for (const name of ['veryGood', 'fair', 'poor', 'mistaken', 'unrated'] as const) c[name] = await collected();
    c.open = await apply();
    on('2026-05-07');
    await rate(c.veryGood, 1);
    await rate(c.fair, 3);
    await rate(c.poor, 5);
    await rate(c.mistaken, 4);
    const before = await ratings();
    expect(before.cases.ratings).toMatchObject({ rated: 4, byLevel: { 1: 1, 3: 1, 4: 1, 5: 1 }, poor: 2, voided: 0, goodRate: { numerator: 2, denominator: 4 } });

    on('2026-05-08');
    expect((await step(c.mistaken.number, { type: 'appeal', reason: '申请人评价的是其他部门的服务' }, tokens.officer)).status).toBe(200);
    const reviewed = await step(c.mistaken.number, { type: 'review', upheld: true, note: '核查录像属实' }, tokens.admin, 'review-mistaken-01');
    expect(reviewed.status, JSON.stringify(reviewed.json)).toBe(200);

    const after = await ratings();
    expect(after.cases.ratings).toMatchObject({ rated: 3, byLevel: { 1: 1, 2: 0, 3: 1, 4: 0, 5: 1 }, poor: 1, voided: 1, goodRate: { numerator: 2, denominator: 3 } });
    expect(after.counters).toMatchObject({ rated: 3, rated4: 0, poor: 1, poorVoided: 1 });
    // The case says so, and its follow-up is over: nothing is left to follow up.
    const voided = (await world.detail(c.mistaken.number)).case;
    expect(voided.rating).toMatchObject({ level: 4, voided: { on: '2026-05-08' }, followUp: { closedOn: '2026-05-08' } });
    expect(voided.history.at(-1)).toMatchObject({ action: 'ratingVoided', note: '不计为差评' });

    // A retried 复核 changes nothing more.
    const retried = await step(c.mistaken.number, { type: 'review', upheld: true, note: '核查录像属实' }, tokens.admin, 'review-mistaken-01');
    expect([retried.status, retried.json.rating.revision]).toEqual([200, reviewed.json.rating.revision]);
    expect((await ratings()).counters).toEqual(after.counters);

    const audit = await h.call('POST', `/api/admin/${CITY}/supervision/rebuild`, { token: tokens.admin });
    expect(audit.json).toMatchObject({ differences: 0, written: false });
  });

  it('shows it apart in the export, beside the other 好差评 figures', async () => {
    const response = await h.app.request(`/api/admin/${CITY}/supervision.xlsx?${MAY}`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows: unknown[][] = [];
    book.getWorksheet('汇总')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['评价(计入)', 3]);
    expect(rows).toContainEqual(['差评', 1]);
    expect(rows).toContainEqual(['差评(申诉成立，不计差评)', 1]);
    expect(rows).toContainEqual(['好评率(%)', 66.7, 2, 3]);
  });

  it('finds the cases behind each figure by their own rating', async () => {
    expect(numbersOf(await search('rating=good'))).toEqual([c.veryGood.number, c.fair.number].sort());
    expect(numbersOf(await search('rating=poor'))).toEqual([c.poor.number]);
    expect(numbersOf(await search('rating=voided'))).toEqual([c.mistaken.number]);
    expect(numbersOf(await search('rating=none'))).toEqual([c.unrated.number, c.open.number].sort());
    const poor = await search('rating=poor');
    expect(poor.json.cases[0].rating).toEqual({ level: 5 });
    // With the other filters: a good rating among the delivered cases, an officer within their department.
    expect(numbersOf(await search('rating=good&status=delivered'))).toEqual([c.veryGood.number, c.fair.number].sort());
    expect((await h.call('GET', `/api/cases?${MAY}&rating=poor`, { token: tokens.otherDepartment })).json.cases).toEqual([]);
  });

  it('refuses a rating filter it does not know, in Chinese and English', async () => {
    for (const bad of ['bad', '5', '']) {
      const refused = await search(`rating=${bad}`);
      expect(refused.status).toBe(400);
      expect(refused.json.code).toBe('INVALID_REQUEST');
      expect(refused.json.message).toContain('评价应为');
      expect(refused.json.message_en).toContain('rating must be good, poor, voided or none');
    }
  });
});
