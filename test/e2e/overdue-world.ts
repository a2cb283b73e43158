import { join } from 'node:path';
import { createApp } from '../../functions/src/app';
import { localDeps } from '../../functions/src/local-deps';
import { RATE_LIMITS_OFF } from '../../functions/src/rate-limits';
import { seedDemo } from '../../functions/src/seed';
import { startEmbeddedDynamo } from '../../functions/src/store/embedded';
import { Store } from '../../functions/src/store/store';
import { saleAnswers } from '../../functions/test/files';

/**
 * A data folder for `npm start` holding a case gone overdue: a 不动产转移登记 filed and accepted
 * six weeks ago (promised in 5 working days) and left in process. The app writes it on that day's
 * clock, as it would have then; the server started on the folder afterwards finds it overdue.
 */
export async function withOverdueCase(dataDir: string): Promise<string> {
  const dynamo = await startEmbeddedDynamo({ path: join(dataDir, 'db') });
  try {
    const store = new Store(dynamo.client, 'onevisit');
    await store.ensureTable();
    const then = new Date(Date.now() - 42 * 86_400_000);
    // One client filing under a stopped clock: the per-client limits are not what is shown here.
    const deps = { ...localDeps(store, { dataDir, secret: 'overdue-world', clock: () => then, quiet: true }), rateLimits: RATE_LIMITS_OFF };
    await seedDemo(deps);
    const app = createApp(deps);
    const item = '/api/items/990100/real-estate-transfer';
    const materials: Record<string, string[]> = {};
    for (const id of ['application', 'title-certificate', 'sale-contract', 'survey-report']) {
      const form = new FormData();
      form.set('materialId', id);
      form.set('file', new File([Buffer.from('%PDF-1.4\n%%EOF\n')], `${id}.pdf`));
      materials[id] = [((await (await app.request(`${item}/uploads`, { method: 'POST', body: form })).json()) as { key: string }).key];
    }
    const filed = await app.request(`${item}/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: saleAnswers, materials }) });
    if (filed.status !== 201) throw new Error(`application refused: ${await filed.text()}`);
    const number = ((await filed.json()) as { case: { trackingNumber: string } }).case.trackingNumber;
    const officer = await store.getUser('990100', 'estate-officer');
    const token = await deps.devTokens.issue(officer!);
    const accepted = await app.request(`/api/officer/cases/${number}/actions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ type: 'accept', expectedRevision: 1 }) });
    if (accepted.status !== 200) throw new Error(`accept failed: ${await accepted.text()}`);
    await deps.outbox.drain();
    return number;
  } finally {
    await dynamo.close();
  }
}
