import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, screenshots, shoot } from './editor-helpers';

/**
 * 开办餐饮店 where its words matter (issue 19): on a phone, a field asked under several of the
 * applicant's answers says so in one short phrase; in the editor, a 统一社会信用代码 left for the
 * applicant though the first stage's 营业执照 will carry it is pointed out, and fixed in one click.
 */
const site = siteInBrowser();

describe('the 一件事 form on a phone', () => {
  it('says when a field is asked in one phrase per question, within the screen’s width', async () => {
    const page = await openPage(site.browser, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await page.goto(`${site.server.base}/apply/990100/open-restaurant`);
    const hint = page.locator('#root_mobile__description');
    expect(await hint.textContent()).toBe('「经营项目」选择了「热食类食品制售」、「冷食类食品制售」、「生食类食品制售」或「自制饮品制售」，或「是否需要刻制公章」为「是」，或「是否需要新装用水」为「是」时填写');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await hint.scrollIntoViewIfNeeded();
    // The screen the applicant reads the hints on, not the whole page.
    await page.screenshot({ path: join(screenshots, 'bundle-apply-390.png') });
  });
});

describe('a 统一社会信用代码 the first stage issues', () => {
  it('is pointed out when asked of the applicant, and filled in from the 营业执照 in one click', async () => {
    const page = await signedIn(await openPage(site.browser), site.server.base, '王敏(示范市政务服务管理办)');
    await page.goto(`${site.server.base}/admin/bundles/open-restaurant`);
    await page.getByRole('tab', { name: /合并问题/ }).click();
    await page.getByRole('button', { name: '全部拆开：统一社会信用代码' }).click();

    const checks = page.getByRole('region', { name: '发布前检查' });
    const said = /「食品经营许可\(餐饮服务\)」的「统一社会信用代码」、「公章刻制备案」的「统一社会信用代码」要由申请人填写，但申请人要等「企业设立登记\(多证合一\)」办结、领到「营业执照」后才有这个代码/;
    await expect.poll(() => checks.innerText()).toMatch(said);
    expect(await page.getByRole('button', { name: '发布', exact: true }).isDisabled()).toBe(true);
    const fix = page.getByRole('button', { name: '改为由「企业设立登记(多证合一)」办结后自动填入' });
    await fix.scrollIntoViewIfNeeded();
    await shoot(page, 'bundle-code-unfilled');
    await expectAccessible(page, 'the questions tab with a code asked of the applicant');

    await fix.click();
    await expect.poll(() => checks.innerText()).toContain('发布前检查全部通过');
    const group = page.locator('.ant-card', { hasText: '这些问题合并为一问：统一社会信用代码' });
    expect(await group.getByRole('combobox', { name: '怎样填写：统一社会信用代码' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()).toContain('由「企业设立登记(多证合一)」办结后自动填入');
  });
});

describe('a county’s 一件事 over clones without windows of their own', () => {
  it('tells the county’s official which items to give a 办理地点 of their own', async () => {
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const response = await fetch(`${site.server.base}${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      return (await response.json()) as Record<string, any>;
    };
    const { token } = await call('POST', '/api/dev/sign-in', undefined, { jurisdiction: '990121', userId: 'dongcheng-admin' });
    const claimed = await call('POST', '/api/admin/990121/bundle-clones', token, { bundleId: 'open-restaurant' });
    for (const { itemId } of claimed.items as Array<{ itemId: string }>) await call('POST', `/api/admin/990121/items/${itemId}/publish`, token, {});

    const page = await signedIn(await openPage(site.browser), site.server.base, '陈芳(东城县)');
    await page.goto(`${site.server.base}/admin/bundles/open-restaurant`);
    const notice = page.getByText(/还没有本级的办理地点，申请页和办事指南只能请申请人到各事项的实施主体办理/);
    await expect.poll(() => notice.textContent()).toContain('「企业设立登记(多证合一)」、「食品经营许可(餐饮服务)」、「公章刻制备案」、「供水报装」还没有本级的办理地点');
    await shoot(page, 'bundle-county-windows');
  });
});
