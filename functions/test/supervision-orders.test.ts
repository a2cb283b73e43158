import { describe, expect, it } from 'vitest';
import { caseWorld } from './case-world';

/**
 * 督办 over HTTP: the city's administrator raises one on an overdue case (none on a case on
 * track), the estate department sees it on the case and answers it, the list follows it from
 * open to answered or overdue. Retries are the same order or answer, two at once cannot both
 * win, every refusal says why in both languages and changes nothing.
 *
 * The seeded 不动产转移登记 is promised in 5 WD: accepted Mon 3/2, promised Mon 3/9, overdue 3/10.
 */

const { h, CITY, tokens, on, apply, ok } = await caseWorld();
const ORDERS = `/api/admin/${CITY}/supervision/orders`;

const raise = (body: unknown, options: { key?: string; token?: string } = {}) =>
  h.call('POST', ORDERS, { token: options.token ?? tokens.admin, body, ...(options.key ? { headers: { 'idempotency-key': options.key } } : {}) });
const caseOrders = (number: string, token = tokens.officer) => h.call('GET', `/api/officer/cases/${number}/supervision-orders`, { token });
const answer = (number: string, seq: number, text: string, options: { key?: string; token?: string } = {}) =>
  h.call('POST', `/api/officer/cases/${number}/supervision-orders/${seq}/answer`, { token: options.token ?? tokens.officer, body: { answer: text }, ...(options.key ? { headers: { 'idempotency-key': options.key } } : {}) });

/** Both languages said, the Chinese in Chinese. */
function refused(response: { status: number; json: any }, status: number, code?: string) {
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  if (code) expect(response.json.code).toBe(code);
  expect(response.json.message).toMatch(/[\u4e00-\u9fff]/);
  expect(response.json.message_en).toMatch(/[a-z]/);
}

const ask = '请于期限内办结并说明超期原因';
let late = '';
let second = '';

