import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { outboxHandler } from '../src/aws/outbox-stream';
import type { StoredCase } from '../src/cases/record';
import { LocalOutbox } from '../src/local-outbox';
import { CLAIM_LEASE_MS, OutboxSender, type Channel, type Notification } from '../src/notifier';
import { PDF, saleAnswers } from './files';
import { harness } from './harness';

/**
 * The messages a change sends are written into the case in the same write, and delivered after
 * it, each once: here as AWS does it (the app with no queue; the table's stream hands the case
 * to the sender, in batches Lambda may deliver again) and as the local poller does.
 */
const sent: Notification[] = [];
const channel: Channel = { deliver: async (n) => void sent.push(n) };
const h = await harness({ now: '2026-03-02T02:00:00Z', channel });
// As on Lambda: the request only writes; nothing in the app delivers.
const app = createApp({ ...h.deps, outbox: undefined });
const ITEM = '/api/items/990100/real-estate-transfer';
const DAY = '2026-03-02';

async function upload(materialId: string): Promise<string> {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new Uint8Array(PDF)], 'scan.pdf'));
  return ((await (await app.request(`${ITEM}/uploads`, { method: 'POST', body: form })).json()) as { key: string }).key;
}

/** A submission whose receipt texts `mobile` and tells the department; the case as stored, messages not yet out. */
async function submitted(mobile: string): Promise<StoredCase> {
  const materials = { application: [await upload('application')], 'title-certificate': [await upload('title-certificate')], 'sale-contract': [await upload('sale-contract')] };
  const answers = { ...saleAnswers, transferee: { ...saleAnswers.transferee, mobile } };
  const response = await app.request(`${ITEM}/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers, materials }) });
  expect(response.status).toBe(201);
  const { case: filed } = (await response.json()) as { case: { trackingNumber: string } };
  return (await h.store.getCase('990100', filed.trackingNumber))!;
}

/** A stream batch as Lambda hands it over: each case's new image. */
const batch = (...cases: StoredCase[]): DynamoDBStreamEvent => ({
  Records: cases.map((c, i) => ({ eventName: 'MODIFY', dynamodb: { SequenceNumber: String(100 + i), NewImage: marshall(c, { removeUndefinedValues: true }) as never } })),
});

const textsTo = (mobile: string) => sent.filter((n) => n.channel === 'sms' && n.to === mobile);
const recorded = async (c: StoredCase) => (await h.store.outboxOf('990100', DAY)).filter((m) => m.trackingNumber === c.trackingNumber);
async function pendingNumbers(): Promise<string[]> {
  const found: string[] = [];
  for await (const page of h.store.pendingCases()) found.push(...page.map((c) => c.trackingNumber));
  return found;
}

describe('the outbox inside a case', () => {
  it('holds the messages a submission sends, written with the case, until they are delivered', async () => {
    const c = await submitted('13900000101');
    expect(Object.values(c.outbox!).map((m) => [m.channel, m.topic]).sort()).toEqual([
      ['inSite', 'received'],
      ['sms', 'received'],
    ]);
    expect(await recorded(c)).toEqual([]);
    expect(await pendingNumbers()).toContain(c.trackingNumber);
    // The case as its officers see it has no outbox.
    const shown = await h.call('GET', `/api/officer/cases/${c.trackingNumber}`, { token: await h.token('990100', 'estate-officer') });
    expect(shown.status).toBe(200);
    expect(shown.json.case).not.toHaveProperty('outbox');
  });

  it('sends each message once though the stream hands the case over twice and another sender has it at the same time', async () => {
    const c = await submitted('13900000102');
    const handler = outboxHandler(h.store, new OutboxSender(h.store, channel));
    const results = await Promise.all([handler(batch(c)), handler(batch(c)), new OutboxSender(h.store, channel).deliver(c)]);
    expect(results.slice(0, 2)).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    expect(textsTo('13900000102')).toHaveLength(1);
    expect((await recorded(c)).map((m) => [m.channel, m.status]).sort()).toEqual([
      ['inSite', 'delivered'],
      ['sms', 'delivered'],
    ]);
    expect(await h.store.inboxOf('990100', 'dept:12370500MB1000007L')).toContainEqual(expect.objectContaining({ trackingNumber: c.trackingNumber, topic: 'received' }));
    expect((await h.store.getCase('990100', c.trackingNumber))!.outbox).toBeUndefined();
    expect(await pendingNumbers()).not.toContain(c.trackingNumber);
    // The stream's image from before the delivery, replayed later, sends nothing again.
    await handler(batch(c));
    expect(textsTo('13900000102')).toHaveLength(1);
  });

  it('leaves a message another sender has in hand, and takes over one whose sender stopped past its lease', async () => {
    const inHand = await submitted('13900000103');
    const abandoned = await submitted('13900000104');
    const smsOf = (c: StoredCase) => Object.values(c.outbox!).find((m) => m.channel === 'sms')!;
    expect(await h.store.claimMessage(smsOf(inHand), new Date().toISOString(), new Date(Date.now() - CLAIM_LEASE_MS).toISOString())).toBe('claimed');
    const longAgo = Date.now() - 2 * CLAIM_LEASE_MS;
    expect(await h.store.claimMessage(smsOf(abandoned), new Date(longAgo).toISOString(), new Date(longAgo - CLAIM_LEASE_MS).toISOString())).toBe('claimed');

    const poller = new LocalOutbox(h.store, new OutboxSender(h.store, channel));
    await poller.poll();
    expect(textsTo('13900000103')).toEqual([]);
    expect(Object.values((await h.store.getCase('990100', inHand.trackingNumber))!.outbox!).map((m) => m.channel)).toEqual(['sms']);
    expect(await recorded(inHand)).toContainEqual(expect.objectContaining({ channel: 'sms', status: 'sending' }));
    expect(textsTo('13900000104')).toHaveLength(1);
    expect(await recorded(abandoned)).toContainEqual(expect.objectContaining({ channel: 'sms', status: 'delivered' }));
    expect(await pendingNumbers()).toEqual([inHand.trackingNumber]);
  });

  it('leaves the pending index when two senders each took out part of a case’s outbox', async () => {
    const c = await submitted('13900000108');
    const [first, second] = Object.keys(c.outbox!);
    // One sender has the first message done while the other still counts both as its own.
    await h.store.messagesSent(c, [first!]);
    await h.store.messagesSent(c, [first!, second!]);
    expect((await h.store.getCase('990100', c.trackingNumber))!.outbox).toBeUndefined();
    expect(await pendingNumbers()).not.toContain(c.trackingNumber);
  });

  it('reports a case it could not deliver, so Lambda retries the batch from it; the retry sends the rest once', async () => {
    const fine = await submitted('13900000105');
    const failing = await submitted('13900000106');
    const down = new OutboxSender({ ...h.store, claimMessage: async () => Promise.reject(new Error('table unavailable')) } as never, channel);
    const flaky = outboxHandler(h.store, {
      deliver: (c: StoredCase) => (c.trackingNumber === failing.trackingNumber ? down.deliver(c) : new OutboxSender(h.store, channel).deliver(c)),
    } as OutboxSender);
    expect(await flaky(batch(fine, failing))).toEqual({ batchItemFailures: [{ itemIdentifier: '101' }] });
    expect(textsTo('13900000105')).toHaveLength(1);
    expect(textsTo('13900000106')).toEqual([]);

    await outboxHandler(h.store, new OutboxSender(h.store, channel))(batch(fine, failing));
    expect([textsTo('13900000105'), textsTo('13900000106')].map((texts) => texts.length)).toEqual([1, 1]);
  });

  it('delivers, on a schedule, whatever the stream gave up on', async () => {
    const c = await submitted('13900000107');
    await outboxHandler(h.store, new OutboxSender(h.store, channel))({ source: 'aws.events' });
    expect(textsTo('13900000107')).toHaveLength(1);
    expect(await pendingNumbers()).not.toContain(c.trackingNumber);
  });
});
