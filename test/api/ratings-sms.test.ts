import { describe, expect, it } from 'vitest';
import { caseWorld } from '../../functions/test/case-world';

/**
 * 短信评价: the SMS telling an applicant their case is decided invites a one-digit reply; the reply,
 * handed on by the SMS gateway (locally POST /api/dev/sms-replies), rates the case with the
 * channel 短信. A 差评 without reasons is asked for them; the gateway's retries do nothing twice;
 * numbers never invited are not answered; bad payloads are refused with nothing changed.
 */

const world = await caseWorld();
const { h, CITY, tokens, on, collected, messages } = world;
const PHONE = '13812345678';

/** A case decided and collected on `day`, its SMS sent. */
async function decided(day: string) {
  on(day);
  const c = await collected();
  await h.delivered();
  return c;
}

let replies = 0;
async function reply(body: string, init: { from?: string; id?: string } = {}) {
  const response = await h.call('POST', '/api/dev/sms-replies', { body: { originationNumber: init.from ?? `+86${PHONE}`, destinationNumber: '+8610690000', messageBody: body, inboundMessageId: init.id ?? `in-${++replies}` } });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  await h.delivered();
  return response.json as { outcome: string; trackingNumber?: string; reply?: string };
}

const answers = async (number: string) => (await messages(number)).filter((m) => m.topic === 'ratingReply').map((m) => `${m.to} ${m.status}: ${m.text}`);
const ratingOf = (number: string) => h.store.getRating(CITY, number, 'case');

