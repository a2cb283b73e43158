import { describe, expect, it } from 'vitest';
import { PDF } from '../../functions/test/files';
import { AGENT, APPLICANT, CITY, windowWorld } from './window-world';

/**
 * 帮办代办 over the API: a 代办 with its 委托书 and a 帮办 recorded by the window for the cases
 * they cover, listed with where each case stands; bad requests refused in both languages with
 * nothing stored; the 回访 only after every result was delivered, once, retried safely.
 */

const w = await windowWorld();
const { h, refusedUnchanged } = w;
const BASE = `/api/window/${CITY}/assistance`;
const record = (body: unknown, key?: string) => h.call('POST', BASE, { token: w.window, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) });

async function uploadLetter(bytes: Uint8Array, name = '委托书.pdf') {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name));
  return h.call('POST', `${BASE}/letters`, { token: w.window, raw: form });
}


describe('帮办代办', () => {
  const applied = { number: '', secret: '' };
  let proxyId = '';
  let helpId = '';

  it('records a 代办 with the applicant’s signed 委托书, once under a retried key', async () => {
    Object.assign(applied, await w.file({ agent: true }));
    const letter = await uploadLetter(PDF);
    expect(letter.status).toBe(201);
    const body = { kind: 'proxy', requester: APPLICANT, helper: { name: '帮代办员 赵敏' }, letter: letter.json.key, cases: [applied.number], note: '申请人行动不便，委托中心代办' };
    const first = await record(body, 'assist-proxy-0001');
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({ kind: 'proxy', requester: { name: '李四' }, helper: { name: '帮代办员 赵敏' }, createdBy: { id: 'window-officer' }, caseStates: [{ trackingNumber: applied.number, status: 'received' }] });
    proxyId = first.json.id;
    const again = await record(body, 'assist-proxy-0001');
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(proxyId);
    const file = await h.call('GET', `${BASE}/${proxyId}/letter`, { token: w.window });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment');
  });

  it('refuses a 代办 without its 委托书, a wrong check digit, unknown cases, a letter that is not a document, and other roles', async () => {
    await refusedUnchanged(() => record({ kind: 'proxy', requester: APPLICANT, cases: [applied.number] }), 422, 'LETTER_REQUIRED');
    await refusedUnchanged(() => record({ kind: 'help', requester: { ...APPLICANT, idNumber: '440524188001010015' }, cases: [applied.number] }), 422, 'ID_NUMBER_INVALID');
    await refusedUnchanged(() => record({ kind: 'help', requester: APPLICANT, cases: ['990100-20260302-999999'] }), 422, 'CASES_UNKNOWN');
    await refusedUnchanged(() => record({ kind: 'help', requester: APPLICANT, cases: [] }), 400, 'INVALID_REQUEST');
    await refusedUnchanged(() => uploadLetter(new TextEncoder().encode('<script>alert(1)</script>'), 'letter.html'), 415, 'FILE_TYPE_NOT_ALLOWED');
    await refusedUnchanged(() => h.call('POST', BASE, { token: w.estate, body: { kind: 'help', requester: APPLICANT, cases: [applied.number] } }), 403, 'FORBIDDEN');
  });

  it('records a 帮办, the officer helping by default, and lists both newest first', async () => {
    h.clock.now = new Date('2026-03-02T03:00:00Z');
    const help = await record({ kind: 'help', requester: AGENT, cases: [applied.number] });
    expect(help.status).toBe(201);
    expect(help.json.helper).toEqual({ id: 'window-officer', name: '刘洋(市民中心综合窗口)' });
    helpId = help.json.id;
    const list = await h.call('GET', BASE, { token: w.window });
    expect(list.json.map((r: { id: string }) => r.id)).toEqual([helpId, proxyId]);
    const admin = await h.call('GET', BASE, { token: await h.token(CITY, 'city-admin') });
    expect(admin.status).toBe(200);
  });

  it('takes the 回访 only after the results were delivered, once', async () => {
    await refusedUnchanged(() => h.call('POST', `${BASE}/${helpId}/follow-up`, { token: w.window, body: { expectedRevision: 1, reached: true, satisfied: true } }), 409, 'NOT_DELIVERED');
    await w.decide(applied.number);
    const delivered = await w.desk('handover')(applied.number, { expectedRevision: await w.revisionOf(applied.number), recipient: { ...AGENT, agent: true } });
    expect(delivered.status).toBe(200);
    await refusedUnchanged(() => h.call('POST', `${BASE}/${helpId}/follow-up`, { token: w.window, body: { expectedRevision: 1, reached: true } }), 422, 'SATISFACTION_REQUIRED');
    const body = { expectedRevision: 1, reached: true, satisfied: true, note: '申请人对代领服务满意' };
    const done = await h.call('POST', `${BASE}/${helpId}/follow-up`, { token: w.window, body, headers: { 'idempotency-key': 'follow-up-0001' } });
    expect(done.status, JSON.stringify(done.json)).toBe(200);
    expect(done.json).toMatchObject({ revision: 2, followUp: { reached: true, satisfied: true, note: '申请人对代领服务满意', by: { id: 'window-officer' } }, caseStates: [{ status: 'delivered' }] });
    const retried = await h.call('POST', `${BASE}/${helpId}/follow-up`, { token: w.window, body, headers: { 'idempotency-key': 'follow-up-0001' } });
    expect(retried.json.revision).toBe(2);
    await refusedUnchanged(() => h.call('POST', `${BASE}/${helpId}/follow-up`, { token: w.window, body: { ...body, expectedRevision: 2 } }), 409, 'FOLLOWED_UP');
    await refusedUnchanged(() => h.call('POST', `${BASE}/${proxyId}/follow-up`, { token: w.window, body: { expectedRevision: 0, reached: false } }), 409, 'ASSISTANCE_CHANGED');
    const unreached = await h.call('POST', `${BASE}/${proxyId}/follow-up`, { token: w.window, body: { expectedRevision: 1, reached: false, note: '电话无人接听' } });
    expect(unreached.json.followUp).toMatchObject({ reached: false, note: '电话无人接听' });
    expect(unreached.json.followUp.satisfied).toBeUndefined();
  });

  it('answers 404 for a record that does not exist', async () => {
    const missing = await h.call('GET', `${BASE}/${'0'.repeat(24)}`, { token: w.window });
    expect(missing.status).toBe(404);
    expect(missing.json.message_en).toBeTruthy();
  });
});
