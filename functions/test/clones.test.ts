import { MODEL_VERSION } from '@onevisit/item-schemas';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { harness } from './harness';
import { PDF, saleAnswers } from './files';

/**
 * A county claims the whole city catalogue, adapts its local fields, and follows the city when it
 * publishes a new version (DOMAIN §3). 东城县 (990121) under 示范市 (990100).
 */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const COUNTY = '990121';
const OTHER_COUNTY = '990122';
const ITEM = 'real-estate-transfer';
let city: string;
let county: string;
let otherCounty: string;

beforeAll(async () => {
  city = await h.token(CITY, 'city-admin');
  county = await h.token(COUNTY, 'dongcheng-admin');
  otherCounty = await h.token(OTHER_COUNTY, 'xihe-admin');
});

const countyWindow = { name: '东城县政务服务中心不动产窗口', address: '东城县中山路 1 号', hours: '工作日 9:00-17:00', phone: '0546-88888' };
const countyDepartment = { name: '东城县行政审批服务局', creditCode: '11370521MB1000001J', nature: '1' };

async function countyDraft() {
  const response = await h.call('GET', `/api/admin/${COUNTY}/items/${ITEM}/draft`, { token: county });
  expect(response.status).toBe(200);
  return response.json;
}

async function fileCase(jurisdiction: string) {
  const materials: Record<string, string[]> = {};
  for (const id of ['application', 'title-certificate', 'sale-contract', 'survey-report']) {
    const form = new FormData();
    form.set('materialId', id);
    form.set('file', new File([new Uint8Array(PDF)], 'scan.pdf'));
    materials[id] = [(await h.call('POST', `/api/items/${jurisdiction}/${ITEM}/uploads`, { raw: form })).json.key];
  }
  const response = await h.call('POST', `/api/items/${jurisdiction}/${ITEM}/applications`, { body: { answers: saleAnswers, materials } });
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return response.json.case;
}

