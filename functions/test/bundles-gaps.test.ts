import { bundleTemplates } from '@onevisit/item-schemas/templates';
import { describe, expect, it } from 'vitest';
import { sweep } from '../src/cases/sweep';
import { harness } from './harness';
import { restaurantAnswers } from './restaurant-answers';

/** 一件事 beyond the officers' route: decisions the sweep makes, stages that start nothing, ids items and bundles share, the API reference. */

// Monday 2026-03-02, 10:00 in Shanghai.
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const { admin } = await h.adminTokens();

const fromScratch = restaurantAnswers;
const documents = ['company__application', 'company__articles', 'premisesProof', 'food__application', 'food__layout', 'seal__seal-application', 'water__application'];

/** A variant of the seed published under its own id. */
async function published(id: string, change: (d: Record<string, any>) => void): Promise<void> {
  const definition = { ...structuredClone(bundleTemplates[0]!), id } as Record<string, any>;
  change(definition);
  expect((await h.call('POST', `/api/admin/${CITY}/bundles`, { token: admin, body: { bundleId: id, definition } })).status).toBe(201);
  const done = await h.call('POST', `/api/admin/${CITY}/bundles/${id}/publish`, { token: admin });
  expect(done.status, JSON.stringify(done.json)).toBe(201);
}

async function applied(id: string): Promise<{ number: string; company: string; secret: string }> {
  const materials = Object.fromEntries(await Promise.all(documents.map(async (m): Promise<[string, string[]]> => [m, [await h.uploaded(CITY, id, m)]])));
  const response = await h.call('POST', `/api/items/${CITY}/${id}/applications`, { body: { answers: fromScratch, materials } });
  expect(response.status).toBe(201);
  return { number: response.json.case.trackingNumber, company: response.json.case.children[0].trackingNumber, secret: response.json.secret };
}

async function officerAct(officer: string, number: string, action: Record<string, unknown>) {
  const token = await h.token(CITY, officer);
  const { json } = await h.call('GET', `/api/officer/cases/${number}`, { token });
  const response = await h.call('POST', `/api/officer/cases/${number}/actions`, { token, body: { expectedRevision: json.case.revision, ...action } });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
}

/** The parent as stored, read without tracking it (which would move it on itself). */
const children = async (number: string) => (await h.store.getBundleCase(CITY, number))!.children.map((c) => `${c.key}:${c.trackingNumber ? 'started' : c.stopped ? 'stopped' : 'waiting'}`);

describe('a decision not made by an officer', () => {
  it('starts the next stage when the sweep passes 企业设立登记 on its 超时默认', async () => {
    const draft = (await h.call('GET', `/api/admin/${CITY}/items/company-registration/draft`, { token: admin })).json;
    const definition = { ...draft.definition, autoApproveOnTimeout: true, steps: draft.definition.steps.map((s: Record<string, unknown>) => ({ ...s, onTimeout: 'autoApprove' })) };
    expect((await h.call('PUT', `/api/admin/${CITY}/items/company-registration/draft`, { token: admin, body: definition, headers: { 'if-match': `"${draft.revision}"` } })).status).toBe(200);
    const item = await h.call('POST', `/api/admin/${CITY}/items/company-registration/publish`, { token: admin });
    expect(item.status, JSON.stringify(item.json)).toBe(201);
    await published('restaurant-deemed', (d) => (d.items[0].version = item.json.version));

    const p = await applied('restaurant-deemed');
    await officerAct('market-officer', p.company, { type: 'accept' });
    expect(await children(p.number)).toEqual(['company:started', 'food:waiting', 'seal:waiting', 'water:waiting']);
    h.clock.now = new Date('2026-03-10T02:00:00Z');
    await sweep(h.deps);
    expect((await h.store.getCase(CITY, p.company))?.decision).toMatchObject({ outcome: 'approved', deemed: true });
    // Deemed approved issues no licence number: what needs the 统一社会信用代码 cannot go on; 供水报装 starts.
    expect(await children(p.number)).toEqual(['company:started', 'food:stopped', 'seal:stopped', 'water:started']);
    const water = (await h.store.getBundleCase(CITY, p.number))!.children[3]!.trackingNumber!;
    const queue = (await h.call('GET', '/api/officer/queue', { token: await h.token(CITY, 'water-officer') })).json as Array<{ trackingNumber: string }>;
    expect(queue.map((e) => e.trackingNumber)).toContain(water);
    h.clock.now = new Date('2026-03-02T02:00:00Z');
  });
});

