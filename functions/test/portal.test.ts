import { templates } from '@onevisit/item-schemas/templates';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { harness } from './harness';

/** The public portal (issue 18) as anyone fetching its addresses sees it. */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
let admin: string;
let published: Array<{ itemId: string; name: string }>;

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await h.app.request(path, { headers });
  const body = await response.arrayBuffer();
  return { status: response.status, html: new TextDecoder().decode(body).replace(/<!-- -->/g, ''), body, headers: response.headers, served: response.headers.get('server-timing') };
}

async function publish(itemId: string, name: string, more: { shortName?: string; keywords?: string[] } = {}) {
  const definition = { ...structuredClone(templates.find((t) => t.id === 'labour-dispatch-licence')!), id: itemId, name, ...more };
  expect((await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId, definition } })).status).toBe(201);
  expect((await h.call('POST', `/api/admin/${CITY}/items/${itemId}/publish`, { token: admin })).status).toBe(201);
}

beforeAll(async () => {
  admin = await h.token(CITY, 'city-admin');
  await publish('food-business-licence', '食品经营许可');
  published = (await h.call('GET', `/api/catalog?jurisdiction=${CITY}`)).json;
});

describe('the portal home', () => {
  it('answers / itself, listing every published item with a link to its guide', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.html).toContain('<html lang="zh-CN">');
    expect(published.length).toBeGreaterThan(10);
    for (const item of published) {
      expect(home.html).toContain(item.name);
      expect(home.html).toContain(`href="/guide/${CITY}/${item.itemId}"`);
    }
    expect(home.html).toContain('法定时限');
    expect(home.html).toContain('在线申请');
    expect((await get(`/${CITY}`)).html).toContain('示范市政务服务事项');
  });

  it('is served from memory until the catalogue changes', async () => {
    await get('/');
    expect((await get('/')).served).toBe('page;desc="cached"');
    await publish('portal-new-item', '新发布的许可');
    const after = await get('/');
    expect(after.served).toBe('page;desc="rendered"');
    expect(after.html).toContain('新发布的许可');
  });

  it('speaks English with ?lang=en, its links keeping the language', async () => {
    const home = await get('/?lang=en');
    expect(home.html).toContain('<html lang="en">');
    expect(home.html).toContain('Legal limit');
    expect(home.html).toContain(`href="/guide/${CITY}/real-estate-transfer?lang=en"`);
    expect(/<a class="lang" href="([^"]*)"/.exec(home.html)?.[1]).toBe('/');
  });
});

