import { templates } from '@onevisit/item-schemas/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import type { FileStore } from '../src/files';
import { PDF, saleAnswers } from './files';
import { harness } from './harness';

/**
 * An item takes applications online from its 计划生效日期, until its 计划取消日期, and only if its
 * 办理形式 include applying online. Outside that, the apply page (shown or posted), the uploads
 * and the applications API refuse in Chinese and English, saying when or where instead, and
 * store nothing; the checklist still tells the item, with its dates and where to apply in person.
 */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const base = structuredClone(templates.find((t) => t.id === 'real-estate-transfer')!);
const MATERIALS = ['application', 'title-certificate', 'sale-contract', 'survey-report'];
let admin: string;

// Every file written goes through here, so a refusal can be seen to have stored none.
let filesWritten = 0;
const files: FileStore = { ...h.deps.files, write: (key, bytes) => (filesWritten++, h.deps.files.write(key, bytes)) };
const app = createApp({ ...h.deps, files });

beforeAll(async () => {
  admin = await h.token(CITY, 'city-admin');
});

/** Beijing's midnight starting `date`, as the clock's instant. */
const beijingMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`));

async function published(itemId: string, changes: Record<string, unknown>) {
  const definition = { ...structuredClone(base), id: itemId, name: `不动产转移登记(${itemId})`, ...changes };
  expect((await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId, definition } })).status).toBe(201);
  const publish = await h.call('POST', `/api/admin/${CITY}/items/${itemId}/publish`, { token: admin });
  expect(publish.status, JSON.stringify(publish.json)).toBe(201);
  return itemId;
}

async function page(path: string) {
  const response = await app.request(path);
  return { status: response.status, html: (await response.text()).replace(/<!-- -->/g, '') };
}

/** The apply form posted as a browser without JavaScript posts it, with a file for 申请书. */
async function postForm(itemId: string) {
  const form = new FormData();
  form.append('root[reason]', '0');
  form.append('root[certificateNumber]', '示房权证第 001 号');
  form.append('material[application]', new File([new Uint8Array(PDF)], 'application.pdf'));
  const response = await app.request(`/apply/${CITY}/${itemId}`, { method: 'POST', body: form });
  return { status: response.status, html: (await response.text()).replace(/<!-- -->/g, '') };
}

async function upload(itemId: string, materialId: string) {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new Uint8Array(PDF)], 'scan.pdf'));
  const response = await app.request(`/api/items/${CITY}/${itemId}/uploads`, { method: 'POST', body: form });
  return { status: response.status, json: await response.json() };
}

async function json(method: string, path: string, body: unknown) {
  const response = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

const apply = (itemId: string) => json('POST', `/api/items/${CITY}/${itemId}/applications`, { answers: saleAnswers, materials: {} });
const checklist = (itemId: string) => json('POST', `/api/items/${CITY}/${itemId}/checklist`, { answers: {} });

/**
 * Every way of applying online for the item is refused with `status`, in these words (on the apply
 * page in `onPage`'s, when it says more than the refusal), and nothing is stored.
 */
async function refusedEverywhere(itemId: string, status: number, code: string, zh: string, en: string, onPage: readonly [string, string] = [zh, en]) {
  const records = await h.recordCount();
  const written = filesWritten;
  const shown = await page(`/apply/${CITY}/${itemId}`);
  expect(shown.status).toBe(status);
  expect(shown.html).toContain(onPage[0]);
  const english = await page(`/apply/${CITY}/${itemId}?lang=en`);
  expect(english.status).toBe(status);
  expect(english.html).toContain(onPage[1]);
  const posted = await postForm(itemId);
  expect(posted.status).toBe(status);
  expect(posted.html).toContain(onPage[0]);
  const uploaded = await upload(itemId, 'application');
  expect(uploaded.status).toBe(status);
  expect(uploaded.json.code).toBe(code);
  const target = await json('POST', `/api/items/${CITY}/${itemId}/upload-targets`, { materialId: 'application' });
  expect(target.status).toBe(status);
  const filed = await apply(itemId);
  expect(filed.status).toBe(status);
  expect(filed.json).toMatchObject({ code });
  expect(filed.json.message).toContain(zh);
  expect(filed.json.message_en).toContain(en);
  expect(await h.recordCount()).toBe(records);
  expect(filesWritten).toBe(written);
  return filed.json;
}

/** Applies through the API as the page script does: each file uploaded, then the application. */
async function fileCase(itemId: string) {
  const materials: Record<string, string[]> = {};
  for (const id of MATERIALS) {
    const stored = await upload(itemId, id);
    expect(stored.status).toBe(201);
    materials[id] = [stored.json.key];
  }
  return json('POST', `/api/items/${CITY}/${itemId}/applications`, { answers: saleAnswers, materials });
}

describe('an item before its planned effective date (计划生效日期)', () => {
  it('refuses applications with 409, telling the date, and stores nothing; the checklist tells the date', async () => {
    await published('not-yet', { effectiveFrom: '2026-03-10' });
    h.clock.now = new Date('2026-03-09T15:59:00Z'); // 23:59 on the 9th in Beijing
    const refusal = await refusedEverywhere('not-yet', 409, 'ITEM_NOT_YET_EFFECTIVE', '该事项自 2026-03-10 起受理申请', 'the item takes applications from 2026-03-10');
    expect(refusal.details).toEqual({ effectiveFrom: '2026-03-10' });

    const printable = await page(`/apply/${CITY}/not-yet/checklist`);
    expect(printable.status).toBe(200);
    expect(printable.html).toContain('计划生效日期：2026-03-10，当日起受理申请');
    expect((await page(`/apply/${CITY}/not-yet/checklist?lang=en`)).html).toContain('Applications are taken from 2026-03-10 (planned effective date)');
    const listed = await checklist('not-yet');
    expect(listed.status).toBe(200);
    expect(listed.json).toMatchObject({ effectiveFrom: '2026-03-10', online: true });
    expect(listed.json.required.map((m: { id: string }) => m.id)).toContain('application');
  });

  it('takes them from that date, in Beijing time', async () => {
    h.clock.now = beijingMidnight('2026-03-10');
    expect((await page(`/apply/${CITY}/not-yet`)).status).toBe(200);
    const filed = await fileCase('not-yet');
    expect(filed.status, JSON.stringify(filed.json)).toBe(201);
    expect(filed.json.case.itemId).toBe('not-yet');
  });
});

describe('an item on and after its planned cancellation date (计划取消日期)', () => {
  it('takes applications until the day before', async () => {
    h.clock.now = new Date('2026-03-02T02:00:00Z');
    await published('ending', { plannedCancelOn: '2026-03-20' });
    h.clock.now = new Date('2026-03-19T15:59:00Z'); // 23:59 on the 19th in Beijing
    expect((await page(`/apply/${CITY}/ending`)).status).toBe(200);
    expect((await fileCase('ending')).status).toBe(201);
  });

  it('refuses them from that date with 410, telling the date, and stores nothing; the checklist tells the date', async () => {
    h.clock.now = beijingMidnight('2026-03-20');
    const refusal = await refusedEverywhere('ending', 410, 'ITEM_PLANNED_CANCELLED', '该事项已于 2026-03-20 取消，不再受理申请', 'the item was cancelled on 2026-03-20 and takes no more applications');
    expect(refusal.details).toEqual({ plannedCancelOn: '2026-03-20' });
    h.clock.now = beijingMidnight('2026-06-01');
    expect((await apply('ending')).status).toBe(410);

    const printable = await page(`/apply/${CITY}/ending/checklist`);
    expect(printable.status).toBe(200);
    expect(printable.html).toContain('计划取消日期：2026-03-20，当日起不再受理申请');
    expect((await checklist('ending')).json).toMatchObject({ plannedCancelOn: '2026-03-20', online: true });
  });
});

describe('an item whose channels (办理形式) exclude applying online', () => {
  const window = '请到示范市不动产登记中心交易登记窗口(示范市人民路 100 号政务服务中心二楼；周一至周五 9:00-12:00, 13:30-17:00(法定节假日除外)；电话 0546-12345)申请';

  it('refuses online applications with 403, naming the windows to go to, and stores nothing', async () => {
    h.clock.now = new Date('2026-03-02T02:00:00Z');
    await published('window-only', { channels: ['1'], onlineDepth: [] });
    const onPage = ['本事项只在窗口办理，不接受网上申请。', 'This item is taken at a service window only, not online.'] as const;
    const refusal = await refusedEverywhere('window-only', 403, 'NOT_TAKEN_ONLINE', `该事项不接受网上申请，${window}`, 'the item takes no applications online: apply in person at 示范市不动产登记中心交易登记窗口 (示范市人民路 100 号政务服务中心二楼; ', onPage);
    expect(refusal.details).toMatchObject({ channels: ['1'], windows: [{ name: '示范市不动产登记中心交易登记窗口', phone: '0546-12345' }] });
  });

  it('answers its apply page (403) with where to go instead: the item, each window with its address, hours and phone, its guide', async () => {
    const shown = await page(`/apply/${CITY}/window-only`);
    expect(shown.status).toBe(403);
    expect(shown.html).toContain('<h1>不动产转移登记(window-only)</h1>');
    expect(shown.html).toContain('<h3>示范市不动产登记中心交易登记窗口</h3>');
    expect(shown.html).toContain('<dd>示范市人民路 100 号政务服务中心二楼</dd>');
    expect(shown.html).toContain('<dd>周一至周五 9:00-12:00, 13:30-17:00(法定节假日除外)</dd>');
    expect(shown.html).toContain('<a href="tel:0546-12345">0546-12345</a>');
    expect(shown.html).toContain('<a href="/guide/990100/window-only">查看办事指南</a>');
    expect(shown.html).not.toContain('提交申请');
    const english = await page(`/apply/${CITY}/window-only?lang=en`);
    expect(english.html).toContain('<a href="/guide/990100/window-only?lang=en">Read the service guide</a>');
  });

  it('says so on the checklist, which still lists the materials to bring', async () => {
    const printable = await page(`/apply/${CITY}/window-only/checklist`);
    expect(printable.status).toBe(200);
    expect(printable.html).toContain(`本事项不接受网上申请，${window}。`);
    expect(printable.html).toContain('不动产登记申请书');
    expect((await checklist('window-only')).json).toMatchObject({ online: false });
  });

  it('is marked so in the catalogue, where the editor reads whether to link an application page', async () => {
    const entries = (await h.call('GET', `/api/catalog?jurisdiction=${CITY}`)).json as Array<{ itemId: string; online?: boolean }>;
    expect(entries.find((e) => e.itemId === 'window-only')).toMatchObject({ online: false });
    expect(entries.find((e) => e.itemId === 'real-estate-transfer')).toMatchObject({ online: true });
  });

  it('names the department when there is no window, and post when the item takes it', async () => {
    await published('by-post', { channels: ['1', '4'], onlineDepth: [], windows: [] });
    const refused = await apply('by-post');
    expect(refused.status).toBe(403);
    expect(refused.json.message).toBe('该事项不接受网上申请，请到「示范市不动产登记中心」申请，或快递申请');
    expect(refused.json.message_en).toBe('the item takes no applications online: apply in person at "示范市不动产登记中心", or apply by post');
  });

  it('takes them when the only channel is 移动端办理 (on a phone), which is applying online too', async () => {
    await published('phone-only', { channels: ['3'] });
    expect((await page(`/apply/${CITY}/phone-only`)).status).toBe(200);
    expect((await fileCase('phone-only')).status).toBe(201);
  });
});
