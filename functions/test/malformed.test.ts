import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF, saleAnswers } from './files';
import { harness } from './harness';

/**
 * Malformed input, by construction: text that is not JSON, JSON that is not an object, and
 * objects whose fields have the wrong shape. Every write route must answer 4xx — never 5xx —
 * in Chinese and English, and store nothing.
 */
const h = await harness();
const CITY = '990100';
const RUNS = 1000;
let admin: string;
let officer: string;
let county: string;
/** A filed case, for the case action routes. */
let filed: { number: string; secret: string };

beforeAll(async () => {
  admin = await h.token(CITY, 'city-admin');
  officer = await h.token(CITY, 'estate-officer');
  county = await h.token('990121', 'dongcheng-admin');
  await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId: 'fuzzed', templateId: 'labour-dispatch-licence' } });
  const materials: Record<string, string[]> = {};
  for (const id of ['application', 'title-certificate', 'sale-contract', 'survey-report']) {
    const form = new FormData();
    form.set('materialId', id);
    form.set('file', new File([new Uint8Array(PDF)], 'scan.pdf'));
    materials[id] = [(await h.call('POST', `/api/items/${CITY}/real-estate-transfer/uploads`, { raw: form })).json.key];
  }
  const created = await h.call('POST', `/api/items/${CITY}/real-estate-transfer/applications`, { body: { answers: saleAnswers, materials } });
  filed = { number: created.json.case.trackingNumber, secret: created.json.secret };
});

const notJson = fc.string({ minLength: 1 }).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});
const nonObject = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 5 }));
const nonString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));
const randomObject = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 });
const notArray = fc.oneof(fc.integer(), fc.string(), fc.constant(null), randomObject);

/** A body: raw text (for text that is not JSON) or a value to send as JSON. */
type Body = { raw: string } | { json: unknown };
const raw = (arb: fc.Arbitrary<string>) => arb.map((s): Body => ({ raw: s }));
const json = (arb: fc.Arbitrary<unknown>) => arb.map((v): Body => ({ json: v }));
const malformed = (...shaped: Array<fc.Arbitrary<unknown>>) => fc.oneof(raw(notJson), json(nonObject), ...shaped.map(json));