describe('search', () => {
  it('finds an item by its pinyin initials, its pinyin, part of its name, or a material', async () => {
    for (const q of ['spjy', 'SPJYXK', 'shipin', '食品 经营']) {
      const found = await get(`/?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(found.html, q).toContain('href="/guide/990100/food-business-licence"');
      expect(found.html, q).not.toContain('href="/guide/990100/real-estate-transfer"');
    }
    const estate = await get('/?q=bdc');
    expect(estate.html).toContain('不动产转移登记');
    const byMaterial = await get(`/?q=${encodeURIComponent('不动产权属证书')}`);
    expect(byMaterial.html).toContain('不动产转移登记');
    expect(byMaterial.html).toContain('材料中有「不动产权属证书」');
    expect((await get('/?q=zzzzqqq')).html).toContain('没有找到相符的事项');
  });

  it('finds an item by a keyword its officials added, by its 简称 and by the 简称’s pinyin initials', async () => {
    await publish('small-catering-licence', '小餐饮经营许可', { shortName: '餐饮证', keywords: ['开饭店', '餐馆执照'] });
    for (const q of ['开饭店', '餐馆执照', '餐饮证', 'cyz', 'canyinzheng', '开饭店 许可']) {
      const found = await get(`/?q=${encodeURIComponent(q)}`);
      expect(found.html, q).toContain('href="/guide/990100/small-catering-licence"');
      expect(found.html, q).not.toContain('href="/guide/990100/real-estate-transfer"');
    }
    expect((await get('/')).html).toContain('简称：餐饮证');
    // A keyword taken away in the next version no longer finds it.
    const draft = (await h.call('GET', `/api/admin/${CITY}/items/small-catering-licence/draft`, { token: admin })).json;
    const saved = await h.call('PUT', `/api/admin/${CITY}/items/small-catering-licence/draft`, { token: admin, body: { ...draft.definition, keywords: ['餐馆执照'] }, headers: { 'if-match': `"${draft.revision}"` } });
    expect(saved.status).toBe(200);
    expect((await h.call('POST', `/api/admin/${CITY}/items/small-catering-licence/publish`, { token: admin })).status).toBe(201);
    expect((await get(`/?q=${encodeURIComponent('开饭店')}`)).html).not.toContain('href="/guide/990100/small-catering-licence"');
    expect((await get(`/?q=${encodeURIComponent('餐馆执照')}`)).html).toContain('href="/guide/990100/small-catering-licence"');
  });

  it('browses by department, theme, area served and reform list', async () => {
    const home = await get('/');
    const dept = /href="\/\?dept=([0-9A-Z]{18})"/.exec(home.html)![1];
    expect((await get(`/?dept=${dept}`)).status).toBe(200);
    const zero = await get('/?list=zero');
    expect(zero.html).toContain('零跑动');
    expect(zero.html).not.toContain('href="/guide/990100/real-estate-transfer"'); // one visit
    expect((await get('/?list=once')).html).toContain('href="/guide/990100/real-estate-transfer"');
    expect((await get('/?theme=c001')).html).toContain('企业设立登记');
    expect((await get('/?scope=2')).html).toContain('企业设立登记');
  });

  it('refuses a query out of bounds with 400, in both languages, never 500', async () => {
    for (const bad of ['q=' + 'x'.repeat(101), 'page=abc', 'page=0', 'theme=p999', 'list=fast', 'dept=123', 'scope=9', 'lang=fr']) {
      const zh = await get(`/?${bad}`);
      expect(zh.status, bad).toBe(400);
      expect(zh.html).toContain('不正确');
      const en = await get(`/${CITY}/list?${bad.startsWith('lang') ? 'dept=1' : bad}&lang=en`);
      expect(en.status, bad).toBe(400);
      expect(en.html).toContain('is not valid');
    }
    for (const odd of ['q=%25%3C%3E', 'q=a&q=b', 'page=9999', 'utm_source=x', 'q=' + encodeURIComponent('\u0000\uffff')]) expect((await get(`/?${odd}`)).status, odd).toBe(200);
  });
});

describe('the guide', () => {
  it('holds the legal and promised limits, every material and the apply link', async () => {
    const guide = await get(`/guide/${CITY}/real-estate-transfer`);
    expect(guide.status).toBe(200);
    const item = (await h.call('GET', `/api/items/${CITY}/real-estate-transfer`)).json.definition;
    expect(guide.html).toContain('法定时限');
    expect(guide.html).toContain('承诺时限');
    expect(guide.html).toContain('受理条件');
    for (const m of item.materials) expect(guide.html).toContain(m.name);
    expect(guide.html).toContain('「转移原因」为「继承」时需要');
    expect(guide.html).toContain(`href="/apply/${CITY}/real-estate-transfer"`);
    expect(guide.html).toContain(`href="/apply/${CITY}/real-estate-transfer/checklist"`);
    expect(guide.html).toContain('办理流程');
    expect(guide.html).toContain(`版本 v${(await h.call('GET', `/api/items/${CITY}/real-estate-transfer`)).json.version}`);
    expect((await get(`/guide/${CITY}/real-estate-transfer`)).served).toBe('page;desc="cached"');
    const en = await get(`/guide/${CITY}/real-estate-transfer?lang=en`);
    expect(en.html).toContain('Legal limit');
    expect(en.html).toContain(`href="/apply/${CITY}/real-estate-transfer?lang=en"`);
  });

  it('of a suspended item says 暂停受理 and offers no applying; a cancelled item’s is gone (410)', async () => {
    await publish('portal-paused', '暂停中的许可');
    expect((await get('/')).html).toContain('href="/guide/990100/portal-paused"');
    expect((await h.call('POST', `/api/admin/${CITY}/items/portal-paused/suspend`, { token: admin })).status).toBe(200);
    // The heads listed a moment ago are listed again at once: the home no longer offers it.
    expect((await get('/')).html).not.toContain('href="/guide/990100/portal-paused"');
    const paused = await get(`/guide/${CITY}/portal-paused`);
    expect(paused.status).toBe(200);
    expect(paused.html).toContain('暂停受理');
    expect(paused.html).toContain('暂停中的许可');
    expect(paused.html).toContain('受理条件');
    expect(paused.html).not.toContain(`href="/apply/${CITY}/portal-paused`);
    expect((await get(`/guide/${CITY}/portal-paused?lang=en`)).html).toContain('takes no applications for now');
    expect((await h.call('POST', `/api/admin/${CITY}/items/portal-paused/resume`, { token: admin })).status).toBe(200);
    expect((await get('/')).html).toContain('href="/guide/990100/portal-paused"');
    const resumed = await get(`/guide/${CITY}/portal-paused`);
    expect(resumed.html).not.toContain('data-testid="suspended"');
    expect(resumed.html).toContain(`href="/apply/${CITY}/portal-paused"`);
    expect((await h.call('POST', `/api/admin/${CITY}/items/portal-paused/cancel`, { token: admin })).status).toBe(200);
    const gone = await get(`/guide/${CITY}/portal-paused`);
    expect(gone.status).toBe(410);
    expect(gone.html).toContain('该事项已取消');
    expect((await get(`/guide/${CITY}/portal-paused?lang=en`)).html).toContain('the item is cancelled');
  });

  it('answers 404 for an unknown jurisdiction or item, in Chinese and in English', async () => {
    for (const path of ['/123456', `/guide/123456/real-estate-transfer`, `/guide/${CITY}/no-such-item`, `/guide/${CITY}/${'x'.repeat(3000)}`, '/guide/%E4%B8%AD/x%00y', '/123456/list', '/123456/list.xlsx']) {
      const zh = await get(path);
      expect(zh.status, path).toBe(404);
      expect(zh.html).toContain('<html lang="zh-CN">');
      expect(zh.html).toMatch(/区划不存在|事项不存在/);
      const en = await get(`${path}?lang=en`);
      expect(en.status).toBe(404);
      expect(en.html).toContain('<html lang="en">');
      expect(en.html).toMatch(/jurisdiction not found|item not found/);
    }
  });
});

describe('an address nothing answers', () => {
  const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  it('shows a browser the portal’s 404 page, in Chinese and in English, leading home', async () => {
    for (const path of ['/foo', '/foo/bar', '/guide/990100', '/990100/nothing']) {
      const zh = await get(path, browser);
      expect(zh.status, path).toBe(404);
      expect(zh.headers.get('content-type')).toContain('text/html');
      expect(zh.html).toContain('<html lang="zh-CN">');
      expect(zh.html).toContain('没有这个地址');
      expect(zh.html).toContain('href="/">返回办事大厅');
      const en = await get(`${path}?lang=en`, browser);
      expect(en.status).toBe(404);
      expect(en.html).toContain('<html lang="en">');
      expect(en.html).toContain('no such address');
      expect(en.html).toContain('href="/?lang=en">Back to the services');
    }
  });

  it('keeps the JSON for the API’s paths and for clients that do not ask for HTML', async () => {
    for (const [path, headers] of [['/api/no-such-thing', browser], ['/foo', {}], ['/foo', { accept: 'application/json' }]] as const) {
      const response = await h.app.request(path, { headers });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', message: '没有这个地址', message_en: 'no such address' });
    }
  });
});

describe('晒清单', () => {
  it('lists every published item in a table, by department if asked', async () => {
    const list = await get(`/${CITY}/list`);
    expect(list.status).toBe(200);
    for (const item of published) expect(list.html).toContain(item.name);
    expect(list.html).toContain('承诺提速');
    expect(list.html).toContain('到办事现场次数');
  });

  it('downloads as .xlsx, one row per published item', async () => {
    const file = await get(`/${CITY}/list.xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(file.headers.get('content-disposition')).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(1).values as string[];
    expect(header).toContain('法定办结时限');
    expect(sheet.rowCount - 1).toBe((await h.call('GET', `/api/catalog?jurisdiction=${CITY}`)).json.length);
    const names = sheet.getColumn(2).values.slice(2) as string[];
    expect(names).toContain('不动产转移登记');
  });

  it('downloads as .csv, one row per published item, in English when asked', async () => {
    const file = await get(`/${CITY}/list.csv?lang=en`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/csv');
    const rows: string[][] = parse(file.html.replace(/^\uFEFF/, ''));
    expect(rows[0]).toContain('Legal limit');
    expect(rows.length - 1).toBe((await h.call('GET', `/api/catalog?jurisdiction=${CITY}`)).json.length);
  });
});