describe('claiming the city catalogue', () => {
  it('clones every published city item as a draft following its version; running it again adds nothing', async () => {
    const claimable = await h.call('GET', `/api/admin/${COUNTY}/claimable`, { token: county });
    expect(claimable.json).toHaveLength(13);
    expect(claimable.json.every((i: { cloned: boolean }) => !i.cloned)).toBe(true);
    const itemIds = claimable.json.map((i: { itemId: string }) => i.itemId);
    const before = await h.recordCount();
    const first = await h.call('POST', `/api/admin/${COUNTY}/clones`, { token: county, body: { itemIds } });
    expect(first.json.results.map((r: { status: string }) => r.status)).toEqual(Array(13).fill('cloned'));
    const records = await h.recordCount();
    const again = await h.call('POST', `/api/admin/${COUNTY}/clones`, { token: county, body: { itemIds: [...itemIds, itemIds[0]] } });
    expect(again.json.results.map((r: { status: string }) => r.status)).toEqual(Array(13).fill('exists'));
    expect(await h.recordCount()).toBe(records);
    expect(records - before).toBe(26); // a head and a draft each, nothing more

    const items = await h.call('GET', `/api/admin/${COUNTY}/items`, { token: county });
    const head = items.json.find((i: { itemId: string }) => i.itemId === ITEM);
    expect(head).toMatchObject({ state: 'draft', upstream: { jurisdiction: CITY, itemId: ITEM, version: 1 } });
    // Not yet published, the catalogue still has what was claimed to show: with the county's own department.
    expect(head.published).toBeUndefined();
    expect(head.draftSummary).toMatchObject({ name: '不动产转移登记', itemType: '07', department: { name: '东城县行政审批服务局', creditCode: '11370521MB1000001J' }, legalLimit: { value: 30 }, promisedLimit: { value: 5 } });
    expect((await h.call('GET', `/api/admin/${COUNTY}/claimable`, { token: county })).json.every((i: { cloned: boolean }) => i.cloned)).toBe(true);
  });

  it('stores only the overrides; the draft reads as the city item plus them', async () => {
    const draft = await countyDraft();
    expect(draft.definition).toMatchObject({ name: '不动产转移登记', upstream: { jurisdiction: CITY, itemId: ITEM, version: 1 } });
    const edited = { ...draft.definition, promisedLimit: { value: 6, unit: 'workday' }, windows: [countyWindow], department: countyDepartment };
    const saved = await h.call('PUT', `/api/admin/${COUNTY}/items/${ITEM}/draft`, { token: county, body: edited, headers: { 'if-match': `"${draft.revision}"` } });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const stored = await h.store.getDraft(COUNTY, ITEM);
    // Nothing of the definition but the model the overrides are written in.
    expect(stored!.definition).toEqual({ modelVersion: MODEL_VERSION });
    expect(stored!.clone!.overrides).toEqual({ promisedLimit: { value: 6, unit: 'workday' }, windows: [countyWindow], department: countyDepartment });
    expect((await countyDraft()).definition).toMatchObject({ promisedLimit: { value: 6 }, windows: [countyWindow], legalLimit: { value: 30 } });
    const head = (await h.call('GET', `/api/admin/${COUNTY}/items`, { token: county })).json.find((i: { itemId: string }) => i.itemId === ITEM);
    expect(head.draftSummary).toMatchObject({ promisedLimit: { value: 6 }, department: { name: countyDepartment.name } });
    // The version followed, for the editor to tell the county's edits from the city's values.
    const base = await h.call('GET', `/api/admin/${COUNTY}/items/${ITEM}/upstream/base`, { token: county });
    expect(base.json).toMatchObject({ following: { jurisdiction: CITY, itemId: ITEM, version: 1 }, definition: { promisedLimit: { value: 5 }, department: { name: '示范市不动产登记中心' } } });
    expect((await h.call('GET', `/api/admin/${COUNTY}/items/${ITEM}/upstream/base`, { token: otherCounty })).status).toBe(403);
  });

  it('says why a promise shorter than the city’s steps cannot be published: the steps are set above', async () => {
    const other = (await h.call('GET', `/api/admin/${COUNTY}/items/labour-dispatch-licence/draft`, { token: county })).json;
    const short = { ...other.definition, promisedLimit: { value: 3, unit: 'workday' } };
    expect((await h.call('PUT', `/api/admin/${COUNTY}/items/labour-dispatch-licence/draft`, { token: county, body: short, headers: { 'if-match': `"${other.revision}"` } })).status).toBe(200);
    const checked = await h.call('POST', `/api/admin/${COUNTY}/items/labour-dispatch-licence/checks`, { token: county });
    expect(checked.json.issues.filter((i: { code: string }) => i.code === 'STEPS_EXCEED_PROMISED')).toEqual([
      {
        code: 'STEPS_EXCEED_PROMISED',
        path: '/promisedLimit/value',
        message: '办理环节由上级设定，承诺办结时限不能短于各环节时限合计(5个工作日)，当前为3个工作日',
        message_en: 'the steps are set by the level above: the promised limit cannot be shorter than their total (5 working days); it is 3 working days',
      },
    ]);
  });

  it('refuses a change to a locked field with a clear error, and keeps the draft as it was', async () => {
    const draft = await countyDraft();
    const renamed = { ...draft.definition, name: '东城县不动产转移登记', legalLimit: { value: 60, unit: 'workday' } };
    const refused = await h.call('PUT', `/api/admin/${COUNTY}/items/${ITEM}/draft`, { token: county, body: renamed, headers: { 'if-match': `"${draft.revision}"` } });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ code: 'LOCKED_FIELDS', message: '「事项名称」、「法定办结时限」由上级统一设定，本级不能修改' });
    expect(refused.json.message_en).toContain('set upstream');
    expect((await countyDraft()).revision).toBe(draft.revision);
  });

  it('never sends the county’s applicants to the city’s hall: without windows of its own, its pages name its department', async () => {
    const ITEM_HERE = 'hr-agency-approval';
    const CITY_HALL = '示范市人民路 100 号政务服务中心一楼';
    const draft = (await h.call('GET', `/api/admin/${COUNTY}/items/${ITEM_HERE}/draft`, { token: county })).json;
    expect(draft.definition.windows).toEqual([]);
    const saved = await h.call('PUT', `/api/admin/${COUNTY}/items/${ITEM_HERE}/draft`, { token: county, body: { ...draft.definition, department: countyDepartment }, headers: { 'if-match': `"${draft.revision}"` } });
    expect(saved.json.definition.windows).toEqual([]);
    expect((await h.call('POST', `/api/admin/${COUNTY}/items/${ITEM_HERE}/publish`, { token: county })).status).toBe(201);
    const text = async (path: string) => (await (await h.app.request(path)).text()).replace(/<[^>]+>/g, ' ');
    expect(await text(`/apply/${CITY}/${ITEM_HERE}`)).toContain(CITY_HALL);
    expect(await text(`/apply/${CITY}/${ITEM_HERE}/checklist`)).toContain(`窗口办理：请到示范市政务服务中心综合受理窗口(${CITY_HALL}`);
    expect(await text(`/apply/${COUNTY}/${ITEM_HERE}/checklist`)).toContain(`窗口办理：请到「${countyDepartment.name}」申请`);
    for (const path of [`/apply/${COUNTY}/${ITEM_HERE}`, `/guide/${COUNTY}/${ITEM_HERE}`]) {
      const page = await text(path);
      expect(page, path).not.toContain(CITY_HALL);
      expect(page, path).not.toContain('示范市政务服务中心');
      expect(page, path).toContain(`请到「${countyDepartment.name}」办理`);
    }
  });

  it('keeps one county out of another’s clones', async () => {
    const draft = await countyDraft();
    expect((await h.call('PUT', `/api/admin/${COUNTY}/items/${ITEM}/draft`, { token: otherCounty, body: draft.definition, headers: { 'if-match': `"${draft.revision}"` } })).status).toBe(403);
    expect((await h.call('POST', `/api/admin/${COUNTY}/clones`, { token: otherCounty, body: { itemIds: [ITEM] } })).status).toBe(403);
    expect((await h.call('POST', `/api/admin/${COUNTY}/items/${ITEM}/upstream/accept`, { token: otherCounty, body: { version: 2 } })).status).toBe(403);
  });
});

