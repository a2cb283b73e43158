import { templates } from '@onevisit/item-schemas/templates';
import { MODEL_VERSION } from '@onevisit/item-schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { harness } from './harness';

const h = await harness();
const CITY = '990100';
let admin: string;
let countyAdmin: string;
let officer: string;

beforeAll(async () => {
  admin = await h.token(CITY, 'city-admin');
  countyAdmin = await h.token('990121', 'dongcheng-admin');
  officer = await h.token(CITY, 'estate-officer');
});

const base = structuredClone(templates.find((t) => t.id === 'labour-dispatch-licence')!);

async function newItem(itemId: string) {
  const created = await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId, definition: { ...structuredClone(base), id: itemId } } });
  expect(created.status).toBe(201);
  return created;
}

describe('signing in', () => {
  it('is the demo picker in local mode', async () => {
    expect((await h.call('GET', '/api/auth/config')).json).toEqual({ mode: 'local' });
  });
});

describe('drafts', () => {
  it('are created from blank, even incomplete, and read back with their revision as ETag', async () => {
    const created = await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId: 'blank-item', definition: { name: '新事项' } } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.json.head).toMatchObject({ itemId: 'blank-item', state: 'draft', version: 0, draftName: '新事项' });
    const read = await h.call('GET', `/api/admin/${CITY}/items/blank-item/draft`, { token: admin });
    // Stored in the current item model, which it says.
    expect(read.json.definition).toEqual({ modelVersion: MODEL_VERSION, id: 'blank-item', name: '新事项' });
  });

  it('are created from a template', async () => {
    const created = await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId: 'seed-copy', templateId: 'water-connection' } });
    expect(created.status).toBe(201);
    expect(created.json.draft.definition.name).toBe('供水报装');
  });

  it('cannot be created twice', async () => {
    await newItem('twice');
    const again = await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId: 'twice', definition: {} } });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'ITEM_EXISTS', message: '事项「twice」已存在' });
  });

  it('need If-Match to be saved, and a stale revision gets 409 and changes nothing', async () => {
    await newItem('edited');
    const definition = { ...structuredClone(base), id: 'edited', name: '改名后的事项' };
    expect((await h.call('PUT', `/api/admin/${CITY}/items/edited/draft`, { token: admin, body: definition })).status).toBe(428);
    const saved = await h.call('PUT', `/api/admin/${CITY}/items/edited/draft`, { token: admin, body: definition, headers: { 'if-match': '"1"' } });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"2"');
    const stale = await h.call('PUT', `/api/admin/${CITY}/items/edited/draft`, { token: admin, body: { ...definition, name: '覆盖' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: 'DRAFT_CONFLICT', details: { currentRevision: 2 } });
    const read = await h.call('GET', `/api/admin/${CITY}/items/edited/draft`, { token: admin });
    expect(read.json).toMatchObject({ revision: 2, definition: { name: '改名后的事项' } });
    const list = await h.call('GET', `/api/admin/${CITY}/items`, { token: admin });
    expect(list.json.find((i: { itemId: string }) => i.itemId === 'edited')).toMatchObject({ draftRevision: 2, draftName: '改名后的事项' });
  });

  it('edited by two admins at once: exactly one wins, the other gets 409', async () => {
    await newItem('contested');
    const second = await h.token(CITY, 'platform');
    const results = await Promise.all(
      [admin, second].map((token, i) =>
        h.call('PUT', `/api/admin/${CITY}/items/contested/draft`, { token, body: { ...structuredClone(base), id: 'contested', name: `版本${i}` }, headers: { 'if-match': '"1"' } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.json.definition.name;
    expect((await h.call('GET', `/api/admin/${CITY}/items/contested/draft`, { token: admin })).json).toMatchObject({ revision: 2, definition: { name: winner } });
  });

  it('keep their id', async () => {
    await newItem('fixed-id');
    const renamed = await h.call('PUT', `/api/admin/${CITY}/items/fixed-id/draft`, { token: admin, body: { ...structuredClone(base), id: 'other-id' }, headers: { 'if-match': '"1"' } });
    expect(renamed.status).toBe(400);
    expect(renamed.json.code).toBe('ITEM_ID_MISMATCH');
  });
});

describe('publishing', () => {
  it('runs the checks, refuses a failing draft with 422 and the issues, and publishes nothing', async () => {
    await newItem('too-slow');
    const bad = { ...structuredClone(base), id: 'too-slow', promisedLimit: { value: 30, unit: 'workday' } };
    await h.call('PUT', `/api/admin/${CITY}/items/too-slow/draft`, { token: admin, body: bad, headers: { 'if-match': '"1"' } });
    const checks = await h.call('POST', `/api/admin/${CITY}/items/too-slow/checks`, { token: admin });
    expect(checks.json.issues).toContainEqual(expect.objectContaining({ code: 'PROMISED_EXCEEDS_LEGAL', path: '/promisedLimit/value', message: '承诺时限(30个工作日)不能超过法定时限(20个工作日)' }));
    const published = await h.call('POST', `/api/admin/${CITY}/items/too-slow/publish`, { token: admin });
    expect(published.status).toBe(422);
    expect(published.json.code).toBe('PUBLISH_CHECKS_FAILED');
    expect((await h.call('GET', `/api/admin/${CITY}/items/too-slow/versions`, { token: admin })).json).toEqual([]);
    expect((await h.call('GET', `/api/items/${CITY}/too-slow`)).status).toBe(404);
  });

  it('renders the blank application page before publishing: a form the page cannot draw is refused, and nothing is published', async () => {
    await newItem('unrenderable');
    const bad = structuredClone({ ...base, id: 'unrenderable' }) as typeof base & { form: { uiSchema: Record<string, unknown> } };
    const [first] = Object.keys((bad.form.schema as { properties: Record<string, unknown> }).properties);
    bad.form.uiSchema = { ...bad.form.uiSchema, [first!]: { 'ui:title': { zh: '标题' } } };
    await h.call('PUT', `/api/admin/${CITY}/items/unrenderable/draft`, { token: admin, body: bad, headers: { 'if-match': '"1"' } });
    const checks = await h.call('POST', `/api/admin/${CITY}/items/unrenderable/checks`, { token: admin });
    expect(checks.json.issues).toContainEqual(expect.objectContaining({ code: 'FORM_RENDER_FAILED', path: '/form' }));
    expect(checks.json.issues[0].message).toContain('申请页无法显示此表单');
    const published = await h.call('POST', `/api/admin/${CITY}/items/unrenderable/publish`, { token: admin });
    expect(published.status).toBe(422);
    expect((await h.call('GET', `/api/items/${CITY}/unrenderable`)).status).toBe(404);
  });

  it('makes one version per draft revision, however many publishes race for it', async () => {
    await newItem('raced');
    const results = await Promise.all(Array.from({ length: 20 }, () => h.call('POST', `/api/admin/${CITY}/items/raced/publish`, { token: admin, headers: { 'if-match': '"1"' } })));
    expect(results.every((r) => [200, 201, 409].includes(r.status))).toBe(true);
    expect((await h.call('GET', `/api/admin/${CITY}/items/raced/versions`, { token: admin })).json).toHaveLength(1);
    const again = await h.call('POST', `/api/admin/${CITY}/items/raced/publish`, { token: admin, headers: { 'if-match': '"1"' } });
    expect(again.json.version).toBe(1);
    expect((await h.call('GET', `/api/admin/${CITY}/items/raced/versions`, { token: admin })).json).toHaveLength(1);
  });

  it('makes immutable versions with a history and a field-by-field diff', async () => {
    await newItem('versioned');
    const v1 = await h.call('POST', `/api/admin/${CITY}/items/versioned/publish`, { token: admin, body: { changeNote: '首次发布' } });
    expect(v1.status).toBe(201);
    expect(v1.json).toMatchObject({ version: 1, changeNote: '首次发布', definition: { meta: { version: 1 } } });

    const edited = { ...structuredClone(base), id: 'versioned', promisedLimit: { value: 3, unit: 'workday' } };
    edited.steps = [{ id: 'review', name: '审查', role: '劳动关系科', limitDays: 3 }];
    edited.deficiencyAcceptance = { ...edited.deficiencyAcceptance, supplementDays: 3 };
    // What officials change every day, and used to see as keys and JSON.
    const licence = edited.materials!.find((m) => m.id === 'business-licence')!;
    Object.assign(licence, { originals: 2, form: 'both' });
    edited.materials!.push({ id: 'material7', name: '法定代表人身份证明', kind: 'copy', copies: 1, form: 'paper', necessity: 'required' });
    edited.windows = [{ ...edited.windows![0]!, hours: '周一至周六 9:00-17:00' }];
    const schema = edited.form.schema as { properties: Record<string, unknown>; required?: string[] };
    schema.properties.contactMobile = { type: 'string', title: '联系人手机', format: 'cn-mobile' };
    await h.call('PUT', `/api/admin/${CITY}/items/versioned/draft`, { token: admin, body: edited, headers: { 'if-match': '"1"' } });
    expect((await h.call('POST', `/api/admin/${CITY}/items/versioned/publish`, { token: admin, headers: { 'if-match': '"1"' } })).status).toBe(409);
    const v2 = await h.call('POST', `/api/admin/${CITY}/items/versioned/publish`, { token: admin, headers: { 'if-match': '"2"' } });
    expect(v2.status).toBe(201);

    const versions = await h.call('GET', `/api/admin/${CITY}/items/versioned/versions`, { token: admin });
    expect(versions.json.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    // The history names who published, not just their user id.
    expect(versions.json[0]).toMatchObject({ publishedBy: 'city-admin', publishedByName: '王敏(示范市政务服务管理办)' });
    expect(v1.json.definition.meta).toMatchObject({ publishedBy: 'city-admin', publishedByName: '王敏(示范市政务服务管理办)' });
    const diff = await h.call('GET', `/api/admin/${CITY}/items/versioned/diff?from=1&to=2`, { token: admin });
    expect(diff.status).toBe(200);
    type Shown = { path: string; kind: string; label: string; label_en: string; before: string; after: string; before_en: string; after_en: string };
    const changes = diff.json as Shown[];
    const said = changes.map((c) => `${c.label}: ${c.before || '—'} → ${c.after || '—'}`);
    expect(said).toContain('承诺办结时限: 5个工作日 → 3个工作日');
    expect(said).toContain('容缺受理 › 补交期限: 5个工作日 → 3个工作日');
    expect(said).toContain('办理环节「审查」 › 环节时限: 2个工作日 → 3个工作日');
    expect(said).toContain('申请材料「营业执照」 › 原件份数: 1 份 → 2 份');
    expect(said).toContain('申请材料「营业执照」 › 材料形式: 电子 → 纸质和电子');
    expect(said).toContain('办理窗口「示范市政务服务中心综合受理窗口」 › 办理时间: 周一至周五 9:00-12:00, 13:30-17:00(法定节假日除外) → 周一至周六 9:00-17:00');
    expect(said).toContain('申请表单字段「联系人手机」: — → 手机号码，选填');
    expect(changes).toContainEqual(expect.objectContaining({ path: '/steps/3', kind: 'removed', label: '办理环节「制证送达」', after: '' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'added', label: '申请材料「法定代表人身份证明」', after: expect.stringContaining('复印件 1 份；纸质；必要') }));
    expect(changes).toContainEqual(expect.objectContaining({ path: '/promisedLimit', label_en: 'Promised time limit', before_en: '5 working days', after_en: '3 working days' }));
    expect(changes).toContainEqual(expect.objectContaining({ label_en: 'Material “营业执照” › Form', before_en: 'Electronic', after_en: 'Paper and electronic' }));
    for (const c of changes) {
      expect(c.label, c.label).not.toMatch(/creditCode|originals|copies|limitDays|supplementDays|promisedLimit|materials|steps|windows|hours|form|schema|properties|value|unit/);
      expect(c.label_en, c.label_en).not.toMatch(/creditCode|originals|limitDays|supplementDays|promisedLimit/);
      for (const value of [c.before, c.after, c.before_en, c.after_en]) {
        expect(typeof value).toBe('string');
        expect(value, `${c.label}: ${value}`).not.toMatch(/^\s*[[{]/);
      }
    }
    expect((await h.call('GET', `/api/admin/${CITY}/items/versioned/versions/1`, { token: admin })).json.definition.promisedLimit.value).toBe(5);
    expect((await h.call('GET', `/api/items/${CITY}/versioned`)).json).toMatchObject({ version: 2, state: 'published' });
  });

  it('describes a change in the API reference as words: label, before and after in both languages', async () => {
    const schemas = (await h.call('GET', '/openapi.json')).json.components.schemas;
    expect(schemas.Change.required).toEqual(expect.arrayContaining(['path', 'kind', 'label', 'label_en', 'before', 'before_en', 'after', 'after_en']));
    expect(schemas.Change.properties.before.type).toBe('string');
    // A county's upstream change is the same change, with whether the county overrides it.
    expect(schemas.UpstreamChange.allOf).toEqual([{ $ref: '#/components/schemas/Change' }, expect.objectContaining({ required: ['title', 'overridden'] })]);
  });

  it('suspends, resumes and cancels; a cancelled item cannot come back', async () => {
    await newItem('lifecycle');
    await h.call('POST', `/api/admin/${CITY}/items/lifecycle/publish`, { token: admin });
    expect((await h.call('POST', `/api/admin/${CITY}/items/lifecycle/suspend`, { token: admin })).json.state).toBe('suspended');
    const applying = await h.call('POST', `/api/items/${CITY}/lifecycle/applications`, { body: { answers: {} } });
    expect(applying.status).toBe(409);
    expect(applying.json.code).toBe('ITEM_NOT_ACCEPTING');
    // A new version needs a changed draft: publishing the same revision again makes none (see the race above).
    await h.call('PUT', `/api/admin/${CITY}/items/lifecycle/draft`, { token: admin, body: { ...structuredClone(base), id: 'lifecycle', name: '挂起期间修订的事项' }, headers: { 'if-match': '"1"' } });
    const republished = await h.call('POST', `/api/admin/${CITY}/items/lifecycle/publish`, { token: admin });
    expect(republished.status).toBe(201);
    expect((await h.call('GET', `/api/items/${CITY}/lifecycle`)).json).toMatchObject({ version: 2, state: 'suspended' });
    expect((await h.call('POST', `/api/admin/${CITY}/items/lifecycle/resume`, { token: admin })).json.state).toBe('published');
    expect((await h.call('POST', `/api/admin/${CITY}/items/lifecycle/cancel`, { token: admin })).json.state).toBe('cancelled');
    const resume = await h.call('POST', `/api/admin/${CITY}/items/lifecycle/resume`, { token: admin });
    expect(resume.status).toBe(409);
    expect(resume.json.message).toBe('只有挂起的事项可以恢复');
    expect((await h.call('POST', `/api/admin/${CITY}/items/lifecycle/publish`, { token: admin })).status).toBe(409);
  });
});

describe('scope', () => {
  const cityRoutes: Array<[string, string, unknown?]> = [
    ['GET', '/items'],
    ['POST', '/items', { itemId: 'intruder', definition: {} }],
    ['GET', '/items/company-registration/draft'],
    ['PUT', '/items/company-registration/draft', { id: 'company-registration' }],
    ['POST', '/items/company-registration/checks'],
    ['POST', '/items/company-registration/publish'],
    ['GET', '/items/company-registration/versions'],
    ['GET', '/items/company-registration/versions/1'],
    ['GET', '/items/company-registration/diff?from=1&to=1'],
    ['POST', '/items/company-registration/suspend'],
    ['GET', '/departments'],
    ['PUT', '/departments/11370500MB10000015', { name: '改名' }],
    ['GET', '/calendar'],
    ['PUT', '/calendar', { days: [] }],
  ];

  it.each(cityRoutes)('a county admin gets 403 for %s %s in the city, and nothing changes', async (method, path, body) => {
    const before = await h.recordCount();
    const response = await h.call(method, `/api/admin/${CITY}${path}`, { token: countyAdmin, body, headers: { 'if-match': '"1"' } });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ code: 'FORBIDDEN', message: '无权访问其他区划的数据' });
    expect(await h.recordCount()).toBe(before);
  });

  it.each(cityRoutes)('an officer gets 403 and anonymous 401 for %s %s', async (method, path, body) => {
    expect((await h.call(method, `/api/admin/${CITY}${path}`, { token: officer, body })).status).toBe(403);
    expect((await h.call(method, `/api/admin/${CITY}${path}`, { body })).status).toBe(401);
  });

  it('keeps one county out of the other county’s drafts', async () => {
    const xihe = await h.token('990122', 'xihe-admin');
    expect((await h.call('POST', '/api/admin/990122/items', { token: xihe, body: { itemId: 'xihe-only', definition: { name: '西河县事项' } } })).status).toBe(201);
    expect((await h.call('GET', '/api/admin/990122/items/xihe-only/draft', { token: countyAdmin })).status).toBe(403);
    expect((await h.call('PUT', '/api/admin/990122/items/xihe-only/draft', { token: countyAdmin, body: { id: 'xihe-only' }, headers: { 'if-match': '"1"' } })).status).toBe(403);
    expect((await h.call('GET', '/api/admin/990122/items/xihe-only/draft', { token: xihe })).json.revision).toBe(1);
  });

  it('rejects a forged token', async () => {
    const forged = `${admin.slice(0, -4)}abcd`;
    expect((await h.call('GET', `/api/admin/${CITY}/items`, { token: forged })).json.code).toBe('INVALID_TOKEN');
  });
});

describe('calendar overlays', () => {
  it('are saved with If-Match and change the due dates of the jurisdiction and those below it', async () => {
    const read = await h.call('GET', `/api/admin/${CITY}/calendar?year=2026`, { token: admin });
    expect(read.headers.get('etag')).toBe('"0"');
    expect(read.json.effective.days).toContainEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    const saved = await h.call('PUT', `/api/admin/${CITY}/calendar`, { token: admin, body: { days: [{ date: '2026-03-03', kind: 'holiday', name: '地方节日' }] }, headers: { 'if-match': '"0"' } });
    expect(saved.status).toBe(200);
    expect((await h.call('PUT', `/api/admin/${CITY}/calendar`, { token: admin, body: { days: [] }, headers: { 'if-match': '"0"' } })).status).toBe(409);
    const county = await h.call('GET', `/api/admin/990121/calendar?year=2026`, { token: countyAdmin });
    expect(county.json.effective.days).toContainEqual({ date: '2026-03-03', kind: 'holiday', name: '地方节日' });
    // Undo, so other tests in this file count with the national calendar.
    await h.call('PUT', `/api/admin/${CITY}/calendar`, { token: admin, body: { days: [] }, headers: { 'if-match': '"1"' } });
  });
});
