import { describe, expect, it } from 'vitest';
import { caseWorld } from '../../functions/test/case-world';

/**
 * 好差评 over the API: one rating per service with its channel, a 追评, and a 差评 worked through
 * 核实 → 整改 → 反馈 → the rater's judgement (不满意, then 满意) → 回访 → 关闭, each step due by the
 * jurisdiction's working-day limits; wrong-order steps, stale revisions and bad input refused in
 * both languages with nothing changed; an appeal upheld on 复核; an overdue step warned by the sweep.
 */

const world = await caseWorld();
const { h, CITY, tokens, on, apply, collected } = world;
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
const POOR = `/api/admin/${CITY}/poor-ratings`;

const rate = (c: { number: string; secret: string }, rating: Record<string, unknown>, init: { key?: string; agent?: string; via?: string } = {}) =>
  h.call('POST', `/api/track/${c.number}/ratings`, {
    body: { secret: c.secret, rating, ...(init.via ? { via: init.via } : {}) },
    headers: { ...(init.key ? { 'idempotency-key': init.key } : {}), ...(init.agent ? { 'user-agent': init.agent } : {}) },
  });

const poor = async (number: string, target = 'case', token = tokens.officer) => h.call('GET', `${POOR}/${number}/${target}`, { token });

/** A step on the 差评 over the revision the officer sees now. */
async function step(number: string, action: Record<string, unknown>, init: { token?: string; key?: string; target?: string } = {}) {
  const seen = await poor(number, init.target, init.token);
  return h.call('POST', `${POOR}/${number}/${init.target ?? 'case'}/actions`, {
    token: init.token ?? tokens.officer,
    body: { expectedRevision: seen.json.rating.revision, ...action },
    ...(init.key ? { headers: { 'idempotency-key': init.key } } : {}),
  });
}

function refused(response: { status: number; json: { code: string; message: string; message_en: string } }, status: number, code: string) {
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  expect(response.json.code).toBe(code);
  expect(response.json.message).toMatch(/[\u4e00-\u9fff]/);
  expect(response.json.message_en).toMatch(/[a-z]/);
}

