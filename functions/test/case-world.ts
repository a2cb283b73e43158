import { beforeAll, expect } from 'vitest';
import { harness } from './harness';
import { saleAnswers } from './files';

/**
 * The world of the case lifecycle tests (cases.test.ts, case-rules.test.ts): whole lifecycles
 * over HTTP, on the embedded store, with the clock set day by day (10:00 in Shanghai). The item
 * is the seeded 不动产转移登记: promised 5 WD, legal 30 WD, steps 受理 1 → 审核 2 → 登簿 1 →
 * 缮证发证 1, the survey report may be supplied later (容缺, 3 WD).
 */
export async function caseWorld() {
  const h = await harness({ now: '2026-03-02T02:00:00Z' });
  const CITY = '990100';
  /** Signed in before the tests: the estate department's officer and reviewer, the city's administrator, another department's officer, a county's. */
  const tokens = { officer: '', colleague: '', admin: '', otherDepartment: '', countyOfficer: '' };
  beforeAll(async () => {
    tokens.officer = await h.token(CITY, 'estate-officer');
    tokens.colleague = await h.token(CITY, 'estate-reviewer');
    tokens.admin = await h.token(CITY, 'city-admin');
    tokens.otherDepartment = await h.token(CITY, 'market-officer');
    tokens.countyOfficer = await h.token('990121', 'dongcheng-officer');
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

  async function detail(number: string, token = tokens.officer) {
    const response = await h.call('GET', `/api/officer/cases/${number}`, { token });
    expect(response.status).toBe(200);
    return response.json;
  }

  /** An officer's action on the revision they see now. */
  async function act(number: string, action: Record<string, unknown>, options: { token?: string; key?: string } = {}) {
    const { case: c } = await detail(number, options.token);
    return h.call('POST', `/api/officer/cases/${number}/actions`, {
      token: options.token ?? tokens.officer,
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

  /** A case filed, worked to its decision and collected at the window: ready to be rated. */
  async function collected() {
    const c = await apply();
    await ok(c.number, { type: 'accept' });
    for (let i = 0; i < 4; i++) await ok(c.number, pass);
    await ok(c.number, { type: 'deliver', method: '窗口领取' });
    return c;
  }

  /** A walk-in application through window 3 (the applicant's phone 13812345678), worked to its decision: its case and window service may be rated. */
  async function windowCase(serial: string) {
    const paper = { form: 'paper', original: true, copies: 1 };
    const filed = await h.call('POST', `/api/window/${CITY}/items/real-estate-transfer/applications`, {
      token: await h.token(CITY, 'window-officer'),
      headers: { 'idempotency-key': `window-case-${serial}` },
      body: {
        window: { name: '市民中心综合窗口', number: '3' },
        applicant: { idType: '111', idNumber: '440524188001010014', name: '李四', phone: '13812345678' },
        answers: saleAnswers,
        materials: { application: paper, 'title-certificate': paper, 'sale-contract': paper, 'survey-report': paper },
      },
    });
    expect(filed.status, JSON.stringify(filed.json)).toBe(201);
    const c = { number: filed.json.case.trackingNumber as string, secret: filed.json.secret as string };
    await ok(c.number, { type: 'accept' });
    for (let i = 0; i < 4; i++) await ok(c.number, pass);
    return c;
  }

  return { h, CITY, tokens, on, apply, detail, act, ok, applicant, sweep, messages, pass, collected, windowCase };
}
