import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { harness } from '../../functions/test/harness';

/**
 * Hostile JSON bodies on every kind of JSON write route (issue 15): numbers the store cannot hold
 * (written as raw JSON text, so 1e400 and 41-digit integers reach the parser as sent), deep
 * arrays, long strings, wrong types, broken and missing bodies. None may answer 5xx or store anything.
 */

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
let admin = '';
beforeAll(async () => {
  admin = await h.token('990100', 'city-admin');
});

const numbers = fc.constantFrom('1e400', '-1e400', '5e-324', '1e-200', '12345678901234567890123456789012345678901', '1e20', '9007199254740993', '-0', '0.1', '1e125', '1E+999');
const deep = fc.integer({ min: 1, max: 10_000 }).map((d) => '['.repeat(d) + ']'.repeat(d));
const long = fc.constantFrom(10, 20_001, 70_000, 300_000, 900_000).map((n) => JSON.stringify('长'.repeat(n)));
const value = fc.oneof(numbers, deep, long, fc.json({ maxDepth: 4 }), fc.constantFrom('null', 'true', '"x"', '[]', '{}'));
/** A value put where the routes look: answers, a definition, settings, or the body itself. */
const body = fc.oneof(
  value,
  fc.tuple(fc.constantFrom('answers', 'definition', 'materialId', 'days', 'type', 'note', 'name', 'files', 'level'), value).map(([key, v]) => `{"${key}":${v}}`),
  value.map((v) => `{"answers":{"transferee":{"name":${v}},"price":${v}},"files":{}}`),
  value.map((v) => `{"id":"real-estate-transfer","name":"x","uploadLimitMb":${v},"form":{"schema":{"type":"object","properties":{"a":{"type":"number","maximum":${v}}}}}}`),
  fc.constantFrom('', '{', '{"a":', 'not json', '\u0000', '[1,2,'),
  fc.constant(undefined),
);

interface Target {
  method: string;
  path: string;
  signedIn?: boolean;
  headers?: Record<string, string>;
}
const ITEM = '990100/real-estate-transfer';
const targets: Target[] = [
  { method: 'POST', path: `/api/items/${ITEM}/applications` },
  { method: 'POST', path: `/api/items/${ITEM}/upload-targets` },
  { method: 'POST', path: '/api/track/990100-20260302-0001/actions' },
  { method: 'PUT', path: `/api/admin/990100/items/real-estate-transfer/draft`, signedIn: true, headers: { 'if-match': '"1"' } },
  { method: 'POST', path: '/api/admin/990100/items', signedIn: true },
  { method: 'POST', path: `/api/admin/990100/items/real-estate-transfer/checks`, signedIn: true },
  { method: 'POST', path: `/api/admin/990100/items/real-estate-transfer/publish`, signedIn: true, headers: { 'if-match': '"999"' } },
  { method: 'PUT', path: '/api/admin/990100/calendar', signedIn: true },
  { method: 'PUT', path: '/api/admin/990100/case-settings', signedIn: true },
  { method: 'POST', path: '/api/admin/990100/clones', signedIn: true },
];

describe('fuzzed JSON bodies', () => {
  it(`give no 5xx and store nothing (${RUNS} bodies per route, ${targets.length} routes)`, async () => {
    const before = await h.recordCount();
    const started = performance.now();
    const statuses = new Map<number, number>();
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(body, async (raw) => {
          const headers: Record<string, string> = { ...target.headers, ...(raw === undefined ? {} : { 'content-type': 'application/json' }) };
          if (target.signedIn) headers.authorization = `Bearer ${admin}`;
          const response = await h.app.request(target.path, { method: target.method, headers, ...(raw === undefined ? {} : { body: raw }) });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${target.method} ${target.path} ${String(raw).slice(0, 120)}`).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
    }
    console.log(`fuzz: ${RUNS * targets.length} requests in ${((performance.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(await h.recordCount()).toBe(before);
  }, 120_000);
});
