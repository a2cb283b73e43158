import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';

/**
 * The city's administrator imports a small spreadsheet in the national layout: one row has a
 * code that does not exist; the preview says so in words; the fixed file imports, with progress,
 * and the new items are in the catalogue as drafts.
 */
const site = siteInBrowser();
const dir = mkdtempSync(join(tmpdir(), 'onevisit-import-'));
let page: Page;

beforeAll(async () => {
  page = await openPage(site.browser);
});

/** Two new items, as the city's export writes 劳务派遣行政许可 under new names and codes; the second with the 事项类型 given. */
async function spreadsheet(file: string, secondType: string): Promise<string> {
  const { token } = (await (await fetch(`${site.server.base}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jurisdiction: '990100', userId: 'city-admin' }) })).json()) as { token: string };
  const exported = await fetch(`${site.server.base}/api/admin/990100/exports?format=xlsx&items=labour-dispatch-licence`, { headers: { authorization: `Bearer ${token}` } });
  const source = new ExcelJS.Workbook();
  await source.xlsx.load((await exported.arrayBuffer()) as never);
  const rows = (name: string) => source.getWorksheet(name)!.getSheetValues().slice(1).map((r) => ((r ?? []) as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  const [items, materials] = [rows('事项'), rows('申请材料')];
  const headers = items[0]!;
  const item = (values: Record<string, string>) => items[1]!.map((cell, i) => values[headers[i]!] ?? cell);
  const book = new ExcelJS.Workbook();
  book.addWorksheet('事项').addRows([headers, item({ 事项名称: '劳务派遣经营许可(新设)', 基本编码: '370500-XK-0311', 事项标识: '' }), item({ 事项名称: '劳务派遣经营许可(变更)', 基本编码: '370500-XK-0312', 事项标识: '', 事项类型: secondType })]);
  book.addWorksheet('申请材料').addRows([materials[0]!, ...['370500-XK-0311', '370500-XK-0312'].flatMap((code) => materials.slice(1).map((m) => [code, '', ...m.slice(2)]))]);
  const path = join(dir, file);
  writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
  return path;
}

describe('importing a spreadsheet', () => {
  it('shows the problem of the bad row in words before anything is written', async () => {
    await signedIn(page, site.server.base, '王敏(示范市政务服务管理办)');
    await page.getByRole('heading', { name: '事项清单' }).waitFor();
    await page.getByRole('button', { name: '导入/导出' }).click();
    await page.getByRole('heading', { name: '导入/导出' }).waitFor();
    await page.locator('input[type=file]').first().setInputFiles(await spreadsheet('劳务派遣.xlsx', '行政审核'));
    await page.getByRole('button', { name: '预览' }).click();
    const bad = page.getByRole('row').filter({ hasText: '劳务派遣经营许可(变更)' });
    await bad.getByText('有问题，不导入').waitFor();
    expect(await bad.textContent()).toContain('「事项类型」没有「行政审核」这一项，可填：01 行政许可、02 行政处罚');
    expect(await page.getByRole('row').filter({ hasText: '劳务派遣经营许可(新设)' }).textContent()).toContain('将新建');
    await expectAccessible(page, 'import preview');
    await shoot(page, 'import-1-preview-problem');
  });

  it('imports the fixed file, with progress, and finds the new items in the catalogue', async () => {
    await page.locator('input[type=file]').first().setInputFiles(await spreadsheet('劳务派遣-改正.xlsx', '行政许可'));
    // Until the page has taken the new file, 预览 would read the one before (stop 27's CI clicked that early).
    await page.getByText('劳务派遣-改正.xlsx').waitFor();
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByRole('button', { name: '导入 2 行' }).click();
    await page.getByText('已导入为草稿：新建 2，更新 0，无变化 0，未导入 0。草稿发布前请检查。').waitFor();
    await shoot(page, 'import-2-imported');
    await page.getByRole('link', { name: '劳务派遣经营许可(变更)' }).waitFor();
    await page.getByRole('link', { name: '返回事项清单' }).click();
    await page.getByRole('heading', { name: '事项清单' }).waitFor();
    for (const name of ['劳务派遣经营许可(新设)', '劳务派遣经营许可(变更)']) {
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
      expect(await row.textContent()).toContain('草稿');
    }
    await shoot(page, 'import-3-catalogue');
    await page.getByRole('link', { name: '劳务派遣经营许可(新设)' }).click();
    await page.getByRole('tab', { name: '基本信息' }).waitFor();
  });
});
