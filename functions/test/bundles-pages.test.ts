import { describe, expect, it } from 'vitest';
import { PDF } from './files';
import { harness } from './harness';
import { restaurantWithLicence } from './restaurant-answers';

/** 开办餐饮店 as a citizen meets it in pages without JavaScript: on the portal, its guide, its form, its one page (issue 19). */

// Monday 2026-03-02, 10:00 in Shanghai.
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const BUNDLE = 'open-restaurant';

/** An existing company opening a restaurant: the three items of the second stage start at once, 供水报装 without the premises proof (容缺). */
const withLicence = restaurantWithLicence;

/** Applied through the API, then opened in a browser by its number and code: the cookie that browser holds. */
async function applied(): Promise<{ number: string; cookie: string; children: Array<{ key: string; trackingNumber: string }> }> {
  const ids = ['food__application', 'food__layout', 'seal__seal-application', 'water__application'];
  const materials = Object.fromEntries(await Promise.all(ids.map(async (id): Promise<[string, string[]]> => [id, [await h.uploaded(CITY, BUNDLE, id)]])));
  const response = await h.call('POST', `/api/items/${CITY}/${BUNDLE}/applications`, { body: { answers: withLicence, materials } });
  expect(response.status).toBe(201);
  const number = response.json.case.trackingNumber as string;
  const lookup = await h.app.request('/track', { method: 'POST', body: new URLSearchParams({ number, secret: response.json.secret }) });
  expect(lookup.status).toBe(303);
  return { number, cookie: lookup.headers.get('set-cookie')!.split(';')[0]!, children: response.json.case.children };
}

