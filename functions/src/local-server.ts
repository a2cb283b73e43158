import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import { LOCAL_HOLD } from './rate-limits';
import { ensureAdminUiBuilt, mountAdminUi } from './admin-ui';
import { createApp } from './app';
import { socketAddress } from './client-address';
import { sweep } from './cases/sweep';
import { localDeps } from './local-deps';
import type { LocalMode } from './local-mode';
import { demoUsers, seedDemo } from './seed';
import { startEmbeddedDynamo } from './store/embedded';
import { Store } from './store/store';

/**
 * The local server behind `npm start` (local.ts decides the mode). The embedded store persists
 * under `.data/` (or lives in memory with --memory), the demo world is seeded once, and Ctrl-C
 * stops cleanly.
 */

const DAY = 24 * 3600 * 1000;
/** As long as the dev stage's bucket keeps an upload no case took (infra/src/config.ts stagedUploadDays). */
const STAGED_UPLOAD_DAYS = Number(process.env.ONEVISIT_STAGED_UPLOAD_DAYS ?? 3);

/** The data folder, the server's user's alone (one made by an older version is 0755: closed now). */
function privateDataDir(): string {
  const dataDir = resolve(process.env.ONEVISIT_DATA ?? join(import.meta.dirname, '../../.data'));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (const path of [dataDir, ...['db', 'files', 'staged'].map((name) => join(dataDir, name))]) {
    if (existsSync(path)) chmodSync(path, 0o700);
  }
  // LevelDB creates files as it goes and takes no mode: from here, whatever the server creates is private.
  process.umask(0o077);
  return dataDir;
}

/** Signs local tokens and tracking secrets; kept beside the data so restarts honour both. */
function localSecret(dataDir: string, memory: boolean): string {
  const file = join(dataDir, 'secret');
  if (memory) return randomBytes(32).toString('hex');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * For the outbox's crash test (test/api/outbox-crash.test.ts): the process exits right after it
 * writes a case, before anything is delivered, as a crash there would.
 */
function exitAfterCaseWrites(store: Store): void {
  const save = store.saveCase.bind(store);
  store.saveCase = async (...args) => {
    await save(...args);
    process.exit(75);
  };
}

/**
 * For the grouped submissions' crash test (test/api/submit-crash.test.ts): the process exits
 * once the store has written the claims of a group of submissions, before their cases.
 */
function exitAfterGroupedClaims(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const requests = Object.values((args.input as { RequestItems?: Record<string, unknown> }).RequestItems ?? {}).filter(Array.isArray).flat() as { PutRequest?: { Item?: { sk?: { S?: string } } } }[];
      // A batch write's puts, all of them claims (sort key KEY), more than one.
      if (requests.length > 1 && requests.every((r) => r.PutRequest?.Item?.sk?.S === 'KEY')) process.exit(75);
      return result;
    },
    { step: 'finalizeRequest', name: 'exitAfterGroupedClaims' },
  );
}

export async function startLocal(mode: LocalMode): Promise<void> {
  // Before the data folder's umask: the built editor stays as readable as its sources.
  ensureAdminUiBuilt();
  const dataDir = privateDataDir();
  const dynamo = await startEmbeddedDynamo(mode.memory ? {} : { path: join(dataDir, 'db'), socket: join(dataDir, 'store.sock') });
  const store = new Store(dynamo.client, 'onevisit', { transactions: dynamo.transactions, exclusive: dynamo.exclusive });
  await store.ensureTable();
  if (process.env.ONEVISIT_FAULT === 'exit-after-case-write') exitAfterCaseWrites(store);
  if (process.env.ONEVISIT_FAULT === 'exit-after-grouped-claims') exitAfterGroupedClaims(dynamo.client);
  const deps = localDeps(store, { dataDir, secret: localSecret(dataDir, mode.memory) });
  const { published } = await seedDemo(deps);
  // Messages a stopped process left in cases' outboxes go now; the poller then checks every few seconds.
  await deps.outbox.start(Number(process.env.ONEVISIT_OUTBOX_SECONDS ?? 5));

  // Abandoned uploads go after their days, as the bucket's lifecycle rule deletes them in AWS.
  const expireUploads = () =>
    deps.files
      .expireStaged(STAGED_UPLOAD_DAYS * DAY)
      .then((n) => n > 0 && console.log(`[过期上传 expired uploads] 删除 ${n} 个 ${STAGED_UPLOAD_DAYS} 天内未提交的上传 / removed ${n} uploads no application took in ${STAGED_UPLOAD_DAYS} days`))
      .catch((error: unknown) => console.error('[过期上传 expired uploads] failed', error));
  await expireUploads();
  const expirer = setInterval(expireUploads, DAY / 24);

  // Without the demo the app has no dev routes: it registers them only when given devTokens.
  const { devTokens: _, ...withoutDemo } = deps;
  const hosted = mode.demo ? deps : withoutDemo;
  const app = createApp({ ...hosted, clientAddress: socketAddress, rateLimits: { ...hosted.rateLimits, hold: LOCAL_HOLD } });
  mountAdminUi(app);
  const server = serve({ fetch: app.fetch, port: mode.port, hostname: mode.host }, (info) => {
    const base = `http://localhost:${info.port}`;
    console.log(`OneVisit 已启动 / running at ${base}${mode.host === '127.0.0.1' ? '' : ` (HOST=${mode.host})`}`);
    console.log(`  数据 / data: ${mode.memory ? '内存(退出即清空) / in memory' : dataDir}${published ? `；已发布 ${published} 个模板事项` : ''}`);
    console.log(`  办事大厅 / portal:        ${base}/  (晒清单 / the list: ${base}/990100/list)`);
    console.log(`  事项配置 / editor:        ${base}/admin/`);
    console.log(`  办件工作台 / workbench:   ${base}/admin/cases (以部门工作人员登录 / sign in as an officer)`);
    console.log(`  办件查询 / tracking:      ${base}/track`);
    console.log(`  接口文档 / API reference: ${base}/docs   (${base}/openapi.json)`);
    console.log(`  事项清单 / catalogue:     ${base}/api/catalog`);
    if (mode.demo) {
      console.log('  演示用户 / demo sign-ins (POST /api/dev/sign-in {"jurisdiction","userId"}; 仅本机 / this machine only):');
      for (const u of demoUsers()) console.log(`    ${u.jurisdiction} ${u.id.padEnd(18)} ${u.role.padEnd(18)} ${u.name}`);
    } else {
      console.log('  演示登录已关闭(--no-demo)：本地服务没有工作人员账号，只受理申请和查询 / demo sign-in off (--no-demo): no official can sign in here; applications and tracking only');
    }
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
    clearInterval(expirer);
    server.close();
    await deps.outbox.stop();
    await dynamo.close();
    console.log('OneVisit 已停止 / stopped');
    process.exit(0);
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
