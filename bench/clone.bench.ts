import { PutCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ZItemDefinition } from '@onevisit/item-schemas';
import { templates } from '@onevisit/item-schemas/templates';
import { cloneItems } from '../functions/src/clones';
import { summaryOf } from '../functions/src/records';
import { keys } from '../functions/src/store/keys';
import { report } from './measure';
import { seededApp } from './seeded-app';

/**
 * A county claiming 500 city items (the API's batches of 100: read each upstream head, write the
 * clone's draft and head, conditionally) against writing the same 500 drafts and heads raw on the
 * same store, same run.
 */
const ITEMS = 500;
const BATCH = 100;
const CITY = '990100';
const { dynamo, store, deps } = await seededApp();
const doc = DynamoDBDocumentClient.from(dynamo.client);
const admin = { sub: 'bench', name: 'bench', role: 'jurisdictionAdmin' as const, jurisdiction: '990121' };

// 500 published city items, from the templates under new ids.
const ids = Array.from({ length: ITEMS }, (_, i) => `bench-item-${String(i).padStart(3, '0')}`);
const now = new Date().toISOString();
for (let i = 0; i < ITEMS; i += 50) {
  await Promise.all(
    ids.slice(i, i + 50).map(async (itemId, k) => {
      const definition = ZItemDefinition.parse({ ...structuredClone(templates[(i + k) % templates.length]!), id: itemId });
      await store.createItem({ jurisdiction: CITY, itemId, revision: 1, definition: definition as never, updatedAt: now, updatedBy: 'bench' }, definition.name);
      await store.publish({ jurisdiction: CITY, itemId, version: 1, publishedAt: now, publishedBy: 'bench', definition }, summaryOf(definition), 0, 'published');
    }),
  );
}

async function cloneAll(county: string): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < ITEMS; i += BATCH) {
    const results = await cloneItems(deps, { ...admin, jurisdiction: county }, county, ids.slice(i, i + BATCH));
    if (results.some((r) => r.status !== 'cloned')) throw new Error(`a clone failed: ${JSON.stringify(results.find((r) => r.status !== 'cloned'))}`);
  }
  return (performance.now() - start) / 1000;
}

async function rawAll(jurisdiction: string): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < ITEMS; i += BATCH) {
    await Promise.all(
      ids.slice(i, i + BATCH).map(async (itemId) => {
        const draft = { jurisdiction, itemId, revision: 1, definition: {}, clone: { upstream: { jurisdiction: CITY, itemId, version: 1 }, overrides: {} }, updatedAt: now, updatedBy: 'bench' };
        await doc.send(new PutCommand({ TableName: store.tableName, Item: { ...draft, ...keys.draft(jurisdiction, itemId) } }));
        await doc.send(new PutCommand({ TableName: store.tableName, Item: { jurisdiction, itemId, state: 'draft', version: 0, draftRevision: 1, draftName: itemId, updatedAt: now, upstream: draft.clone.upstream, ...keys.itemHead(jurisdiction, itemId) } }));
      }),
    );
  }
  return (performance.now() - start) / 1000;
}

// Alternating rounds into fresh jurisdictions (each a county of the city), the median decides.
const clone: number[] = [];
const raw: number[] = [];
for (let round = 0; round < 3; round++) {
  const county = `9901${String(30 + round)}`;
  await store.putJurisdiction({ id: county, name: `基准县${round}`, level: 'county', parent: CITY });
  clone.push(await cloneAll(county));
  raw.push(await rawAll(`9902${String(30 + round)}`));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const again = await cloneItems(deps, { ...admin, jurisdiction: '990130' }, '990130', ids.slice(0, BATCH));
if (again.some((r) => r.status !== 'exists')) throw new Error('cloning again created something');
await dynamo.close();
report('clone', { ratio: median(clone) / median(raw), seconds: median(clone), raw_seconds: median(raw), items: ITEMS });
