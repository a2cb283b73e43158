import { Hono } from 'hono';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../functions/src/app';
import { socketAddress, viewerAddress } from '../../functions/src/client-address';
import { DEFAULT_MAX_KEYS, DEFAULT_RATE_LIMITS, rateLimits, WindowTable } from '../../functions/src/rate-limits';
import { PDF, saleAnswers, saleForm } from '../../functions/test/files';
import { harness } from '../../functions/test/harness';
import { multipart } from './multipart';

/**
 * The rate limits as the hosts run them (defaults on; the harness's own app has them off): the
 * local server tells clients apart by socket, Lambda by the viewer address CloudFront forwards.
 */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const local = createApp({ ...h.deps, rateLimits: undefined, clientAddress: socketAddress });
const lambda = createApp({ ...h.deps, rateLimits: undefined, clientAddress: viewerAddress });
const ITEM = '/api/items/990100/real-estate-transfer';
const { submissionsPerItem, uploadsPerItem, wrongSecrets, wrongSecretsPerCase } = DEFAULT_RATE_LIMITS;

/** A request from `address` to the local server. */
const fromSocket = (address: string, path: string, init: RequestInit = {}) => local.request(path, init, { incoming: { socket: { remoteAddress: address } } });
/** A request from `viewer` through CloudFront (an edge address) and the HTTP API. */
const viaCloudFront = (viewer: string, path: string, init: RequestInit = {}) =>
  lambda.request(path, { ...init, headers: { ...init.headers, 'x-forwarded-for': `${viewer}, 130.176.0.1` } }, { requestContext: { http: { sourceIp: '130.176.0.1' } } });

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function upload(from: string, materialId: string): Promise<string> {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new Uint8Array(PDF)], 'scan.pdf'));
  const response = await fromSocket(from, `${ITEM}/uploads`, await multipart(form));
  expect(response.status).toBe(201);
  return ((await response.json()) as { key: string }).key;
}

describe('submissions', () => {
  it('refuse the submission over the per-item window from one client with 429 and Retry-After; another client and another item go on', async () => {
    // Answers without the materials: each is refused (422) after being counted, as any post is.
    for (let i = 0; i < submissionsPerItem.limit; i++) expect((await fromSocket('203.0.113.1', `${ITEM}/applications`, json({ answers: saleAnswers }))).status).toBe(422);
    const refused = await fromSocket('203.0.113.1', `${ITEM}/applications`, json({ answers: saleAnswers }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^操作过于频繁/), message_en: expect.stringMatching(/^too many requests/) });

    expect((await fromSocket('203.0.113.2', `${ITEM}/applications`, json({ answers: saleAnswers }))).status).toBe(422);
    expect((await fromSocket('203.0.113.1', '/api/items/990100/company-registration/applications', json({ answers: {} }))).status).not.toBe(429);
  });

  it('answer the citizen form with a readable page, Chinese first, and let the client in again once the window has passed', async () => {
    const form = (): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '17' }, body: 'root[reason]=sale' });
    for (let i = 0; i < submissionsPerItem.limit; i++) expect((await fromSocket('203.0.113.3', '/apply/990100/real-estate-transfer', form())).status).toBe(400);
    const refused = await fromSocket('203.0.113.3', '/apply/990100/real-estate-transfer', form());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await refused.text();
    expect(page).toContain('<!doctype html>');
    expect(page.indexOf('操作过于频繁')).toBeGreaterThan(-1);
    expect(page.indexOf('操作过于频繁')).toBeLessThan(page.indexOf('Too many requests'));

    const now = h.clock.now;
    h.clock.now = new Date(now.getTime() + submissionsPerItem.seconds * 1000);
    try {
      expect((await fromSocket('203.0.113.3', '/apply/990100/real-estate-transfer', form())).status).toBe(400);
    } finally {
      h.clock.now = now;
    }
  });

  it('refuse a client flooding the apply form with bodies too large or of too many fields; another client’s application with its files reaches its receipt', async () => {
    const flood = [
      `root%5Bname%5D=${'x'.repeat(2 * 1024 * 1024)}`, // 2 MB of words
      Array.from({ length: 5000 }, (_, i) => `root%5Bf${i}%5D=x`).join('&'), // 5,000 fields
    ];
    const form = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) }, body });
    for (let i = 0; i < submissionsPerItem.limit; i++) expect((await fromSocket('203.0.113.7', '/apply/990100/real-estate-transfer', form(flood[i % 2]!))).status).toBe(413);
    const refused = await fromSocket('203.0.113.7', '/apply/990100/real-estate-transfer', form(flood[0]!));
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('操作过于频繁');

    const application = new FormData();
    for (const [name, value] of Object.entries(saleForm)) for (const v of [value].flat()) application.append(name, v);
    for (const material of ['application', 'title-certificate', 'sale-contract']) application.append(`material[${material}]`, new File([new Uint8Array(PDF)], `${material}.pdf`));
    const filed = await fromSocket('203.0.113.8', '/apply/990100/real-estate-transfer', await multipart(application));
    expect(filed.status).toBe(303);
    expect(filed.headers.get('location')).toMatch(/^\/receipt\//);
  });
});

