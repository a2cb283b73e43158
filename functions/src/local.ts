import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { ensureAdminUiBuilt, mountAdminUi } from './admin-ui';
import { createApp } from './app';
import { socketAddress } from './client-address';
import { sweep } from './cases/sweep';
import { localDeps } from './local-deps';
import { demoUsers, seedDemo } from './seed';
import { startEmbeddedDynamo } from './store/embedded';
import { Store } from './store/store';

/**
 * `npm start`: OneVisit on one machine. The embedded store persists under `.data/` (or lives in
 * memory with --memory), the demo world is seeded once, and Ctrl-C stops cleanly.
 */

const { values } = parseArgs({ options: { memory: { type: 'boolean', default: false } } });
const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.ONEVISIT_DATA ?? join(import.meta.dirname, '../../.data'));
mkdirSync(dataDir, { recursive: true });

/** Signs local tokens and tracking secrets; kept beside the data so restarts honour both. */
function localSecret(): string {
  const file = join(dataDir, 'secret');
  if (values.memory) return randomBytes(32).toString('hex');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

const dynamo = await startEmbeddedDynamo(values.memory ? {} : { path: join(dataDir, 'db') });
const store = new Store(dynamo.client, 'onevisit');
await store.ensureTable();
const deps = localDeps(store, { dataDir, secret: localSecret() });
const { published } = await seedDemo(deps);

ensureAdminUiBuilt();
const app = createApp({ ...deps, clientAddress: socketAddress });
mountAdminUi(app);
const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  const base = `http://localhost:${info.port}`;
  console.log(`OneVisit 已启动 / running at ${base}`);
  console.log(`  数据 / data: ${values.memory ? '内存(退出即清空) / in memory' : dataDir}${published ? `；已发布 ${published} 个模板事项` : ''}`);
  console.log(`  事项配置 / editor:        ${base}/admin/`);
  console.log(`  办件工作台 / workbench:   ${base}/admin/cases (以部门工作人员登录 / sign in as an officer)`);
  console.log(`  办件查询 / tracking:      ${base}/track`);
  console.log(`  接口文档 / API reference: ${base}/docs   (${base}/openapi.json)`);
  console.log(`  事项清单 / catalogue:     ${base}/api/catalog`);
  console.log('  演示用户 / demo sign-ins (POST /api/dev/sign-in {"jurisdiction","userId"}):');
  for (const u of demoUsers()) console.log(`    ${u.jurisdiction} ${u.id.padEnd(18)} ${u.role.padEnd(18)} ${u.name}`);
  console.log('按 Ctrl-C 停止 / press Ctrl-C to stop');
});

// The sweep runs on a timer here, as a schedule runs it in AWS (ONEVISIT_SWEEP_SECONDS=0 turns it off).
const sweepSeconds = Number(process.env.ONEVISIT_SWEEP_SECONDS ?? 60);
const sweeper =
  sweepSeconds > 0
    ? setInterval(() => {
        sweep(deps)
          .then((r) => r.changed > 0 && console.log(`[时限巡检 sweep] ${r.today}: 预警 ${r.warnings}，自动处理 ${r.actions}`))
          .catch((error: unknown) => console.error('[时限巡检 sweep] failed', error));
      }, sweepSeconds * 1000)
    : undefined;

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(sweeper);
  server.close();
  await dynamo.close();
  console.log('OneVisit 已停止 / stopped');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
