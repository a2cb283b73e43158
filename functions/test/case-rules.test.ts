import { templates } from '@onevisit/item-schemas/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSession } from './browser-session';
import { caseWorld } from './case-world';
import { PDF } from './files';

/** The rules around a case: 超时默认 and 容缺 suspension, ratings, acting safely, and the tracking page without JavaScript (see case-world.ts). */

const world = await caseWorld();
const { h, CITY, on, apply, detail, act, ok, applicant, sweep, messages, pass } = world;
let officer: string, colleague: string, admin: string, otherDepartment: string, countyOfficer: string;
beforeAll(() => {
  ({ officer, colleague, admin, otherDepartment, countyOfficer } = world.tokens);
});

describe('超时默认 and 容缺 suspension, on an item that says so', () => {
  const ITEM = 'estate-auto';

  beforeAll(async () => {
    const definition = structuredClone(templates.find((t) => t.id === 'real-estate-transfer')!) as Record<string, any>;
    definition.id = ITEM;
    definition.autoApproveOnTimeout = true;
    definition.steps[1].onTimeout = 'autoApprove';
    definition.deficiencyAcceptance.onMissed = 'suspend';
    expect((await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId: ITEM, definition } })).status).toBe(201);
    const published = await h.call('POST', `/api/admin/${CITY}/items/${ITEM}/publish`, { token: admin });
    expect(published.status, JSON.stringify(published.json)).toBe(201);
  });

  it('passes a timed-out step by default, recorded as such; suspends until the 容缺 material comes', async () => {
    on('2026-03-02');
    const c = await apply({ itemId: ITEM, survey: false });
    await ok(c.number, { type: 'accept' });
    await ok(c.number, pass); // 审核 due 3/4, deemed approved after
    on('2026-03-05');
    await sweep();
    let k = (await detail(c.number)).case;
    expect(k.step).toMatchObject({ name: '登簿', startedOn: '2026-03-05' });
    expect(k.history).toContainEqual(expect.objectContaining({ action: 'autoPass', actor: 'system', note: '审核：通过；环节超时，视为同意' }));
    expect((await messages(c.number)).map((m) => m.topic)).toContain('autoPass');

    on('2026-03-06'); // the survey report was due 3/5
    await sweep();
    k = (await detail(c.number)).case;
    expect(k).toMatchObject({ status: 'suspended', pauses: [{ from: '2026-03-06', kind: 'supplement' }] });
    expect((await act(c.number, { type: 'resume' })).json.message).toBe('容缺材料补交后自动恢复办理');

    on('2026-03-09');
    const supplied = await h.call('POST', `/api/track/${c.number}/supplements`, { body: { secret: c.secret, materialId: 'survey-report', files: [await h.uploaded(CITY, ITEM, 'survey-report')] } });
    expect(supplied.json).toMatchObject({ status: 'inProcess', pauses: [{ from: '2026-03-06', until: '2026-03-09' }] });
    expect(supplied.json.due.promised.due).toBe('2026-03-10'); // one working day (3/6) paused
  });
});

describe('ratings (好差评)', () => {
  it('a 差评 opens a follow-up with its own deadline, closed by the department', async () => {
    on('2026-03-02');
    const c = await apply();
    await ok(c.number, { type: 'accept' });
    for (let i = 0; i < 4; i++) await ok(c.number, pass);
    await ok(c.number, { type: 'deliver', method: '邮寄' });
    expect((await applicant({ ...c, secret: 'wrong' }, { type: 'rate', level: 5 })).status).toBe(404);
    // A 差评 through the API says why, as on the tracking page.
    expect((await applicant(c, { type: 'rate', level: 5 })).json).toMatchObject({ code: 'REASONS_REQUIRED', message: '差评请至少选择一项原因' });
    const rated = await applicant(c, { type: 'rate', level: 5, reasons: ['attitude'], comment: '窗口态度差' });
    expect(rated.status).toBe(200);
    expect(rated.json).toMatchObject({ rating: { level: 5, comment: '窗口态度差', followUp: {} }, due: { followUp: { due: '2026-03-16' } } });
    expect((await applicant(c, { type: 'rate', level: 1 })).json.message).toBe('办件已评价，每项服务只能评价一次(可追评一次)');
    const queue = await h.call('GET', '/api/officer/queue', { token: officer });
    expect(queue.json.map((e: { trackingNumber: string }) => e.trackingNumber)).toContain(c.number);
    await h.delivered();
    expect((await h.store.inboxOf(CITY, `dept:${rated.json.departmentId}`)).some((m) => m.trackingNumber === c.number && m.topic === 'poorRating')).toBe(true);

    const closed = await ok(c.number, { type: 'closeFollowUp', response: '已回访，窗口人员已整改' });
    expect(closed.rating.followUp).toEqual({ closedOn: '2026-03-02', response: '已回访，窗口人员已整改' });
    const after = await h.call('GET', '/api/officer/queue', { token: officer });
    expect(after.json.map((e: { trackingNumber: string }) => e.trackingNumber)).not.toContain(c.number);
  });

  it('the applicant may withdraw before the decision, not after', async () => {
    on('2026-03-02');
    const c = await apply();
    const withdrawn = await applicant(c, { type: 'withdraw', reason: '不再办理' });
    expect(withdrawn.json).toMatchObject({ status: 'withdrawn', withdrawn: { on: '2026-03-02', reason: '不再办理' } });
    expect((await applicant(c, { type: 'withdraw' })).status).toBe(409);
  });
});