describe('uploads', () => {
  it('are limited per client and item like submissions', async () => {
    const target = () => viaCloudFront('192.0.2.30', `${ITEM}/upload-targets`, json({ materialId: 'application' }));
    for (let i = 0; i < uploadsPerItem.limit; i++) expect((await target()).status).toBe(200);
    const refused = await target();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('guessing the 查询码', () => {
  let number = '';
  let secret = '';

  beforeAll(async () => {
    const materials = { application: [await upload('198.51.100.9', 'application')], 'title-certificate': [await upload('198.51.100.9', 'title-certificate')], 'sale-contract': [await upload('198.51.100.9', 'sale-contract')] };
    const response = await fromSocket('198.51.100.9', `${ITEM}/applications`, json({ answers: saleAnswers, materials }));
    expect(response.status).toBe(201);
    ({ case: { trackingNumber: number }, secret } = (await response.json()) as { case: { trackingNumber: string }; secret: string });
  });

  /** The tracking page's form, posted as a browser posts it. */
  const lookup = (n: string, code: string): RequestInit => {
    const body = new URLSearchParams({ number: n, secret: code }).toString();
    return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) }, body };
  };
  const withCode = (code: string): RequestInit => ({ headers: { 'x-tracking-secret': code } });

  it('is limited per client on /track, the JSON route and the receipt alike; the right code is refused too once over, and other viewers are not', async () => {
    const viewer = '192.0.2.10';
    for (let i = 0; i < wrongSecrets.limit; i++) {
      const guess = lookup(`990100-20260302-${String(900 + i).padStart(6, '0')}`, `AAAA${String(i).padStart(4, '2')}`);
      expect((await viaCloudFront(viewer, '/track', guess)).status).toBe(404);
    }
    const over = await viaCloudFront(viewer, '/track', lookup(number, secret));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await over.text()).toContain('操作过于频繁');
    expect((await viaCloudFront(viewer, `/api/track/${number}`, withCode(secret))).status).toBe(429);
    expect((await viaCloudFront(viewer, `/receipt/${number}?secret=${secret}`)).status).toBe(429);
    expect((await viaCloudFront(viewer, `/track?number=${number}&secret=${secret}`)).status).toBe(429);

    // Another viewer behind the same CloudFront edge is a client of its own.
    expect((await viaCloudFront('192.0.2.11', '/track', lookup(number, secret))).status).toBe(303);
  });

  it('is limited per client and case more strictly, leaving that client its other cases, on the API and the tracking page alike', async () => {
    const viewer = '192.0.2.20';
    for (let i = 0; i < wrongSecretsPerCase.limit; i++) expect((await viaCloudFront(viewer, `/api/track/${number}`, withCode(`WRONG${i}`))).status).toBe(404);
    expect((await viaCloudFront(viewer, `/api/track/${number}`, withCode(secret))).status).toBe(429);
    expect((await viaCloudFront(viewer, '/track', lookup(number, secret))).status).toBe(429);
    expect((await viaCloudFront(viewer, `/api/track/990100-20260302-000999`, withCode('WRONG'))).status).toBe(404);

    const typing = '192.0.2.21';
    for (let i = 0; i < wrongSecretsPerCase.limit; i++) expect((await viaCloudFront(typing, '/track', lookup(` ${number}`, `WRONG${i}`))).status).toBe(404);
    expect((await viaCloudFront(typing, '/track', lookup(number, secret))).status).toBe(429);
    expect((await viaCloudFront(typing, '/track', lookup('990100-20260302-000999', 'WRONG'))).status).toBe(404);
  });

  it('never counts the right code: a service centre behind one address looks cases up all day', async () => {
    for (let i = 0; i < wrongSecrets.limit * 3; i++) expect((await fromSocket('203.0.113.50', `/api/track/${number}`, withCode(secret))).status).toBe(200);
    for (let i = 0; i < wrongSecrets.limit; i++) expect((await fromSocket('203.0.113.50', '/track', lookup(number, secret))).status).toBe(303);
  });
});

