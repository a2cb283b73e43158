import { randomUUID } from 'node:crypto';
import { dueDate, nationalCalendar, shanghaiDateOf } from '@onevisit/item-schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from './local-server';

/**
 * The API walked as its users would, over HTTP against `npm start --memory`: an official
 * configures and publishes an item; an applicant files, retries, and tracks the case.
 */

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({ memory: true });
});
afterAll(async () => {
  await server?.stop();
});

async function api(method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, json: await response.json().catch(() => undefined), headers: response.headers };
}

async function upload(itemPath: string, materialId: string) {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], `${materialId}.pdf`));
  const response = await fetch(`${server.base}${itemPath}/uploads`, { method: 'POST', body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { key: string }).key;
}

const CITY = '990100';

const item = {
  name: '个体工商户登记',
  catalogCode: '990100-XK-9001',
  itemType: '01',
  levels: ['3'],
  department: { name: '示范市市场监督管理局', creditCode: '11370500MB1000006L' },
  targets: ['1'],
  caseType: 'promised',
  channels: ['1', '2'],
  legalLimit: { value: 15, unit: 'workday' },
  promisedLimit: { value: 3, unit: 'workday' },
  maxVisits: 0,
  onlineDepth: '4',
  result: { name: '个体工商户营业执照', type: '2' },
  deficiencyAcceptance: { enabled: true, supplementDays: 2 },
  materials: [
    { id: 'application', name: '个体工商户登记申请书', kind: 'original', form: 'electronic', necessity: 'required', key: true },
    { id: 'premises', name: '经营场所使用证明', kind: 'copy', form: 'electronic', necessity: 'deferrable' },
    { id: 'permit', name: '食品经营许可证', kind: 'copy', form: 'electronic', necessity: 'required', key: true, when: { field: 'sellsFood', op: 'eq', value: true } },
  ],
  steps: [
    { id: 'review', name: '审核', role: '登记注册科', limitDays: 2 },
    { id: 'issue', name: '发照', role: '综合窗口', limitDays: 1 },
  ],
  form: {
    schema: {
      type: 'object',
      properties: {
        operator: { type: 'string', title: '经营者姓名', minLength: 2 },
        idCard: { type: 'string', title: '身份证号码', format: 'cn-id-card' },
        sellsFood: { type: 'boolean', title: '是否经营食品' },
      },
      required: ['operator', 'idCard', 'sellsFood'],
    },
  },
};