describe('a stage whose items all stop', () => {
  /** Three stages: 企业设立登记, then 食品经营许可 and 公章刻制 (both need its 营业执照), then 供水报装. */
  const threeStages = (onChildDenied: 'continue' | 'stopAll') => (d: Record<string, any>) => {
    d.stages = [
      { name: '企业登记', items: ['company'] },
      { name: '许可', items: ['food', 'seal'] },
      { name: '开业准备', items: ['water'] },
    ];
    d.onChildDenied = onChildDenied;
  };

  it('lets the stage after it start at once when the others go on', async () => {
    await published('restaurant-three', threeStages('continue'));
    const p = await applied('restaurant-three');
    await officerAct('market-officer', p.company, { type: 'notAccept', reason: '名称与已登记企业相同' });
    expect(await children(p.number)).toEqual(['company:started', 'food:stopped', 'seal:stopped', 'water:started']);
    // 申报来源: the later stage's case came in as the application did (through the API from a desktop client here).
    const water = (await h.store.getBundleCase(CITY, p.number))!.children[3]!.trackingNumber!;
    expect([(await h.store.getCase(CITY, p.company))?.channel, (await h.store.getCase(CITY, water))?.channel]).toEqual(['web', 'web']);
    // The water officer's case page says which 一件事 the case belongs to and where its other items stand.
    const page = await h.call('GET', `/api/officer/cases/${water}`, { token: await h.token(CITY, 'water-officer') });
    expect(page.json.bundle).toEqual({
      trackingNumber: p.number,
      bundleName: '开办餐饮店',
      items: [
        { itemName: '企业设立登记(多证合一)', stage: 1, trackingNumber: p.company, departmentId: (await h.store.getCase(CITY, p.company))!.departmentId, status: 'notAccepted' },
        { itemName: '食品经营许可(餐饮服务)', stage: 2, status: 'stopped' },
        { itemName: '公章刻制备案', stage: 2, status: 'stopped' },
        { itemName: '供水报装', stage: 3, trackingNumber: water, departmentId: (await h.store.getCase(CITY, water))!.departmentId, status: 'received' },
      ],
    });
  });

  it('stops the whole when the bundle stops on a denial, each saying why', async () => {
    await published('restaurant-three-strict', threeStages('stopAll'));
    // 企业设立登记 granted, yet its number is not one the second stage can take: that stage stops, and so does the rest.
    const p = await applied('restaurant-three-strict');
    await officerAct('market-officer', p.company, { type: 'accept' });
    await officerAct('market-officer', p.company, { type: 'completeStep', outcome: 'pass', result: { name: '营业执照', number: '123' } });
    const parent = (await h.store.getBundleCase(CITY, p.number))!;
    expect(parent.children.map((c) => `${c.key}:${c.trackingNumber ? 'started' : c.stopped ? 'stopped' : 'waiting'}`)).toEqual(['company:started', 'food:stopped', 'seal:stopped', 'water:stopped']);
    expect(parent.children[1]!.stopped!.message).toMatch(/^无法办理：/);
    expect(parent.children[3]!.stopped).toEqual({ message: '同一件事中前一阶段的事项均无法办理，本事项不再办理', message_en: 'no item of the stage before could go ahead, so this one does not' });

    // Nothing more starts: the applicant is told once, by SMS, which items stop and why, however often the parent is read.
    for (let i = 0; i < 3; i++) expect((await h.call('GET', `/api/track/${p.number}`)).status).toBeLessThan(500);
    await h.delivered();
    const told = (await h.store.outboxOf(CITY, '2026-03-02')).filter((m) => m.channel === 'sms' && m.text.includes('不再办理') && m.text.includes(p.number));
    const invalid = '无法办理：「统一社会信用代码」不是有效的统一社会信用代码';
    expect(told.map((m) => m.text)).toEqual([`您申请的「开办餐饮店」(受理编号 ${p.number})：以下事项不再办理。「食品经营许可(餐饮服务)」：${invalid}；「公章刻制备案」：${invalid}；「供水报装」：同一件事中前一阶段的事项均无法办理，本事项不再办理。回复数字评价本次服务：1非常满意 2满意 3基本满意 4不满意 5非常不满意`]);
    // To the number the receipt went to (the first item's applicant mobile); the application is over, so it may be rated by reply.
    expect(told[0]!.to).toBe('13800138000');
  });
});

