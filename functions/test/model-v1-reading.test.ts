import { MODEL_VERSION, migrateDefinition, runPublishChecks, ZItemDefinition } from '@onevisit/item-schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import fixture from '../../item-schemas/test/fixtures/model-v1-real-estate-transfer.json' with { type: 'json' };
import { keys } from '../src/store/keys';
import { TableAccess } from '../src/store/table-access';
import { harness } from './harness';

/**
 * An item stored with the first item model knows nothing of the elements the national list added
 * (服务主题, 联办机构, 服务选项, 计划日期, 受理条件 …): whatever reads it (the citizen pages, the
 * checklist, the publish checks, exports, the version history) takes those as not filled in, so
 * it shows, exports and publishes as it did, with nothing said about elements nobody wrote.
 */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const ITEM = 'v1-transfer';
let admin: string;

/** The definition the first model published: parsed then, so without what the current model defaults. */
function publishedV1(): Record<string, unknown> {
  const { modelVersion: _, themes: _t, serviceOptions: _s, jointDepartments: _j, ...rest } = ZItemDefinition.parse(migrateDefinition(structuredClone(fixture)));
  return { ...rest, itemType: fixture.itemType, onlineDepth: fixture.onlineDepth, meta: { version: 1, publishedAt: '2026-01-05T02:00:00.000Z', publishedBy: 'city-admin' } };
}

beforeAll(async () => {
  admin = await h.token(CITY, 'city-admin');
  const table = new TableAccess(h.client, h.store.tableName);
  // A code of its own: the seeded 不动产转移登记 has the fixture's, and an import would not know which was meant.
  const definition = { ...structuredClone(fixture), id: ITEM, catalogCode: '370500-QR-0699' };
  const at = '2026-01-05T02:00:00.000Z';
  const summary = { name: fixture.name, itemType: fixture.itemType, caseType: 'promised', department: fixture.department, legalLimit: fixture.legalLimit, promisedLimit: fixture.promisedLimit, maxVisits: 1, charged: true, onlineDepth: fixture.onlineDepth };
  await table.put(keys.itemHead(CITY, ITEM), { jurisdiction: CITY, itemId: ITEM, state: 'published', version: 1, draftRevision: 1, publishedRevision: 1, draftName: fixture.name, published: summary, updatedAt: at });
  await table.put(keys.draft(CITY, ITEM), { jurisdiction: CITY, itemId: ITEM, revision: 1, definition, updatedAt: at, updatedBy: 'city-admin' });
  await table.put(keys.version(CITY, ITEM, 1), { jurisdiction: CITY, itemId: ITEM, version: 1, publishedAt: at, publishedBy: 'city-admin', changeNote: '首次发布', definition: { ...publishedV1(), id: ITEM, catalogCode: '370500-QR-0699' } });
});

async function page(path: string) {
  const response = await h.app.request(path);
  return { status: response.status, html: (await response.text()).replace(/<!-- -->/g, '') };
}

/** What a reader sees of a page. */
const visibleText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('an item version stored with model version 1', () => {
  it('renders its apply page and checklist in both languages, saying nothing of the elements it lacks', async () => {
    for (const path of [`/apply/${CITY}/${ITEM}`, `/apply/${CITY}/${ITEM}/checklist`]) {
      for (const lang of ['', '?lang=en']) {
        const shown = await page(`${path}${lang}`);
        expect(shown.status, `${path}${lang}`).toBe(200);
        const text = visibleText(shown.html);
        expect(text).toContain(lang ? 'Materials' : '申请材料');
        expect(text).not.toMatch(/undefined|null|NaN|\[object/);
        expect(text).not.toMatch(/计划生效日期|计划取消日期|不接受网上申请|planned effective|takes no applications online/);
      }
    }
  });

  it('gives its checklist through the API without dates, taken online', async () => {
    const listed = await h.call('POST', `/api/items/${CITY}/${ITEM}/checklist`, { body: { answers: {} } });
    expect(listed.status).toBe(200);
    expect(listed.json.online).toBe(true);
    expect(listed.json).not.toHaveProperty('effectiveFrom');
    expect(listed.json).not.toHaveProperty('plannedCancelOn');
  });

  it('passes the publish checks as stored, its draft and its published version alike', async () => {
    expect(runPublishChecks(structuredClone(fixture)).issues).toEqual([]);
    const v1 = await h.call('GET', `/api/admin/${CITY}/items/${ITEM}/versions/1`, { token: admin });
    expect(v1.status).toBe(200);
    expect(runPublishChecks(v1.json.definition).issues).toEqual([]);
  });

  it('exports with the new elements empty or at their defaults, and re-imports as unchanged', async () => {
    const exported = await h.call('GET', `/api/admin/${CITY}/exports?format=json&items=${ITEM}`, { token: admin });
    expect(exported.status).toBe(200);
    const item = exported.json.items[0];
    expect(item).toMatchObject({ 事项名称: '不动产转移登记', 是否支持预约: false, 是否进驻政务大厅: true });
    expect(JSON.stringify(item)).not.toMatch(/undefined|null/);
    for (const format of ['csv', 'xlsx']) expect((await h.call('GET', `/api/admin/${CITY}/exports?format=${format}&items=${ITEM}`, { token: admin })).status).toBe(200);

    const form = new FormData();
    form.set('file', new File([JSON.stringify(exported.json)], 'export.json', { type: 'application/json' }));
    const preview = await h.call('POST', `/api/admin/${CITY}/imports`, { token: admin, raw: form });
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json.rows.map((r: { action: string; changed: unknown[]; problems: unknown[] }) => [r.action, r.changed, r.problems])).toEqual([['unchanged', [], []]]);
  });

  it('publishes an edit as version 2, whose difference from version 1 is that edit alone, and renders it', async () => {
    const draft = await h.call('GET', `/api/admin/${CITY}/items/${ITEM}/draft`, { token: admin });
    const edited = { ...draft.json.definition, acceptanceConditions: '不动产权属清楚、无查封等限制' };
    expect((await h.call('PUT', `/api/admin/${CITY}/items/${ITEM}/draft`, { token: admin, body: edited, headers: { 'if-match': '"1"' } })).status).toBe(200);
    const published = await h.call('POST', `/api/admin/${CITY}/items/${ITEM}/publish`, { token: admin, body: { changeNote: '补充受理条件' }, headers: { 'if-match': '"2"' } });
    expect(published.status, JSON.stringify(published.json)).toBe(201);
    expect(published.json).toMatchObject({ version: 2, definition: { modelVersion: MODEL_VERSION } });
    const diff = await h.call('GET', `/api/admin/${CITY}/items/${ITEM}/diff?from=1&to=2`, { token: admin });
    expect(diff.status).toBe(200);
    expect(diff.json.map((c: { label: string }) => c.label)).toEqual(['受理条件']);
    const shown = await page(`/apply/${CITY}/${ITEM}/checklist`);
    expect(shown.status).toBe(200);
    expect(visibleText(shown.html)).toContain('不动产登记申请书');
  });
});