describe('following the city', () => {
  let filedOnV1: { trackingNumber: string };

  it('publishes the county’s version: the checks run on the effective item; cases are filed on it', async () => {
    const published = await h.call('POST', `/api/admin/${COUNTY}/items/${ITEM}/publish`, { token: county });
    expect(published.status, JSON.stringify(published.json)).toBe(201);
    expect(published.json.definition).toMatchObject({ promisedLimit: { value: 6 }, department: { creditCode: countyDepartment.creditCode }, upstream: { version: 1 } });
    filedOnV1 = await fileCase(COUNTY);
    expect(filedOnV1).toMatchObject({ version: 1, departmentId: countyDepartment.creditCode });
  });

  it('shows the county the city’s v2 field by field, and asks about the promise beyond the new legal limit', async () => {
    const cityDraft = (await h.call('GET', `/api/admin/${CITY}/items/${ITEM}/draft`, { token: city })).json;
    const v2 = structuredClone(cityDraft.definition);
    v2.legalLimit = { value: 5, unit: 'workday' };
    v2.materials.find((m: { id: string }) => m.id === 'sale-contract').guide = '须经双方签字并按手印';
    v2.materials.find((m: { id: string }) => m.id === 'tax-receipt').originals = 2;
    v2.steps.find((s: { id: string }) => s.id === 'review').limitDays = 1;
    expect((await h.call('PUT', `/api/admin/${CITY}/items/${ITEM}/draft`, { token: city, body: v2, headers: { 'if-match': `"${cityDraft.revision}"` } })).status).toBe(200);
    const cityV2 = await h.call('POST', `/api/admin/${CITY}/items/${ITEM}/publish`, { token: city });
    expect(cityV2.status, JSON.stringify(cityV2.json)).toBe(201);

    const behind = await h.call('GET', `/api/admin/${CITY}/downstream`, { token: city });
    expect(behind.json.find((c: { jurisdiction: string; itemId: string }) => c.jurisdiction === COUNTY && c.itemId === ITEM)).toMatchObject({ jurisdictionName: '示范市东城县', following: 1, latest: 2, behind: true, published: 1 });

    const status = await h.call('GET', `/api/admin/${COUNTY}/items/${ITEM}/upstream`, { token: county });
    expect(status.json).toMatchObject({ following: { version: 1 }, latest: { version: 2 }, behind: true });
    type Shown = { path: string; label: string; label_en: string; before: string; after: string; before_en: string; after_en: string; overridden: boolean };
    const changes = status.json.changes as Shown[];
    expect(changes.map((c) => [c.path, c.label, c.before, c.after, c.overridden])).toEqual([
      ['/legalLimit', '法定办结时限', '30个工作日', '5个工作日', false],
      ['/materials/3/guide', '申请材料「不动产买卖合同」 › 填报须知', expect.any(String), '须经双方签字并按手印', false],
      ['/materials/6/originals', '申请材料「完税凭证」 › 原件份数', '1 份', '2 份', false],
      ['/steps/1/limitDays', '办理环节「审核」 › 环节时限', '2个工作日', '1个工作日', false],
    ]);
    expect(changes.map((c) => c.label_en)).toEqual(['Legal time limit', 'Material “不动产买卖合同” › Instructions', 'Material “完税凭证” › Originals', 'Step “审核” › Step time limit']);
    for (const c of changes) {
      expect(c.label).not.toMatch(/creditCode|originals|limitDays|guide|materials|steps|legalLimit|[A-Za-z]/);
      for (const value of [c.before, c.after, c.before_en, c.after_en]) expect(value).not.toMatch(/^\s*[[{]/);
    }
    expect(status.json.conflicts).toEqual([
      expect.objectContaining({ path: '/promisedLimit', code: 'PROMISED_EXCEEDS_LEGAL', local: { value: 6, unit: 'workday' }, message: '本地承诺时限(6个工作日)超过了上级新的法定时限(5个工作日)，请重新决定' }),
    ]);
  });

  it('accepts only with a decision on the promise; keeps the window override; cases filed before keep v1', async () => {
    const draft = await countyDraft();
    const undecided = await h.call('POST', `/api/admin/${COUNTY}/items/${ITEM}/upstream/accept`, { token: county, body: { version: 2 }, headers: { 'if-match': `"${draft.revision}"` } });
    expect(undecided.status).toBe(409);
    expect(undecided.json).toMatchObject({ code: 'DECISIONS_NEEDED', details: [expect.objectContaining({ path: '/promisedLimit' })] });
    expect((await countyDraft()).revision).toBe(draft.revision);

    // 重新设定 but leaving 6, beyond the new legal limit of 5; or 3, below the city's steps (4 working days now).
    for (const [value, message, english] of [
      [6, '「承诺办结时限」不能超过上级新的法定时限(5个工作日)，所选为6个工作日', '"Promised limit" cannot exceed upstream\'s new legal limit (5 working days); the choice is 6 working days'],
      [3, '「承诺办结时限」不能短于上级设定的各环节时限合计(4个工作日)，所选为3个工作日', '"Promised limit" cannot be shorter than the steps set by the level above, which add up to 4 working days; the choice is 3 working days'],
    ] as const) {
      const refused = await h.call('POST', `/api/admin/${COUNTY}/items/${ITEM}/upstream/accept`, {
        token: county,
        body: { version: 2, decisions: { '/promisedLimit': { take: 'value', value: { value, unit: 'workday' } } } },
        headers: { 'if-match': `"${draft.revision}"` },
      });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ code: 'DECISION_INVALID', message, message_en: english, details: [{ path: '/promisedLimit', title: '承诺办结时限' }] });
    }
    const unchanged = await h.store.getDraft(COUNTY, ITEM);
    expect(unchanged).toMatchObject({ revision: draft.revision, clone: { upstream: { version: 1 }, overrides: { promisedLimit: { value: 6, unit: 'workday' } } } });
    expect((await h.store.getHead(COUNTY, ITEM))!.upstream).toEqual({ jurisdiction: CITY, itemId: ITEM, version: 1 });
    const conflict = (await h.call('GET', `/api/admin/${COUNTY}/items/${ITEM}/upstream`, { token: county })).json.conflicts[0];
    expect(conflict.bounds).toEqual({ legalLimit: { value: 5, unit: 'workday' }, stepsWorkdays: 4 });

    const accepted = await h.call('POST', `/api/admin/${COUNTY}/items/${ITEM}/upstream/accept`, {
      token: county,
      body: { version: 2, decisions: { '/promisedLimit': { take: 'upstream' } } },
      headers: { 'if-match': `"${draft.revision}"` },
    });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    expect(accepted.json.definition).toMatchObject({ promisedLimit: { value: 5 }, legalLimit: { value: 5 }, windows: [countyWindow], upstream: { version: 2 } });
    expect(accepted.json.definition.materials.find((m: { id: string }) => m.id === 'sale-contract').guide).toBe('须经双方签字并按手印');
    const republished = await h.call('POST', `/api/admin/${COUNTY}/items/${ITEM}/publish`, { token: county });
    expect(republished.status, JSON.stringify(republished.json)).toBe(201);

    const downstream = await h.call('GET', `/api/admin/${CITY}/downstream`, { token: city });
    expect(downstream.json.find((c: { jurisdiction: string; itemId: string }) => c.jurisdiction === COUNTY && c.itemId === ITEM)).toMatchObject({ following: 2, behind: false, published: 2 });
    const kept = await h.store.getCase(COUNTY, filedOnV1.trackingNumber);
    expect(kept!.version).toBe(1);
    expect((await fileCase(COUNTY)).version).toBe(2);
  });

  it('lets the county defer a newer version, and says so', async () => {
    const cityDraft = (await h.call('GET', `/api/admin/${CITY}/items/company-registration/draft`, { token: city })).json;
    const v2 = { ...cityDraft.definition, faqs: [{ question: '需要多久？', answer: '1 个工作日。' }] };
    await h.call('PUT', `/api/admin/${CITY}/items/company-registration/draft`, { token: city, body: v2, headers: { 'if-match': `"${cityDraft.revision}"` } });
    expect((await h.call('POST', `/api/admin/${CITY}/items/company-registration/publish`, { token: city })).status).toBe(201);
    const deferred = await h.call('POST', `/api/admin/${COUNTY}/items/company-registration/upstream/defer`, { token: county, body: { version: 2 } });
    expect(deferred.json.upstream).toEqual({ jurisdiction: CITY, itemId: 'company-registration', version: 1, deferredVersion: 2 });
    const downstream = await h.call('GET', `/api/admin/${CITY}/downstream`, { token: city });
    expect(downstream.json.find((c: { jurisdiction: string; itemId: string }) => c.jurisdiction === COUNTY && c.itemId === 'company-registration')).toMatchObject({ behind: true, deferredVersion: 2 });
  });

  it('follows the deferred version reading its draft and the city’s head once each, writing its head once', async () => {
    const draft = await h.call('GET', `/api/admin/${COUNTY}/items/company-registration/draft`, { token: county });
    const reads = { drafts: vi.spyOn(h.store, 'getDraft'), heads: vi.spyOn(h.store, 'getHead'), headWrites: vi.spyOn(h.store, 'setUpstream') };
    const accepted = await h.call('POST', `/api/admin/${COUNTY}/items/company-registration/upstream/accept`, { token: county, body: { version: 2 }, headers: { 'if-match': `"${draft.json.revision}"` } });
    expect(accepted.status, accepted.text).toBe(200);
    expect(reads.drafts).toHaveBeenCalledTimes(1);
    expect(reads.heads.mock.calls).toEqual([[CITY, 'company-registration']]);
    expect(reads.headWrites).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    // The draft's save said the new version on the head; the deferral is over.
    expect((await h.store.getHead(COUNTY, 'company-registration'))!.upstream).toEqual({ jurisdiction: CITY, itemId: 'company-registration', version: 2 });
  });
});

