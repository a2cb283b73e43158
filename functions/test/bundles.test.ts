import { bundleTemplates } from '@onevisit/item-schemas/templates';
import { describe, expect, it } from 'vitest';
import { PDF } from './files';
import { harness } from './harness';
import { restaurantAnswers } from './restaurant-answers';

// Monday 2026-03-02, 10:00 in Shanghai.
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const BUNDLE = 'open-restaurant';
const APPLY = `/api/items/${CITY}/${BUNDLE}/applications`;
const { admin } = await h.adminTokens();

/** 开办餐饮店 from scratch: a new company serving hot food and drinks, with seals and a water connection. */
const fromScratch = { ...restaurantAnswers, foodTypes: ['hot', 'drinks'], seal: { sealTypes: ['official', 'finance', 'invoice'], byAgent: false } };

/** Each document the one checklist asks for these answers, uploaded once. */
async function documents(ids: string[]): Promise<Record<string, string[]>> {
  const entries = await Promise.all(ids.map(async (id): Promise<[string, string[]]> => [id, [await h.uploaded(CITY, BUNDLE, id)]]));
  return Object.fromEntries(entries);
}
const scratchDocuments = ['company__application', 'company__articles', 'premisesProof', 'food__application', 'food__layout', 'seal__seal-application', 'water__application'];

/** The texts sent to the applicant about these cases (by SMS: the form asks for a mobile). */
async function applicantTexts(numbers: Array<string | undefined>): Promise<string[]> {
  await h.delivered();
  return h.sent.filter((m) => m.channel === 'sms' && numbers.includes(m.trackingNumber)).map((m) => m.text);
}

async function queueOf(officer: string): Promise<Array<{ trackingNumber: string; itemId: string }>> {
  const response = await h.call('GET', '/api/officer/queue', { token: await h.token(CITY, officer) });
  expect(response.status).toBe(200);
  return response.json;
}

describe('publishing a 一件事', () => {
  it('is seeded: 开办餐饮店 published over its four base items', async () => {
    const listed = await h.call('GET', `/api/admin/${CITY}/bundles`, { token: admin });
    expect(listed.json).toEqual([expect.objectContaining({ bundleId: BUNDLE, name: '开办餐饮店', state: 'published', version: 1 })]);
  });

  it('refuses a base item whose department takes no part, in words, then publishes once the draft lists it', async () => {
    const definition = structuredClone(bundleTemplates[0]!) as Record<string, any>;
    const police = definition.cooperatingDepartments.shift();
    const created = await h.call('POST', `/api/admin/${CITY}/bundles`, { token: admin, body: { bundleId: 'restaurant-trial', definition: { ...definition, id: 'restaurant-trial' } } });
    expect(created.status).toBe(201);
    const refused = await h.call('POST', `/api/admin/${CITY}/bundles/restaurant-trial/publish`, { token: admin });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ code: 'PUBLISH_CHECKS_FAILED', message: '有 1 项发布检查未通过' });
    expect(refused.json.details).toEqual([expect.objectContaining({ code: 'BUNDLE_DEPARTMENT_NOT_LISTED', message: '「公章刻制备案」由示范市公安局办理，请把它列为牵头部门或配合部门', message_en: '"公章刻制备案" is handled by 示范市公安局: list it as the lead or a cooperating department' })]);
    expect((await h.call('GET', `/api/admin/${CITY}/bundles`, { token: admin })).json.find((b: { bundleId: string }) => b.bundleId === 'restaurant-trial')).toMatchObject({ state: 'draft', version: 0 });

    definition.cooperatingDepartments.unshift(police);
    const saved = await h.call('PUT', `/api/admin/${CITY}/bundles/restaurant-trial/draft`, { token: admin, headers: { 'if-match': '"1"' }, body: { ...definition, id: 'restaurant-trial' } });
    expect(saved.status).toBe(200);
    expect((await h.call('POST', `/api/admin/${CITY}/bundles/restaurant-trial/checks`, { token: admin })).json).toEqual({ revision: 2, issues: [] });
    const published = await h.call('POST', `/api/admin/${CITY}/bundles/restaurant-trial/publish`, { token: admin });
    expect(published.status).toBe(201);
    expect(published.json).toMatchObject({ bundleId: 'restaurant-trial', version: 1 });
  });

  it('keeps a bundle out of an item’s id, and officials only', async () => {
    const taken = await h.call('POST', `/api/admin/${CITY}/bundles`, { token: admin, body: { bundleId: 'water-connection', templateId: BUNDLE } });
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ code: 'BUNDLE_EXISTS', message: '「water-connection」已是事项「供水报装」的标识，一件事不能使用同一标识', message_en: '"water-connection" is the id of the item "供水报装": a bundle cannot take it' });
    expect((await h.call('POST', `/api/admin/${CITY}/bundles`, { body: { bundleId: 'x-bundle', templateId: BUNDLE } })).status).toBe(401);
  });
});

