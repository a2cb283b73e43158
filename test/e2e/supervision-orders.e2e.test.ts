import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../api/local-server';
import { launchChromium, openPage, signedIn } from './browser';
import { expectAccessible, shoot } from './editor-helpers';
import { withOverdueCase } from './overdue-world';

/**
 * 督办 as the city and the department live it: the city administrator opens 电子监察, sees the
 * counties beside the city, the trend and the working days used, drills from 超期件 to the overdue
 * case and raises a 督办 on it; the estate officer finds it on the case and answers; the
 * administrator's 督办 list shows the answer.
 */

let server: LocalServer;
let browser: Browser;
let number = '';

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'onevisit-overdue-'));
  number = await withOverdueCase(dataDir);
  [server, browser] = await Promise.all([startLocalServer({ dataDir }), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signedInAs = async (who: string) => signedIn(await openPage(browser), server.base, who);

describe('督办', () => {
  it('is raised by the city from 超期件 and answered by the department on the case', async () => {
    const admin = await signedInAs('王敏(示范市政务服务管理办)');
    await admin.getByRole('button', { name: '监督评价' }).click();
    await admin.getByRole('link', { name: '电子监察' }).click();
    await admin.getByRole('heading', { name: '电子监察' }).waitFor();
    // The counties beside the city, without asking.
    const counties = admin.locator('.ant-card').filter({ has: admin.getByText('区县对比', { exact: true }) });
    await counties.getByRole('row').nth(3).waitFor();
    expect(await counties.getByRole('row').count()).toBe(4);
    expect(await counties.textContent()).toContain('示范市东城县');
    expect(await counties.textContent()).toContain('示范市西河县');
    // The trend and the distribution drawn (the ranking has nothing to rank this month), each beside its table.
    await expect.poll(() => admin.locator('div[aria-hidden="true"] svg').count(), { timeout: 15_000 }).toBe(2);
    const trend = admin.locator('.ant-card').filter({ has: admin.getByText('近12个月趋势', { exact: true }) });
    expect(await trend.getByRole('row').count()).toBe(13);
    const used = admin.locator('.ant-card').filter({ has: admin.getByText('办理用时占承诺时限的比例(办结件数)', { exact: true }) });
    expect(await used.getByRole('columnheader').allTextContents()).toEqual(['用时/承诺', '示范市', '示范市东城县', '示范市西河县']);
    const overdue = admin.locator('#overdue');
    await overdue.getByRole('link', { name: number }).waitFor();
    await shoot(admin, 'supervision-3-overdue-and-counties');
    await expectAccessible(admin, 'supervision with counties, charts and 督办');

    await overdue.getByRole('link', { name: number }).click();
    await admin.getByRole('heading', { name: '不动产转移登记' }).waitFor();
    await admin.getByRole('button', { name: '发起督办' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('督办事项').fill('请于3个工作日内办结，并书面说明超期原因');
    await dialog.getByRole('button', { name: '发起督办' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The pointer left over a material's link would show its lighter hover colour to the contrast check.
    await admin.mouse.move(0, 0);
    await admin.getByText('督办事项：请于3个工作日内办结，并书面说明超期原因').waitFor();
    expect(await admin.getByText('待答复', { exact: true }).count()).toBe(1);
    await shoot(admin, 'supervision-4-order-raised');
    await expectAccessible(admin, 'case with a 督办');

    const officer = await signedInAs('李强(不动产登记中心)');
    await officer.goto(`${server.base}/admin/cases/${number}`);
    await officer.getByText('督办事项：请于3个工作日内办结，并书面说明超期原因').waitFor();
    await officer.getByLabel('答复督办').fill('已完成审核，明日登簿发证；超期因材料核验等待外部回函');
    await officer.getByRole('button', { name: '提交答复' }).click();
    await officer.getByText('已答复', { exact: true }).waitFor();
    await shoot(officer, 'supervision-5-order-answered');
    await expectAccessible(officer, 'case with its 督办 answered');

    await admin.getByRole('button', { name: '监督评价' }).click();
    await admin.getByRole('link', { name: '电子监察' }).click();
    const orders = admin.locator('.ant-card').filter({ has: admin.locator('.ant-card-head-title', { hasText: /^督办$/ }) });
    await expect.poll(() => orders.textContent(), { timeout: 15_000 }).toContain('已完成审核，明日登簿发证');
    expect(await orders.textContent()).toContain('已答复');
    expect(await overdue.textContent()).not.toContain('督办中');
  });
});
