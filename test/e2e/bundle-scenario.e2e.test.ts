import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';

/** 办理情形 of the seeded 开办餐饮店, edited by the city's official: a question added, an item made to depend on it, published. */
const site = siteInBrowser();
let page: Page;

beforeAll(async () => {
  page = await signedIn(await openPage(site.browser), site.server.base, '王敏(示范市政务服务管理办)');
  await page.getByRole('heading', { name: '事项清单' }).waitFor();
});

/** Picks an option of an antd select by its accessible name. */
async function choose(select: ReturnType<Page['getByRole']>, option: string): Promise<void> {
  await select.click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
}

describe('the scenario questions of a 一件事', () => {
  it('are edited as questions, and each item’s condition is picked from them', async () => {
    await page.goto(`${site.server.base}/admin/bundles/open-restaurant`);
    await page.getByRole('tab', { name: '办理情形' }).click();
    await expect.poll(() => page.locator('#scenario-2-label').inputValue()).toBe('是否需要刻制公章');
    const seal = page.getByRole('group', { name: '「公章刻制备案」的适用情形' });
    expect(await seal.getByRole('combobox', { name: '条件1：字段' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()).toContain('是否需要刻制公章');

    // A question kept as written (a yes/no with its default answer) takes new wording too.
    await page.locator('#scenario-3-label').fill('是否需要新装自来水');
    await page.getByRole('toolbar', { name: '添加情形问题' }).getByRole('button', { name: '是/否' }).click();
    await page.locator('#scenario-4-label').fill('是否需要刻制发票专用章');
    await seal.getByRole('button', { name: '再加一个条件' }).click();
    await choose(seal.getByRole('combobox', { name: '条件2：字段' }), '是否需要刻制发票专用章');
    await choose(seal.getByRole('combobox', { name: '条件2：值' }), '是');
    await seal.getByText('满足任一条件').click();
    await expect.poll(() => seal.getByRole('radio', { name: '满足任一条件' }).isChecked()).toBe(true);
    await shoot(page, 'bundle-scenario');
    await expectAccessible(page, 'the scenario tab');

    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-message').getByText('已发布第 2 版').waitFor();
    const html = await (await fetch(`${site.server.base}/apply/990100/open-restaurant`)).text();
    expect(html).toContain('是否需要刻制发票专用章');
    expect(html).toContain('是否需要新装自来水');
    expect(html).not.toContain('是否需要新装用水');
  });
});
