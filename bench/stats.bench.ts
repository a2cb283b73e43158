import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseAction } from '../functions/src/cases/actions';
import { receive, transition } from '../functions/src/cases/lifecycle';
import type { CaseRecord, StoredCase } from '../functions/src/cases/record';
import { rulesFor, settle, type CaseRules } from '../functions/src/cases/service';
import { scan } from '../functions/src/cases/test-fixtures';
import { caseItem } from '../functions/src/store/store';
import { rebuildCounters } from '../functions/src/supervision/counting';
import { dashboardFigures } from '../functions/src/supervision/dashboard';
import { report } from './measure';
import { seededApp } from './seeded-app';

/**
 * The supervision page for a year of a city: CASES cases (100,000 unless set) over 2026, made
 * from a few cases taken through the real lifecycle (decided on time, decided after a 补正, not
 * accepted, still open) and copied week by week. The page reads the counters (a query per month)
 * against computing the same figures from the cases (the rebuild reads every case): the reads
 * stay 12 whatever the number of cases, and `ratio` is the page's time over the computation's.
 */
const CASES = Number(process.env.CASES ?? 100_000);
const CITY = '990100';
const { dynamo, store, deps } = await seededApp();
const doc = DynamoDBDocumentClient.from(dynamo.client, { marshallOptions: { removeUndefinedValues: true } });

const officer = { id: 'bench-officer', name: '测试科员' };
const pass: CaseAction = { type: 'completeStep', expectedRevision: 0, outcome: 'pass' };
let serial = 0;

/** A case of `itemId` received on `day` and moved by `actions`, each settled as the service does. */
async function story(itemId: string, day: string, actions: CaseAction[]): Promise<StoredCase> {
  const head = await store.getHead(CITY, itemId);
  const rules: CaseRules = await rulesFor(deps, { jurisdiction: CITY, itemId, version: head!.version });
  const { item } = rules;
  const supplied = item.materials.filter((m) => m.necessity === 'required').map((m) => ({ materialId: m.id, files: [scan] }));
  const number = `${CITY}-${day.replaceAll('-', '')}-${String(++serial).padStart(6, '0')}`;
  let c: CaseRecord = receive({ trackingNumber: number, jurisdiction: CITY, itemId, version: head!.version, answers: {}, supplied, promised: [], deferred: [] }, { item, today: day, at: `${day}T02:00:00.000Z` });
  c = settle(c, rules, day).case;
  for (const action of actions) {
    c = transition(c, action, { item, settings: rules.settings, today: day, at: `${day}T03:00:00.000Z`, actor: officer }).next;
    c = settle(c, rules, day).case;
  }
  return { ...c, secretHash: 'bench', idempotencyKey: number } as StoredCase;
}

const decided = (steps: number): CaseAction[] => [{ type: 'accept', expectedRevision: 0 }, ...Array.from({ length: steps }, () => pass)];
const templates = [
  await story('real-estate-transfer', '2026-01-05', decided(4)),
  await story('unemployment-benefit', '2026-01-05', decided(1)),
  await story('real-estate-transfer', '2026-01-06', [{ type: 'notAccept', expectedRevision: 0, reason: '不属于本机关职权范围' }]),
  await story('company-registration', '2026-01-07', [{ type: 'accept', expectedRevision: 0 }]),
];

/** A template moved `weeks` weeks later under a new number: every date in it shifts alike. */
function copy(template: StoredCase, weeks: number, n: number): StoredCase {
  const shift = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  const moved = JSON.parse(JSON.stringify(template).replace(/\d{4}-\d{2}-\d{2}/g, shift)) as StoredCase;
  return { ...moved, trackingNumber: `${CITY}-${moved.receivedOn.replaceAll('-', '')}-${String(n).padStart(6, '0')}`, idempotencyKey: `bench-${n}` };
}

const writeStart = performance.now();
const pending: Promise<unknown>[] = [];
for (let n = 0; n < CASES; n += 25) {
  const batch = Array.from({ length: Math.min(25, CASES - n) }, (_, i) => copy(templates[(n + i) % templates.length]!, ((n + i) * 7) % 51, 100_000 + n + i));
  pending.push(doc.send(new BatchWriteCommand({ RequestItems: { [store.tableName]: batch.map((c) => ({ PutRequest: { Item: caseItem(c, {}) } })) } })));
  if (pending.length >= 16) await Promise.all(pending.splice(0));
}
await Promise.all(pending);
console.log(`${CASES} cases written in ${((performance.now() - writeStart) / 1000).toFixed(1)} s`);

// From the cases: what the rebuild reads and computes (it then writes the counters the page reads).
const computeStart = performance.now();
const rebuilt = await rebuildCounters(deps, CITY, { write: true });
const computeMs = performance.now() - computeStart;

const period = { from: '2026-01-01', to: '2026-12-31' };
const pageMs: number[] = [];
let reads = 0;
let received = 0;
for (let round = 0; round < 5; round++) {
  const start = performance.now();
  const { figures, reads: r } = await dashboardFigures(deps, { jurisdiction: CITY, period, groupBy: 'department', counties: false });
  pageMs.push(performance.now() - start);
  reads = r;
  received = figures.total.counters.received;
}
if (received < CASES) throw new Error(`the page counts ${received} received of ${CASES}`);
const audit = await rebuildCounters(deps, CITY, { write: false });
if (audit.differences !== 0) throw new Error(`${audit.differences} counts differ from the cases after the rebuild`);
await dynamo.close();
const page = [...pageMs].sort((a, b) => a - b)[2]!;
report('stats', { cases: rebuilt.cases, reads_per_dashboard: reads, counter_rows: rebuilt.rows, ratio: page / computeMs, dashboard_ms: page, from_cases_ms: computeMs });
