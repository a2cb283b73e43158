import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';

/**
 * The editor's header for every role: on one line on a 1280 px screen, nothing off the side of a
 * 390 px phone, the administrator's 监督评价 opened included; that group opens from the keyboard,
 * its pages a Tab away, and Escape closes it, back on its button.
 */
const site = siteInBrowser();
const roles = [
  ['city administrator', '王敏(示范市政务服务管理办)'],
  ['county administrator', '陈芳(东城县)'],
  ['officer', '李强(不动产登记中心)'],
  ['window officer', '刘洋(市民中心综合窗口)'],
  ['platform administrator', '平台管理员'],
] as const;
const administrators = new Set(['city administrator', 'county administrator', 'platform administrator']);

/** How many lines the header's title, navigation entries and 退出 stand on. */
function headerLines(page: Page): Promise<number> {
  return page.locator('header').evaluate((header) => {
    const parts = [header.firstElementChild!, ...header.querySelectorAll('nav > ul > li'), [...header.querySelectorAll('button')].at(-1)!];
    return new Set(parts.map((part) => Math.round(part.getBoundingClientRect().top + part.getBoundingClientRect().height / 2))).size;
  });
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the header', () => {
  for (const [role, who] of roles) {
    it(`is one line at 1280 px and fits a phone, for the ${role}`, async () => {
      const desktop = await signedIn(await openPage(site.browser), site.server.base, who);
      expect(await headerLines(desktop)).toBe(1);
      await shoot(desktop, `nav-${role.replace(/ /g, '-')}-1280`);
      const phone = await signedIn(await openPage(site.browser, { viewport: { width: 390, height: 844 } }), site.server.base, who);
      expect(await sideways(phone)).toBe(0);
      if (administrators.has(role)) {
        await phone.getByRole('button', { name: '监督评价' }).click();
        for (const name of ['电子监察', '差评整改', '预警与消息']) await expect.poll(() => phone.getByRole('link', { name }).isVisible()).toBe(true);
        expect(await sideways(phone)).toBe(0);
      }
      await shoot(phone, `nav-${role.replace(/ /g, '-')}-390`);
    });
  }

  it('opens 监督评价 from the keyboard and closes it with Escape, in Chinese and English', async () => {
    const page = await signedIn(await openPage(site.browser), site.server.base, '王敏(示范市政务服务管理办)');
    const group = page.getByRole('button', { name: '监督评价' });
    await group.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => group.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'navigation group open');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('电子监察');
    await page.keyboard.press('Escape');
    await expect.poll(() => group.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: '电子监察' }).isVisible()).toBe(false);
    expect(await group.evaluate((button) => button === document.activeElement)).toBe(true);

    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '差评整改' }).waitFor();
    await expect.poll(() => group.getAttribute('aria-expanded')).toBe('false');

    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('button', { name: 'Oversight' }).click();
    await page.getByRole('link', { name: 'Supervision' }).click();
    await page.getByRole('heading', { name: 'Supervision' }).waitFor();
    expect(await headerLines(page)).toBe(1);
  });
});
