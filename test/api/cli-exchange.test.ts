import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from './local-server';

/** `npx onevisit export` and `npx onevisit import` against the server `npm start` runs, signed in with the demo sign-in. */

const bin = join(import.meta.dirname, '../../item-schemas/cli/onevisit.mjs');
const dir = mkdtempSync(join(tmpdir(), 'onevisit-exchange-'));
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer({ memory: true });
});
afterAll(async () => {
  await server.stop();
});

function onevisit(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args, '--url', server.base], { encoding: 'utf8', cwd: dir });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('onevisit export and import', () => {
  it('exports the catalogue and reads it back as changing nothing, a dry run by default', () => {
    const file = join(dir, 'city.xlsx');
    expect(onevisit('export', '--out', file)).toMatchObject({ code: 0, out: `${file}\n` });
    const csv = join(dir, 'city.csv');
    expect(onevisit('export', '--format', 'csv', '--out', csv).code).toBe(0);
    expect(existsSync(join(dir, 'city-申请材料.csv'))).toBe(true);
    const result = onevisit('import', file);
    expect(result.code).toBe(0);
    // Every row of the seeded catalogue, each unchanged (the catalogue grows with the seed).
    expect(result.out).toMatch(/预览，未写入 dry run, nothing written: (\d+) 行 rows: 0 新建 create, 0 更新 update, \1 无变化 unchanged, 0 有问题/);
  });

  it('imports into a county with --write: the rows it can take become drafts, the others say why (exit 1)', () => {
    const file = join(dir, 'city.xlsx');
    const written = onevisit('import', file, '--jurisdiction', '990121', '--write');
    expect(written.code).toBe(1);
    // The items whose department the county has too become its drafts; the rest say why.
    const [, created] = /已导入为草稿 imported as drafts: \d+ 行 rows: (\d+) 新建 create/.exec(written.out) ?? [];
    expect(Number(created)).toBeGreaterThanOrEqual(2);
    expect(written.out).toMatch(/「示范市不动产登记中心」\(12370500MB1000007L\)不是本区划的部门/);
    expect(onevisit('import', file, '--jurisdiction', '990121').out).toMatch(new RegExp(`0 新建 create, 0 更新 update, ${created} 无变化 unchanged`));
  });

  it('says in one line what is wrong, exit 2', () => {
    expect(onevisit('import', join(dir, 'missing.xlsx'))).toMatchObject({ code: 2, err: expect.stringMatching(/^onevisit: cannot read .*missing.xlsx\n$/) });
    expect(onevisit('export', '--format', 'pdf')).toMatchObject({ code: 2, err: 'onevisit: --format must be xlsx, csv or json, not pdf\n' });
  });
});
