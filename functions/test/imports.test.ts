import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { harness } from './harness';

/**
 * Import and export in the national element layout through the API: a preview writes nothing,
 * an import writes drafts and a second import of the same file changes nothing, an export
 * re-imports into a county as the same items, and a file that cannot be read is refused.
 */

const h = await harness();
const CITY = '990100';
const COUNTY = '990121';
const { admin, countyAdmin } = await h.adminTokens();

type Part = { name: string; bytes: Uint8Array | string };

async function post(jurisdiction: string, token: string, file: Part | undefined, options: { dryRun?: boolean; materials?: Part } = {}) {
  const form = new FormData();
  if (file) form.set('file', new File([file.bytes as BlobPart], file.name));
  if (options.materials) form.set('materials', new File([options.materials.bytes as BlobPart], options.materials.name));
  const response = await h.app.request(`/api/admin/${jurisdiction}/imports?dryRun=${options.dryRun ?? true}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, json: (await response.json()) as any };
}

async function exported(jurisdiction: string, token: string, query: string): Promise<Uint8Array> {
  const response = await h.app.request(`/api/admin/${jurisdiction}/exports?${query}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function sheetsOf(bytes: Uint8Array): Promise<Record<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  const sheets: Record<string, string[][]> = {};
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

async function xlsx(sheets: Record<string, string[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const drafts = async (jurisdiction: string) => new Map((await h.store.listHeads(jurisdiction)).map((head) => [head.itemId, head.draftRevision]));

describe('importing the city’s own export', () => {
  it('previews and re-imports it as changing nothing, writing nothing', async () => {
    const file = { name: '事项清单.xlsx', bytes: await exported(CITY, admin, 'format=xlsx') };
    const before = await h.recordCount();
    for (const dryRun of [true, false]) {
      const { status, json } = await post(CITY, admin, file, { dryRun });
      expect(status).toBe(200);
      expect(json.counts).toMatchObject({ rows: 13, unchanged: 13, create: 0, update: 0, skip: 0 });
    }
    expect(await h.recordCount()).toBe(before);
  });

  it('previews changed rows without writing, then writes them as drafts, once', async () => {
    const sheets = await sheetsOf(await exported(CITY, admin, 'format=xlsx&items=labour-dispatch-licence'));
    const items = sheets['事项']!;
    items[1]![items[0]!.indexOf('承诺办结时限')] = '4';
    items.push(items[1]!.map((cell, i) => ({ 事项名称: '劳务派遣经营许可(分支机构)', 基本编码: '370500-XK-0309', 事项标识: '' })[items[0]![i]!] ?? cell));
    const materials = sheets['申请材料']!;
    materials.push(...materials.slice(1).map((row) => row.map((cell, i) => (i === 0 ? '370500-XK-0309' : cell))));
    const file = { name: 'changed.xlsx', bytes: await xlsx({ 事项: items, 申请材料: materials }) };
    const before = { records: await h.recordCount(), drafts: await drafts(CITY) };

    const preview = await post(CITY, admin, file);
    expect(preview.json.rows.map((r: any) => [r.action, r.itemId])).toEqual([
      ['update', 'labour-dispatch-licence'],
      ['create', 'item-370500-xk-0309'],
    ]);
    expect(preview.json.rows[0].changed).toEqual([{ column: '承诺办结时限', column_en: 'Promised limit' }]);
    expect(await h.recordCount()).toBe(before.records);

    const written = await post(CITY, admin, file, { dryRun: false });
    expect(written.json.counts).toMatchObject({ update: 1, create: 1, failed: 0 });
    const updated = await h.store.getDraft(CITY, 'labour-dispatch-licence');
    expect(updated!.revision).toBe(before.drafts.get('labour-dispatch-licence')! + 1);
    expect(updated!.definition).toMatchObject({ promisedLimit: { value: 4, unit: 'workday' }, steps: expect.arrayContaining([expect.objectContaining({ name: '受理' })]) });
    const created = await h.call('GET', `/api/admin/${CITY}/items/item-370500-xk-0309/draft`, { token: admin });
    expect(created.json.definition).toMatchObject({ name: '劳务派遣经营许可(分支机构)', modelVersion: 2 });
    expect(created.json.definition.materials).toHaveLength(7);
    expect(created.json.definition.steps).toBeUndefined();

    const again = await post(CITY, admin, file, { dryRun: false });
    expect(again.json.counts).toMatchObject({ unchanged: 2 });
    expect((await h.store.getDraft(CITY, 'labour-dispatch-licence'))!.revision).toBe(updated!.revision);
  });
});

describe('moving items to a county', () => {
  it('imports the city’s export into a county as the same items, with the county’s departments', async () => {
    const ids = 'company-registration,gov-investment-project';
    const city = await sheetsOf(await exported(CITY, admin, `format=xlsx&items=${ids}`));
    const preview = await post(COUNTY, countyAdmin, { name: 'city.xlsx', bytes: await xlsx({ 事项: city['事项']!, 申请材料: city['申请材料']! }) }, { dryRun: false });
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json.rows.map((r: any) => r.action)).toEqual(['create', 'create']);
    expect(preview.json.rows[0].notes[0].message).toMatch(/按名称对应本区划的「东城县市场监督管理局」/);

    const county = await sheetsOf(await exported(COUNTY, countyAdmin, `format=xlsx&items=${ids}`));
    const headers = city['事项']![0]!;
    const without = (rows: string[][]) => rows.map((row) => row.filter((_, i) => !['实施主体', '实施主体编码'].includes(headers[i]!)));
    expect(without(county['事项']!)).toEqual(without(city['事项']!));
    expect(county['事项']![1]![headers.indexOf('实施主体')]).toBe('东城县市场监督管理局');
    expect(county['申请材料']).toEqual(city['申请材料']);
  });

  it('says which rows name a department the county does not have, and writes none of them', async () => {
    const before = await h.recordCount();
    const city = await sheetsOf(await exported(CITY, admin, 'format=xlsx&items=putonghua-test'));
    const { json } = await post(COUNTY, countyAdmin, { name: 'edu.xlsx', bytes: await xlsx({ 事项: city['事项']! }) }, { dryRun: false });
    expect(json.rows[0]).toMatchObject({ action: 'skip', problems: [expect.objectContaining({ code: 'UNKNOWN_DEPARTMENT', column: '实施主体' })] });
    expect(await h.recordCount()).toBe(before);
  });
});

describe('a county’s claimed items', () => {
  it('reads a claimed item as it is, and leaves a change to what the city sets unsaved, saying why', async () => {
    const XIHE = '990122';
    const xiheAdmin = await h.token(XIHE, 'xihe-admin');
    expect((await h.call('POST', `/api/admin/${XIHE}/clones`, { token: xiheAdmin, body: { itemIds: ['real-estate-transfer'] } })).status).toBe(200);
    const sheets = await sheetsOf(await exported(XIHE, xiheAdmin, 'format=xlsx'));
    const file = (items: string[][]) => xlsx({ 事项: items, 申请材料: sheets['申请材料']! });
    expect((await post(XIHE, xiheAdmin, { name: 'xihe.xlsx', bytes: await file(sheets['事项']!) }, { dryRun: false })).json.counts).toMatchObject({ unchanged: 1 });

    const items = sheets['事项']!.map((row) => [...row]);
    items[1]![items[0]!.indexOf('事项名称')] = '不动产转移登记(西河)';
    const before = (await h.store.getDraft(XIHE, 'real-estate-transfer'))!.revision;
    const { json } = await post(XIHE, xiheAdmin, { name: 'renamed.xlsx', bytes: await file(items) }, { dryRun: false });
    expect(json.rows[0]).toMatchObject({ action: 'failed', problems: [expect.objectContaining({ code: 'NOT_WRITTEN', message: expect.stringMatching(/^未能保存：.*事项名称/) })] });
    expect((await h.store.getDraft(XIHE, 'real-estate-transfer'))!.revision).toBe(before);
  });
});

describe('CSV and JSON', () => {
  it('reads an items CSV with its materials CSV', async () => {
    const csv = (sheet: string) => exported(CITY, admin, `format=csv&sheet=${sheet}&items=water-connection`);
    const { json } = await post(CITY, admin, { name: 'items.csv', bytes: await csv('items') }, { materials: { name: 'materials.csv', bytes: await csv('materials') } });
    expect(json).toMatchObject({ format: 'csv', counts: { unchanged: 1 } });
  });

  it('reads a CSV in GB18030, as Excel saves CSV on a Chinese system', async () => {
    // 事项名称,基本编码 then 甲,X in GB18030.
    const bytes = new Uint8Array([0xca, 0xc2, 0xcf, 0xee, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbb, 0xf9, 0xb1, 0xbe, 0xb1, 0xe0, 0xc2, 0xeb, 0x0a, 0xbc, 0xd7, 0x2c, 0x58, 0x0a]);
    const { json } = await post(CITY, admin, { name: 'gbk.csv', bytes });
    expect(json.rows[0]).toMatchObject({ name: '甲', catalogCode: 'X', action: 'skip' });
    expect(json.rows[0].problems.map((p: any) => p.message)).toContain('「事项类型」必须填写');
  });

  it('reads the exchange JSON it exports, holding codes', async () => {
    const bytes = await exported(CITY, admin, 'format=json&items=water-connection');
    const json = JSON.parse(new TextDecoder().decode(bytes));
    expect(json.items[0]).toMatchObject({ 事项名称: '供水报装', 事项类型: '20', 办件类型: '2' });
    const report = await post(CITY, admin, { name: 'items.json', bytes });
    expect(report.json).toMatchObject({ format: 'json', counts: { unchanged: 1 } });
  });
});

describe('files that cannot be imported', () => {
  it.each([
    ['a damaged workbook', { name: 'x.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]) }, 400, 'IMPORT_FILE_UNREADABLE'],
    ['a CSV of something else', { name: 'x.csv', bytes: '姓名,电话\n张三,123\n' }, 400, 'IMPORT_NOT_LAYOUT'],
    ['an empty file', { name: 'x.csv', bytes: '' }, 400, 'IMPORT_FILE_UNREADABLE'],
    ['JSON without items', { name: 'x.json', bytes: '{"rows": []}' }, 400, 'IMPORT_NOT_LAYOUT'],
    ['a file over 10 MB', { name: 'x.csv', bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41) }, 413, 'IMPORT_TOO_LARGE'],
    ['5,001 items', { name: 'x.csv', bytes: `事项名称,基本编码\n${'甲,1\n'.repeat(5001)}` }, 413, 'IMPORT_TOO_MANY_ROWS'],
  ])('refuses %s, in Chinese and English, writing nothing', async (_, file, status, code) => {
    const before = await h.recordCount();
    const { status: got, json } = await post(CITY, admin, file);
    expect(got).toBe(status);
    expect(json).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/), message_en: expect.stringMatching(/[a-z]/) });
    expect(await h.recordCount()).toBe(before);
  });

  it('is described in /openapi.json', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json;
    expect(Object.keys(doc.paths['/api/admin/{jurisdiction}/imports'].post.responses['200'].content)).toEqual(['application/json', 'application/x-ndjson']);
    expect(doc.components.schemas.ImportReport.required).toEqual(expect.arrayContaining(['rows', 'problems', 'counts']));
    expect(doc.paths['/api/admin/{jurisdiction}/exports'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['format', 'sheet', 'items']));
  });

  it('asks for a file, and only of the jurisdiction’s administrators', async () => {
    expect((await post(CITY, admin, undefined)).json.code).toBe('FILE_REQUIRED');
    expect((await post(CITY, countyAdmin, { name: 'x.csv', bytes: 'a' })).status).toBe(403);
    const anonymous = await h.app.request(`/api/admin/${CITY}/imports`, { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
    expect((await h.call('GET', `/api/admin/${CITY}/exports?items=no-such-item`, { token: admin })).status).toBe(404);
  });
});

describe('progress', () => {
  it('streams how far the import has got, then the report, when asked for lines', async () => {
    const form = new FormData();
    form.set('file', new File([(await exported(CITY, admin, 'format=xlsx')) as BlobPart], 'all.xlsx'));
    const response = await h.app.request(`/api/admin/${CITY}/imports?dryRun=true`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, accept: 'application/x-ndjson' }, body: form });
    expect(response.headers.get('content-type')).toMatch(/ndjson/);
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-2)).toEqual({ progress: { phase: 'plan', done: lines.at(-1).report.counts.rows, total: lines.at(-1).report.counts.rows } });
    expect(lines.at(-1).report.counts.unchanged).toBeGreaterThan(0);
  });
});
