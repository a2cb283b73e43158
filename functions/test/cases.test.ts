import { templates } from '@onevisit/item-schemas/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSession } from './browser-session';
import { harness } from './harness';
import { PDF, saleAnswers } from './files';

/**
 * Whole case lifecycles over HTTP, on the embedded store, with the clock set day by day
 * (10:00 in Shanghai). The item is the seeded 不动产转移登记: promised 5 WD, legal 30 WD, steps
 * 受理 1 → 审核 2 → 登簿 1 → 缮证发证 1, the survey report may be supplied later (容缺, 3 WD).
 */

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
let officer: string;
let colleague: string;
let admin: string;
let otherDepartment: string;
let countyOfficer: string;

beforeAll(async () => {
  officer = await h.token(CITY, 'estate-officer');
  colleague = await h.token(CITY, 'estate-reviewer');
  admin = await h.token(CITY, 'city-admin');
  otherDepartment = await h.token(CITY, 'market-officer');
  countyOfficer = await h.token('990121', 'dongcheng-officer');
});

function on(day: string) {
  h.clock.now = new Date(`${day}T02:00:00Z`);
}

/** Files an application; without the survey report it is accepted with 容缺. */
async function apply(options: { itemId?: string; survey?: boolean } = {}) {
  const itemId = options.itemId ?? 'real-estate-transfer';
  const materials: Record<string, string[]> = {};
  for (const id of ['application', 'title-certificate', 'sale-contract', ...(options.survey === false ? [] : ['survey-report'])]) {
    materials[id] = [await h.uploaded(CITY, itemId, id)];
  }
  const response = await h.call('POST', `/api/items/${CITY}/${itemId}/applications`, { body: { answers: saleAnswers, materials } });
  expect(response.status).toBe(201);
  return { number: response.json.case.trackingNumber as string, secret: response.json.secret as string };
}

async function detail(number: string, token = officer) {
  const response = await h.call('GET', `/api/officer/cases/${number}`, { token });
  expect(response.status).toBe(200);
  return response.json;
}

/** An officer's action on the revision they see now. */
async function act(number: string, action: Record<string, unknown>, options: { token?: string; key?: string } = {}) {
  const { case: c } = await detail(number, options.token);
  return h.call('POST', `/api/officer/cases/${number}/actions`, {
    token: options.token ?? officer,
    body: { expectedRevision: c.revision, ...action },
    ...(options.key ? { headers: { 'idempotency-key': options.key } } : {}),
  });
}

async function ok(number: string, action: Record<string, unknown>) {
  const response = await act(number, action);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json;
}

async function applicant(c: { number: string; secret: string }, action: Record<string, unknown>) {
  return h.call('POST', `/api/track/${c.number}/actions`, { body: { secret: c.secret, action } });
}

async function sweep() {
  const response = await h.call('POST', '/api/dev/sweep');
  expect(response.status).toBe(200);
  return response.json;
}

async function messages(number: string) {
  await h.delivered();
  const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-16'];
  const all = (await Promise.all(days.map((d) => h.store.outboxOf(CITY, d)))).flat();
  return all.filter((m) => m.trackingNumber === number);
}

const pass = { type: 'completeStep', outcome: 'pass' };