/** An existing company (营业执照 in hand) opening a restaurant: only the second stage's items apply, all at once. */
const withLicence = {
  ...fromScratch,
  hasLicence: true,
  foodTypes: ['hot'],
  uscc: '91370500MA3C000029',
  company: undefined,
};
const licenceDocuments = ['food__application', 'food__layout', 'seal__seal-application', 'water__application'];

describe('applying once (一次提交)', () => {
  it('makes one parent case and starts the first stage only, in its department’s queue; a retry makes nothing more', async () => {
    const body = { answers: fromScratch, materials: await documents(scratchDocuments) };
    const first = await h.call('POST', APPLY, { body, headers: { 'idempotency-key': 'restaurant-0001' } });
    expect(first.status).toBe(201);
    const parent = first.json.case;
    expect(parent).toMatchObject({ bundleName: '开办餐饮店', status: 'inProcess', receivedOn: '2026-03-02' });
    expect(parent.children.map((c: { key: string; stage: number; status: string }) => [c.key, c.stage, c.status])).toEqual([
      ['company', 1, 'received'],
      ['food', 2, 'waiting'],
      ['seal', 2, 'waiting'],
      ['water', 2, 'waiting'],
    ]);
    const company = parent.children[0].trackingNumber;
    expect(company).not.toBe(parent.trackingNumber);
    expect((await queueOf('market-officer')).filter((e) => e.trackingNumber === company)).toEqual([expect.objectContaining({ itemId: 'company-registration' })]);
    expect(await queueOf('police-officer')).toEqual([]);
    const child = await h.store.getCase(CITY, company);
    expect(child?.bundle).toEqual({ trackingNumber: parent.trackingNumber, bundleId: BUNDLE, key: 'company' });
    // The one 住所使用证明 reaches 企业设立登记 as its own material.
    expect(child?.materials.map((m) => m.materialId).sort()).toEqual(['application', 'articles', 'premises']);

    // One message for one application: the parent's number and code, not each item's.
    const texts = await applicantTexts(parent.children.map((c: { trackingNumber?: string }) => c.trackingNumber));
    expect(texts).toEqual([`您申请的「开办餐饮店」已收到，受理编号 ${parent.trackingNumber}，查询码 ${first.json.secret.slice(0, 4)} ${first.json.secret.slice(4)}，共 4 个事项，承诺2026-03-16前全部办结。`]);

    const before = await h.recordCount();
    const again = await h.call('POST', APPLY, { body, headers: { 'idempotency-key': 'restaurant-0001' } });
    expect(again.status).toBe(200);
    expect(again.json.case.trackingNumber).toBe(parent.trackingNumber);
    expect(again.json.secret).toBe(first.json.secret);
    expect(await h.recordCount()).toBe(before);
    expect((await queueOf('market-officer')).filter((e) => e.itemId === 'company-registration')).toHaveLength(1);
  });

  it('starts every item of the first stage that applies, each in its own department: 食品经营许可, 公章刻制, 供水报装', async () => {
    const response = await h.call('POST', APPLY, { body: { answers: withLicence, materials: await documents(licenceDocuments) } });
    expect(response.status).toBe(201);
    const children = response.json.case.children as Array<{ key: string; trackingNumber: string; status: string }>;
    expect(children.map((c) => [c.key, c.status])).toEqual([
      ['food', 'received'],
      ['seal', 'received'],
      ['water', 'received'],
    ]);
    const numberOf = (key: string) => children.find((c) => c.key === key)!.trackingNumber;
    expect((await queueOf('market-officer')).map((e) => e.trackingNumber)).toContain(numberOf('food'));
    expect((await queueOf('police-officer')).map((e) => e.trackingNumber)).toEqual([numberOf('seal')]);
    expect((await queueOf('water-officer')).map((e) => e.trackingNumber)).toContain(numberOf('water'));
    // Only 供水报装 needs the premises proof here: received without it (容缺), to come later.
    expect((await h.store.getCase(CITY, numberOf('water')))?.materials.find((m) => m.materialId === 'property-proof')).toMatchObject({ status: 'deferred' });

    const tracked = await h.call('GET', `/api/track/${response.json.case.trackingNumber}`, { headers: { 'x-tracking-secret': response.json.secret } });
    expect(tracked.status).toBe(200);
    expect(tracked.json.children.map((c: { status: string }) => c.status)).toEqual(['received', 'received', 'received']);
    expect((await h.call('GET', `/api/track/${response.json.case.trackingNumber}`, { headers: { 'x-tracking-secret': 'WRONG123' } })).status).toBe(404);

    // The lookup form without JavaScript: the one number and the one code open the one page.
    const lookup = await h.app.request('/track', { method: 'POST', body: new URLSearchParams({ number: response.json.case.trackingNumber, secret: response.json.secret }) });
    expect(lookup.status).toBe(303);
    const page = await h.app.request(lookup.headers.get('location')!, { headers: { cookie: lookup.headers.get('set-cookie')!.split(';')[0]! } });
    expect([...(await page.text()).matchAll(/<tr data-item="(\w+)" data-status="(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(['food:received', 'seal:received', 'water:received']);
    const wrong = await h.app.request('/track', { method: 'POST', body: new URLSearchParams({ number: response.json.case.trackingNumber, secret: 'WRONG123' }) });
    expect(wrong.status).toBe(404);
  });

  it('refuses bad input with 4xx in Chinese and English, storing nothing', async () => {
    const before = await h.recordCount();
    const files = await documents(scratchDocuments);
    const { premisesProof: _left, ...withoutProof } = files;
    const missing = await h.call('POST', APPLY, { body: { answers: fromScratch, materials: withoutProof } });
    expect(missing.status).toBe(422);
    expect(missing.json).toMatchObject({ code: 'MATERIALS_MISSING', message: '缺少必要材料：住所(经营场所)使用证明', message_en: 'required materials are missing: 住所(经营场所)使用证明' });
    const wrong = await h.call('POST', APPLY, { body: { answers: { ...fromScratch, legalRepIdCard: '123' }, materials: files } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.code).toBe('INVALID_ANSWERS');
    expect(wrong.json.message).toMatch(/^有 1 处填写有误：/);
    expect(wrong.json.message_en).toMatch(/^1 answer\(s\) need correcting: /);
    const shared = await h.call('POST', APPLY, { body: { answers: fromScratch, materials: { ...files, businessLicence: files.premisesProof } } });
    expect(shared.status).toBe(422);
    expect(shared.json).toMatchObject({ code: 'MATERIALS_NOT_ASKED', message: '以下材料无需提交(已共享或不适用)：营业执照' });
    const malformed = await h.call('POST', APPLY, { raw: '{"answers":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ code: 'MALFORMED_REQUEST', message: '请求格式不正确(如 JSON 无法解析)' });
    const shapeless = await h.call('POST', APPLY, { body: { answers: 'none' } });
    expect(shapeless.status).toBe(400);
    expect(shapeless.json.code).toBe('INVALID_REQUEST');
    expect(await h.recordCount()).toBe(before);
  });
});

/** The options of the choices asked, in the order the page offers them: the page posts an option's place. */
const options: Record<string, readonly string[]> = { foodTypes: ['hot', 'cold', 'raw', 'drinks', 'packaged'], sealTypes: ['official', 'finance', 'invoice', 'contract', 'legalRep'] };

/** The answers as a form without JavaScript posts them: root[a][b], lists as root[a][0][b], choices by their place (是 first). */
function posted(answers: Record<string, unknown>, into = new FormData(), prefix = 'root'): FormData {
  for (const [key, value] of Object.entries(answers)) {
    const name = `${prefix}[${key}]`;
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((v, i) => (typeof v === 'object' ? posted(v as Record<string, unknown>, into, `${name}[${i}]`) : into.append(`${name}[]`, String(options[key]!.indexOf(v as string)))));
    else if (typeof value === 'boolean') into.append(name, value ? '0' : '1');
    else if (typeof value === 'object' && value !== null) posted(value as Record<string, unknown>, into, name);
    else into.append(name, String(value));
  }
  return into;
}

describe('the application page without JavaScript', () => {
  it('asks each question once and each document once, posting to its own address', async () => {
    const page = await h.call('GET', `/apply/${CITY}/${BUNDLE}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form class="citizen-form" id="citizen-form" noValidate="" action="/apply/990100/open-restaurant" encType="multipart/form-data" method="post">');
    const labels = [...page.text.matchAll(/<label class="control-label" for="([^"]+)">([^<]*)/g)].map((m) => m[1]!);
    expect(new Set(labels).size).toBe(labels.length);
    const topLevel = [...page.text.matchAll(/<label class="control-label" for="root_([A-Za-z]+)">([^<]*)/g)].map((m) => m[2]);
    for (const once of ['统一社会信用代码', '法定代表人身份证号码', '联系电话', '企业名称']) expect(topLevel.filter((t) => t === once)).toHaveLength(1);
    const uploads = [...page.text.matchAll(/name="material\[([^\]]+)\]"/g)].map((m) => m[1]);
    expect(new Set(uploads).size).toBe(uploads.length);
    expect(uploads).toContain('premisesProof');
    // 营业执照 is 免交 for 食品经营许可, so for the bundle: never uploaded.
    expect(uploads).not.toContain('businessLicence');
  });

  it('prints one checklist (一次告知), and tells it for given answers', async () => {
    const page = await h.call('GET', `/apply/${CITY}/${BUNDLE}/checklist`);
    expect(page.status).toBe(200);
    expect(page.text.match(/住所\(经营场所\)使用证明/g)?.length).toBeGreaterThanOrEqual(1);
    const told = await h.call('POST', `/api/items/${CITY}/${BUNDLE}/checklist`, { body: { answers: withLicence } });
    expect(told.status).toBe(200);
    expect(told.json.deferrable.map((m: { name: string }) => m.name)).toContain('住所(经营场所)使用证明');
    expect(told.json.shared.find((m: { id: string }) => m.id === 'businessLicence')).toMatchObject({ name: '营业执照', for: ['食品经营许可(餐饮服务)', '公章刻制备案', '供水报装'] });
  });

  it('takes one post with the files, and shows one tracking page with each item’s status', async () => {
    const form = posted(fromScratch);
    for (const id of scratchDocuments) form.append(`material[${id}]`, new File([new Uint8Array(PDF)], `${id}.pdf`));
    form.set('idempotencyKey', '0123456789abcdef0123456789abcdef');
    const sent = await h.app.request(`/apply/${CITY}/${BUNDLE}`, { method: 'POST', body: form });
    expect(sent.status).toBe(303);
    const receipt = sent.headers.get('location')!;
    expect(receipt).toMatch(/^\/receipt\/990100-20260302-\d{6}/);
    const cookie = sent.headers.get('set-cookie')!.split(';')[0]!;
    const page = await h.app.request(receipt, { headers: { cookie } });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('<h1>开办餐饮店</h1>');
    expect([...text.matchAll(/<tr data-item="(\w+)" data-status="(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(['company:received', 'food:waiting', 'seal:waiting', 'water:waiting']);
    expect(text).toContain('等待上一阶段办结');
  });

  it('answers a post with mistakes with the page again, every mistake told, nothing stored', async () => {
    const before = await h.recordCount();
    const sent = await h.app.request(`/apply/${CITY}/${BUNDLE}`, { method: 'POST', body: posted({ ...fromScratch, legalRepIdCard: '123' }) });
    expect(sent.status).toBe(400);
    const text = await sent.text();
    expect(text).toContain('请上传「住所(经营场所)使用证明」');
    expect(text).toMatch(/有 \d+ 处需要修改/);
    expect(await h.recordCount()).toBe(before);
  });
});

describe('stage by stage (一次分办)', () => {
  const market = async () => h.token(CITY, 'market-officer');
  async function act(number: string, action: Record<string, unknown>) {
    const token = await market();
    const { json } = await h.call('GET', `/api/officer/cases/${number}`, { token });
    const response = await h.call('POST', `/api/officer/cases/${number}/actions`, { token, body: { expectedRevision: json.case.revision, ...action } });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
  }
  async function applied(key: string) {
    const response = await h.call('POST', APPLY, { body: { answers: fromScratch, materials: await documents(scratchDocuments) }, headers: { 'idempotency-key': key } });
    expect(response.status).toBe(201);
    return { number: response.json.case.trackingNumber as string, secret: response.json.secret as string, company: response.json.case.children[0].trackingNumber as string };
  }
  const track = async (p: { number: string; secret: string }) => (await h.call('GET', `/api/track/${p.number}`, { headers: { 'x-tracking-secret': p.secret } })).json;

  it('starts the second stage when the 营业执照 is issued, its number filled in as the 统一社会信用代码', async () => {
    const p = await applied('restaurant-stage-1');
    await act(p.company, { type: 'accept' });
    await act(p.company, { type: 'completeStep', outcome: 'pass', result: { name: '营业执照', number: '91370500MA3C000029' } });
    const view = await track(p);
    expect(view.children.map((c: { key: string; status: string }) => `${c.key}:${c.status}`)).toEqual(['company:decided', 'food:received', 'seal:received', 'water:received']);
    const seal = view.children.find((c: { key: string }) => c.key === 'seal').trackingNumber;
    expect((await queueOf('police-officer')).map((e) => e.trackingNumber)).toContain(seal);
    const sealCase = await h.store.getCase(CITY, seal);
    expect(sealCase?.answers.uscc).toBe('91370500MA3C000029');
    expect(sealCase?.bundle).toEqual({ trackingNumber: p.number, bundleId: BUNDLE, key: 'seal' });
    expect((await applicantTexts(view.children.map((c: { trackingNumber?: string }) => c.trackingNumber))).filter((t) => t.includes('已开始办理'))).toEqual([`您申请的「开办餐饮店」(受理编号 ${p.number})：食品经营许可(餐饮服务)、公章刻制备案、供水报装已开始办理。`]);
    // Asked again, nothing more is started.
    const again = await track(p);
    expect(again.children.map((c: { trackingNumber?: string }) => c.trackingNumber)).toEqual(view.children.map((c: { trackingNumber?: string }) => c.trackingNumber));
    // The applicant's one number finds the items' cases in 办件查询: an officer their department's, an administrator every one.
    const byNumber = async (who: string) => (await h.call('GET', `/api/cases?number=${p.number}`, { token: await h.token(CITY, who) })).json.cases.map((e: { itemId: string }) => e.itemId);
    expect(await byNumber('police-officer')).toEqual(['seal-engraving']);
    expect((await byNumber('city-admin')).sort()).toEqual(['company-registration', 'food-licence', 'seal-engraving', 'water-connection']);
  });

  it('goes on without the company when it is not registered: what needs its 营业执照 stops, saying why; 供水报装 goes ahead', async () => {
    const p = await applied('restaurant-stage-2');
    await act(p.company, { type: 'notAccept', reason: '名称与已登记企业相同' });
    const view = await track(p);
    expect(view.children.map((c: { key: string; status: string }) => `${c.key}:${c.status}`)).toEqual(['company:notAccepted', 'food:stopped', 'seal:stopped', 'water:received']);
    expect((await applicantTexts(view.children.map((c: { trackingNumber?: string }) => c.trackingNumber))).filter((t) => t.includes('已开始办理'))).toEqual([
      `您申请的「开办餐饮店」(受理编号 ${p.number})：供水报装已开始办理。「食品经营许可(餐饮服务)」：缺少「企业设立登记(多证合一)」的办理结果，本事项无法办理；「公章刻制备案」：缺少「企业设立登记(多证合一)」的办理结果，本事项无法办理。`,
    ]);
    expect(view.children[1].stopped).toEqual({ message: '缺少「企业设立登记(多证合一)」的办理结果，本事项无法办理', message_en: 'without the result of "企业设立登记(多证合一)" this item cannot go ahead' });
  });
});

describe('a bundle that stops on a denial (onChildDenied: stopAll)', () => {
  it('stops every waiting item when the first stage is not granted, saying why', async () => {
    const definition = { ...structuredClone(bundleTemplates[0]!), id: 'restaurant-strict', onChildDenied: 'stopAll' };
    expect((await h.call('POST', `/api/admin/${CITY}/bundles`, { token: admin, body: { bundleId: 'restaurant-strict', definition } })).status).toBe(201);
    expect((await h.call('POST', `/api/admin/${CITY}/bundles/restaurant-strict/publish`, { token: admin })).status).toBe(201);
    const materials = Object.fromEntries(await Promise.all(scratchDocuments.map(async (id): Promise<[string, string[]]> => [id, [await h.uploaded(CITY, 'restaurant-strict', id)]])));
    const applied = await h.call('POST', `/api/items/${CITY}/restaurant-strict/applications`, { body: { answers: fromScratch, materials } });
    expect(applied.status).toBe(201);
    const token = await h.token(CITY, 'market-officer');
    const company = applied.json.case.children[0].trackingNumber;
    const { json } = await h.call('GET', `/api/officer/cases/${company}`, { token });
    expect((await h.call('POST', `/api/officer/cases/${company}/actions`, { token, body: { expectedRevision: json.case.revision, type: 'notAccept', reason: '名称与已登记企业相同' } })).status).toBe(200);
    const view = (await h.call('GET', `/api/track/${applied.json.case.trackingNumber}`, { headers: { 'x-tracking-secret': applied.json.secret } })).json;
    expect(view.children.map((c: { key: string; status: string }) => `${c.key}:${c.status}`)).toEqual(['company:notAccepted', 'food:stopped', 'seal:stopped', 'water:stopped']);
    expect(view.children[3].stopped.message).toBe('同一件事中的其他事项未获准予，本事项不再办理');
    expect(view.status).toBe('decided');
  });
});

describe('one delivery, one rating (一窗出件, 一键评价)', () => {
  async function act(officer: string, number: string, action: Record<string, unknown>) {
    const token = await h.token(CITY, officer);
    const { json } = await h.call('GET', `/api/officer/cases/${number}`, { token });
    return h.call('POST', `/api/officer/cases/${number}/actions`, { token, body: { expectedRevision: json.case.revision, ...action } });
  }

  it('holds a result until every item is decided, then takes one rating for all of them', async () => {
    const applied = await h.call('POST', APPLY, { body: { answers: withLicence, materials: await documents(licenceDocuments) } });
    const p = { number: applied.json.case.trackingNumber as string, secret: applied.json.secret as string };
    const numberOf = (key: string) => applied.json.case.children.find((c: { key: string }) => c.key === key).trackingNumber as string;
    expect((await act('police-officer', numberOf('seal'), { type: 'accept' })).status).toBe(200);
    expect((await act('police-officer', numberOf('seal'), { type: 'completeStep', outcome: 'pass', result: { name: '印章备案回执' } })).status).toBe(200);
    const held = await act('police-officer', numberOf('seal'), { type: 'deliver', method: '窗口领取' });
    expect(held.status).toBe(409);
    expect(held.json).toMatchObject({ code: 'BUNDLE_DELIVERY_TOGETHER', message: '「开办餐饮店」的结果在全部事项办结后一并送达，食品经营许可(餐饮服务)、供水报装尚未办结' });
    expect(held.json.message_en).toContain('delivered together');
    const rateEarly = await h.call('POST', `/api/track/${p.number}/actions`, { body: { secret: p.secret, action: { type: 'rate', level: 1 } } });
    expect(rateEarly.json).toMatchObject({ code: 'NOT_RATABLE', message: '事项办结后才能评价' });

    expect((await act('market-officer', numberOf('food'), { type: 'notAccept', reason: '经营场所与申请不符' })).status).toBe(200);
    expect((await act('water-officer', numberOf('water'), { type: 'notAccept', reason: '该地址不在供水管网覆盖范围' })).status).toBe(200);
    expect((await act('police-officer', numberOf('seal'), { type: 'deliver', method: '窗口领取' })).status).toBe(200);

    const rated = await h.call('POST', `/api/track/${p.number}/actions`, { body: { secret: p.secret, action: { type: 'rate', level: 1, comment: '一次办好' } } });
    expect(rated.status).toBe(200);
    expect(rated.json.rating).toMatchObject({ level: 1, comment: '一次办好' });
    for (const key of ['food', 'seal', 'water']) expect((await h.store.getCase(CITY, numberOf(key)))?.rating).toMatchObject({ level: 1 });
    const twice = await h.call('POST', `/api/track/${p.number}/actions`, { body: { secret: p.secret, action: { type: 'rate', level: 5 } } });
    expect(twice.json).toMatchObject({ code: 'RATED_ALREADY', message: '本件已评价', message_en: 'this application was rated already' });
  });
});