describe('the limiter’s memory', () => {
  it('stays within its table under 100,000 distinct clients', () => {
    const table = new WindowTable();
    for (let i = 0; i < 100_000; i++) table.take(`wrongSecrets|10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, wrongSecrets, 0);
    expect(table.size).toBe(DEFAULT_MAX_KEYS);
  });

  it('is the table the middleware counts in: a flood of clients fills it no further, and the latest client is still limited', async () => {
    const table = new WindowTable(1000);
    const clock = { now: new Date('2026-03-02T02:00:00Z') };
    type Env = { Variables: { client: string } };
    const app = new Hono<Env>();
    app.use('*', async (c, next) => {
      c.set('client', c.req.header('x-client')!);
      await next();
    });
    app.use('*', rateLimits<Env>({ clock: () => clock.now, client: (c) => c.get('client'), largestBody: 1024, table }));
    app.get('/api/track/:number', (c) => c.json({ code: 'NOT_FOUND' }, 404));

    for (let i = 0; i < 5000; i++) await app.request(`/api/track/990100-20260302-${i}`, { headers: { 'x-client': `10.0.${i >> 8}.${i & 255}` } });
    expect(table.size).toBe(1000);

    const last = { headers: { 'x-client': 'the-last' } };
    for (let i = 0; i < wrongSecretsPerCase.limit; i++) expect((await app.request('/api/track/990100-20260302-000001', last)).status).toBe(404);
    expect((await app.request('/api/track/990100-20260302-000001', last)).status).toBe(429);
    expect(table.size).toBe(1000);
  });

  it('pushes out the least recently used window first', () => {
    const table = new WindowTable(10);
    const window = { limit: 2, seconds: 60 };
    table.take('busy', window, 0);
    for (let i = 0; i < 9; i++) table.take(`quiet-${i}`, window, 0);
    table.take('busy', window, 1);
    table.take('new', window, 2);
    expect(table.size).toBe(10);
    expect(table.wait('busy', window, 3)).toBe(60);
    expect(table.wait('quiet-0', { limit: 1, seconds: 60 }, 3)).toBeUndefined();
  });
});

describe('held refusals (the local server)', () => {
  type Env = { Variables: { client: string } };
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const heldApp = (max: number) => {
    const app = new Hono<Env>();
    app.use('*', async (c, next) => {
      c.set('client', 'one-script');
      await next();
    });
    const settings = { windows: { submissions: { limit: 1, seconds: 60 } }, hold: { ms: 1000, max } };
    app.use('*', rateLimits<Env>({ settings, clock: () => clock.now, client: (c) => c.get('client'), largestBody: 1024 }));
    app.post('/api/items/:j/:item/applications', (c) => c.json({}, 201));
    return app;
  };
  const body = JSON.stringify({ answers: {} });
  /** As it comes over HTTP: its length stated. */
  const submit = (app: Hono<Env>) =>
    app.request('/api/items/990100/company-registration/applications', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, body });
  /** Whether `response` has settled once everything already due has run. */
  const settled = async (response: Response | Promise<Response>) => {
    let done = false;
    void Promise.resolve(response).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    return done;
  };
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answer a client over its window a second later, closing the connection its body came on; the held ones beyond the cap at once', async () => {
    const app = heldApp(2);
    expect((await submit(app)).status).toBe(201);
    const held = [submit(app), submit(app)];
    const beyond = submit(app);
    expect(await settled(beyond)).toBe(true);
    expect((await beyond).status).toBe(429);
    for (const refusal of held) expect(await settled(refusal)).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    for (const refusal of held) {
      const response = await refusal;
      expect(response.status).toBe(429);
      expect(response.headers.get('connection')).toBe('close');
    }
    // Sent, the held places are free again.
    const again = submit(app);
    expect(await settled(again)).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await again).status).toBe(429);
  });
});
