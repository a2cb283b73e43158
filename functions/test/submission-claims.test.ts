import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { StoredCase } from '../src/cases/record';
import { ConflictError } from '../src/store/store';
import { saleAnswers } from './files';
import { harness } from './harness';

/**
 * A submission's Idempotency-Key is claimed in the same write as its case: one TransactWriteItems
 * where the store has transactions (DynamoDB Local under `npm run test:conformance`, as DynamoDB
 * in AWS), two conditional puts on the embedded store. Either way a key stands for one case.
 */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const ITEM = `/api/items/${CITY}/real-estate-transfer`;
const DAY = '2026-03-02';

async function application(answers: Record<string, unknown> = saleAnswers) {
  const upload = (materialId: string) => h.uploaded(CITY, 'real-estate-transfer', materialId);
  return { answers, materials: { application: [await upload('application')], 'title-certificate': [await upload('title-certificate')], 'sale-contract': [await upload('sale-contract')] } };
}

const submit = (body: unknown, key: string) => h.call('POST', `${ITEM}/applications`, { body, headers: { 'idempotency-key': key } });

/** What the table holds for a key: whether it is claimed, and the cases filed under it. */
async function recordsOf(key: string): Promise<{ claimed: boolean; cases: StoredCase[] }> {
  const claim = await h.client.send(new GetItemCommand({ TableName: h.store.tableName, Key: { pk: { S: `J#${CITY}#IDEMPOTENCY#${key}` }, sk: { S: 'KEY' } }, ConsistentRead: true }));
  const { cases } = await h.store.searchCases(CITY, { from: DAY, to: DAY }, { limit: 1000, maxRead: 10_000 });
  return { claimed: claim.Item !== undefined, cases: cases.filter((c) => c.idempotencyKey === key) };
}

describe('an idempotency key', () => {
  it('answers a retry with the case its first attempt made, 查询码 and all', async () => {
    const body = await application();
    const first = await submit(body, 'claims-retry-01');
    expect(first.status).toBe(201);
    const retry = await submit(body, 'claims-retry-01');
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    const records = await recordsOf('claims-retry-01');
    expect(records.claimed).toBe(true);
    expect(records.cases.map((c) => c.trackingNumber)).toEqual([first.json.case.trackingNumber]);
  });

  it('makes one case, one claim and one receipt SMS of ten submissions sent at once under it', async () => {
    const body = await application();
    const answers = await Promise.all(Array.from({ length: 10 }, () => submit(body, 'claims-burst-01')));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const [number] = new Set(answers.map((a) => a.json.case.trackingNumber));
    expect(new Set(answers.map((a) => `${a.json.case.trackingNumber} ${a.json.secret}`)).size).toBe(1);
    const records = await recordsOf('claims-burst-01');
    expect(records.claimed).toBe(true);
    expect(records.cases.map((c) => c.trackingNumber)).toEqual([number]);
    await h.delivered();
    const sms = (await h.store.outboxOf(CITY, DAY)).filter((m) => m.channel === 'sms' && m.trackingNumber === number);
    expect(sms).toHaveLength(1);
  });

  it('refuses another application under a key already used, changing nothing', async () => {
    const first = await submit(await application(), 'claims-other-01');
    expect(first.status).toBe(201);
    const body = await application({ ...saleAnswers, price: 99 });
    const before = await h.recordCount();
    const other = await submit(body, 'claims-other-01');
    expect(other.status).toBe(409);
    expect(other.json).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: '该请求标识已用于另一份不同的申请' });
    expect(await h.recordCount()).toBe(before);
    const records = await recordsOf('claims-other-01');
    expect(records.cases).toEqual([expect.objectContaining({ trackingNumber: first.json.case.trackingNumber, answers: expect.objectContaining({ price: saleAnswers.price }) })]);
  });

  it('is not claimed when its case cannot be written, so the next attempt files the application afresh', async () => {
    const made = await submit(await application(), 'claims-taken-01');
    const taken = (await h.store.getCase(CITY, made.json.case.trackingNumber))!;
    // A case whose number is taken already: its write fails its condition.
    const refused = await h.store.saveClaimedCase({ ...taken, idempotencyKey: 'claims-taken-02' }, {}, { key: 'claims-taken-02', requestHash: 'h' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).existing).toMatchObject({ trackingNumber: taken.trackingNumber, idempotencyKey: 'claims-taken-01' });
    expect(await recordsOf('claims-taken-02')).toEqual({ claimed: false, cases: [] });

    const afresh = await submit(await application(), 'claims-taken-02');
    expect(afresh.status).toBe(201);
    expect(afresh.json.case.trackingNumber).not.toBe(taken.trackingNumber);
    expect((await recordsOf('claims-taken-02')).cases).toHaveLength(1);
  });
  it('refuses only the case whose number is taken among cases written at the same moment, each with its own claim', async () => {
    const made = await submit(await application(), 'claims-shared-00');
    const taken = (await h.store.getCase(CITY, made.json.case.trackingNumber))!;
    // Numbers far above any the day issued, and the taken one among them: where the store has
    // transactions, the last few share one, which the taken number cancels.
    const numbers = [1, 2, 3, 4, 5, taken.trackingNumber, 6].map((n) => (typeof n === 'string' ? n : `${CITY}-20260302-${String(990000 + n).padStart(6, '0')}`));
    const results = await Promise.allSettled(numbers.map((trackingNumber, i) => h.store.saveClaimedCase({ ...taken, trackingNumber, idempotencyKey: `claims-shared-1${i}` }, {}, { key: `claims-shared-1${i}`, requestHash: 'h' })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[5] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    for (const [i, trackingNumber] of numbers.entries()) {
      const records = await recordsOf(`claims-shared-1${i}`);
      expect(records).toEqual(i === 5 ? { claimed: false, cases: [] } : { claimed: true, cases: [expect.objectContaining({ trackingNumber })] });
    }
  });
});