describe('withdrawing a 一件事', () => {
  it('withdraws the item in hand and stops the ones waiting for a later step, each saying why', async () => {
    const p = await applied('restaurant-three');
    const lookup = await h.app.request('/track', { method: 'POST', body: new URLSearchParams({ number: p.number, secret: p.secret }) });
    const cookie = lookup.headers.get('set-cookie')!.split(';')[0]!;
    const sent = await h.app.request(`/track/${p.number}/withdraw`, { method: 'POST', body: new URLSearchParams({ reason: '不再开店' }), headers: { cookie } });
    expect(sent.status).toBe(303);
    expect((await h.store.getCase(CITY, p.company))?.status).toBe('withdrawn');
    const parent = (await h.store.getBundleCase(CITY, p.number))!;
    expect(await children(p.number)).toEqual(['company:started', 'food:stopped', 'seal:stopped', 'water:stopped']);
    expect(parent.children[1]!.stopped).toEqual({ message: '申请人已撤回申请，本事项不再办理', message_en: 'the applicant withdrew the application, so this item does not go ahead' });
    expect(parent.children[3]!.trackingNumber).toBeUndefined();
  });
});

describe('ids shared by items and 一件事', () => {
  it('refuses an item with a 一件事’s id, in Chinese and English, creating nothing', async () => {
    const before = await h.recordCount();
    const taken = await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId: 'open-restaurant', templateId: 'water-connection' } });
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ code: 'ID_TAKEN_BY_BUNDLE', message: '「open-restaurant」已是一件事「开办餐饮店」的标识，事项不能使用同一标识', message_en: '"open-restaurant" is the id of the bundle "开办餐饮店": an item cannot take it' });
    expect(await h.recordCount()).toBe(before);
    // Without signing in, the route's own refusal.
    expect((await h.call('POST', `/api/admin/${CITY}/items`, { body: { itemId: 'open-restaurant' } })).status).toBe(401);
  });
});

describe('ids shared by items and 一件事, beyond the create route', () => {
  it('keeps a county’s claim from taking the id of the county’s own 一件事', async () => {
    const { countyAdmin } = await h.adminTokens();
    const county = '990121';
    const unclaimed = ((await h.call('GET', `/api/admin/${county}/claimable`, { token: countyAdmin })).json as Array<{ itemId: string; cloned: boolean }>).find((i) => !i.cloned)!;
    const definition = { ...structuredClone(bundleTemplates[0]!), id: unclaimed.itemId };
    expect((await h.call('POST', `/api/admin/${county}/bundles`, { token: countyAdmin, body: { bundleId: unclaimed.itemId, definition } })).status).toBe(201);
    const claimed = await h.call('POST', `/api/admin/${county}/clones`, { token: countyAdmin, body: { itemIds: [unclaimed.itemId] } });
    expect(claimed.json.results).toEqual([{ itemId: unclaimed.itemId, status: 'idTaken' }]);
    expect(await h.store.getHead(county, unclaimed.itemId)).toBeUndefined();
  });
});

describe('the API reference', () => {
  it('describes the 一件事 routes', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json;
    for (const [path, method] of [
      ['/api/admin/{jurisdiction}/bundles', 'get'],
      ['/api/admin/{jurisdiction}/bundles', 'post'],
      ['/api/admin/{jurisdiction}/bundles/{bundleId}/draft', 'put'],
      ['/api/admin/{jurisdiction}/bundles/{bundleId}/checks', 'post'],
      ['/api/admin/{jurisdiction}/bundles/{bundleId}/publish', 'post'],
    ] as const)
      expect(doc.paths[path]?.[method]?.summary, `${method} ${path}`).toMatch(/一件事/);
  });
});
