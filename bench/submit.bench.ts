import { spawnSync } from 'node:child_process';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { EmbeddedDynamo } from '../functions/src/store/embedded';
import { saleAnswers } from '../functions/test/files';
import { startDynamoDbLocal } from '../functions/test/test-store';
import { report } from './measure';
import { SALE_ITEM, seededApp, uploadedPdf } from './seeded-app';

/**
 * Submissions through the whole app (validation, materials, deadlines, serial, the idempotency
 * claim and the case with its messages) against a raw PutItem of the same case as stored (its
 * messages and index keys too) on the same store, both at 32 requests in flight, in alternating
 * rounds. applicant_view_ratio is against a raw put of the case as the applicant is shown it
 * (smaller, and in no index), the baseline before the stored case was. The messages are delivered
 * after each round, by the local poller over the pending-messages index, and timed apart
 * (delivery_ratio: cases delivered a second against raw puts): in AWS a sender function of its
 * own delivers them from the table's stream, off the submissions' path.
 *
 * Measured on the embedded store (dynalite, which only this process writes: the claims and cases
 * of the submissions in flight go in groups checked in this process, store/exclusive-batches.ts)
 * and, where Java is installed, on DynamoDB Local: the claim, the case and its counter additions in one
 * TransactWriteItems, as in AWS, shared by the submissions that come together (group commit,
 * store/transaction-batches.ts). There raw_transactions_per_s is the claim and the case of one
 * submission sent raw as a transaction of their own: what the store allows one at a time.
 */
