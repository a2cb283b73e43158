import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/app';
import { socketAddress } from '../../functions/src/client-address';
import { randomUUID } from 'node:crypto';
import { OutboxSender, SMS_PER_NUMBER_PER_DAY, type Channel, type Notification } from '../../functions/src/notifier';
import { PDF, saleAnswers } from '../../functions/test/files';
import { harness } from '../../functions/test/harness';
import { multipart } from './multipart';

/**
 * Anyone may name any mobile number in an anonymous form, and each submission texts it. The
 * number gets at most SMS_PER_NUMBER_PER_DAY messages a day, across every application and
 * jurisdiction; beyond that the applications still go through and the texts are withheld.
 */
const texted: Notification[] = [];
const phone: Channel = { deliver: async (n) => void texted.push(n) };
const h = await harness({ now: '2026-03-02T02:00:00Z', channel: phone });
const app = createApp({ ...h.deps, rateLimits: undefined, clientAddress: socketAddress });
/** One message as a case's outbox would hold it, delivered. */
const send = (n: Omit<Notification, 'channel'>, at: Date) => new OutboxSender(h.store, phone).send({ id: randomUUID(), at: at.toISOString(), channel: 'sms', ...n });
const ITEM = '/api/items/990100/real-estate-transfer';
const VICTIM = '13900000001';
const from = (path: string, init: RequestInit) => app.request(path, init, { incoming: { socket: { remoteAddress: '203.0.113.77' } } });

async function upload(materialId: string): Promise<string> {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new Uint8Array(PDF)], 'scan.pdf'));
  const response = await from(`${ITEM}/uploads`, await multipart(form));
  expect(response.status).toBe(201);
  return ((await response.json()) as { key: string }).key;
}

async function submitNaming(mobile: string) {
  const materials = { application: [await upload('application')], 'title-certificate': [await upload('title-certificate')], 'sale-contract': [await upload('sale-contract')] };
  const answers = { ...saleAnswers, transferee: { ...saleAnswers.transferee, mobile } };
  const response = await from(`${ITEM}/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers, materials }) });
  return { status: response.status, body: (await response.json()) as { case: { trackingNumber: string }; secret: string } };
}

describe('SMS to a number named in a form', () => {
  it('21 submissions naming one mobile at once (as the attack did, 20 in 0.7 s): every applicant gets a receipt, the number gets 5 texts', async () => {
    const results = await Promise.all(Array.from({ length: 21 }, () => submitNaming(VICTIM)));
    await h.delivered();

    // What the applicants see: every application received, each with its number and 查询码.
    for (const r of results) {
      expect(r.status).toBe(201);
      expect(r.body.case.trackingNumber).toMatch(/^990100-20260302-\d{6}$/);
      expect(r.body.secret).toBeTruthy();
    }
    // What the phone sees: five messages, then nothing.
    expect(texted.filter((n) => n.to === VICTIM)).toHaveLength(SMS_PER_NUMBER_PER_DAY);

    // What the outbox shows: the rest recorded as withheld, with the reason.
    const sms = (await h.store.outboxOf('990100', '2026-03-02')).filter((m) => m.channel === 'sms' && m.to === VICTIM);
    expect(sms).toHaveLength(21);
    expect(sms.filter((m) => m.status === 'delivered')).toHaveLength(SMS_PER_NUMBER_PER_DAY);
    const withheld = sms.filter((m) => m.status === 'withheld');
    expect(withheld).toHaveLength(21 - SMS_PER_NUMBER_PER_DAY);
    expect(withheld[0]!.error).toMatch(/^未发送：该号码今日已收到 5 条短信 \/ not sent/);
  });

  it('counts the number however it is written, in any jurisdiction; another number is texted as before', async () => {
    const at = new Date('2026-03-02T08:00:00Z');
    const before = texted.length;
    await send({ jurisdiction: '990101', to: '+86 139-0000-0001', topic: 'accepted', text: '已受理' }, at);
    await send({ jurisdiction: '990101', to: '13900000002', topic: 'accepted', text: '已受理' }, at);
    expect(texted.slice(before).map((n) => n.to)).toEqual(['13900000002']);
    expect(await h.store.outboxOf('990101', '2026-03-02')).toContainEqual(expect.objectContaining({ to: '+86 139-0000-0001', status: 'withheld' }));
  });

  it('texts the number again the next day (Shanghai time)', async () => {
    const before = texted.length;
    await send({ jurisdiction: '990100', to: VICTIM, topic: 'accepted', text: '已受理' }, new Date('2026-03-02T16:00:00Z'));
    expect(texted.slice(before).map((n) => n.to)).toEqual([VICTIM]);
  });
});
