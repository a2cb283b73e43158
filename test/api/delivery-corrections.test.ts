import { describe, expect, it } from 'vitest';
import { windowWorld } from './window-world';

/**
 * A window case sent back to the window for 补正: the back office lists what is missing once, the
 * case waits in the window's queue (not the department's), the applicant is told once to bring the
 * materials to the window, and the window takes them in on paper, sending the case back to the
 * department to decide on acceptance.
 */

const w = await windowWorld();
const { h } = w;
const corrections = w.desk('corrections');

describe('补正 sent back to the window', () => {
  const applied = { number: '', secret: '' };

  it('comes to the window’s queue with what is missing, and the applicant is told once to bring it to the window', async () => {
    Object.assign(applied, await w.file());
    const asked = await w.officerAct(applied.number, { type: 'requestCorrection', items: [{ materialId: 'sale-contract', note: '合同未签字，请签字后提交' }] });
    expect(asked.status).toBe(200);
    const entry = (await w.queue()).find((e) => e.trackingNumber === applied.number);
    expect(entry).toMatchObject({ task: 'correction', status: 'correctionRequested', corrections: [{ materialId: 'sale-contract', name: '不动产买卖合同', note: '合同未签字，请签字后提交' }] });
    expect((await h.call('GET', '/api/officer/queue', { token: w.estate })).json.map((e: { trackingNumber: string }) => e.trackingNumber)).not.toContain(applied.number);
    const told = (await w.messages(applied.number)).filter((m) => m.topic === 'correctionRequested');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('请携带以下材料到受理窗口一次补齐：1. 不动产买卖合同：合同未签字，请签字后提交');
    const again = await w.officerAct(applied.number, { type: 'requestCorrection', items: [{ note: '再补一份' }] });
    expect(again.status).toBe(409);
  });

  it('refuses taking in other materials than asked, and a case with nothing asked', async () => {
    const expectedRevision = await w.revisionOf(applied.number);
    const before = await h.recordCount();
    const wrong = await corrections(applied.number, { expectedRevision, paper: ['application'] });
    expect(wrong.status).toBe(409);
    expect(wrong.json.message).toContain('请补正这些材料：不动产买卖合同');
    expect(wrong.json.message_en).toContain('supply the corrected materials');
    expect(await h.recordCount()).toBe(before);
    const other = await w.file();
    const none = await corrections(other.number, { expectedRevision: 1, paper: [] });
    expect(none.status).toBe(409);
    expect(none.json.message).toBe('本件没有待窗口收取的补正材料');
  });

  it('takes the corrections in on paper, once, and the case goes back to the department', async () => {
    const expectedRevision = await w.revisionOf(applied.number);
    const body = { expectedRevision, paper: ['sale-contract'], response: '已签字的合同原件' };
    const taken = await corrections(applied.number, body, 'correction-0001');
    expect(taken.status, JSON.stringify(taken.json)).toBe(200);
    expect(taken.json).toMatchObject({ status: 'received', correction: { suppliedOn: '2026-03-02', response: '已签字的合同原件' } });
    expect((await corrections(applied.number, body, 'correction-0001')).json.revision).toBe(taken.json.revision);
    expect((await w.queue()).map((e) => e.trackingNumber)).not.toContain(applied.number);
    expect((await h.call('GET', '/api/officer/queue', { token: w.estate })).json.map((e: { trackingNumber: string }) => e.trackingNumber)).toContain(applied.number);
    expect((await w.officerAct(applied.number, { type: 'accept' })).status).toBe(200);
  });
});
