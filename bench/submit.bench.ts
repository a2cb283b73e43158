import { PutCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { saleAnswers } from '../functions/test/files';
import { report } from './measure';
import { SALE_ITEM, seededApp, uploadedPdf } from './seeded-app';

/**
 * Submissions through the whole app (validation, materials, deadlines, idempotency claim,
 * serial, the case with its messages in one write) against a raw PutItem of the same case
 * document on the same embedded store, both at 32 requests in flight, in alternating rounds.
 * The messages are delivered after each round, by the local poller over the pending-messages
 * index, and timed apart (delivery_ratio: cases delivered a second against raw puts): in AWS a
 * sender function of its own delivers them from the table's stream, off the submissions' path.
 */
const CONCURRENCY = 32;
const PER_ROUND = 640;
const ROUNDS = 3;

const { dynamo, store, app, outbox } = await seededApp({ messagesLater: true });
const doc = DynamoDBDocumentClient.from(dynamo.client);

const ITEM = SALE_ITEM;
const upload = (materialId: string) => uploadedPdf(app, materialId);
const body = JSON.stringify({
  answers: saleAnswers,
  materials: { application: [await upload('application')], 'title-certificate': [await upload('title-certificate')], 'sale-contract': [await upload('sale-contract')] },
});

let sequence = 0;
async function submitOnce(): Promise<number> {
  const start = performance.now();
  const response = await app.request(`${ITEM}/applications`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `bench-key-${sequence++}` }, body });
  if (response.status !== 201) throw new Error(`submission failed: ${response.status} ${await response.text()}`);
  const { case: created } = (await response.json()) as { case: Record<string, unknown> };
  sample ??= created;
  return performance.now() - start;
}
let sample: Record<string, unknown> | undefined;

async function rawPutOnce(): Promise<number> {
  const start = performance.now();
  const n = sequence++;
  await doc.send(new PutCommand({ TableName: store.tableName, Item: { ...sample, pk: `J#990100#CASE#raw-${n}`, sk: 'CASE', trackingNumber: `raw-${n}` } }));
  return performance.now() - start;
}

async function run(task: () => Promise<number>, count: number): Promise<{ rate: number; latencies: number[] }> {
  const latencies: number[] = [];
  let started = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (started++ < count) latencies.push(await task());
    }),
  );
  return { rate: (count * 1000) / (performance.now() - begin), latencies };
}

/** Delivers what the round's cases hold; cases delivered a second. */
async function deliverRound(cases: number): Promise<number> {
  const start = performance.now();
  await outbox.poll();
  for await (const left of store.pendingCases()) if (left.length > 0) throw new Error(`${left.length} cases still hold messages after delivery`);
  return (cases * 1000) / (performance.now() - start);
}

await run(submitOnce, 64); // warm-up, and the sample document
await deliverRound(64);
await run(rawPutOnce, 64);
const app_: number[] = [];
const raw: number[] = [];
const delivered: number[] = [];
const latencies: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const a = await run(submitOnce, PER_ROUND);
  app_.push(a.rate);
  latencies.push(...a.latencies);
  delivered.push(await deliverRound(PER_ROUND));
  raw.push((await run(rawPutOnce, PER_ROUND)).rate);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sorted = latencies.sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
await dynamo.close();
report('submit', {
  ratio: median(app_) / median(raw),
  submits_per_s: median(app_),
  raw_puts_per_s: median(raw),
  delivery_ratio: median(delivered) / median(raw),
  p50_ms: pct(50),
  p99_ms: pct(99),
  concurrency: CONCURRENCY,
});
