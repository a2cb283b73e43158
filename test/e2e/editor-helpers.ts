import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Screenshots of each main screen, for people to look at (git-ignored). */
export const screenshots = join(import.meta.dirname, '../screenshots');
mkdirSync(screenshots, { recursive: true });

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Colours mid-transition (a button just enabled, a message fading out) are not what anyone reads.
  await page.waitForTimeout(400);
  const moving = page.locator('[class*="-leave"], [class*="-enter-active"], [class*="-appear-active"]');
  for (let waited = 0; waited < 5000 && (await moving.count()) > 0; waited += 100) await page.waitForTimeout(100);
  const results = await new AxeBuilder({ page: page as never }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

/**
 * Picks an option of an Ant Design select, opened from its labelled combobox. A select that was
 * just re-rendered (its row changed) can swallow a click, and on a busy machine a click on an
 * option can be lost while the list opens: so the choice is checked where the select shows its
 * value, and made again if it did not take.
 */
export async function choose(page: Page, combobox: Locator, option: string): Promise<void> {
  const select = combobox.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    await combobox.click();
    try {
      await item.waitFor({ timeout: 4000 });
      await item.click();
      await expect.poll(async () => (await select.locator('.ant-select-content').textContent()) ?? '', { timeout: 3000 }).toContain(option);
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      if ((await open.count()) > 0) await page.keyboard.press('Escape');
    }
  }
  if ((await open.count()) > 0) await page.keyboard.press('Escape');
  await expect.poll(() => open.count(), { timeout: 5000 }).toBe(0);
}
