import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, expect } from 'vitest';
import { createApp } from '../src/app';
import { localDeps } from '../src/local-deps';
import type { Channel, Notification } from '../src/notifier';
import { RATE_LIMITS_OFF } from '../src/rate-limits';
import { seedDemo } from '../src/seed';
import { PDF } from './files';
import { startTestStore } from './test-store';
import { Store } from '../src/store/store';

/**
 * The app on the real embedded store (dynalite, in memory), a temporary data folder (files),
 * messages delivered to the outbox (through `channel`, else the quiet log), real tokens, and a
 * clock the test sets. One per test file; closed when the file ends.
 */
export async function harness(options: { seed?: boolean; now?: string; channel?: Channel } = {}) {
  const dynamo = await startTestStore();
  const store = new Store(dynamo.client, 'onevisit-test', { transactions: dynamo.transactions, exclusive: dynamo.exclusive });
  await store.ensureTable();
  const clock = { now: new Date(options.now ?? '2026-03-02T02:00:00Z') };
  // These files send many requests as one client under a stopped clock; test/security tests the limits.
  // What went out (SMS, e-mail) as the gateway was handed it: the outbox page keeps less (no 查询码).
  const sent: Notification[] = [];
  const channel: Channel = {
    async deliver(notification) {
      await options.channel?.deliver(notification);
      sent.push(notification);
    },
  };
  const deps = { ...localDeps(store, { dataDir: mkdtempSync(join(tmpdir(), 'onevisit-data-')), secret: 'test-secret', clock: () => clock.now, quiet: true, channel }), rateLimits: RATE_LIMITS_OFF };
  if (options.seed !== false) await seedDemo(deps);
  const app = createApp(deps);
  afterAll(async () => {
    await deps.outbox.drain();
    await dynamo.close();
  });

  async function token(jurisdiction: string, userId: string): Promise<string> {
    const user = await store.getUser(jurisdiction, userId);
    if (!user) throw new Error(`no user ${userId}`);
    return deps.devTokens.issue(user);
  }

  async function call(method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request(path, { method, headers, body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  }

  /** The seeded city's administrator and its county's (东城), signed in. */
  const adminTokens = async () => ({ admin: await token('990100', 'city-admin'), countyAdmin: await token('990121', 'dongcheng-admin') });

  /** The key of a small PDF uploaded for an application to the item, as `materialId`. */
  async function uploaded(jurisdiction: string, itemId: string, materialId: string): Promise<string> {
    const form = new FormData();
    form.set('materialId', materialId);
    form.set('file', new File([new Uint8Array(PDF)], 'scan.pdf'));
    const response = await call('POST', `/api/items/${jurisdiction}/${itemId}/uploads`, { raw: form });
    expect(response.status).toBe(201);
    return response.json.key;
  }

  /** Until the messages of every case written so far are delivered (they go out after the request that wrote them). */
  const delivered = () => deps.outbox.drain();

  /** Every record in the table once the messages written are out, for asserting that bad input changed nothing. */
  async function recordCount(): Promise<number> {
    await delivered();
    const result = await dynamo.client.send(new ScanCommand({ TableName: store.tableName, Select: 'COUNT' }));
    return result.Count ?? 0;
  }

  return { app, deps, store, client: dynamo.client, clock, token, adminTokens, call, uploaded, recordCount, delivered, sent };
}
