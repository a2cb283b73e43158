import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { MODEL_VERSION, migrateDefinition, ZItemDefinition } from '@onevisit/item-schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import fixture from '../../item-schemas/test/fixtures/model-v1-real-estate-transfer.json' with { type: 'json' };
import { startEmbeddedDynamo } from '../src/store/embedded';
import { migrateStoredItems } from '../src/store/item-migration';
import { keys } from '../src/store/keys';
import { Store } from '../src/store/store';
import { TableAccess } from '../src/store/table-access';
import { saleAnswers } from './files';
import { harness } from './harness';

/**
 * Items stored with the first item model (no modelVersion, 网办深度 a level, 行政备案 under 21),
 * written into the embedded store as that model wrote them, then used through the API: listed,
 * their citizen page rendered, a case filed, the draft loaded, edited and published, the case
 * still worked by its officer; `npm run migrate`'s rewrite makes every record current, and a
 * second run changes nothing.
 */

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const cityTable = new TableAccess(h.client, h.store.tableName);
let admin: string;
let officer: string;

/** A definition as the first model published it: parsed, defaults applied, nothing the second model added. */
function publishedV1(definition: Record<string, unknown>): Record<string, unknown> {
  const { modelVersion: _, themes: _t, serviceOptions: _s, jointDepartments: _j, ...rest } = ZItemDefinition.parse(migrateDefinition(structuredClone(definition)));
  return { ...rest, itemType: definition.itemType, onlineDepth: definition.onlineDepth, meta: { version: 1, publishedAt: '2026-01-05T02:00:00.000Z', publishedBy: 'city-admin' } };
}

/** An item as the first model stored it: its head (with the catalogue's summary of then), draft and version 1. */
async function storeV1Item(itemId: string, changes: Record<string, unknown>, table = cityTable) {
  const definition = { ...structuredClone(fixture), ...changes, id: itemId } as Record<string, unknown>;
  const at = '2026-01-05T02:00:00.000Z';
  const summary = {
    name: definition.name,
    itemType: definition.itemType,
    caseType: 'promised',
    department: { name: '示范市不动产登记中心', creditCode: '12370500MB1000007L' },
    legalLimit: { value: 30, unit: 'workday' },
    promisedLimit: { value: 5, unit: 'workday' },
    maxVisits: 1,
    charged: true,
    onlineDepth: definition.onlineDepth,
  };
  await table.put(keys.itemHead(CITY, itemId), { jurisdiction: CITY, itemId, state: 'published', version: 1, draftRevision: 1, publishedRevision: 1, draftName: definition.name, published: summary, updatedAt: at });
  await table.put(keys.draft(CITY, itemId), { jurisdiction: CITY, itemId, revision: 1, definition, updatedAt: at, updatedBy: 'city-admin' });
  await table.put(keys.version(CITY, itemId, 1), { jurisdiction: CITY, itemId, version: 1, publishedAt: at, publishedBy: 'city-admin', changeNote: '首次发布', definition: publishedV1(definition) });
}

