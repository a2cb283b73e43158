import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEmbeddedDynamo } from './store/embedded';
import { migrateStoredItems, type MigrationReport } from './store/item-migration';

/**
 * `npm run migrate`: rewrites the item drafts, published versions and catalogue summaries stored
 * with an older item model in the current one, and says how many. With TABLE_NAME set it works on
 * that DynamoDB table (DYNAMODB_ENDPOINT for another endpoint); otherwise on the local data folder
 * `npm start` uses (ONEVISIT_DATA, else .data), which the server must not be holding. Running it
 * again finds nothing to do.
 */

function reportLines(report: MigrationReport): string[] {
  const line = (zh: string, en: string, { read, migrated }: { read: number; migrated: number }) => `  ${zh} ${en}: ${migrated} / ${read}`;
  const changed = report.drafts.migrated + report.versions.migrated + report.heads.migrated;
  return [
    `事项模型迁移到第 ${report.modelVersion} 版 / item model migrated to version ${report.modelVersion} (${report.jurisdictions} 个区划 jurisdictions; 已改写 / 共 rewritten / read)`,
    line('草稿', 'drafts', report.drafts),
    line('已发布版本', 'published versions', report.versions),
    line('清单摘要', 'catalogue summaries', report.heads),
    changed === 0 ? '已全部是当前模型，未改动任何记录 / everything was current: nothing changed' : `共改写 ${changed} 条记录 / ${changed} records rewritten`,
  ];
}

async function main(env: NodeJS.ProcessEnv): Promise<number> {
  if (env.TABLE_NAME) {
    const client = new DynamoDBClient(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {});
    console.log(reportLines(await migrateStoredItems(client, env.TABLE_NAME)).join('\n'));
    return 0;
  }
  const dataDir = resolve(env.ONEVISIT_DATA ?? join(import.meta.dirname, '../../.data'));
  if (!existsSync(join(dataDir, 'db'))) {
    console.log(`没有本地数据，无需迁移 / no local data at ${dataDir}: nothing to migrate`);
    return 0;
  }
  // LevelDB writes files as it goes: they stay the user's alone, as the server keeps them.
  process.umask(0o077);
  let dynamo;
  try {
    dynamo = await startEmbeddedDynamo({ path: join(dataDir, 'db'), socket: join(dataDir, 'store.sock') });
  } catch (error) {
    console.error(`${(error as Error).message}\n  请先停止 npm start 再迁移 / stop npm start first, then migrate`);
    return 2;
  }
  try {
    console.log(reportLines(await migrateStoredItems(dynamo.client, 'onevisit')).join('\n'));
    return 0;
  } finally {
    await dynamo.close();
  }
}

process.exitCode = await main(process.env);
