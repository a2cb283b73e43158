import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, siteInBrowser } from './browser';
import { BAD_ID } from './sale-form';

/**
 * The apply page's script under a policy that evaluates no code (issue 15): it finds mistakes as
 * the applicant leaves each field, in the server's words, shows and hides fields with their
 * conditions and adds list entries in place, and the browser refuses nothing it does.
 */
const site = siteInBrowser();
const COMPANY = '/apply/990100/company-registration';

/** A page that keeps what the browser refused under the policy and every error it logged. */
async function watched(): Promise<{ page: Page; refused: () => Promise<string[]>; errors: string[] }> {
  const page = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { refused: string[] }).refused = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return { page, errors, refused: () => page.evaluate(() => (window as unknown as { refused: string[] }).refused) };
}

/** Types into a field and leaves it, as an applicant moving on does. */
async function answer(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).fill(value);
  await page.locator(`#${id}`).blur();
}

/** The live note under a field. */
const note = (page: Page, id: string) => page.locator(`[id="${id}__error"]`);

describe('the apply page under a policy that evaluates no code', () => {
  it("says each mistake as the field is left, in the server's words, and adds entries in place, refused nothing", async () => {
    const { page, refused, errors } = await watched();
    const response = await page.goto(`${site.server.base}${COMPANY}`);
    expect(response!.headers()['content-security-policy']).not.toContain('unsafe-eval');

    await answer(page, 'root_companyName', '示范');
    await expect.poll(() => note(page, 'root_companyName').textContent()).toBe('「企业名称」至少需要 4 个字符');
    await answer(page, 'root_companyName', '');
    await expect.poll(() => note(page, 'root_companyName').textContent()).toBe('请填写「企业名称」');
    await answer(page, 'root_companyName', '示范科技有限公司');
    await expect.poll(() => note(page, 'root_companyName').count()).toBe(0);

    await answer(page, 'root_legalRepresentative_idCard', BAD_ID);
    await expect.poll(() => note(page, 'root_legalRepresentative_idCard').textContent()).toBe('「身份证号码」不是有效的居民身份证号码');
    await answer(page, 'root_legalRepresentative_mobile', '1234');
    await expect.poll(() => note(page, 'root_legalRepresentative_mobile').textContent()).toBe('「手机号码」不是有效的手机号码');

    // 注册资本 shows for the kinds of company that have one, with its own limit.
    expect(await page.locator('#root_registeredCapital').isVisible()).toBe(false);
    await page.locator('#root_companyType').selectOption({ label: '有限责任公司' });
    await expect.poll(() => page.locator('#root_registeredCapital').isVisible()).toBe(true);
    await answer(page, 'root_registeredCapital', '0');
    await expect.poll(() => note(page, 'root_registeredCapital').textContent()).toBe('「注册资本(万元)」不能小于 0');

    // 添加一项: a second 股东, checked like the first.
    await page.getByRole('button', { name: '添加一项' }).click();
    await expect.poll(() => page.locator('#root_investors_1_name').count()).toBe(1);
    await answer(page, 'root_investors_1_name', '赵');
    await expect.poll(() => note(page, 'root_investors_1_name').textContent()).toMatch(/^「.+」至少需要 2 个字符$/);
    await answer(page, 'root_investors_1_capital', '-1');
    await expect.poll(() => note(page, 'root_investors_1_capital').textContent()).toMatch(/^「.+」不能小于 0$/);

    expect(await refused()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says them in English with ?lang=en', async () => {
    const { page, refused, errors } = await watched();
    await page.goto(`${site.server.base}${COMPANY}?lang=en`);
    await answer(page, 'root_legalRepresentative_idCard', BAD_ID);
    await expect.poll(() => note(page, 'root_legalRepresentative_idCard').textContent()).toBe('"身份证号码" is not a valid resident ID card number');
    await answer(page, 'root_address', '');
    await expect.poll(() => note(page, 'root_address').textContent()).toBe('"住所" is required');
    expect(await refused()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