describe('a normal approval across the 2026 National Day holiday', () => {
  it('runs receipt → acceptance → four steps → decision → delivery, each date from the calendar', async () => {
    on('2026-09-29'); // Tuesday before the holiday (10/1–7 off; Sat 10/10 is a working day)
    const c = await apply();
    const first = await detail(c.number);
    // The answers as the questions read, groups and chosen options by name.
    expect(first.answers).toContainEqual({ path: 'transferee.name', title: '受让方 · 姓名', value: '李四' });
    expect(first.answers).toContainEqual({ path: 'reason', title: '转移原因', value: '买卖' });
    expect(first.allowed).toEqual(['accept', 'requestCorrection', 'notAccept']);
    let k = first.case;
    expect(k.status).toBe('received');
    expect(k.due.acceptance).toEqual({ due: '2026-10-12', provisional: false }); // 9/30, 10/8, 10/9, 10/10, 10/12

    on('2026-09-30');
    k = await ok(c.number, { type: 'accept' });
    expect(k).toMatchObject({ status: 'inProcess', acceptedOn: '2026-09-30', step: { index: 0, name: '受理' } });
    expect(k.due.promised).toEqual({ due: '2026-10-13', provisional: false });
    expect(k.due.step.due).toBe('2026-10-08');
    k = await ok(c.number, pass);
    expect(k.step).toMatchObject({ name: '审核', startedOn: '2026-09-30' });
    expect(k.due.step.due).toBe('2026-10-09');

    on('2026-10-09');
    k = await ok(c.number, pass);
    expect(k.due.step.due).toBe('2026-10-10'); // the make-up Saturday counts
    on('2026-10-10');
    k = await ok(c.number, pass);
    on('2026-10-12');
    k = await ok(c.number, pass);
    expect(k).toMatchObject({ status: 'decided', decision: { outcome: 'approved', on: '2026-10-12' } });
    expect(k.due.delivery.due).toBe('2026-10-26'); // 10 WD after the decision
    expect(k.due.promised.due).toBe('2026-10-13'); // met a day early
    expect(k.step).toBeUndefined();

    k = await ok(c.number, { type: 'deliver', method: '窗口领取' });
    expect(k.status).toBe('delivered');
    expect(k.history.map((e: { action: string }) => e.action)).toEqual(['submitted', 'accept', 'completeStep', 'completeStep', 'completeStep', 'completeStep', 'deliver']);
    expect(k.history[1]).toMatchObject({ actor: 'estate-officer', actorName: '李强(不动产登记中心)', from: 'received', to: 'inProcess' });

    // Closed: out of the department's queue.
    const queue = await h.call('GET', '/api/officer/queue', { token: officer });
    expect(queue.json.map((e: { trackingNumber: string }) => e.trackingNumber)).not.toContain(c.number);
    await h.delivered();
    const sms = (await h.store.outboxOf(CITY, '2026-10-12')).filter((m) => m.trackingNumber === c.number && m.channel === 'sms');
    expect(sms.map((m) => m.topic).sort()).toEqual(['decided', 'delivered']);
  });
});

describe('correction, then acceptance', () => {
  it('tells everything at once, only once; the corrected application starts the 5-day clock again', async () => {
    on('2026-03-02');
    const c = await apply();
    on('2026-03-03');
    let k = await ok(c.number, { type: 'requestCorrection', items: [{ materialId: 'sale-contract', note: '合同缺少签字页' }, { note: '申请书第二页未签名' }] });
    expect(k).toMatchObject({ status: 'correctionRequested', correction: { requestedOn: '2026-03-03' } });
    const told = (await messages(c.number)).find((m) => m.topic === 'correctionRequested')!;
    expect(told).toMatchObject({ channel: 'sms', to: '13812345678' });
    expect(told.text).toContain('1. 不动产买卖合同：合同缺少签字页；2. 申请书第二页未签名');

    // Accepting now is not possible: the applicant has to correct first.
    expect((await act(c.number, { type: 'accept' })).json.code).toBe('ACTION_NOT_ALLOWED');

    on('2026-03-05');
    const missing = await applicant(c, { type: 'supplyCorrection', materials: {} });
    expect(missing.status).toBe(409);
    expect(missing.json.message).toBe('请补正这些材料：不动产买卖合同');
    const corrected = await applicant(c, { type: 'supplyCorrection', materials: { 'sale-contract': [await h.uploaded(CITY, 'real-estate-transfer', 'sale-contract')] }, response: '已补签' });
    expect(corrected.status).toBe(200);
    expect(corrected.json).toMatchObject({ status: 'received', correction: { suppliedOn: '2026-03-05' }, due: { acceptance: { due: '2026-03-12' } } });

    const again = await act(c.number, { type: 'requestCorrection', items: [{ note: '再补一份' }] });
    expect(again.status).toBe(409);
    expect(again.json.message).toBe('补正只能一次性告知，本件已告知过');

    on('2026-03-06');
    k = await ok(c.number, { type: 'accept' });
    expect(k).toMatchObject({ status: 'inProcess', acceptedOn: '2026-03-06', due: { promised: { due: '2026-03-13' } } });
  });

  it('refuses to accept with a stated reason and the applicant’s rights', async () => {
    on('2026-03-02');
    const c = await apply();
    const k = await ok(c.number, { type: 'notAccept', reason: '不属于本机关职权范围' });
    expect(k).toMatchObject({ status: 'notAccepted', notAccepted: { on: '2026-03-02', reason: '不属于本机关职权范围' } });
    expect(k.notAccepted.rights).toContain('六十日内依法申请行政复议');
    expect((await act(c.number, { type: 'accept' })).status).toBe(409);
  });

  it('is deemed accepted on the receipt date when nobody decides within 5 working days', async () => {
    on('2026-03-02');
    const c = await apply();
    on('2026-03-10'); // the notice was due 2026-03-09
    const first = await sweep();
    expect(first.actions).toBeGreaterThan(0);
    const k = (await detail(c.number)).case;
    expect(k).toMatchObject({ status: 'inProcess', acceptedOn: '2026-03-02', deemedAccepted: true, due: { promised: { due: '2026-03-09' } } });
    expect(k.history).toContainEqual(expect.objectContaining({ action: 'deemAccept', actor: 'system' }));
    const second = await sweep();
    expect(second.changed).toBe(0);
    expect((await detail(c.number)).case.revision).toBe(k.revision);
  });
});