const routes: Array<{ name: string; method: string; path: string | (() => string); as?: 'admin' | 'officer' | 'county'; headers?: Record<string, string>; bodies: fc.Arbitrary<Body> }> = [
  { name: 'create an item', method: 'POST', path: `/api/admin/${CITY}/items`, as: 'admin', bodies: malformed(randomObject, fc.record({ itemId: fc.string().filter((s) => !/^[a-z0-9][a-z0-9-]{1,79}$/.test(s)), definition: fc.jsonValue() })) },
  { name: 'save a draft', method: 'PUT', path: `/api/admin/${CITY}/items/fuzzed/draft`, as: 'admin', headers: { 'if-match': '"1"' }, bodies: malformed(randomObject.filter((o) => o.id !== 'fuzzed')) },
  { name: 'publish', method: 'POST', path: `/api/admin/${CITY}/items/fuzzed/publish`, as: 'admin', bodies: malformed(fc.record({ changeNote: nonString })) },
  { name: 'save a department', method: 'PUT', path: `/api/admin/${CITY}/departments/11370500MB10000015`, as: 'admin', bodies: malformed(fc.record({ name: nonString }), fc.record({ name: fc.constantFrom('', '   ') })) },
  {
    name: 'save the calendar',
    method: 'PUT',
    path: `/api/admin/${CITY}/calendar`,
    as: 'admin',
    headers: { 'if-match': '"0"' },
    bodies: malformed(fc.record({ days: notArray }), fc.record({ days: fc.array(randomObject, { minLength: 1, maxLength: 3 }) }), fc.record({ officialYears: fc.array(fc.oneof(fc.string(), fc.double()), { minLength: 1, maxLength: 3 }) })),
  },
  { name: 'the checklist', method: 'POST', path: `/api/items/${CITY}/real-estate-transfer/checklist`, bodies: malformed(fc.record({ answers: fc.oneof(nonObject, fc.constant([])) })) },
  {
    name: 'submit an application',
    method: 'POST',
    path: `/api/items/${CITY}/real-estate-transfer/applications`,
    bodies: malformed(randomObject, fc.record({ answers: randomObject }), fc.record({ answers: fc.constant({}), materials: fc.oneof(nonObject, fc.dictionary(fc.string(), nonString, { minKeys: 1, maxKeys: 3 })) })),
  },
  { name: 'sign in', method: 'POST', path: '/api/dev/sign-in', bodies: malformed(randomObject, fc.record({ jurisdiction: fc.string(), userId: fc.string() })) },
  {
    name: 'act on a case',
    method: 'POST',
    path: () => `/api/officer/cases/${filed.number}/actions`,
    as: 'officer',
    bodies: malformed(
      randomObject,
      // Not the case's revision (1): { type: 'accept', expectedRevision: 1 } is a good action, and accepts it.
      fc.record({ type: fc.constantFrom('accept', 'notAccept', 'requestCorrection', 'completeStep', 'suspend', 'extend'), expectedRevision: nonString.filter((v) => v !== 1) }),
      fc.record({ type: fc.constant('requestCorrection'), expectedRevision: fc.constant(1), items: fc.oneof(notArray, fc.constant([]), fc.array(randomObject, { minLength: 1, maxLength: 3 })) }),
      fc.record({ type: fc.constantFrom('notAccept', 'extend'), expectedRevision: fc.constant(1), reason: fc.oneof(nonString, fc.constant('  ')) }),
      fc.record({ type: fc.constant('suspend'), expectedRevision: fc.constant(1), procedure: fc.string(), reason: fc.constant('专家评审') }),
    ),
  },
  {
    name: 'the applicant acts on a case',
    method: 'POST',
    path: () => `/api/track/${filed.number}/actions`,
    bodies: malformed(
      randomObject,
      fc.record({ secret: nonString, action: randomObject }),
      fc.record({ secret: fc.string(), action: fc.constant({ type: 'withdraw' }) }),
      fc.record({ secret: fc.constant('placeholder'), action: fc.record({ type: fc.constant('rate'), level: fc.oneof(fc.integer({ min: 6 }), fc.integer({ max: 0 }), fc.string()) }) }),
    ),
  },
  { name: 'claim upstream items', method: 'POST', path: '/api/admin/990121/clones', as: 'county', bodies: malformed(randomObject, fc.record({ itemIds: fc.oneof(notArray, fc.constant([]), fc.array(nonString, { minLength: 1, maxLength: 3 })) })) },
  { name: 'claim an upstream 一件事', method: 'POST', path: '/api/admin/990121/bundle-clones', as: 'county', bodies: malformed(randomObject, fc.record({ bundleId: fc.oneof(nonString, fc.string({ maxLength: 200 }).filter((s) => s !== 'open-restaurant')) })) },
  {
    name: 'accept an upstream version',
    method: 'POST',
    path: '/api/admin/990121/items/real-estate-transfer/upstream/accept',
    as: 'county',
    headers: { 'if-match': '"1"' },
    bodies: malformed(fc.record({ version: nonString }), fc.record({ version: fc.integer({ max: 0 }) }), fc.record({ version: fc.constant(2), decisions: fc.dictionary(fc.string(), randomObject, { minKeys: 1, maxKeys: 2 }) })),
  },
  { name: 'merge items', method: 'POST', path: `/api/admin/${CITY}/items/hr-agency-approval/merge`, as: 'admin', bodies: malformed(fc.record({ sources: fc.oneof(notArray, fc.constant([]), fc.array(nonString, { minLength: 1, maxLength: 2 })) })) },
  { name: 'delegate an item', method: 'POST', path: `/api/admin/${CITY}/items/water-connection/delegate`, as: 'admin', bodies: malformed(fc.record({ to: nonString }), fc.record({ to: fc.string().filter((s) => s !== '990121' && s !== '990122') })) },
  {
    name: 'save the case settings',
    method: 'PUT',
    path: `/api/admin/${CITY}/case-settings`,
    as: 'admin',
    bodies: malformed(
      randomObject,
      fc.record({ warnings: fc.record({ yellow: fc.double({ min: 0.6, max: 1 }), red: fc.double({ min: 0, max: 0.55 }) }), followUpDays: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ warnings: fc.constant({ yellow: 0.5, red: 0.9 }), followUpDays: fc.oneof(fc.integer({ min: 61 }), fc.integer({ max: 0 }), fc.double({ min: 1.1, max: 1.9 })) }),
    ),
  },
];

describe.each(routes)('$name with malformed bodies', (route) => {
  it(`answers 4xx to ${RUNS} of them, with a bilingual error, and stores nothing`, async () => {
    const before = await h.recordCount();
    await fc.assert(
      fc.asyncProperty(route.bodies, async (body) => {
        const headers: Record<string, string> = { ...route.headers, 'content-type': 'application/json' };
        if (route.as) headers.authorization = `Bearer ${{ admin, officer, county }[route.as]}`;
        const path = typeof route.path === 'function' ? route.path() : route.path;
        const response = await h.app.request(path, { method: route.method, headers, body: 'raw' in body ? body.raw : JSON.stringify(body.json) });
        const error = await response.json();
        expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
        expect(response.status, JSON.stringify(body)).toBeLessThan(500);
        expect(error.message).toMatch(/\p{Script=Han}/u);
        expect(error.message_en).toBeTruthy();
      }),
      { numRuns: RUNS },
    );
    expect(await h.recordCount()).toBe(before);
  });
});

describe('uploads with malformed multipart bodies', () => {
  it(`answers 4xx to ${RUNS} of them and stores nothing`, async () => {
    const before = await h.recordCount();
    await fc.assert(
      fc.asyncProperty(fc.option(fc.string({ maxLength: 20 })), fc.option(fc.uint8Array({ minLength: 1, maxLength: 64 })), async (materialId, bytes) => {
        const form = new FormData();
        if (materialId !== null) form.set('materialId', materialId);
        if (bytes !== null) form.set('file', new File([bytes], 'x.pdf'));
        const response = await h.app.request(`/api/items/${CITY}/real-estate-transfer/uploads`, { method: 'POST', body: form });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    expect(await h.recordCount()).toBe(before);
  });
});

describe('the case the action routes were fuzzed on', () => {
  it('is as it was filed: no malformed action changed it', async () => {
    const found = await h.store.getCase(CITY, filed.number);
    expect(found).toMatchObject({ revision: 1, status: 'received' });
    expect(found!.history).toHaveLength(1);
  });
});
