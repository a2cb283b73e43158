import { beforeAll, describe, expect, it } from 'vitest';
import { browserSession } from './browser-session';
import { caseWorld } from './case-world';

/** Whole case lifecycles: approval across a holiday, correction, 容缺, and the clock (see case-world.ts). */

const world = await caseWorld();
const { h, CITY, on, apply, detail, act, ok, applicant, sweep, messages, pass } = world;
let officer: string, admin: string;
beforeAll(() => {
  ({ officer, admin } = world.tokens);
});

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
