import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { saleAnswers } from './files';
import { harness } from './harness';

/**
 * A submission adds to the supervision counters exactly once, whether it comes alone, with many
 * others at once (which share the store's writes), retried under its key, or its write is
 * cancelled by the store and tried again: in the case's own transaction where the store has
 * transactions (DynamoDB Local under `npm run test:conformance`), right after the case on the
 * embedded store. The counters always equal a rebuild from the cases.
 */
const h = await harness({ now: '2026-03-03T02:00:00Z' });
const CITY = '990100';
const ITEM = `/api/items/${CITY}/real-estate-transfer`;
const DAY = '2026-03-03';
const admin = (await h.adminTokens()).admin;
// The seeded cases counted as a rebuild counts them, so the audit below compares like with like.
expect((await h.call('POST', `/api/admin/${CITY}/supervision/rebuild?write=1`, { token: admin })).status).toBe(200);

async function application() {
  const upload = (materialId: string) => h.uploaded(CITY, 'real-estate-transfer', materialId);
  return { answers: saleAnswers, materials: { application: [await upload('application')], 'title-certificate': [await upload('title-certificate')], 'sale-contract': [await upload('sale-contract')] } };
}

const submit = (body: unknown, key: string) => h.call('POST', `${ITEM}/applications`, { body, headers: { 'idempotency-key': key } });

/** The day's 收件 as the counters hold them, and whether a rebuild from the cases finds them right. */
async function received(): Promise<{ received: number; differences: number }> {
  const { rows } = await h.store.readCounts(CITY, DAY, DAY);
  const audit = await h.call('POST', `/api/admin/${CITY}/supervision/rebuild`, { token: admin });
  expect(audit.status).toBe(200);
  return { received: rows.reduce((sum, r) => sum + (r.counts.received ?? 0), 0), differences: audit.json.differences };
}

/**
 * The next write of a case fails once as the store would have it fail: a transaction cancelled by
 * another in flight on the same records (stores with transactions), or a put (alone or in a batch
 * of cases) the store could not complete (the embedded store).
 */
function failNextCaseWrite(): void {
  const name = 'failNextCaseWrite';
  h.client.middlewareStack.add(
    (next) => async (args) => {
      // Marshalled or not, as the document client has it at this step.
      type Puts = { Put?: { Item?: Record<string, unknown> } }[];
      const input = args.input as { TransactItems?: Puts; Item?: Record<string, unknown>; RequestItems?: Record<string, unknown> };
      // A batch write's requests (a batch read's are not a list).
      const requests = Object.values(input.RequestItems ?? {}).filter(Array.isArray) as { PutRequest?: { Item?: Record<string, unknown> } }[][];
      const batched = requests.flat().map((r) => ({ Put: r.PutRequest }));
      const items = input.TransactItems ?? (input.Item ? [{ Put: { Item: input.Item } }] : batched);
      const isCase = (sk: unknown) => sk === 'CASE' || (sk as { S?: string } | undefined)?.S === 'CASE';
      if (!items.some((i) => isCase(i.Put?.Item?.sk))) return next(args);
      h.client.middlewareStack.remove(name);
      if (!input.TransactItems) throw Object.assign(new Error('injected: the store could not complete the write'), { name: 'InternalServerError', $fault: 'server' });
      throw new TransactionCanceledException({ message: 'injected: transaction conflict', $metadata: {}, CancellationReasons: items.map(() => ({ Code: 'TransactionConflict' })) });
    },
    { step: 'initialize', name },
  );
}

describe('a submission’s counts', () => {
  it('are added once for each of many submissions sent at once, and once for ten sent under one key', async () => {
    const before = await received();
    const body = await application();
    const answers = await Promise.all([...Array.from({ length: 20 }, (_, i) => submit(body, `counts-many-${String(i).padStart(2, '0')}`)), ...Array.from({ length: 10 }, () => submit(body, 'counts-burst-01'))]);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(21);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(9);
    expect(await received()).toEqual({ received: before.received + 21, differences: 0 });
  });

  it('are added once when the case’s write fails and is tried again', async () => {
    const before = await received();
    const body = await application();
    failNextCaseWrite();
    const first = await submit(body, 'counts-failed-01');
    // A cancelled transaction is tried again by the store; a put that failed outright is the client's to retry.
    expect(first.status).toBe(h.store.transactions ? 201 : 500);
    const filed = first.status === 201 ? first : await submit(body, 'counts-failed-01');
    expect(filed.status).toBe(201);
    const again = await submit(body, 'counts-failed-01');
    expect(again.json.case.trackingNumber).toBe(filed.json.case.trackingNumber);
    expect(await received()).toEqual({ received: before.received + 1, differences: 0 });
  });
});
