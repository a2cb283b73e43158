import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredCase } from '../functions/src/cases/record';
import { rulesFor, settle } from '../functions/src/cases/service';
import { sweep } from '../functions/src/cases/sweep';
import { caseItem } from '../functions/src/store/store';
import { saleAnswers } from '../functions/test/files';
import { report } from './measure';
import { SALE_ITEM, seededApp, uploadedPdf } from './seeded-app';

/**
 * The sweep over 100,000 open cases of which about 1% have a warning or deadline today. It must
 * read only those (reads per due case ≤ 1.2); the baseline is what a sweep without the sparse
 * index would do: scan the table and filter, in the same run, on the same store.
 */
const CASES = Number(process.env.SWEEP_CASES ?? 100_000);
const DUE_EVERY = 100;
const TODAY = '2026-03-10'; // a Tuesday
const THREE_WORKDAYS_EARLIER = '2026-03-05';

const { dynamo, store, deps, app } = await seededApp();
deps.clock = () => new Date(`${TODAY}T02:00:00Z`);
const doc = DynamoDBDocumentClient.from(dynamo.client, { marshallOptions: { removeUndefinedValues: true } });

// Every item a read examines, whatever the command: what DynamoDB bills and the sweep must keep small.
let reads = 0;
let scans = 0;
dynamo.client.middlewareStack.add(
  (next, context) => async (args) => {
    const result = await next(args);
    const output = (result.output ?? {}) as { ScannedCount?: number; Item?: unknown; Responses?: Record<string, unknown[]> };
    if (context.commandName === 'ScanCommand') scans++;
    if (typeof output.ScannedCount === 'number') reads += output.ScannedCount;
    else if (output.Item) reads += 1;
    else if (output.Responses) reads += Object.values(output.Responses).reduce((n, items) => n + items.length, 0);
    return result;
  },
  { step: 'initialize', name: 'countReads' },
);

// One real case through the app, as the template of the rest.
const ITEM = SALE_ITEM;
const upload = (materialId: string) => uploadedPdf(app, materialId);
const materials = Object.fromEntries(await Promise.all(['application', 'title-certificate', 'sale-contract', 'survey-report'].map(async (id) => [id, [await upload(id)]])));
const created = await app.request(`${ITEM}/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: saleAnswers, materials }) });
const body = (await created.json()) as { case?: { trackingNumber: string } };
if (!body.case) throw new Error(`the template case was refused: ${JSON.stringify(body)}`);
const template = (await store.getCase('990100', body.case.trackingNumber))!;
const rules = await rulesFor(deps, template);

/** An accepted case: due ones were accepted three working days ago and sit past their step's limit. */
function openCase(i: number): StoredCase {
  const due = i % DUE_EVERY === 0;
  const accepted = due ? THREE_WORKDAYS_EARLIER : TODAY;
  return {
    ...template,
    trackingNumber: `990100-20260301-${String(i).padStart(6, '0')}`,
    status: 'inProcess',
    acceptedOn: accepted,
    step: { index: 1, name: '审核', role: '登记审核岗', startedOn: accepted },
  };
}

const started = performance.now();
let dueCases = 0;
const batches: Array<Record<string, unknown>[]> = [];
for (let i = 0; i < CASES; i += 25) {
  batches.push(
    Array.from({ length: Math.min(25, CASES - i) }, (_, k) => {
      const settled = settle(openCase(i + k), rules, TODAY);
      if (settled.nextCheck && settled.nextCheck <= TODAY) dueCases++;
      return caseItem(settled.case, settled);
    }),
  );
}
for (let b = 0; b < batches.length; b += 16) {
  await Promise.all(batches.slice(b, b + 16).map((items) => doc.send(new BatchWriteCommand({ RequestItems: { [store.tableName]: items.map((Item) => ({ PutRequest: { Item } })) } }))));
}
console.log(`loaded ${CASES} open cases (${dueCases} due on ${TODAY}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

reads = 0;
let begin = performance.now();
const first = await sweep(deps);
const sweepSeconds = (performance.now() - begin) / 1000;
const sweepReads = reads;
const sweepScans = scans;

reads = 0;
const second = await sweep(deps);
const secondReads = reads;

// Baseline: the same question answered by scanning every case.
reads = 0;
begin = performance.now();
let found = 0;
let start: Record<string, unknown> | undefined;
do {
  const page = await doc.send(new ScanCommand({ TableName: store.tableName, FilterExpression: 'begins_with(pk, :cases) AND #status = :open', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':cases': 'J#990100#CASE#', ':open': 'inProcess' }, ExclusiveStartKey: start }));
  found += page.Items?.length ?? 0;
  start = page.LastEvaluatedKey;
} while (start);
const scanSeconds = (performance.now() - begin) / 1000;
const scanReads = reads;
await dynamo.close();

if (sweepScans > 0) throw new Error('the sweep scanned the table');
if (first.changed < dueCases) throw new Error(`the sweep changed ${first.changed} of ${dueCases} due cases`);
if (second.changed !== 0) throw new Error(`a second run changed ${second.changed} cases`);
console.log(`first run ${JSON.stringify(first)}; second run read ${second.read} and changed ${second.changed}; a scan examined ${scanReads} items to find ${found} open ones`);
report('sweep', {
  reads_per_due: sweepReads / dueCases,
  seconds: sweepSeconds,
  due_cases: dueCases,
  second_run_reads: secondReads,
  scan_reads_per_due: scanReads / dueCases,
  scan_seconds: scanSeconds,
  ratio: sweepSeconds / scanSeconds,
});
