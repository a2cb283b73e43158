import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';

/** A citizen on a phone with JavaScript off finds an item in the portal, reads its guide, prints the checklist and applies. */
const site = siteInBrowser();

const phone = (javaScriptEnabled: boolean): Promise<Page> => openPage(site.browser, { viewport: { width: 390, height: 844 }, javaScriptEnabled });

describe('the portal without JavaScript', () => {
  it('finds 不动产转移登记 by its pinyin initials, opens its guide, prints the checklist and goes on to apply', async () => {
    const page = await phone(false);
    await page.goto(`${site.server.base}/`);
    expect(await page.locator('h1').textContent()).toBe('示范市政务服务事项');
    await shoot(page, 'portal-1-home');
    await page.getByLabel('搜索事项').fill('bdczy');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\?q=bdczy/);
    const results = page.locator('.results .card');
    expect(await results.count()).toBe(1);
    expect(await page.locator('#found-title').textContent()).toBe('「bdczy」的搜索结果：1 项');
    expect(await results.first().textContent()).toContain('法定时限');
    await results.first().getByRole('link', { name: '不动产转移登记' }).click();

    await page.waitForURL(/\/guide\/990100\/real-estate-transfer$/);
    expect(await page.locator('h1').textContent()).toBe('不动产转移登记');
    expect(await page.locator('#materials-list').textContent()).toContain('「转移原因」为「继承」时需要');
    for (const heading of ['基本信息', '受理条件', '办理流程', '收费', '咨询与监督']) expect(await page.getByRole('heading', { name: new RegExp(`^${heading}`) }).count(), heading).toBeGreaterThan(0);
    await shoot(page, 'portal-2-guide');

    await page.getByRole('link', { name: '打印一次告知清单' }).first().click();
    await page.waitForURL(/\/apply\/990100\/real-estate-transfer\/checklist$/);
    expect(await page.locator('h1').textContent()).toBe('不动产转移登记：一次告知清单');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('a.lang').isVisible()).toBe(false); // printed without the page's links
    expect(await page.locator('#materials-list').isVisible()).toBe(true);
    expect((await page.pdf()).byteLength).toBeGreaterThan(1000);
    await page.emulateMedia({ media: 'screen' });

    await page.goBack();
    await page.getByRole('link', { name: '在线申请' }).first().click();
    await page.waitForURL(/\/apply\/990100\/real-estate-transfer$/);
    expect(await page.getByRole('heading', { name: '填写申请' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '提交申请' }).isVisible()).toBe(true);
  });

  it('browses the 晒清单 and reads it in English', async () => {
    const page = await phone(false);
    await page.goto(`${site.server.base}/`);
    await page.getByRole('link', { name: '查看晒清单' }).click();
    await page.waitForURL(/\/990100\/list$/);
    expect(await page.locator('table.list tbody tr').count()).toBeGreaterThan(10);
    await shoot(page, 'portal-3-list');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/990100\/list\?lang=en$/);
    expect(await page.locator('table.list thead').textContent()).toContain('Legal limit');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download Excel (.xlsx)' }).click();
    expect((await download).suggestedFilename()).toBe('services-990100.xlsx');
  });
});

describe('the portal is accessible', () => {
  it('has no serious violation on the home, a search, a guide, the list and a page not found, in both languages', async () => {
    const page = await phone(true); // axe runs as the page's script
    for (const path of ['/', '/?q=bdc', '/?list=once', '/guide/990100/real-estate-transfer', '/guide/990100/company-registration', '/990100/list', '/990100/list?counties=1', '/123456']) {
      for (const lang of ['', 'lang=en']) {
        const address = lang ? `${path}${path.includes('?') ? '&' : '?'}${lang}` : path;
        await page.goto(`${site.server.base}${address}`);
        await expectAccessible(page, address);
      }
    }
  });
});