describe('容缺: the material supplied later', () => {
  it('in time: the officer reviews it, and only then can the case be decided', async () => {
    on('2026-03-02');
    const c = await apply({ survey: false });
    let k = await ok(c.number, { type: 'accept' });
    expect(k.history.at(-1).note).toContain('容缺受理，待补交：不动产测绘报告');
    on('2026-03-04');
    const supplied = await h.call('POST', `/api/track/${c.number}/supplements`, { body: { secret: c.secret, materialId: 'survey-report', files: [await h.uploaded(CITY, 'real-estate-transfer', 'survey-report')] } });
    expect(supplied.status).toBe(200);
    expect(supplied.json.materials).toContainEqual(expect.objectContaining({ materialId: 'survey-report', status: 'supplied', review: 'pending', supplementedOn: '2026-03-04' }));
    for (let i = 0; i < 3; i++) await ok(c.number, pass);
    const early = await act(c.number, pass);
    expect(early.status).toBe(409);
    expect(early.json.message).toBe('容缺材料尚未补齐并审核，不能办结');
    // The workbench shows 通过 held back, with the reason.
    const held = await detail(c.number);
    expect(held.allowed).toContain('reviewSupplement');
    expect(held.allowed).not.toContain('completeStep:pass');
    expect(held.blocked).toContainEqual({ action: 'completeStep:pass', message: '容缺材料尚未补齐并审核，不能办结', message_en: expect.any(String) });
    await ok(c.number, { type: 'reviewSupplement', materialId: 'survey-report', accepted: true });
    expect((await detail(c.number)).blocked).toEqual([]);
    k = await ok(c.number, { ...pass, result: { name: '不动产权证书', number: '示房权证第 2026-0001 号' } });
    expect(k.status).toBe('decided');
    expect(k.decision.result).toEqual({ name: '不动产权证书', number: '示房权证第 2026-0001 号' });
    await h.delivered();
    const sms = (await h.store.outboxOf(CITY, '2026-03-04')).find((m) => m.trackingNumber === c.number && m.topic === 'decided' && m.channel === 'sms');
    expect(sms?.text).toContain('已办结：准予。办理结果：不动产权证书(编号 示房权证第 2026-0001 号)。');
  });

  it('keeps officers’ remarks for the office: the applicant’s history has the steps, not the remarks', async () => {
    on('2026-03-02');
    const c = await apply();
    await ok(c.number, { type: 'accept', note: '材料齐全，已核对原件' });
    await ok(c.number, { ...pass, note: '内部：请王芳复核' });
    const office = (await detail(c.number)).case.history;
    expect(office.map((e: { internalNote?: string }) => e.internalNote).filter(Boolean)).toEqual(['材料齐全，已核对原件', '内部：请王芳复核']);
    const tracked = await h.call('GET', `/api/track/${c.number}`, { headers: { 'x-tracking-secret': c.secret } });
    const seen = JSON.stringify(tracked.json.history);
    expect(seen).not.toContain('王芳复核');
    expect(seen).not.toContain('已核对原件');
    expect(tracked.json.history.map((e: { note?: string }) => e.note)).toContain('受理：通过');
    const browser = browserSession(h.app);
    await browser.post('/track', { number: c.number, secret: c.secret });
    const page = await browser.request(`/track/${c.number}`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('王芳复核');
  });

  it('not in time, where the item says 不予受理: reminders first, then the sweep ends the case', async () => {
    on('2026-03-02');
    const c = await apply({ survey: false });
    await ok(c.number, { type: 'accept' });
    on('2026-03-04'); // two of the three days used: a reminder
    await sweep();
    expect((await messages(c.number)).filter((m) => m.topic === 'supplementReminder')).toHaveLength(1);
    on('2026-03-06'); // due 2026-03-05
    await sweep();
    const k = (await detail(c.number)).case;
    expect(k).toMatchObject({ status: 'notAccepted', notAccepted: { reason: '容缺材料逾期未补交(不动产测绘报告)' } });
    expect((await messages(c.number)).map((m) => m.topic)).toContain('notAccepted');
  });
});

describe('the clock', () => {
  it('stops while suspended: the due dates move by the paused working days', async () => {
    on('2026-03-02');
    const c = await apply();
    let k = await ok(c.number, { type: 'accept' });
    expect(k.due.promised.due).toBe('2026-03-09');
    on('2026-03-03');
    k = await ok(c.number, { type: 'suspend', procedure: 'expertReview', reason: '组织专家评审' });
    expect(k.status).toBe('suspended');
    expect((await detail(c.number)).allowed).toEqual(expect.arrayContaining(['resume', 'extend']));
    on('2026-03-10');
    k = await ok(c.number, { type: 'resume', note: '评审完成' });
    // Paused 3/3–3/9: five working days.
    expect(k).toMatchObject({ status: 'inProcess', pauses: [{ from: '2026-03-03', until: '2026-03-10', kind: 'expertReview' }], due: { promised: { due: '2026-03-16' } } });
  });

  it('waits for corrections asked during processing where the jurisdiction says so, and runs on where it does not', async () => {
    for (const pauses of [true, false]) {
      const saved = await h.call('PUT', `/api/admin/${CITY}/case-settings`, { token: admin, body: { warnings: { yellow: 0.5, red: 0.9 }, followUpDays: 10, correctionPausesClock: pauses } });
      expect(saved.status).toBe(200);
      on('2026-03-02');
      const c = await apply();
      await ok(c.number, { type: 'accept' }); // promised by 3/9
      on('2026-03-03');
      const asked = await ok(c.number, { type: 'requestCorrection', items: [{ materialId: 'sale-contract', note: '审查发现合同页码不全' }] });
      expect(asked).toMatchObject({ status: 'correctionRequested', acceptedOn: '2026-03-02' });
      expect((await detail(c.number)).allowed).not.toContain('notAccept'); // accepted already
      on('2026-03-06');
      const back = await applicant(c, { type: 'supplyCorrection', materials: { 'sale-contract': [await h.uploaded(CITY, 'real-estate-transfer', 'sale-contract')] } });
      expect(back.json.status).toBe('inProcess');
      // Paused 3/3–3/5: three working days, or none.
      expect(back.json.due.promised.due).toBe(pauses ? '2026-03-12' : '2026-03-09');
    }
    await h.call('PUT', `/api/admin/${CITY}/case-settings`, { token: admin, body: { warnings: { yellow: 0.5, red: 0.9 }, followUpDays: 10 } });
  });

  it('is extended once by 10 working days, with a reason', async () => {
    on('2026-03-02');
    const c = await apply();
    await ok(c.number, { type: 'accept' });
    const k = await ok(c.number, { type: 'extend', reason: '案情复杂，经负责人批准' });
    expect(k.extension).toMatchObject({ days: 10, reason: '案情复杂，经负责人批准' });
    expect(k.due.promised.due).toBe('2026-03-23');
    expect(k.due.legal.due).toBe('2026-04-28'); // 4/14 + 10 WD, across 劳动节 (5/1–5 is later)
    const twice = await act(c.number, { type: 'extend', reason: '再延' });
    expect(twice.json.message).toBe('办理期限只能延长一次');
  });

  it('raises each warning once, to the department’s inbox', async () => {
    on('2026-03-02');
    const c = await apply();
    await ok(c.number, { type: 'accept' });
    await ok(c.number, pass); // 审核: 2 WD, due 3/4
    on('2026-03-05'); // 3 of 5 promised days used: yellow; the step is overdue
    await sweep();
    const k = (await detail(c.number)).case;
    expect(k.warnings).toMatchObject({ promised: 'yellow', 'step:1:2026-03-02': 'overdue' });
    await h.delivered();
    const warned = (await h.store.inboxOf(CITY, `dept:${k.departmentId}`)).filter((m) => m.trackingNumber === c.number && m.topic === 'warning');
    expect(warned.map((m) => m.text).sort()).toEqual([`办件 ${c.number}「不动产转移登记」承诺时限黄牌预警(期限 2026-03-09)`, `办件 ${c.number}「不动产转移登记」环节「审核」已超期(期限 2026-03-04)`].sort());
    const queue = await h.call('GET', '/api/officer/queue', { token: officer });
    expect(queue.json.find((e: { trackingNumber: string }) => e.trackingNumber === c.number).warning).toBe('overdue');
    await sweep();
    expect((await detail(c.number)).case.revision).toBe(k.revision);
  });

  it('is recomputed when the calendar changes, with an entry in the history', async () => {
    on('2026-03-02');
    const c = await apply();
    await ok(c.number, { type: 'accept' });
    const calendar = await h.call('GET', `/api/admin/${CITY}/calendar`, { token: admin });
    const saved = await h.call('PUT', `/api/admin/${CITY}/calendar`, {
      token: admin,
      headers: { 'if-match': calendar.headers.get('etag')! },
      body: { days: [...calendar.json.own.overlay.days, { date: '2026-03-04', kind: 'holiday', name: '地方节日' }] },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.recomputedCases).toBeGreaterThan(0);
    const k = (await detail(c.number)).case;
    expect(k.due.promised.due).toBe('2026-03-10');
    expect(k.history.at(-1)).toMatchObject({ action: 'recomputed', actor: 'city-admin' });
    expect(k.history.at(-1).note).toContain('承诺办结 2026-03-09 → 2026-03-10');
    const restored = await h.call('PUT', `/api/admin/${CITY}/calendar`, { token: admin, headers: { 'if-match': saved.headers.get('etag')! }, body: calendar.json.own.overlay });
    expect(restored.status).toBe(200);
  });
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
    const rated = await applicant(c, { type: 'rate', level: 5, comment: '窗口态度差' });
    expect(rated.status).toBe(200);
    expect(rated.json).toMatchObject({ rating: { level: 5, comment: '窗口态度差', followUp: {} }, due: { followUp: { due: '2026-03-16' } } });
    expect((await applicant(c, { type: 'rate', level: 1 })).json.message).toBe('本件已评价');
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
    expect((await post('rate', d, { level: '4', comment: '理由没说清楚' })).status).toBe(303);
    expect(await page(d)).toContain('您的评价：不满意');
  });
});
