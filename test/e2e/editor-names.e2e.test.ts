import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';

/**
 * The editor's choices and switches, as a screen reader lists them: 办件类型 offers every code of
 * the national list by its label, and each 填写此项 / 不填此项 is named after the group it opens
 * or empties, in Chinese and in English.
 */
const site = siteInBrowser();
let page: Page;

beforeAll(async () => {
  page = await signedIn(await openPage(site.browser), site.server.base, '王敏(示范市政务服务管理办)');
  await page.getByRole('heading', { name: '事项清单' }).waitFor();
});

/** The accessible names of the buttons whose words are `words` (as shown, not as named). */
async function namesOfButtons(words: string): Promise<string[]> {
  const buttons = page.getByRole('button').filter({ hasText: words });
  return Promise.all((await buttons.all()).map(async (b) => (await b.getAttribute('aria-label')) ?? (await b.innerText())));
}

describe('the item editor, read by name', () => {
  it('names every 填写此项 and 不填此项 after its group', async () => {
    await page.goto(`${site.server.base}/admin/items/real-estate-transfer`);
    await page.getByRole('heading', { name: '不动产转移登记' }).waitFor();
    await page.getByRole('button', { name: '填写此项：委托部门' }).waitFor();
    // The template fills its 事项层级, 承办机构 and 办理结果 (a certificate), and leaves 委托部门 empty.
    expect(await namesOfButtons('填写此项')).toEqual(['填写此项：委托部门']);
    const remove = await namesOfButtons('不填此项');
    expect(remove).toEqual(expect.arrayContaining(['不填此项：事项层级(主项、子项、业务办理项)', '不填此项：承办机构', '不填此项：办理结果']));
    expect(new Set(remove).size).toBe(remove.length);
    await page.getByRole('button', { name: '填写此项：委托部门' }).click();
    await page.getByRole('button', { name: '不填此项：委托部门' }).waitFor();
  });

  it('offers every 办件类型 by its label: 即办件, 承诺件 and 其他', async () => {
    await page.getByRole('tab', { name: '环节与时限' }).click();
    for (const label of ['即办件', '承诺件', '其他']) await page.getByRole('radio', { name: label, exact: true }).waitFor();
    expect(await page.getByRole('radio', { name: '承诺件' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: '其他' }).check();
    expect(await page.getByRole('radio', { name: '其他' }).isChecked()).toBe(true);
  });

  it('says the same in English', async () => {
    await page.evaluate(() => localStorage.setItem('onevisit.language', 'en'));
    await page.goto(`${site.server.base}/admin/items/real-estate-transfer`);
    await page.getByRole('button', { name: 'Fill in: Entrusting department' }).waitFor();
    expect(await namesOfButtons('Fill in')).toEqual(['Fill in: Entrusting department']);
    expect(await namesOfButtons('Leave out')).toEqual(expect.arrayContaining(['Leave out: Handling unit']));
    await page.getByRole('tab', { name: 'Steps & deadlines' }).click();
    for (const label of ['Decided on the spot', 'Decided within a promised time', 'Other']) await page.getByRole('radio', { name: label, exact: true }).waitFor();
  });
});