/** Every item record of the city as stored, by key. */
async function storedItems(): Promise<Record<string, Record<string, unknown>>> {
  const all: Record<string, Record<string, unknown>> = {};
  let start: Record<string, never> | undefined;
  do {
    const page = await h.client.send(new ScanCommand({ TableName: h.store.tableName, ExclusiveStartKey: start }));
    for (const raw of page.Items ?? []) {
      const item = unmarshall(raw);
      if (String(item.pk).startsWith(`J#${CITY}#ITEM`)) all[`${item.pk}|${item.sk}`] = item;
    }
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  return all;
}

beforeAll(async () => {
  admin = await h.token(CITY, 'city-admin');
  officer = await h.token(CITY, 'estate-officer');
  await storeV1Item('old-transfer', {});
  await storeV1Item('old-filing', { name: '不动产登记备案(旧模型)', catalogCode: '370500-BA-0601', itemType: '21', onlineDepth: '3' });
});

describe('items stored with the first item model', () => {
  let trackingNumber: string;

  it('are listed in the catalogue in the current codes: 行政备案 as 11, 网办深度 as its level', async () => {
    const catalogue = (await h.call('GET', `/api/catalog?jurisdiction=${CITY}`)).json as Array<Record<string, unknown>>;
    expect(catalogue.find((e) => e.itemId === 'old-transfer')).toMatchObject({ version: 1, itemType: '07', onlineLevel: '2' });
    expect(catalogue.find((e) => e.itemId === 'old-filing')).toMatchObject({ itemType: '11', onlineLevel: '3' });
    expect(catalogue.find((e) => e.itemId === 'old-filing')).not.toHaveProperty('onlineDepth');
    expect((await h.call('GET', `/api/catalog?jurisdiction=${CITY}&type=11`)).json.map((e: { itemId: string }) => e.itemId)).toContain('old-filing');
  });

  it('render their citizen page and take an application under version 1', async () => {
    const page = await h.call('GET', `/apply/${CITY}/old-transfer`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('不动产转移登记');
    expect(page.text).toContain('不动产登记申请书');
    const materials: Record<string, string[]> = {};
    for (const id of ['application', 'title-certificate', 'sale-contract', 'survey-report']) materials[id] = [await h.uploaded(CITY, 'old-transfer', id)];
    const filed = await h.call('POST', `/api/items/${CITY}/old-transfer/applications`, { body: { answers: saleAnswers, materials } });
    expect(filed.status).toBe(201);
    trackingNumber = filed.json.case.trackingNumber;
  });

  it('load their draft in the current model, save an edit and publish version 2', async () => {
    const draft = await h.call('GET', `/api/admin/${CITY}/items/old-transfer/draft`, { token: admin });
    expect(draft.status).toBe(200);
    expect(draft.json.definition).toMatchObject({ modelVersion: MODEL_VERSION, onlineDepth: ['1', '2', '3'], itemType: '07' });
    const edited = { ...draft.json.definition, acceptanceConditions: '不动产权属清楚、无查封等限制' };
    const saved = await h.call('PUT', `/api/admin/${CITY}/items/old-transfer/draft`, { token: admin, body: edited, headers: { 'if-match': '"1"' } });
    expect(saved.status).toBe(200);
    const published = await h.call('POST', `/api/admin/${CITY}/items/old-transfer/publish`, { token: admin, body: { changeNote: '补充受理条件' }, headers: { 'if-match': '"2"' } });
    expect(published.status, JSON.stringify(published.json)).toBe(201);
    expect(published.json.version).toBe(2);
    expect(published.json.definition).toMatchObject({ modelVersion: MODEL_VERSION, acceptanceConditions: '不动产权属清楚、无查封等限制' });
  });

  it('keep version 1 as it was, read in the current model, and its case workable by the officer', async () => {
    const v1 = await h.call('GET', `/api/admin/${CITY}/items/old-transfer/versions/1`, { token: admin });
    expect(v1.status).toBe(200);
    expect(v1.json.definition).toMatchObject({ modelVersion: MODEL_VERSION, onlineDepth: ['1', '2', '3'] });
    expect(v1.json.definition).not.toHaveProperty('acceptanceConditions');
    const c = await h.call('GET', `/api/officer/cases/${trackingNumber}`, { token: officer });
    expect(c.status).toBe(200);
    expect(c.json.case).toMatchObject({ trackingNumber, version: 1 });
    const accepted = await h.call('POST', `/api/officer/cases/${trackingNumber}/actions`, { token: officer, body: { expectedRevision: c.json.case.revision, type: 'accept' } });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
  });

  it('are rewritten in the current model by the migration, and a second run changes nothing', async () => {
    const first = await migrateStoredItems(h.client, h.store.tableName);
    // old-transfer's draft was saved in the current model; its version 1 and all of old-filing were not.
    expect(first).toMatchObject({ modelVersion: MODEL_VERSION, drafts: { migrated: 1 }, versions: { migrated: 2 }, heads: { migrated: 1 } });
    const stored = await storedItems();
    for (const [key, record] of Object.entries(stored)) {
      if (record.definition) expect((record.definition as { modelVersion?: number }).modelVersion, key).toBe(MODEL_VERSION);
    }
    const filing = stored[`${keys.itemHead(CITY, 'old-filing').pk}|old-filing`]!;
    expect(filing.published).toMatchObject({ itemType: '11', onlineLevel: '3' });
    expect(stored[`${keys.version(CITY, 'old-filing', 1).pk}|${keys.version(CITY, 'old-filing', 1).sk}`]!.definition).toMatchObject({ itemType: '11', onlineDepth: ['1', '2', '3', '4'] });

    const second = await migrateStoredItems(h.client, h.store.tableName);
    expect(second).toMatchObject({ drafts: { migrated: 0 }, versions: { migrated: 0 }, heads: { migrated: 0 } });
    expect(second.drafts.read).toBe(first.drafts.read);
    expect(await storedItems()).toEqual(stored);
  });
});

describe('npm run migrate', () => {
  const migrate = (dataDir: string) => {
    const run = spawnSync('npm', ['run', '--silent', 'migrate'], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8', env: { ...process.env, ONEVISIT_DATA: dataDir } });
    return { code: run.status, out: run.stdout, err: run.stderr };
  };

  it('rewrites the local data folder, says how many, then finds nothing to do; refuses a folder the server holds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onevisit-migrate-'));
    const open = () => startEmbeddedDynamo({ path: join(dataDir, 'db'), socket: join(dataDir, 'store.sock') });
    const dynamo = await open();
    const store = new Store(dynamo.client, 'onevisit');
    await store.ensureTable();
    await store.putJurisdiction({ id: CITY, name: '示范市', level: 'city' });
    await storeV1Item('old-transfer', {}, new TableAccess(dynamo.client, 'onevisit'));
    await dynamo.close();

    const first = migrate(dataDir);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('草稿 drafts: 1 / 1');
    expect(first.out).toContain('已发布版本 published versions: 1 / 1');
    expect(first.out).toContain('共改写 3 条记录 / 3 records rewritten');
    expect(migrate(dataDir).out).toContain('已全部是当前模型，未改动任何记录 / everything was current: nothing changed');

    const held = await open();
    try {
      const refused = migrate(dataDir);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('请先停止 npm start 再迁移');
    } finally {
      await held.close();
    }
  }, 120_000); // it runs the migrate command three times, each a process of its own
});
