import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';
import { fileSaleApplication, fileSaleApplicationWithCode } from './sale-form';

/**
 * The city administrator reads 电子监察: three applications filed today, one decided (and rated
 * 满意), one not accepted; the page counts them from the kept counters, ranks the departments by
 * name, puts the counties beside the city, draws the trend and the working days used, the audit
 * against the cases finds them right, and 好评率 leads to the case rated.
 */
const site = siteInBrowser();

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
  const { token } = await call('POST', '/api/dev/sign-in', { body: { jurisdiction: '990100', userId: 'estate-officer' } });
  const act = async (number: string, action: Record<string, unknown>) => {
    const { case: c } = await call('GET', `/api/officer/cases/${number}`, { token });
    return call('POST', `/api/officer/cases/${number}/actions`, { token, body: { expectedRevision: c.revision, ...action } });
  };
  const apply = () => fileSaleApplication(site.server.base);
  const { number: decided, code } = await fileSaleApplicationWithCode(site.server.base);
  const [refused] = [await apply(), await apply()];
  await act(decided, { type: 'accept' });
  for (let i = 0; i < 4; i++) await act(decided, { type: 'completeStep', outcome: 'pass' });
  await call('POST', `/api/track/${decided}/ratings`, { body: { secret: code, rating: { level: 2 } } });
  await act(refused!, { type: 'notAccept', reason: '不属于本机关职权范围' });
}, 180_000);

describe('电子监察', () => {
  it('shows the city administrator this month’s figures, the departments ranked by name, and the counties beside the city', async () => {
    const page = await signedIn(await openPage(site.browser), site.server.base, '王敏(示范市政务服务管理办)');
    await page.getByRole('button', { name: '监督评价' }).click();
    await page.getByRole('link', { name: '电子监察' }).click();
    await page.getByRole('heading', { name: '电子监察' }).waitFor();
    const card = (title: string) => page.locator('.ant-statistic').filter({ has: page.getByText(title, { exact: true }) }).locator('.ant-statistic-content');
    await expect.poll(() => card('收件').textContent(), { timeout: 15_000 }).toBe('3');
    expect(await card('受理').textContent()).toBe('1');
    expect(await card('办结').textContent()).toBe('1');
    expect(await card('按时办结率').textContent()).toBe('100.0%');
    const ranking = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '部门排名' }) });
    await expect.poll(() => ranking.getByRole('row').nth(1).textContent(), { timeout: 15_000 }).toContain('示范市不动产登记中心');
    expect(await ranking.textContent()).toContain('100.0% (1/1)');
    // The chart beside the table draws the same bar; the trend's and the distribution's are drawn too.
    await ranking.locator('div[aria-hidden="true"] svg').getByText('100%').waitFor();
    await expect.poll(() => page.locator('div[aria-hidden="true"] svg').count(), { timeout: 15_000 }).toBe(3);
    // The month's decision used 0 of its 5 allowed working days: in the first share.
    const used = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '办理用时' }) });
    expect(await used.getByRole('row').nth(1).textContent()).toBe('≤25%100');
    await shoot(page, 'supervision-1-city');
    await expectAccessible(page, 'supervision');

    // A city's counties are beside it without asking, and ranked with it by jurisdiction.
    expect(await page.getByRole('switch').isChecked()).toBe(true);
    await page.getByText('按区划', { exact: true }).click();
    const byJurisdiction = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '区划排名' }) });
    await expect.poll(() => byJurisdiction.textContent(), { timeout: 15_000 }).toContain('东城县');
    expect(await byJurisdiction.textContent()).toContain('示范市');
    await shoot(page, 'supervision-2-counties');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^电子监察-990100-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.xlsx$/);

    await page.getByRole('button', { name: '按办件核对统计' }).click();
    await page.getByText('统计无误').waitFor();

    // From a figure to its cases: 办结 opens the case search filtered to the period's decided cases.
    await page.getByRole('link', { name: '查看办件(办结)' }).click();
    await page.getByRole('heading', { name: '办件查询' }).waitFor();
    const found = page.getByRole('table');
    await expect.poll(() => found.textContent(), { timeout: 15_000 }).toContain('已办结');
    expect(await found.getByRole('link', { name: /^990100-/ }).count()).toBe(1);
    await page.goBack();
    await page.getByRole('link', { name: '查看办件(收件)' }).click();
    await expect.poll(() => page.getByRole('table').getByRole('link', { name: /^990100-/ }).count(), { timeout: 15_000 }).toBe(3);

    // 好评率 leads to the period's cases rated 满意 or better: the one rated, the filter named in words.
    await page.goBack();
    await expect.poll(() => card('好评率').textContent(), { timeout: 15_000 }).toBe('100.0%');
    await page.getByRole('link', { name: '查看办件(好评率)' }).click();
    await page.getByText('好评(基本满意及以上)', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('table').getByRole('link', { name: /^990100-/ }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('table').getByRole('row').nth(1).textContent()).toContain('满意');
    await shoot(page, 'supervision-3-good-ratings');
  });

  it('fits a 390 px phone: the 区县对比 table scrolls inside its card, the page does not scroll sideways', async () => {
    const page = await signedIn(await openPage(site.browser, { viewport: { width: 390, height: 844 } }), site.server.base, '王敏(示范市政务服务管理办)');
    await page.goto(`${site.server.base}/admin/supervision`);
    const counties = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '区县对比' }) });
    await expect.poll(() => counties.textContent(), { timeout: 15_000 }).toContain('东城县');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const table = counties.locator('.ant-table-content');
    expect(await table.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await shoot(page, 'supervision-4-phone');
  });
});