describe('list management', () => {
  it('取消: the city cancelling an item marks the counties’ clones', async () => {
    expect((await h.call('POST', `/api/admin/${CITY}/items/putonghua-test/cancel`, { token: city })).status).toBe(200);
    const items = await h.call('GET', `/api/admin/${COUNTY}/items`, { token: county });
    expect(items.json.find((i: { itemId: string }) => i.itemId === 'putonghua-test')).toMatchObject({ upstreamCancelled: true });
  });

  it('下放: the city creates the item in a county as delegated power', async () => {
    const delegated = await h.call('POST', `/api/admin/${CITY}/items/water-connection/delegate`, { token: city, body: { to: OTHER_COUNTY } });
    expect(delegated.json).toEqual({ itemId: 'water-connection', status: 'cloned', department: '西河县行政审批服务局' });
    const draft = await h.call('GET', `/api/admin/${OTHER_COUNTY}/items/water-connection/draft`, { token: otherCounty });
    expect(draft.json.definition).toMatchObject({ powerSource: 'delegated', upstream: { jurisdiction: CITY, itemId: 'water-connection' } });
    expect((await h.call('POST', `/api/admin/${CITY}/items/water-connection/delegate`, { token: city, body: { to: CITY } })).status).toBe(400);

    // Following the city's next version keeps it delegated power.
    const cityDraft = await h.call('GET', `/api/admin/${CITY}/items/water-connection/draft`, { token: city });
    await h.call('PUT', `/api/admin/${CITY}/items/water-connection/draft`, { token: city, body: { ...cityDraft.json.definition, faqs: [{ question: '多久能通水？', answer: '验收合格后当日。' }] }, headers: { 'if-match': `"${cityDraft.json.revision}"` } });
    expect((await h.call('POST', `/api/admin/${CITY}/items/water-connection/publish`, { token: city })).status).toBe(201);
    const taken = await h.call('POST', `/api/admin/${OTHER_COUNTY}/items/water-connection/upstream/accept`, { token: otherCounty, body: { version: 2, decisions: {} }, headers: { 'if-match': `"${draft.json.revision}"` } });
    expect(taken.status, taken.text).toBe(200);
    expect(taken.json.definition).toMatchObject({ powerSource: 'delegated', upstream: { version: 2 } });
  });

  it('合并: items merged into one are cancelled, their codes recorded on it', async () => {
    const merged = await h.call('POST', `/api/admin/${CITY}/items/hr-agency-approval/merge`, { token: city, body: { sources: ['labour-dispatch-licence'] } });
    expect(merged.status).toBe(200);
    expect(merged.json.mergedFrom).toEqual([{ itemId: 'labour-dispatch-licence', name: '劳务派遣行政许可', catalogCode: expect.any(String) }]);
    const items = (await h.call('GET', `/api/admin/${CITY}/items`, { token: city })).json;
    expect(items.find((i: { itemId: string }) => i.itemId === 'labour-dispatch-licence')).toMatchObject({ state: 'cancelled', mergedInto: 'hr-agency-approval' });
  });
});
