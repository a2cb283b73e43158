import { expect } from 'vitest';
import { browserSession } from '../../functions/test/browser-session';
import { saleAnswers } from '../../functions/test/files';
import { harness } from '../../functions/test/harness';

/**
 * Window cases for the 统一出件 and 帮办代办 tests: 不动产转移登记 filed at 示范市's window (every
 * material on paper), worked by the estate department to a decision, on the embedded store.
 */

export const CITY = '990100';
export const APPLICANT = { idType: '111', idNumber: '440524188001010014', name: '李四', phone: '13812345678' };
export const AGENT = { idType: '111', idNumber: '11010519491231002X', name: '王芳', phone: '13900000002' };
const paper = { form: 'paper', original: true, copies: 1 };

export async function windowWorld() {
  const h = await harness({ now: '2026-03-02T02:00:00Z' });
  const window = await h.token(CITY, 'window-officer');
  const estate = await h.token(CITY, 'estate-officer');

  /** Files a walk-in application at window 3, with a 代理人 when asked. */
  async function file(options: { agent?: boolean } = {}) {
    const body = {
      window: { name: '市民中心综合窗口', number: '3' },
      applicant: APPLICANT,
      ...(options.agent ? { agent: AGENT, authorization: { form: 'paper', original: true } } : {}),
      answers: saleAnswers,
      materials: { application: paper, 'title-certificate': paper, 'sale-contract': paper, 'survey-report': paper },
    };
    const response = await h.call('POST', `/api/window/${CITY}/items/real-estate-transfer/applications`, { token: window, body });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    return { number: response.json.case.trackingNumber as string, secret: response.json.secret as string };
  }

  /** The estate officer's action on the revision they see now. */
  async function officerAct(number: string, action: Record<string, unknown>) {
    const { json } = await h.call('GET', `/api/officer/cases/${number}`, { token: estate });
    return h.call('POST', `/api/officer/cases/${number}/actions`, { token: estate, body: { expectedRevision: json.case.revision, ...action } });
  }

  /** Accepted and every step passed: the licence issued. */
  async function decide(number: string) {
    expect((await officerAct(number, { type: 'accept' })).status).toBe(200);
    for (let step = 0; step < 4; step++) {
      const last = step === 3;
      const response = await officerAct(number, { type: 'completeStep', outcome: 'pass', ...(last ? { result: { name: '不动产权证书', number: '示范(2026)不动产权第0000001号' } } : {}) });
      expect(response.status, JSON.stringify(response.json)).toBe(200);
    }
  }

  const queue = async () => {
    const response = await h.call('GET', `/api/window/${CITY}/delivery`, { token: window });
    expect(response.status).toBe(200);
    return response.json as Array<{ trackingNumber: string; task: string; revision: number } & Record<string, unknown>>;
  };

  const revisionOf = async (number: string) => (await queue()).find((e) => e.trackingNumber === number)!.revision;

  /** What the applicant was sent about the case (SMS), once the messages are out. */
  async function messages(number: string) {
    await h.delivered();
    return (await h.store.outboxOf(CITY, '2026-03-02')).filter((m) => m.trackingNumber === number && m.channel === 'sms');
  }

  const track = async (c: { number: string; secret: string }) => (await h.call('GET', `/api/track/${c.number}`, { headers: { 'x-tracking-secret': c.secret } })).json;

  /** The /track page as the applicant reads it, after typing the number and the 查询码 from the receipt. */
  async function trackPage(c: { number: string; secret: string }) {
    const browser = browserSession(h.app);
    const admitted = await browser.post('/track', { number: c.number, secret: c.secret });
    expect(admitted.status).toBe(303);
    return (await browser.request(admitted.headers.get('location')!)).text();
  }

  /** The window's action on a case (`handover`, `posting`, `corrections`), retried under `key` when given. */
  const desk = (action: 'handover' | 'posting' | 'corrections') => (number: string, body: unknown, key?: string) =>
    h.call('POST', `/api/window/${CITY}/cases/${number}/${action}`, { token: window, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) });

  /** A refusal with its code, in Chinese and English, that stored nothing. */
  async function refusedUnchanged(send: () => Promise<{ status: number; json: any }>, status: number, code: string) {
    const before = await h.recordCount();
    const response = await send();
    expect(response.status, JSON.stringify(response.json)).toBe(status);
    expect(response.json.code).toBe(code);
    expect(response.json.message).toMatch(/[\u4e00-\u9fff]/);
    expect(response.json.message_en).toMatch(/[a-z]/);
    expect(await h.recordCount()).toBe(before);
  }

  return { h, window, estate, file, officerAct, decide, queue, revisionOf, messages, track, trackPage, desk, refusedUnchanged };
}
