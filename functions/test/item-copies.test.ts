import { beforeAll, describe, expect, it } from 'vitest';
import { harness } from './harness';

/** 复制: a new item made from an existing one of the jurisdiction, for an official with many alike. */
const h = await harness();
const CITY = '990100';
const COUNTY = '990121';
let admin: string;
let countyAdmin: string;

beforeAll(async () => {
  admin = await h.token(CITY, 'city-admin');
  countyAdmin = await h.token(COUNTY, 'dongcheng-admin');
});

const create = (jurisdiction: string, token: string, body: Record<string, unknown>) => h.call('POST', `/api/admin/${jurisdiction}/items`, { token, body });
const draftOf = async (jurisdiction: string, token: string, itemId: string) => (await h.call('GET', `/api/admin/${jurisdiction}/items/${itemId}/draft`, { token })).json;

describe('copying an item', () => {
  it('starts from its materials, steps and form, under the name and department given, without its codes', async () => {
    const source = await draftOf(CITY, admin, 'real-estate-transfer');
    const department = { name: '示范市市场监督管理局', creditCode: '11370500MB1000006L', nature: '1' };
    const created = await create(CITY, admin, { itemId: 'real-estate-transfer-mortgage', copyOf: 'real-estate-transfer', definition: { name: '不动产抵押登记', department } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json.head).toMatchObject({ itemId: 'real-estate-transfer-mortgage', state: 'draft', version: 0, draftName: '不动产抵押登记' });
    const copy = await draftOf(CITY, admin, 'real-estate-transfer-mortgage');
    expect(copy.definition).toMatchObject({ id: 'real-estate-transfer-mortgage', name: '不动产抵押登记', department });
    for (const kept of ['materials', 'steps', 'form', 'legalLimit', 'promisedLimit', 'windows']) expect(copy.definition[kept], kept).toEqual(source.definition[kept]);
    expect(copy.definition.catalogCode).toBeUndefined();
    expect(copy.definition.taskCode).toBeUndefined();
    // Its addresses online were the page of the item copied.
    expect(source.definition.serviceOptions.onlineUrl).toMatch(/^https:/);
    expect(copy.definition.serviceOptions.onlineUrl).toBeUndefined();
    expect(copy.definition.serviceOptions.mobileUrl).toBeUndefined();

    // Its own 基本编码 is asked for before it can be published; then it takes applications.
    const checks = await h.call('POST', `/api/admin/${CITY}/items/real-estate-transfer-mortgage/checks`, { token: admin });
    expect(checks.json.issues.map((i: { path: string }) => i.path)).toEqual(['/catalogCode']);
    const saved = await h.call('PUT', `/api/admin/${CITY}/items/real-estate-transfer-mortgage/draft`, { token: admin, headers: { 'if-match': '"1"' }, body: { ...copy.definition, catalogCode: '370500-QT-0102' } });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect((await h.call('POST', `/api/admin/${CITY}/items/real-estate-transfer-mortgage/publish`, { token: admin })).status).toBe(201);
    const page = await h.app.request(`/apply/${CITY}/real-estate-transfer-mortgage`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('不动产抵押登记');
    // The item copied is as it was.
    expect((await draftOf(CITY, admin, 'real-estate-transfer')).revision).toBe(source.revision);
  });

  it('makes a county’s claimed item its own: the city’s elements, no link to the city, no city windows', async () => {
    expect((await h.call('POST', `/api/admin/${COUNTY}/clones`, { token: countyAdmin, body: { itemIds: ['hr-agency-approval'] } })).status).toBe(200);
    const created = await create(COUNTY, countyAdmin, { itemId: 'hr-agency-branch', copyOf: 'hr-agency-approval', definition: { name: '人力资源服务机构设立分支机构备案' } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const copy = await draftOf(COUNTY, countyAdmin, 'hr-agency-branch');
    expect(copy.clone).toBeUndefined();
    expect(copy.definition.upstream).toBeUndefined();
    expect(copy.definition.windows).toEqual([]);
    expect(copy.definition.materials.length).toBeGreaterThan(0);
    const head = (await h.call('GET', `/api/admin/${COUNTY}/items`, { token: countyAdmin })).json.find((i: { itemId: string }) => i.itemId === 'hr-agency-branch');
    expect(head.upstream).toBeUndefined();
  });

  it('refuses, writing nothing, an item that is not there, another jurisdiction’s, a taken id, or two starts at once', async () => {
    const before = await h.recordCount();
    const missing = await create(CITY, admin, { itemId: 'copy-of-nothing', copyOf: 'no-such-item' });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ message: '要复制的事项「no-such-item」不存在' });
    expect(missing.json.message_en).toContain('the item to copy');
    // The county's admin copies only within the county: the city's items are not read.
    expect((await create(CITY, countyAdmin, { itemId: 'stolen-copy', copyOf: 'real-estate-transfer' })).status).toBe(403);
    expect((await create(COUNTY, countyAdmin, { itemId: 'stolen-copy', copyOf: 'real-estate-transfer' })).status).toBe(404);
    const taken = await create(CITY, admin, { itemId: 'food-licence', copyOf: 'real-estate-transfer' });
    expect(taken.status).toBe(409);
    expect(taken.json.code).toBe('ITEM_EXISTS');
    const both = await create(CITY, admin, { itemId: 'two-starts', copyOf: 'real-estate-transfer', templateId: 'food-licence' });
    expect(both.status).toBe(400);
    expect(both.json).toMatchObject({ code: 'TWO_STARTS', message: '新事项只能从一个模板或一个已有事项开始，不能同时选择两者' });
    expect(await h.recordCount()).toBe(before);
  });
});