describe('an official publishes an item, an applicant files it', () => {
  let admin: string;
  const itemPath = `/api/items/${CITY}/sole-trader`;

  it('starts with the seeded catalogue, the API description and its reference page', async () => {
    expect((await api('GET', '/api/health')).json.status).toBe('ok');
    expect((await api('GET', `/api/catalog?jurisdiction=${CITY}`)).json.length).toBeGreaterThanOrEqual(10);
    const spec = (await api('GET', '/openapi.json')).json;
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/catalog', '/api/items/{jurisdiction}/{itemId}/applications', '/api/admin/{jurisdiction}/items/{itemId}/publish', '/api/officer/queue']));
    const docs = await fetch(`${server.base}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/docs/assets/swagger-ui-bundle.js');
    expect((await fetch(`${server.base}/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
  });

  it('signs the official in with the demo picker', async () => {
    const users = (await api('GET', '/api/dev/users')).json;
    expect(users).toContainEqual(expect.objectContaining({ id: 'city-admin', role: 'jurisdictionAdmin' }));
    admin = (await api('POST', '/api/dev/sign-in', { body: { jurisdiction: CITY, userId: 'city-admin' } })).json.token;
    expect(admin).toBeTruthy();
  });

  it('creates the item with a conditional and a 容缺 material and publishes it', async () => {
    const created = await api('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId: 'sole-trader', definition: item } });
    expect(created.status).toBe(201);
    const published = await api('POST', `/api/admin/${CITY}/items/sole-trader/publish`, { token: admin, body: { changeNote: '首次发布' }, headers: { 'if-match': '"1"' } });
    expect(published.status).toBe(201);
    expect(published.json.version).toBe(1);
    expect((await api('GET', `/api/catalog?q=${encodeURIComponent('个体')}`)).json).toContainEqual(expect.objectContaining({ itemId: 'sole-trader', promisedLimit: { value: 3, unit: 'workday' } }));
  });

  let body: { answers: Record<string, unknown>; materials: Record<string, string[]> };
  let first: { case: { trackingNumber: string; due: Record<string, { due: string }> }; secret: string };

  it('refuses an application missing a key material, naming it', async () => {
    body = { answers: { operator: '王五', idCard: '11010519491231002X', sellsFood: true }, materials: { application: [await upload(itemPath, 'application')] } };
    const refused = await api('POST', `${itemPath}/applications`, { body });
    expect(refused.status).toBe(422);
    expect(refused.json.message).toBe('缺少必要材料：食品经营许可证');
    expect(refused.json.message_en).toBe('required materials are missing: 食品经营许可证');
  });

  it('accepts it with only the 容缺 material missing, with the supplement and promised due dates', async () => {
    body.materials.permit = [await upload(itemPath, 'permit')];
    const key = randomUUID();
    const accepted = await api('POST', `${itemPath}/applications`, { body, headers: { 'idempotency-key': key } });
    expect(accepted.status).toBe(201);
    first = accepted.json;
    const calendar = nationalCalendar();
    const today = shanghaiDateOf(new Date());
    expect(first.case.due.promised!.due).toBe(dueDate(calendar, { from: today, limit: { value: 3, unit: 'workday' } }).due);
    expect(first.case.due.supplement!.due).toBe(dueDate(calendar, { from: today, limit: { value: 2, unit: 'workday' } }).due);
    expect(first.case.due.promised!.due > today).toBe(true);

    const retry = await api('POST', `${itemPath}/applications`, { body, headers: { 'idempotency-key': key } });
    expect(retry.status).toBe(200);
    expect(retry.json.case.trackingNumber).toBe(first.case.trackingNumber);
  });

  it('shows progress with the secret (in a header, never the address) and nothing without it', async () => {
    const tracked = await api('GET', `/api/track/${first.case.trackingNumber}`, { headers: { 'x-tracking-secret': first.secret } });
    expect(tracked.status).toBe(200);
    expect(tracked.json.materials).toContainEqual(expect.objectContaining({ materialId: 'premises', status: 'deferred' }));
    expect((await api('GET', `/api/track/${first.case.trackingNumber}`)).status).toBe(404);
    expect((await api('GET', `/api/track/${first.case.trackingNumber}?secret=${encodeURIComponent(first.secret)}`)).json.code).toBe('SECRET_IN_ADDRESS');
  });

  it('shows the case on its tracking page to a browser that posted the number and code, by a half-hour cookie', async () => {
    const number = first.case.trackingNumber;
    const body = new URLSearchParams({ number, secret: first.secret });
    const looked = await fetch(`${server.base}/track`, { method: 'POST', body, redirect: 'manual' });
    expect(looked.status).toBe(303);
    expect(looked.headers.get('location')).toBe(`/track/${number}`);
    const cookie = looked.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^onevisit-track=[^;]+; Max-Age=1800; Path=/track/${number}; HttpOnly; SameSite=Strict$`));
    expect(cookie).not.toContain(first.secret);
    const page = await fetch(`${server.base}/track/${number}`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('个体工商户登记');
    const without = await (await fetch(`${server.base}/track/${number}`)).text();
    expect(without).toContain('请输入查询码查看这个办件');
    expect(without).not.toContain('个体工商户登记');
  });

  it('puts the case in the department’s queue', async () => {
    const officer = (await api('POST', '/api/dev/sign-in', { body: { jurisdiction: CITY, userId: 'market-officer' } })).json.token;
    const queue = (await api('GET', '/api/officer/queue', { token: officer })).json;
    expect(queue.map((c: { trackingNumber: string }) => c.trackingNumber)).toContain(first.case.trackingNumber);
  });
});
