import { beforeAll, describe, expect, it } from 'vitest';
import { harness } from './harness';

/**
 * What every route checks before it reads a request (routes/kit.ts): an officials' route refuses
 * a caller without a token before it validates anything, and a route that needs a body refuses
 * one that is missing instead of reading it as {}.
 */

const h = await harness();
const CITY = '990100';
const NUMBER = `${CITY}20260302000001`;
let admin: string;

beforeAll(async () => {
  admin = await h.token(CITY, 'city-admin');
});

const json = { 'content-type': 'application/json' };

describe('an officials’ route without a token', () => {
  // One a family, each with a request its validation would refuse (400).
  const requests: Array<[family: string, method: string, path: string, init: { body?: unknown; raw?: string; headers?: Record<string, string> }]> = [
    ['items', 'POST', `/api/admin/${CITY}/items`, { body: { itemId: 42 } }],
    ['drafts', 'PUT', `/api/admin/${CITY}/items/company-registration/draft`, { raw: '{not json', headers: json }],
    ['versions', 'GET', `/api/admin/${CITY}/items/company-registration/diff?from=first&to=0`, {}],
    ['clones', 'POST', `/api/admin/990121/clones`, { body: { itemIds: 'all' } }],
    ['calendars', 'PUT', `/api/admin/${CITY}/calendar`, { body: { days: 'weekends' }, headers: { 'if-match': '"0"' } }],
    ['case settings', 'PUT', `/api/admin/${CITY}/case-settings`, { body: { warnings: 'red' } }],
    ['departments', 'PUT', `/api/admin/${CITY}/departments/not-a-credit-code`, { body: { name: 7 } }],
    ['department cases', 'POST', `/api/admin/${CITY}/cases/${NUMBER}/reassign`, { body: { reason: '' } }],
    ['files', 'POST', `/api/admin/${CITY}/files`, { raw: 'not multipart', headers: { 'content-type': 'multipart/form-data; boundary=x' } }],
    ['messages', 'GET', `/api/admin/${CITY}/outbox?day=yesterday`, {}],
    ['cases', 'POST', `/api/officer/cases/not-a-number/actions`, { body: { type: 'approveEverything' } }],
    ['case search', 'GET', '/api/cases?limit=all', {}],
  ];

  it.each(requests)('is answered 401 before its request is validated: %s', async (_family, method, path, init) => {
    const before = await h.recordCount();
    const response = await h.call(method, path, init);
    expect(response.status, response.text).toBe(401);
    expect(response.json).toMatchObject({ code: 'NOT_SIGNED_IN', message: '请先登录', message_en: 'sign in first' });
    expect(await h.recordCount()).toBe(before);
  });
});

describe('a route that needs a body', () => {
  const missing = { code: 'INVALID_REQUEST', message: '请求缺少内容', message_en: 'the request has no body' };

  it('refuses case settings sent without one, or as {}, and keeps the settings in force', async () => {
    const before = await h.recordCount();
    const none = await h.call('PUT', `/api/admin/${CITY}/case-settings`, { token: admin });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject(missing);
    const empty = await h.call('PUT', `/api/admin/${CITY}/case-settings`, { token: admin, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/^请求内容不符合要求/), message_en: expect.stringMatching(/^the request is not valid/) });
    expect(await h.recordCount()).toBe(before);
    expect((await h.call('GET', `/api/admin/${CITY}/case-settings`, { token: admin })).json).toEqual({ warnings: { yellow: 0.5, red: 0.9 }, followUpDays: 10, correctionPausesClock: true });
  });

  it('refuses a calendar sent without one, and stores no calendar', async () => {
    const before = await h.recordCount();
    const none = await h.call('PUT', `/api/admin/${CITY}/calendar`, { token: admin, headers: { 'if-match': '"0"' } });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject(missing);
    expect(await h.recordCount()).toBe(before);
    expect(await h.store.getCalendar(CITY)).toBeUndefined();
  });

  it.each([
    ['a checklist', `/api/items/${CITY}/company-registration/checklist`],
    ['an application', `/api/items/${CITY}/company-registration/applications`],
    ['a clone', `/api/admin/990121/clones`],
  ])('refuses %s asked for without one', async (_what, path) => {
    const response = await h.call('POST', path, { token: path.includes('/admin/') ? await h.token('990121', 'dongcheng-admin') : undefined });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject(missing);
  });

  it('still answers a body sent without a Content-Type as one it cannot read (415)', async () => {
    const response = await h.call('PUT', `/api/admin/${CITY}/case-settings`, { token: admin, raw: '{"followUpDays":3}' });
    expect(response.status).toBe(415);
  });

  it('lets publish go without one: its change note is optional', async () => {
    await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId: 'bodiless', templateId: 'labour-dispatch-licence' } });
    expect((await h.call('POST', `/api/admin/${CITY}/items/bodiless/publish`, { token: admin })).status).toBe(201);
  });
});