const page = async (path: string, cookie?: string) => {
  const response = await h.app.request(path, { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
  return { status: response.status, html: await response.text() };
};

describe('the portal', () => {
  it('finds 开办餐饮店 by what people call it and by its items, with the items it covers; the 晒清单 lists items only', async () => {
    for (const q of ['开饭店', '餐饮', '公章刻制']) {
      const found = await page(`/?q=${encodeURIComponent(q)}`);
      expect(found.html, q).toContain('href="/guide/990100/open-restaurant"');
    }
    const card = (await page(`/?q=${encodeURIComponent('开饭店')}`)).html;
    expect(card).toContain('一次申请办理 4 个事项：企业设立登记(多证合一)、食品经营许可(餐饮服务)、公章刻制备案、供水报装');
    expect(card).toContain('href="/apply/990100/open-restaurant"');
    expect(card).not.toContain('简称：');
    expect((await page('/990100/list')).html).not.toContain('开办餐饮店');
  });

  it('has a guide: the items by stage and department, the combined limits, the one checklist, applying once', async () => {
    const guide = await page('/guide/990100/open-restaurant');
    expect(guide.status).toBe(200);
    expect(guide.html).toContain('<h1>开办餐饮店</h1>');
    expect(guide.html).toContain('一次申请，办理 4 个事项');
    expect(guide.html).toContain('<a href="/guide/990100/seal-engraving">公章刻制备案</a>：示范市公安局');
    expect(guide.html).toMatch(/\d+ 个工作日\(联合办理，可延长 15 个工作日\)/);
    expect(guide.html).toContain('全部办结后一次送达');
    expect(guide.html.match(/住所\(经营场所\)使用证明/g)!.length).toBeGreaterThanOrEqual(1);
    expect(guide.html).toContain('href="/apply/990100/open-restaurant"');
    expect(guide.html).toContain('href="/apply/990100/open-restaurant/checklist"');
    const english = await page('/guide/990100/open-restaurant?lang=en');
    expect(english.html).toContain('One application, 4 services');
    expect((await page('/guide/990100/no-such-bundle')).status).toBe(404);
  });
});

describe('the application page', () => {
  it('asks a yes-or-no question in Chinese (是 / 否), in English in English', async () => {
    const zh = (await page(`/apply/${CITY}/${BUNDLE}`)).html;
    expect(zh).toMatch(/id="root_hasLicence-0"[^>]*\/><span>是<\/span>/);
    expect(zh).toMatch(/id="root_hasLicence-1"[^>]*\/><span>否<\/span>/);
    expect(zh).not.toContain('<span>Yes</span>');
    expect((await page(`/apply/${CITY}/${BUNDLE}?lang=en`)).html).toContain('<span>Yes</span>');
  });
});

describe('the one page of the application', () => {
  it('says on the receipt that it was received, for how many items, and the day all are promised by', async () => {
    const form = new FormData();
    const flat: Array<[string, string]> = [
      ['root[hasLicence]', '0'],
      ['root[foodTypes][]', '0'],
      ['root[needSeal]', '1'],
      ['root[needWater]', '1'],
      ['root[entityName]', withLicence.entityName],
      ['root[legalRepName]', withLicence.legalRepName],
      ['root[legalRepIdCard]', withLicence.legalRepIdCard],
      ['root[uscc]', withLicence.uscc],
      ['root[premises]', withLicence.premises],
      ['root[mobile]', withLicence.mobile],
      ['root[food][mainBusiness]', '0'],
      ['root[food][safetyManager][name]', '李四'],
      ['root[food][safetyManager][idCard]', '110105198001010032'],
    ];
    for (const [k, v] of flat) form.append(k, v);
    for (const id of ['food__application', 'food__layout']) form.append(`material[${id}]`, new File([new Uint8Array(PDF)], `${id}.pdf`));
    const sent = await h.app.request(`/apply/${CITY}/${BUNDLE}`, { method: 'POST', body: form });
    expect(sent.status, await sent.clone().text()).toBe(303);
    const receipt = await page(sent.headers.get('location')!, sent.headers.get('set-cookie')!.split(';')[0]!);
    expect(receipt.html).toContain('申请已提交');
    // The receipt leads on to the application's page.
    expect(receipt.html).toMatch(/<a href="\/track\/[0-9-]+">查看办理进度<\/a>/);
    expect(receipt.html).toContain('一次申请已收到，共 1 个事项');
    expect(receipt.html).toMatch(/<dt>承诺全部办结日期<\/dt><dd>2026-03-\d\d<\/dd>/);
    expect(receipt.html).toMatch(/data-testid="tracking-secret">[2-9A-Z]{4} [2-9A-Z]{4}</);
  });

  it('takes an item’s 容缺 material, to that item’s case, and shows it no longer awaited', async () => {
    const p = await applied();
    const before = await page(`/track/${p.number}`, p.cookie);
    expect(before.html).toContain('补交「住所(经营场所)使用证明」(供水报装，2026-03-05 前)');
    const form = new FormData();
    form.set('item', 'water');
    form.set('materialId', 'property-proof');
    form.set('file', new File([new Uint8Array(PDF)], 'lease.pdf'));
    const sent = await h.app.request(`/track/${p.number}/supplement`, { method: 'POST', body: form, headers: { cookie: p.cookie } });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/track/${p.number}`);
    const water = p.children.find((c) => c.key === 'water')!.trackingNumber;
    expect((await h.store.getCase(CITY, water))?.materials.find((m) => m.materialId === 'property-proof')).toMatchObject({ status: 'supplied', review: 'pending' });
    expect((await page(`/track/${p.number}`, p.cookie)).html).not.toContain('补交「住所');

    // Without the code in this browser nothing is done, and the case pages ask for it.
    const stranger = await h.app.request(`/track/${p.number}/supplement`, { method: 'POST', body: form });
    expect(stranger.status).toBe(403);
  });

  it('takes an item’s 补正 from the one page, to that item’s case, and shows it no longer asked', async () => {
    const p = await applied();
    const seal = p.children.find((c) => c.key === 'seal')!.trackingNumber;
    const token = await h.token(CITY, 'police-officer');
    const { json } = await h.call('GET', `/api/officer/cases/${seal}`, { token });
    const asked = await h.call('POST', `/api/officer/cases/${seal}/actions`, { token, body: { type: 'requestCorrection', expectedRevision: json.case.revision, items: [{ materialId: 'seal-application', note: '申请表缺少法定代表人签字' }] } });
    expect(asked.status, JSON.stringify(asked.json)).toBe(200);

    const before = (await page(`/track/${p.number}`, p.cookie)).html;
    expect(before).toContain('「公章刻制备案」需要补正的内容(一次告知)');
    expect(before).toMatch(/<li>[^<]*申请[^<]*：申请表缺少法定代表人签字<\/li>/);
    expect(before).toContain('name="file-seal-application"');
    const form = new FormData();
    form.set('item', 'seal');
    form.set('file-seal-application', new File([new Uint8Array(PDF)], 'signed.pdf'));
    form.set('response', '已补签字');
    const sent = await h.app.request(`/track/${p.number}/corrections`, { method: 'POST', body: form, headers: { cookie: p.cookie } });
    expect(sent.status).toBe(303);
    const corrected = (await h.store.getCase(CITY, seal))!;
    expect(corrected.status).not.toBe('correctionRequested');
    expect(corrected.correction).toMatchObject({ response: '已补签字' });
    expect(corrected.materials.find((m) => m.materialId === 'seal-application')?.files.map((f) => f.name)).toContain('signed.pdf');
    expect((await page(`/track/${p.number}`, p.cookie)).html).not.toContain('需要补正的内容');

    // Another item of the same application has nothing to correct: refused, nothing changed.
    const food = p.children.find((c) => c.key === 'food')!.trackingNumber;
    const revision = (await h.store.getCase(CITY, food))!.revision;
    form.set('item', 'food');
    expect((await h.app.request(`/track/${p.number}/corrections`, { method: 'POST', body: form, headers: { cookie: p.cookie } })).status).toBe(409);
    expect((await h.store.getCase(CITY, food))!.revision).toBe(revision);
  });

  it('withdraws the whole application: the items in hand are withdrawn, the waiting ones never start', async () => {
    const p = await applied();
    const form = (reason: string) => new URLSearchParams({ reason });
    expect((await page(`/track/${p.number}`, p.cookie)).html).toContain('撤回申请(全部事项)');
    const sent = await h.app.request(`/track/${p.number}/withdraw`, { method: 'POST', body: form('选址改变'), headers: { cookie: p.cookie } });
    expect(sent.status).toBe(303);
    for (const c of p.children) expect((await h.store.getCase(CITY, c.trackingNumber))?.status).toBe('withdrawn');
    const after = (await page(`/track/${p.number}`, p.cookie)).html;
    expect(after).not.toContain('撤回申请(全部事项)');
    // Nothing left to withdraw: refused, and nothing changes.
    const again = await h.app.request(`/track/${p.number}/withdraw`, { method: 'POST', body: form(''), headers: { cookie: p.cookie } });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('本件各事项均已办结或停止，不能撤回');
  });

  it('takes one rating once every item is decided, and says so when rated again', async () => {
    const p = await applied();
    expect((await page(`/track/${p.number}`, p.cookie)).html).not.toContain('提交评价');
    for (const [officer, key] of [
      ['market-officer', 'food'],
      ['police-officer', 'seal'],
      ['water-officer', 'water'],
    ] as const) {
      const token = await h.token(CITY, officer);
      const number = p.children.find((c) => c.key === key)!.trackingNumber;
      const { json } = await h.call('GET', `/api/officer/cases/${number}`, { token });
      expect((await h.call('POST', `/api/officer/cases/${number}/actions`, { token, body: { expectedRevision: json.case.revision, type: 'notAccept', reason: '经营场所与申请不符' } })).status).toBe(200);
    }
    const decided = (await page(`/track/${p.number}`, p.cookie)).html;
    expect(decided).toContain('提交评价');
    expect(decided).toContain('原因：经营场所与申请不符');
    // A 差评 says why: without a reason it is refused, and nothing is rated.
    const post = (fields: string[][]) => h.app.request(`/track/${p.number}/rate`, { method: 'POST', body: new URLSearchParams(fields), headers: { cookie: p.cookie } });
    const unexplained = await post([['level', '4'], ['comment', '等了很久']]);
    expect(unexplained.status).toBe(400);
    expect(await unexplained.text()).toContain('差评请至少选择一项原因');
    for (const c of p.children) expect((await h.store.getCase(CITY, c.trackingNumber))?.rating).toBeUndefined();
    const rate = () => post([['level', '4'], ['reasons', 'slow'], ['reasons', 'unclear'], ['comment', '等了很久']]);
    expect((await rate()).status).toBe(303);
    const rated = (await page(`/track/${p.number}`, p.cookie)).html;
    expect(rated).toContain('您的评价：不满意');
    expect(rated).not.toContain('提交评价');
    // Each item's case is rated, and each department's 整改 starts with its 差评.
    for (const c of p.children) {
      expect((await h.store.getCase(CITY, c.trackingNumber))?.rating).toMatchObject({ level: 4, comment: '等了很久' });
      expect(await h.store.getRating(CITY, c.trackingNumber, 'case')).toMatchObject({ level: 4, reasons: ['slow', 'unclear'], poor: { status: 'verifying' } });
    }
    const again = await rate();
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('本件已评价');
  });
});