describe('督办', () => {
  it('is refused on a case on track, and raised on an overdue one, to its department, by a date in working days', async () => {
    on('2026-03-02');
    late = (await apply()).number;
    second = (await apply()).number;
    await ok(late, { type: 'accept' });
    await ok(second, { type: 'accept' });
    const before = await h.recordCount();
    const onTrack = await raise({ trackingNumber: late, ask, due: { workdays: 3 } });
    refused(onTrack, 409, 'NOT_SUPERVISABLE');
    expect(onTrack.json.message).toContain('只能对超期或红牌预警的办件发起督办');
    expect(await h.recordCount()).toBe(before);

    on('2026-03-10');
    const raised = await raise({ trackingNumber: late, ask, due: { workdays: 3 } }, { key: 'raise-late-0001' });
    expect(raised.status, JSON.stringify(raised.json)).toBe(201);
    expect(raised.json).toMatchObject({ trackingNumber: late, seq: 1, ask, dueOn: '2026-03-13', departmentName: '示范市不动产登记中心', itemName: '不动产转移登记', caseWarning: 'overdue', status: 'open', raisedBy: { name: '王敏(示范市政务服务管理办)' } });
    expect(raised.json).not.toHaveProperty('key');
    // The estate department's workbench tells of it, leading to the case.
    const inbox = await h.call('GET', '/api/officer/inbox', { token: tokens.officer });
    expect(inbox.json).toContainEqual(expect.objectContaining({ trackingNumber: late, text: `督办：不动产转移登记(${late})，请于 2026-03-13 前答复。${ask}` }));
    expect((await h.call('GET', '/api/officer/inbox', { token: tokens.otherDepartment })).json.filter((m: { trackingNumber?: string }) => m.trackingNumber === late)).toEqual([]);

    // The same request again is the same order; the same key for another ask is refused.
    const retried = await raise({ trackingNumber: late, ask, due: { workdays: 3 } }, { key: 'raise-late-0001' });
    expect(retried.status).toBe(200);
    expect(retried.json.seq).toBe(1);
    refused(await raise({ trackingNumber: late, ask: '另一件事', due: { workdays: 3 } }, { key: 'raise-late-0001' }), 409, 'IDEMPOTENCY_KEY_REUSED');
    refused(await raise({ trackingNumber: late, ask, due: { workdays: 4 } }, { key: 'raise-late-0001' }), 409, 'IDEMPOTENCY_KEY_REUSED');
    const again = await raise({ trackingNumber: late, ask, due: { date: '2026-03-20' } });
    refused(again, 409, 'ORDER_STILL_OPEN');
    expect(again.json.message).toContain('2026-03-13');
  });

  it('refuses bad input in both languages, changing nothing', async () => {
    const before = await h.recordCount();
    const cases: Array<[unknown, number, string?]> = [
      [{ trackingNumber: second, ask: '   ', due: { workdays: 3 } }, 400],
      [{ trackingNumber: second, ask, due: { workdays: 0 } }, 400],
      [{ trackingNumber: second, ask, due: { workdays: 61 } }, 400],
      [{ trackingNumber: second, ask, due: {} }, 400],
      [{ trackingNumber: second, ask, due: { date: '2026-02-30' } }, 400],
      [{ trackingNumber: second, ask, due: { date: '2026-03-09' } }, 400, 'ORDER_DUE_PAST'],
      [{ trackingNumber: second, ask, due: { date: '2027-06-01' } }, 400, 'ORDER_DUE_TOO_FAR'],
      [{ trackingNumber: second, ask, due: { workdays: 3 }, to: 'someone' }, 400],
      [{ trackingNumber: 'not-a-number', ask, due: { workdays: 3 } }, 400],
      [{ trackingNumber: '990121-20260302-000001', ask, due: { workdays: 3 } }, 404],
      [{ trackingNumber: '990100-20260302-999999', ask, due: { workdays: 3 } }, 404],
    ];
    for (const [body, status, code] of cases) refused(await raise(body), status, code);
    refused(await raise({ trackingNumber: second, ask, due: { workdays: 3 } }, { token: tokens.officer }), 403);
    refused(await raise({ trackingNumber: second, ask, due: { workdays: 3 } }, { token: await h.token('990121', 'dongcheng-admin') }), 403);
    refused(await answer(late, 1, ''), 400);
    refused(await answer(late, 7, '已办结'), 404);
    expect(await h.recordCount()).toBe(before);
  });

  it('is shown on the case to its department, and answered by its officers only', async () => {
    const seen = await caseOrders(late);
    expect(seen.status).toBe(200);
    expect(seen.json).toEqual([expect.objectContaining({ seq: 1, ask, status: 'open' })]);
    refused(await caseOrders(late, tokens.otherDepartment), 404);
    refused(await answer(late, 1, '已办结', { token: tokens.otherDepartment }), 403);
    refused(await answer(late, 1, '已办结', { token: tokens.admin }), 403);

    on('2026-03-11');
    // A retry sent a day later is still the order raised, its date as first counted.
    expect((await raise({ trackingNumber: late, ask, due: { workdays: 3 } }, { key: 'raise-late-0001' })).json).toMatchObject({ seq: 1, dueOn: '2026-03-13' });
    const answered = await answer(late, 1, '已补齐审核意见，3月12日办结', { key: 'answer-late-0001' });
    expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    expect(answered.json).toMatchObject({ status: 'answered', answeredLate: false, answer: { text: '已补齐审核意见，3月12日办结', on: '2026-03-11', by: { name: '李强(不动产登记中心)' } } });
    expect((await answer(late, 1, '已补齐审核意见，3月12日办结', { key: 'answer-late-0001' })).status).toBe(200);
    refused(await answer(late, 1, '另一个答复', { token: tokens.colleague }), 409, 'ORDER_ANSWERED');
    expect((await caseOrders(late, tokens.admin)).json[0].answer.text).toBe('已补齐审核意见，3月12日办结');
    expect((await h.call('GET', '/api/officer/inbox', { token: tokens.admin })).json).toContainEqual(expect.objectContaining({ trackingNumber: late, text: `督办已答复：不动产转移登记(${late})，示范市不动产登记中心：已补齐审核意见，3月12日办结` }));
  });

  it('cannot be raised twice or answered twice at once', async () => {
    on('2026-03-12');
    const raised = await Promise.all([raise({ trackingNumber: second, ask, due: { workdays: 1 } }, { key: 'raise-second-a' }), raise({ trackingNumber: second, ask: '请说明原因', due: { workdays: 2 } }, { key: 'raise-second-b' })]);
    expect(raised.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(['ORDER_CONFLICT', 'ORDER_STILL_OPEN']).toContain(raised.find((r) => r.status === 409)!.json.code);
    expect((await caseOrders(second)).json).toHaveLength(1);

    const answers = await Promise.all([answer(second, 1, '李强的答复'), answer(second, 1, '王芳的答复', { token: tokens.colleague })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const kept = (await caseOrders(second)).json[0].answer.text;
    expect(answers.find((r) => r.status === 200)!.json.answer.text).toBe(kept);
  });

  it('is listed for the administrators: open, overdue past its date, answered', async () => {
    // Answered, a new order may follow; left unanswered past its date, it is overdue.
    const next = await raise({ trackingNumber: late, ask: '请报告办结情况', due: { workdays: 1 } });
    expect(next.status).toBe(201);
    expect(next.json).toMatchObject({ seq: 2, dueOn: '2026-03-13' });
    on('2026-03-16');
    const list = await h.call('GET', ORDERS, { token: tokens.admin });
    expect(list.status).toBe(200);
    expect(list.json.map((o: { trackingNumber: string; seq: number; status: string }) => [o.trackingNumber, o.seq, o.status])).toEqual([
      [late, 2, 'overdue'],
      [second, 1, 'answered'],
      [late, 1, 'answered'],
    ]);
    expect((await h.call('GET', `${ORDERS}?status=overdue`, { token: tokens.admin })).json).toHaveLength(1);
    refused(await h.call('GET', `${ORDERS}?status=closed`, { token: tokens.admin }), 400);
    refused(await h.call('GET', ORDERS, { token: tokens.officer }), 403);
    // Answered after its date: answered, and late.
    const lateAnswer = await answer(late, 2, '已办结送达');
    expect(lateAnswer.json).toMatchObject({ status: 'answered', answeredLate: true });
  });
});