describe('acting safely', () => {
  it('two officers acting at once: one wins, the other gets 409, the history has one entry', async () => {
    on('2026-03-02');
    const c = await apply();
    const { case: seen } = await detail(c.number);
    const both = await Promise.all(
      [officer, colleague].map((token) => h.call('POST', `/api/officer/cases/${c.number}/actions`, { token, body: { type: 'accept', expectedRevision: seen.revision } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.json).toMatchObject({ code: 'CASE_CHANGED', message: '办件已被他人处理，请刷新后再操作' });
    const k = (await detail(c.number)).case;
    expect(k.history.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1);
  });

  it('a retry with the same key is applied once', async () => {
    on('2026-03-02');
    const c = await apply();
    const { case: seen } = await detail(c.number);
    const send = () => h.call('POST', `/api/officer/cases/${c.number}/actions`, { token: officer, headers: { 'idempotency-key': `accept-${c.number}` }, body: { type: 'accept', expectedRevision: seen.revision } });
    const first = await send();
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(first.json.history.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1);
  });

  it('keeps other departments and jurisdictions out (the 404 of a case that does not exist); administrators may look but not act', async () => {
    on('2026-03-02');
    const c = await apply();
    for (const token of [otherDepartment, countyOfficer]) {
      expect((await h.call('GET', `/api/officer/cases/${c.number}`, { token })).status).toBe(404);
      expect((await h.call('POST', `/api/officer/cases/${c.number}/actions`, { token, body: { type: 'accept', expectedRevision: 1 } })).status).toBe(404);
    }
    expect((await h.call('GET', `/api/officer/cases/${c.number}`, { token: admin })).status).toBe(200);
    const byAdmin = await h.call('POST', `/api/officer/cases/${c.number}/actions`, { token: admin, body: { type: 'accept', expectedRevision: 1 } });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.json.message_en).toBe('only department officers may do this');
  });

  it('answers bad actions with a 4xx in both languages and changes nothing', async () => {
    on('2026-03-02');
    const c = await apply();
    const before = (await detail(c.number)).case;
    for (const body of [{}, { type: 'accept' }, { type: 'fly', expectedRevision: 1 }, { type: 'notAccept', expectedRevision: before.revision, reason: '' }, { type: 'completeStep', expectedRevision: before.revision, outcome: 'pass' }]) {
      const response = await h.call('POST', `/api/officer/cases/${c.number}/actions`, { token: officer, body });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.json.message).toBeTruthy();
      expect(response.json.message_en).toBeTruthy();
    }
    expect((await detail(c.number)).case).toEqual(before);
  });

  it('serves a case’s own uploads to its department, and no other file', async () => {
    on('2026-03-02');
    const c = await apply();
    const { case: k } = await detail(c.number);
    const file = k.materials[0].files[0];
    const opened = await h.app.request(`/api/officer/cases/${c.number}/file?key=${encodeURIComponent(file.key)}`, { headers: { authorization: `Bearer ${officer}` } });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/pdf');
    expect(opened.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(opened.headers.get('content-security-policy')).toBe('sandbox');
    expect(Buffer.from(await opened.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const other = await h.call('GET', `/api/officer/cases/${c.number}/file?key=${encodeURIComponent('uploads/990100/20260302/other')}`, { token: officer });
    expect(other.status).toBe(404);
  });
});

describe('the tracking page, without JavaScript', () => {
  /** The applicant's browser, which has looked each case up once with its number and code. */
  const browser = browserSession(h.app);
  const lookedUp = new Set<string>();
  async function lookUp(c: { number: string; secret: string }) {
    if (lookedUp.has(c.number)) return;
    expect((await browser.post('/track', { number: c.number, secret: c.secret })).status).toBe(303);
    lookedUp.add(c.number);
  }
  async function post(action: string, c: { number: string; secret: string }, fields: Record<string, string | File>) {
    await lookUp(c);
    const response = await browser.post(`/track/${c.number}/${action}`, fields, true);
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  }
  const page = async (c: { number: string; secret: string }) => {
    await lookUp(c);
    return (await browser.request(`/track/${c.number}`)).text();
  };

  it('shows the correction list and takes the corrected files; then the rating and the withdrawal forms work', async () => {
    on('2026-03-02');
    const c = await apply();
    await ok(c.number, { type: 'requestCorrection', items: [{ materialId: 'sale-contract', note: '合同缺少签字页' }] });
    expect(await page(c)).toContain('需要补正的内容(一次告知)');
    expect(await page(c)).toContain('不动产买卖合同：合同缺少签字页');

    const empty = await post('corrections', c, { response: '已补签' });
    expect(empty.status).toBe(409);
    expect(empty.html).toContain('请补正这些材料：不动产买卖合同');
    const sent = await post('corrections', c, { 'file-sale-contract': new File([new Uint8Array(PDF)], '合同.pdf'), response: '已补签' });
    expect(sent.status).toBe(303);
    expect((await detail(c.number)).case).toMatchObject({ status: 'received', correction: { response: '已补签' } });

    const withdrawn = await post('withdraw', c, { reason: '不再办理' });
    expect(withdrawn.status).toBe(303);
    expect(await page(c)).toContain('已撤回');

    const d = await apply();
    await ok(d.number, { type: 'notAccept', reason: '不属于本机关职权范围' });
    const tracked = await page(d);
    expect(tracked).toContain('不属于本机关职权范围');
    expect(tracked).toContain('六十日内依法申请行政复议');
    expect((await post('rate', d, {})).html).toContain('请选择评价等级');
    // A 差评 names what went wrong (ratings/model.ts poorReasons).
    expect((await post('rate', d, { level: '4', comment: '理由没说清楚' })).html).toContain('差评请至少选择一项原因');
    expect((await post('rate', d, { level: '4', reasons: 'unclear', comment: '理由没说清楚' })).status).toBe(303);
    expect(await page(d)).toContain('您对办件的评价：不满意(告知不清楚)：理由没说清楚');
  });
});
