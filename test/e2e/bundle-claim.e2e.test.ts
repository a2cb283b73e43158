import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';

/** A county's official claims the city's 一件事 开办餐饮店 with the base items the county had not claimed. */
const site = siteInBrowser();
let page: Page;

beforeAll(async () => {
  page = await signedIn(await openPage(site.browser), site.server.base, '陈芳(东城县)');
  await page.getByRole('heading', { name: '事项清单' }).waitFor();
});

describe('claiming the city’s 一件事', () => {
  it('offers it with its items, claims it with those the county lacked, and says what comes next', async () => {
    await page.getByRole('link', { name: '一件事一次办' }).click();
    const upstream = page.getByTestId('upstream-bundles');
    const row = upstream.getByRole('row', { name: /开办餐饮店/ });
    await expect.poll(() => row.textContent()).toContain('供水报装');
    await expectAccessible(page, 'the bundle list with the city’s bundles to claim');
    await row.getByRole('button', { name: /^认领/ }).click();
    const outcome = upstream.getByRole('status');
    await expect.poll(() => outcome.textContent()).toContain('已认领「开办餐饮店」');
    expect(await outcome.textContent()).toContain('下一步：在事项清单中为认领的事项选择实施部门并发布，再发布这个一件事。');
    await shoot(page, 'bundle-claim-county');
    // The county's own copy is in its list, and the row now leads to it.
    await expect.poll(() => page.getByRole('link', { name: '开办餐饮店' }).count()).toBeGreaterThan(0);
    await row.getByRole('link', { name: '已认领，去编辑' }).click();
    await page.getByRole('heading', { name: /开办餐饮店/ }).first().waitFor();
    expect(page.url()).toContain('/bundles/open-restaurant');
  });
});