describe('好差评', () => {
  let first: { number: string; secret: string };

  it('takes the limits of the jurisdiction in working days, refusing bad ones', async () => {
    const limits = { verifyDays: 2, rectifyDays: 5, judgeDays: 3, reviewDays: 3, revisitDays: 10 };
    refused(await h.call('PUT', `/api/admin/${CITY}/rating-settings`, { token: tokens.admin, body: { ...limits, rectifyDays: 0 } }), 400, 'INVALID_REQUEST');
    expect((await h.call('PUT', `/api/admin/${CITY}/rating-settings`, { token: tokens.officer, body: limits })).status).toBe(403);
    expect((await h.call('PUT', `/api/admin/${CITY}/rating-settings`, { token: tokens.admin, body: limits })).status).toBe(200);
    expect((await h.call('GET', `/api/admin/${CITY}/rating-settings`, { token: tokens.officer })).json).toEqual(limits);
  });

  it('rates a decided case once, from the phone it came from; a 差评 needs reasons; the window service only for window cases', async () => {
    on('2026-03-02');
    const early = await apply();
    refused(await rate(early, { level: 1 }), 409, 'NOT_RATABLE');
    first = await collected();
    on('2026-03-05');
    const before = await h.recordCount();
    refused(await rate(first, { level: 5 }), 400, 'REASONS_REQUIRED');
    refused(await rate(first, { level: 6, reasons: ['slow'] }), 400, 'INVALID_REQUEST');
    refused(await rate(first, { level: 2, target: 'window' }), 409, 'NO_WINDOW_SERVICE');
    expect(await h.recordCount()).toBe(before);

    const rated = await rate(first, { level: 5, reasons: ['slow', 'visits'], comment: '来回跑了三次' }, { key: 'rate-first-0001', agent: IPHONE });
    expect(rated.status).toBe(201);
    expect(rated.json).toMatchObject({ level: 5, channel: 'mobile', realName: true, reasons: ['slow', 'visits'], poor: { status: 'verifying', since: '2026-03-05', due: '2026-03-09', revisitDue: '2026-03-19' } });
    const again = await rate(first, { level: 5, reasons: ['slow', 'visits'], comment: '来回跑了三次' }, { key: 'rate-first-0001', agent: IPHONE });
    expect([again.status, again.json.revision]).toEqual([201, 1]);
    refused(await rate(first, { level: 1 }), 409, 'RATED_ALREADY');
    // The case keeps the rating too: its officer's page and the supervision figures read it there.
    expect((await world.detail(first.number)).case.rating).toMatchObject({ level: 5, comment: '来回跑了三次' });
  });

  it('adds one 追评, without changing the level', async () => {
    const remark = (comment: string) => h.call('POST', `/api/track/${first.number}/ratings/case/remark`, { body: { secret: first.secret, comment } });
    const added = await remark('希望能一次告知清楚');
    expect(added.json).toMatchObject({ level: 5, addendum: { comment: '希望能一次告知清楚', on: '2026-03-05' } });
    refused(await remark('再补充一句'), 409, 'ADDENDUM_GIVEN');
  });

  it('works the 差评 step by step: wrong-order steps and stale revisions refused, retries applied once', async () => {
    refused(await step(first.number, { type: 'feedback', text: '已整改' }), 409, 'POOR_WRONG_STEP');
    refused(await step(first.number, { type: 'close' }), 409, 'POOR_WRONG_STEP');
    refused(await step(first.number, { type: 'verify', finding: '' }), 400, 'INVALID_REQUEST');
    expect((await poor(first.number, 'case', tokens.otherDepartment)).status).toBe(404);

    on('2026-03-06');
    const seen = (await poor(first.number)).json.rating.revision;
    const verify = (finding: string, key: string) => h.call('POST', `${POOR}/${first.number}/case/actions`, { token: tokens.officer, body: { type: 'verify', expectedRevision: seen, finding }, headers: { 'idempotency-key': key } });
    const [a, b] = await Promise.all([verify('属实：补正告知不完整', 'verify-a-0001'), verify('属实', 'verify-b-0001')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const won = a.status === 200 ? a : b;
    expect(won.json.rating.poor).toMatchObject({ status: 'rectifying', since: '2026-03-06', due: '2026-03-13' });
    const retried = await verify('属实：补正告知不完整', a.status === 200 ? 'verify-a-0001' : 'verify-b-0001');
    expect([retried.status, retried.json.rating.revision]).toEqual([200, won.json.rating.revision]);
    expect(won.json.allowed).toEqual(['appeal', 'feedback', 'revisit']);

    on('2026-03-10');
    const fed = await step(first.number, { type: 'feedback', text: '已修订一次性告知单' });
    expect(fed.json.rating.poor).toMatchObject({ status: 'fedBack', due: '2026-03-13', feedback: { onTime: true } });
  });

  it('takes the rater’s judgement from the tracking code: 不满意 sends it back to 整改', async () => {
    const judge = (verdict: string, key: string) => h.call('POST', `/api/track/${first.number}/ratings/case/judgement`, { body: { secret: first.secret, verdict }, headers: { 'idempotency-key': key } });
    refused(await h.call('POST', `/api/track/${first.number}/ratings/case/judgement`, { body: { secret: first.secret, verdict: 'ok' } }), 400, 'INVALID_REQUEST');
    expect((await h.call('POST', `/api/track/${first.number}/ratings/case/judgement`, { body: { secret: 'wrong', verdict: 'satisfied' } })).status).toBe(404);
    on('2026-03-11');
    const unhappy = await judge('dissatisfied', 'judge-1-0001');
    expect(unhappy.json.poor).toMatchObject({ status: 'rectifying', since: '2026-03-11', due: '2026-03-18', judgement: { verdict: 'dissatisfied', by: 'rater' } });
    refused(await judge('satisfied', 'judge-2-0001'), 409, 'POOR_WRONG_STEP');
    on('2026-03-12');
    await step(first.number, { type: 'feedback', text: '窗口人员已培训，告知单已上线' });
    const happy = await judge('satisfied', 'judge-3-0001');
    expect(happy.json.poor).toMatchObject({ status: 'judged', judgement: { verdict: 'satisfied' } });
    // 关闭 waits for the 回访: not offered, and the page is told why.
    expect((await poor(first.number)).json).toMatchObject({ allowed: ['revisit'], blocked: [{ action: 'close', message: '实名差评须先回访，再关闭' }] });
    expect((await judge('satisfied', 'judge-3-0001')).json.revision).toBe(happy.json.revision);
  });

  it('closes a real-name 差评 only after its 回访, which closes the case’s follow-up too', async () => {
    refused(await step(first.number, { type: 'close' }), 409, 'REVISIT_REQUIRED');
    // Whom to call: the applicant, for the case's department and the administrators.
    const { applicant } = (await world.detail(first.number)).case;
    for (const token of [tokens.officer, tokens.admin]) expect((await poor(first.number, 'case', token)).json.contact).toEqual({ name: applicant.name, mobile: applicant.mobile });
    const visited = await step(first.number, { type: 'revisit', method: '电话', result: '申请人认可整改' });
    expect(visited.json).toMatchObject({ allowed: ['revisit', 'close'], blocked: [] });
    expect(visited.json.rating.poor.revisits).toEqual([{ on: '2026-03-12', method: '电话', result: '申请人认可整改', by: '李强(不动产登记中心)' }]);
    expect((await world.detail(first.number)).case.rating.followUp).toEqual({ closedOn: '2026-03-12', response: '回访(电话)：申请人认可整改' });
    const closed = await step(first.number, { type: 'close' });
    expect(closed.json.rating.poor).toMatchObject({ status: 'closed', closed: { outcome: 'rectified', on: '2026-03-12' } });
    expect(closed.json.rating.poor.history.map((e: { action: string }) => e.action)).toEqual(['rated', 'verify', 'feedback', 'judge', 'feedback', 'judge', 'revisit', 'close']);
    expect(closed.json.allowed).toEqual([]);
  });

  it('warns of an overdue step, and voids a mistaken 差评 on 复核 by the administrators only', async () => {
    on('2026-03-02');
    const second = await collected();
    on('2026-03-05');
    expect((await rate(second, { level: 4, reasons: ['attitude'] })).status).toBe(201);
    on('2026-03-10');
    const list = await h.call('GET', POOR, { token: tokens.officer });
    const entry = list.json.find((e: { trackingNumber: string }) => e.trackingNumber === second.number);
    expect(entry).toMatchObject({ status: 'verifying', due: '2026-03-09', warning: 'overdue', departmentName: '示范市不动产登记中心' });
    expect(list.json[0].trackingNumber).toBe(second.number);
    // The sweep raises it once, to the department and, overdue, to the administrators.
    expect((await world.sweep()).poorRatingWarnings).toBe(1);
    expect((await world.sweep()).poorRatingWarnings).toBe(0);
    await h.delivered();
    const told = (await h.store.inboxOf(CITY, `dept:${entry.departmentId}`)).filter((m) => m.topic === 'poorRatingWarning' && m.trackingNumber === second.number);
    expect(told.map((m) => m.text)).toEqual([`差评 ${second.number}(办件)「待核实」已超期，期限 2026-03-09`]);
    expect((await h.store.inboxOf(CITY, 'admins')).some((m) => m.topic === 'poorRatingWarning' && m.trackingNumber === second.number)).toBe(true);
    expect((await h.call('GET', `${POOR}?status=closed`, { token: tokens.officer })).json.map((e: { trackingNumber: string }) => e.trackingNumber)).toEqual([first.number]);
    refused(await h.call('GET', `${POOR}?status=lost`, { token: tokens.officer }), 400, 'INVALID_REQUEST');

    await step(second.number, { type: 'appeal', reason: '申请人评价的是其他窗口的服务' });
    refused(await step(second.number, { type: 'review', upheld: true, note: '查看录像属实' }), 403, 'FORBIDDEN');
    const reviewed = await step(second.number, { type: 'review', upheld: true, note: '查看录像属实' }, { token: tokens.admin });
    expect(reviewed.json.rating.poor).toMatchObject({ status: 'closed', closed: { outcome: 'voided' }, review: { upheld: true } });
  });

  it('publishes the month by department with no personal data', async () => {
    refused(await h.call('GET', `/api/public/${CITY}/ratings?month=2026-3`), 400, 'INVALID_MONTH');
    const published = await h.call('GET', `/api/public/${CITY}/ratings?month=2026-03`);
    // The 差评 voided on 复核 is counted apart, not as a 差评 nor among the ratings.
    expect(published.json.total).toMatchObject({
      levels: [0, 0, 0, 0, 1],
      total: 1,
      goodRate: { numerator: 0, denominator: 1, value: 0 },
      poor: 1,
      rectified: 1,
      voided: 1,
      open: 0,
      fedBackOnTime: { numerator: 1, denominator: 1 },
      revisited: { numerator: 1, denominator: 1 },
    });
    const estate = published.json.departments.find((d: { name: string }) => d.name === '示范市不动产登记中心');
    expect(estate).toMatchObject({ total: 1, poor: 1, voided: 1 });
    const page = await (await h.app.request(`/${CITY}/ratings?month=2026-03`)).text();
    expect(page).toContain('本月计入评价 1 次，好评率 0.0%；差评 1 件，其中整改完成 1 件、办理中 0 件。另有 1 件差评经申诉复核成立，不计为差评。');
    expect(published.text).not.toContain(first.number);
    expect(published.text).not.toContain('来回跑了三次');
    expect((await h.call('GET', `/api/public/${CITY}/ratings?month=2026-04`)).json.total).toMatchObject({ total: 0, poor: 0 });
  });
});
