import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';
import { fileSaleApplicationWithCode } from './sale-form';

/**
 * A 差评 from its giving to its closing, as the people involved see it: the applicant rates a
 * delivered case on a phone without JavaScript (非常不满意, 办理效率低); 李强 of the 不动产登记中心
 * finds it in 差评整改, verifies it and reports the fix; the applicant, now with JavaScript, says
 * the fix satisfies; 李强 records the 回访 and closes it; the public monthly page counts it as
 * rectified. Every page is checked with axe.
 */
const site = siteInBrowser();
let number = '';
let code = '';

async function call(method: string, path: string, init: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${site.server.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.json() as Promise<any>;
}

beforeAll(async () => {
  ({ number, code } = await fileSaleApplicationWithCode(site.server.base));
  const { token } = await call('POST', '/api/dev/sign-in', { body: { jurisdiction: '990100', userId: 'estate-officer' } });
  const act = async (action: Record<string, unknown>) => {
    const { case: c } = await call('GET', `/api/officer/cases/${number}`, { token });
    return call('POST', `/api/officer/cases/${number}/actions`, { token, body: { expectedRevision: c.revision, ...action } });
  };
  await act({ type: 'accept' });
  for (let i = 0; i < 4; i++) await act({ type: 'completeStep', outcome: 'pass' });
  await act({ type: 'deliver', method: '邮寄' });
}, 180_000);

async function applicantPage(javaScriptEnabled: boolean): Promise<Page> {
  const page = await openPage(site.browser, { viewport: { width: 390, height: 844 }, javaScriptEnabled });
  await page.goto(`${site.server.base}/track?number=${number}`);
  await page.getByLabel('查询码').fill(code);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByText('评价本次服务(好差评)').waitFor();
  return page;
}

/** Clicks a step, answers its dialog, and waits for the 差评 to show its new step. */
async function step(page: Page, button: string, status: string, fill: Record<string, string> = {}) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fill)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect.poll(() => page.getByTestId('poor-status').textContent()).toBe(status);
}

describe('差评整改', () => {
  let officer: Page;

  it('is given on the tracking page without JavaScript, with its reasons', async () => {
    // axe runs in the page's own scripts: the same form, read with JavaScript on.
    await expectAccessible(await applicantPage(true), 'tracking page, rating');
    const page = await applicantPage(false);
    await page.getByLabel('非常不满意', { exact: true }).check();
    await page.getByLabel('办理效率低', { exact: true }).check();
    await page.getByLabel('意见和建议').fill('登簿等了很久，没人告知进度');
    await shoot(page, 'ratings-1-rate');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('您对办件的评价：非常不满意(办理效率低)：登簿等了很久，没人告知进度').waitFor();
    await page.getByText(/差评处理：待核实，期限 \d{4}-\d{2}-\d{2}/).waitFor();
  });

  it('is found, verified and its fix reported by the department in the editor', async () => {
    officer = await signedIn(await openPage(site.browser), site.server.base, '李强(不动产登记中心)');
    await officer.getByRole('link', { name: '差评整改' }).click();
    await officer.getByRole('heading', { name: '差评整改' }).waitFor();
    const row = officer.getByRole('row').filter({ hasText: number });
    await expect.poll(() => row.textContent()).toContain('待核实');
    expect(await row.textContent()).toContain('办理效率低');
    await shoot(officer, 'ratings-2-list');
    await expectAccessible(officer, 'poor ratings list');

    await row.getByRole('link').click();
    await officer.getByTestId('poor-status').waitFor();
    expect(await officer.getByTestId('poor-status').textContent()).toBe('待核实');
    await step(officer, '核实属实，开始整改', '整改中', { 核实情况: '属实：登簿环节未按时告知申请人进度' });
    await step(officer, '反馈整改情况', '已反馈', { 整改情况: '已开通登簿进度短信提醒，并向申请人致歉' });
    await officer.getByText(/等待评价人评价整改结果/).waitFor();
    await shoot(officer, 'ratings-3-fed-back');
    await expectAccessible(officer, 'poor rating page');
  });

  it('is judged by the applicant, now with JavaScript, on the same page', async () => {
    const page = await applicantPage(true);
    await page.getByText('整改情况：已开通登簿进度短信提醒，并向申请人致歉').waitFor();
    await page.getByRole('group', { name: '您对整改结果是否满意？' }).getByLabel('满意', { exact: true }).check();
    await expectAccessible(page, 'tracking page, judging the fix');
    await page.getByRole('button', { name: '提交对整改的评价' }).click();
    await page.getByText('您对整改的评价：满意').waitFor();
    await shoot(page, 'ratings-4-judged');
  });

  it('is closed after its 回访, and the month’s public page counts it as rectified', async () => {
    await officer.reload();
    await expect.poll(() => officer.getByTestId('poor-status').textContent()).toBe('待关闭');
    // 关闭 waits for the 回访, and says so where its button would be; the number to call is on the page.
    expect(await officer.getByTestId('poor-blocked').textContent()).toBe('实名差评须先回访，再关闭');
    expect(await officer.getByRole('button', { name: '关闭差评' }).count()).toBe(0);
    expect(await officer.getByTestId('poor-contact').textContent()).toContain('13812345678');
    await officer.getByRole('button', { name: '记录回访', exact: true }).click();
    expect(await officer.getByRole('dialog').getByTestId('revisit-contact').textContent()).toContain('13812345678');
    await shoot(officer, 'ratings-5-revisit');
    await officer.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await officer.getByRole('dialog').waitFor({ state: 'hidden' });
    await step(officer, '记录回访', '待关闭', { '回访方式(如 电话)': '电话', 回访情况: '申请人对整改表示满意' });
    await officer.getByText(/^已回访\(\d{4}-\d{2}-\d{2}\)$/).waitFor();
    await step(officer, '关闭差评', '已关闭');
    await officer.getByText('整改完成').waitFor();
    expect(await officer.getByRole('list').last().textContent()).toContain('关闭');
    await shoot(officer, 'ratings-5-closed');

    const page = await openPage(site.browser);
    await page.goto(`${site.server.base}/`);
    await page.getByRole('link', { name: '好差评公开' }).click();
    await page.getByRole('heading', { name: /示范市政务服务好差评公开/ }).waitFor();
    expect(await page.getByTestId('ratings-summary').textContent()).toContain('差评 1 件，其中整改完成 1 件');
    const estate = page.getByRole('row').filter({ hasText: '示范市不动产登记中心' });
    // 非常不满意 1, 评价合计 1, 好评率 0.0%, 差评 1, 差评(申诉成立) 0, 整改完成 1, 办理中 0.
    expect((await estate.locator('td').allTextContents()).slice(4, 11)).toEqual(['1', '1', '0.0%', '1', '0', '1', '0']);
    expect(await page.content()).not.toContain(number);
    await shoot(page, 'ratings-6-public');
    await expectAccessible(page, 'public ratings page');
  });
});