const CONCURRENCY = 32;
const ROUNDS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(name: string, perRound: number, store?: EmbeddedDynamo): Promise<void> {
  const { dynamo, store: table, app, outbox } = await seededApp({ messagesLater: true, ...(store ? { store } : {}) });
  const doc = DynamoDBDocumentClient.from(dynamo.client);
  const upload = (materialId: string) => uploadedPdf(app, materialId);
  const body = JSON.stringify({
    answers: saleAnswers,
    materials: { application: [await upload('application')], 'title-certificate': [await upload('title-certificate')], 'sale-contract': [await upload('sale-contract')] },
  });

  let sequence = 0;
  let sample: Record<string, unknown> | undefined;
  async function submitOnce(): Promise<number> {
    const start = performance.now();
    const response = await app.request(`${SALE_ITEM}/applications`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `bench-key-${sequence++}` }, body });
    if (response.status !== 201) throw new Error(`submission failed: ${response.status} ${await response.text()}`);
    const { case: created } = (await response.json()) as { case: Record<string, unknown> };
    sample ??= created;
    return performance.now() - start;
  }

  /**
   * The case as the submission stored it (its index keys too: the store keeps an entry in each
   * index, as for a real case), under a fresh key.
   */
  let stored: Record<string, unknown> | undefined;
  async function rawPutOnce(): Promise<number> {
    const start = performance.now();
    const n = sequence++;
    stored ??= (await doc.send(new GetCommand({ TableName: table.tableName, Key: { pk: `J#990100#CASE#${String(sample!.trackingNumber)}`, sk: 'CASE' } }))).Item!;
    // In every index the case is in, in partitions of their own (off the queues and the outbox).
    const positions = Object.fromEntries(Object.entries(stored).filter(([k]) => /^gsi\d(pk|sk)$/.test(k)).map(([k, v]) => [k, k.endsWith('pk') ? `RAW#${String(v)}` : `${String(v)}#raw-${n}`]));
    await doc.send(new PutCommand({ TableName: table.tableName, Item: { ...stored, ...positions, pk: `J#990100#CASE#raw-${n}`, sk: 'CASE', trackingNumber: `raw-${n}` } }));
    return performance.now() - start;
  }

  /** The case as the applicant is shown it (what this bench put raw before: no index keys, no messages). */
  async function rawViewPutOnce(): Promise<number> {
    const start = performance.now();
    const n = sequence++;
    await doc.send(new PutCommand({ TableName: table.tableName, Item: { ...sample, pk: `J#990100#CASE#view-${n}`, sk: 'CASE', trackingNumber: `view-${n}` } }));
    return performance.now() - start;
  }

  /** The claim and the case as one conditional transaction, as a submission writes them where the store has transactions. */
  async function rawTransactionOnce(): Promise<number> {
    const start = performance.now();
    const n = sequence++;
    const absent = { ConditionExpression: 'attribute_not_exists(pk)' };
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table.tableName, Item: { pk: `J#990100#IDEMPOTENCY#raw-${n}`, sk: 'KEY', trackingNumber: `raw-${n}`, requestHash: 'raw' }, ...absent } },
          { Put: { TableName: table.tableName, Item: { ...sample, pk: `J#990100#CASE#raw-${n}`, sk: 'CASE', trackingNumber: `raw-${n}` }, ...absent } },
        ],
      }),
    );
    return performance.now() - start;
  }

  async function run(task: () => Promise<number>, count: number): Promise<{ rate: number; latencies: number[]; cpuMs: number }> {
    const latencies: number[] = [];
    let started = 0;
    const begin = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (started++ < count) latencies.push(await task());
      }),
    );
    const used = process.cpuUsage(cpu);
    return { rate: (count * 1000) / (performance.now() - begin), latencies, cpuMs: (used.user + used.system) / 1000 / count };
  }

  /** Delivers what the round's cases hold; cases delivered a second. */
  async function deliverRound(cases: number): Promise<number> {
    const start = performance.now();
    await outbox.poll();
    for await (const left of table.pendingCases()) if (left.length > 0) throw new Error(`${left.length} cases still hold messages after delivery`);
    return (cases * 1000) / (performance.now() - start);
  }

  await run(submitOnce, 64); // warm-up, and the sample document
  await deliverRound(64);
  await run(rawPutOnce, 64);
  await run(rawViewPutOnce, 64);
  if (table.transactions) await run(rawTransactionOnce, 64);
  const submits: number[] = [];
  const raw: number[] = [];
  const rawViews: number[] = [];
  const submitCpu: number[] = [];
  const rawCpu: number[] = [];
  const transactions: number[] = [];
  const delivered: number[] = [];
  const latencies: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const a = await run(submitOnce, perRound);
    submits.push(a.rate);
    submitCpu.push(a.cpuMs);
    latencies.push(...a.latencies);
    delivered.push(await deliverRound(perRound));
    const b = await run(rawPutOnce, perRound);
    raw.push(b.rate);
    rawCpu.push(b.cpuMs);
    rawViews.push((await run(rawViewPutOnce, perRound)).rate);
    if (table.transactions) transactions.push((await run(rawTransactionOnce, perRound)).rate);
  }
  const sorted = latencies.sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  await dynamo.close();
  report(name, {
    ratio: median(submits) / median(raw),
    submits_per_s: median(submits),
    raw_puts_per_s: median(raw),
    applicant_view_ratio: median(submits) / median(rawViews),
    ...(table.transactions ? { raw_transactions_per_s: median(transactions) } : {}),
    delivery_ratio: median(delivered) / median(raw),
    // This process's CPU per raw put over that per submission: with the store in this process
    // (dynalite), what decides the ratio on an idle machine, and steadier than it on a busy one.
    ...(store ? {} : { cpu_ratio: median(rawCpu) / median(submitCpu), cpu_ms_per_submission: median(submitCpu), cpu_ms_per_raw_put: median(rawCpu) }),
    p50_ms: pct(50),
    p99_ms: pct(99),
    concurrency: CONCURRENCY,
  });
}

await measure('submit', 640);
if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0) await measure('submit_dynamodb_local', 320, await startDynamoDbLocal());
else console.log('# submit_dynamodb_local: no java, not measured');
