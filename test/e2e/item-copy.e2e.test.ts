import { describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { choose, expectAccessible, shoot } from './editor-helpers';

/**
 * An official with many alike items makes a new one as a copy of another (复制): picked by name,
 * named after it until renamed, in its department; the editor opens on the copy, asking only for
 * the codes that are the new item's own.
 */
const site = siteInBrowser();

describe('a new item as a copy of one here', () => {
  it('is made from the item picked by name, and asks for its own 基本编码', async () => {
    const page = await signedIn(await openPage(site.browser), site.server.base, '王敏(示范市政务服务管理办)');
    await page.getByRole('button', { name: '新建事项' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '复制本级已有事项' }).check();
    await choose(page, dialog.getByLabel('复制哪个事项'), '不动产转移登记');
    await expect.poll(() => dialog.getByLabel('事项名称').inputValue()).toBe('不动产转移登记(副本)');
    // The department is the copied item's, shown by its name.
    expect(await dialog.locator('.ant-select', { has: page.getByLabel('实施主体(办理部门)') }).textContent()).toContain('示范市不动产登记中心');
    await dialog.getByLabel('事项名称').fill('不动产抵押权登记');
    await expect.poll(() => dialog.getByLabel('事项标识(网址中使用)').inputValue()).toBe('bu-dong-chan-di-ya-quan-deng-ji');
    await expectAccessible(page, 'the new-item dialog, copying');
    await shoot(page, 'item-copy-1-dialog');
    await dialog.getByRole('button', { name: '创建' }).click();

    await page.getByRole('heading', { name: '不动产抵押权登记' }).waitFor();
    expect(page.url()).toContain('/admin/items/bu-dong-chan-di-ya-quan-deng-ji');
    const checks = page.locator('section[aria-label="发布前检查"]');
    await expect.poll(() => checks.innerText()).toContain('有 1 项需要修改后才能发布');
    expect(await checks.innerText()).toContain('「基本编码」请填写');
    // What was copied is there: the materials of the item it came from.
    await page.getByRole('tab', { name: '申请材料' }).click();
    await page.getByText('不动产权属证书').first().waitFor();
    await shoot(page, 'item-copy-2-editor');
  });
});
