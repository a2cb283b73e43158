import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../functions/src/app';
import { localDeps } from '../functions/src/local-deps';
import { RATE_LIMITS_OFF } from '../functions/src/rate-limits';
import { seedDemo } from '../functions/src/seed';
import { startEmbeddedDynamo, type EmbeddedDynamo } from '../functions/src/store/embedded';
import { Store } from '../functions/src/store/store';

/**
 * The whole app on a fresh in-memory store with the demo world, as the benchmarks measure it.
 * With `messagesLater`, written cases keep their messages until the bench has `outbox` poll for
 * them, as the table's stream hands them to a sender function of its own in AWS. `store` is
 * another store to run on (DynamoDB Local), closed with it.
 */
export async function seededApp(options: { messagesLater?: boolean; store?: EmbeddedDynamo } = {}) {
  const dynamo = options.store ?? (await startEmbeddedDynamo());
  const store = new Store(dynamo.client, 'onevisit-bench', { transactions: dynamo.transactions, exclusive: dynamo.exclusive });
  await store.ensureTable();
  // Every request comes from one in-process client: the rate limits (rate-limits.ts) would refuse the load.
  const local = localDeps(store, { dataDir: mkdtempSync(join(tmpdir(), 'onevisit-bench-')), secret: 'bench', quiet: true });
  const deps = { ...local, rateLimits: RATE_LIMITS_OFF, ...(options.messagesLater ? { outbox: { written: () => undefined } } : {}) };
  await seedDemo(deps);
  return { dynamo, store, deps, outbox: local.outbox, app: createApp(deps) };
}

/** The demo 不动产转移登记 item, and a small PDF uploaded to one of its materials. */
export const SALE_ITEM = '/api/items/990100/real-estate-transfer';
export async function uploadedPdf(app: ReturnType<typeof createApp>, materialId: string): Promise<string> {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], 'scan.pdf'));
  return ((await (await app.request(`${SALE_ITEM}/uploads`, { method: 'POST', body: form })).json()) as { key: string }).key;
}