describe('短信评价', () => {
  let first: { number: string };

  it('invites a reply in the SMS that tells the applicant the case is decided', async () => {
    first = await decided('2026-03-03');
    const sms = (await messages(first.number)).filter((m) => m.channel === 'sms');
    const invitations = sms.filter((m) => m.text.includes('回复数字评价本次服务：1非常满意 2满意 3基本满意 4不满意 5非常不满意'));
    expect(invitations.map((m) => m.topic).sort()).toEqual(['decided', 'delivered']);
    expect(invitations.every((m) => m.status === 'delivered' && m.to === PHONE)).toBe(true);
    // The notices before the decision do not invite.
    expect(sms.find((m) => m.topic === 'accepted')?.text).not.toContain('回复数字');
  });

  it('asks a 差评 for its reasons, once however often the gateway hands the reply on, then rates the case by SMS', async () => {
    on('2026-03-04');
    const asked = await reply('４', { id: 'poor-level' });
    expect(asked).toMatchObject({ outcome: 'askedReasons', trackingNumber: first.number });
    expect(asked.reply).toContain('1办理效率低 2服务态度差 3多次跑动');
    expect(await reply('４', { id: 'poor-level' })).toMatchObject({ outcome: 'askedReasons' });
    expect(await answers(first.number)).toHaveLength(1);
    expect(await ratingOf(first.number)).toBeUndefined();

    const done = await reply('2、3 排了两次队', { id: 'poor-reasons' });
    expect(done.outcome).toBe('rated');
    expect(done.reply).toBe(`已收到您对「不动产转移登记」(${first.number})的评价：不满意。我们将核实整改，并把结果告诉您。`);
    const r = await ratingOf(first.number);
    expect(r).toMatchObject({ level: 4, reasons: ['attitude', 'visits'], comment: '排了两次队', channel: 'sms', realName: true });
    expect(r?.poor?.status).toBe('verifying');
    // The department sees it among its 差评 to verify, marked as come by SMS.
    const listed = await h.call('GET', `/api/admin/${CITY}/poor-ratings/${first.number}/case`, { token: tokens.officer });
    expect(listed.json.rating.channel).toBe('sms');

    expect(await reply('2、3 排了两次队', { id: 'poor-reasons' })).toMatchObject({ outcome: 'rated' });
    expect(await answers(first.number)).toHaveLength(2);
  });

  it('tells the rater of the fix, and takes their judgement by reply: 不满意 sends it back to 整改, 满意 ends it', async () => {
    const POOR = `/api/admin/${CITY}/poor-ratings/${first.number}/case`;
    const step = async (action: Record<string, unknown>) => {
      const seen = await h.call('GET', POOR, { token: tokens.officer });
      const response = await h.call('POST', `${POOR}/actions`, { token: tokens.officer, body: { expectedRevision: seen.json.rating.revision, ...action } });
      expect(response.status, JSON.stringify(response.json)).toBe(200);
      await h.delivered();
    };
    await step({ type: 'verify', finding: '窗口排队属实' });
    await step({ type: 'feedback', text: '已增开一个窗口' });
    const told = (await messages(first.number)).filter((m) => m.topic === 'poorFedBack' && m.channel === 'sms');
    expect(told.map((m) => `${m.to} ${m.status}: ${m.text}`)).toEqual([
      `${PHONE} delivered: 您对「不动产转移登记」(${first.number})的差评，办理部门已整改并反馈：已增开一个窗口。请回复数字评价整改情况：1满意 2基本满意 3不满意；也可在办件查询页评价。`,
    ]);

    expect(await reply('３ 还是要排队', { id: 'judge-1' })).toMatchObject({ outcome: 'judged', reply: expect.stringContaining('不满意。办理部门将继续整改') });
    expect(await reply('３ 还是要排队', { id: 'judge-1' })).toMatchObject({ outcome: 'judged' });
    let r = await ratingOf(first.number);
    expect(r?.poor).toMatchObject({ status: 'rectifying', judgement: { verdict: 'dissatisfied', by: 'rater', comment: '还是要排队' } });
    // A reply before the next fix is reported finds nothing to judge.
    expect(await reply('1')).toMatchObject({ outcome: 'ratedAlready' });

    await step({ type: 'feedback', text: '已实行预约办理' });
    expect(await reply('好多了')).toMatchObject({ outcome: 'notUnderstood', reply: expect.stringContaining('1满意 2基本满意 3不满意') });
    expect(await reply('1')).toMatchObject({ outcome: 'judged', reply: `已收到您对「不动产转移登记」(${first.number})整改的评价：满意。感谢您的参与。` });
    r = await ratingOf(first.number);
    expect(r?.poor).toMatchObject({ status: 'judged', judgement: { verdict: 'satisfied', by: 'rater' } });
    expect(await reply('2')).toMatchObject({ outcome: 'ratedAlready' });
  });

  it('tells a number that rated already so, and leaves the rating as given', async () => {
    const again = await reply('1');
    expect(again).toMatchObject({ outcome: 'ratedAlready', trackingNumber: first.number });
    expect(again.reply).toContain('您已对「不动产转移登记」');
    expect((await ratingOf(first.number))?.level).toBe(4);
    // Answers to the number's own SMS are not held to the daily cap on SMS to a number (5): they reach no stranger.
    const answered = await answers(first.number);
    expect(answered.length).toBeGreaterThan(5);
    expect(answered.filter((a) => !a.startsWith(`${PHONE} delivered: `))).toEqual([]);
  });

  it('explains the reply it did not understand, and takes a good rating with words in full-width digits', async () => {
    const second = await decided('2026-03-05');
    on('2026-03-06');
    const unclear = await reply('很好');
    expect(unclear).toMatchObject({ outcome: 'notUnderstood', trackingNumber: second.number });
    expect(unclear.reply).toContain('未能识别您的回复。回复数字评价本次服务');
    expect(await reply('１ 谢谢，很快')).toMatchObject({ outcome: 'rated', trackingNumber: second.number });
    expect(await ratingOf(second.number)).toMatchObject({ level: 1, reasons: [], comment: '谢谢，很快', channel: 'sms' });
    expect((await ratingOf(second.number))?.poor).toBeUndefined();
  });

  it('does not answer a number it never invited', async () => {
    const before = await h.recordCount();
    expect(await reply('5', { from: '+8613900000009' })).toEqual({ outcome: 'notInvited' });
    expect(await reply('5', { from: 'unknown' })).toEqual({ outcome: 'notInvited' });
    expect(await h.recordCount()).toBe(before);
  });

  it('refuses a payload the gateway would not send, in both languages, with nothing changed', async () => {
    const before = await h.recordCount();
    for (const body of [
      { originationNumber: `+86${PHONE}`, messageBody: '1' },
      { originationNumber: `+86${PHONE}`, messageBody: 'x'.repeat(1601), inboundMessageId: 'long' },
      { originationNumber: '', messageBody: '1', inboundMessageId: 'empty-number' },
      { originationNumber: `+86${PHONE}`, messageBody: '1', inboundMessageId: '../../etc' },
    ]) {
      const response = await h.call('POST', '/api/dev/sms-replies', { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.message).toMatch(/[\u4e00-\u9fff]/);
      expect(response.json.message_en).toMatch(/[a-z]/);
    }
    expect(await h.recordCount()).toBe(before);
  });

  it('takes the judgement of a window service’s fix by reply too, naming the window service', async () => {
    on('2026-03-09');
    const walkIn = await world.windowCase('sms-judge');
    const rated = await h.call('POST', `/api/officer/cases/${walkIn.number}/ratings`, { token: await h.token(CITY, 'window-officer'), body: { rating: { target: 'window', level: 4, reasons: ['attitude'] } } });
    expect(rated.status, JSON.stringify(rated.json)).toBe(201);
    const POOR = `/api/admin/${CITY}/poor-ratings/${walkIn.number}/window`;
    const windowOfficer = await h.token(CITY, 'window-officer');
    for (const action of [{ type: 'verify', finding: '窗口人员解释不够耐心' }, { type: 'feedback', text: '已对窗口人员培训' }]) {
      const seen = await h.call('GET', POOR, { token: windowOfficer });
      expect((await h.call('POST', `${POOR}/actions`, { token: windowOfficer, body: { expectedRevision: seen.json.rating.revision, ...action } })).status).toBe(200);
    }
    await h.delivered();
    const told = (await messages(walkIn.number)).filter((m) => m.topic === 'poorFedBack' && m.channel === 'sms');
    expect(told.map((m) => m.text)).toEqual([`您对「不动产转移登记」(${walkIn.number})(窗口服务)的差评，办理部门已整改并反馈：已对窗口人员培训。请回复数字评价整改情况：1满意 2基本满意 3不满意；也可在办件查询页评价。`]);
    expect(await reply('2', { id: 'judge-window' })).toMatchObject({ outcome: 'judged', trackingNumber: walkIn.number, reply: `已收到您对「不动产转移登记」(${walkIn.number})窗口服务整改的评价：基本满意。感谢您的参与。` });
    expect((await h.store.getRating(CITY, walkIn.number, 'window'))?.poor).toMatchObject({ status: 'judged', judgement: { verdict: 'fair', by: 'rater' } });
    expect(await ratingOf(walkIn.number)).toBeUndefined();
  });
});
