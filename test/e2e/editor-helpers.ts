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
  // Colours mid-transition (a button just enabled, say) are not what anyone reads.
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page: page as never }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

/**
 * Picks an option of an Ant Design select, opened from its labelled combobox. A select that was
 * just re-rendered (its row changed) can swallow the first click, so opening is retried; on a
 * busy machine the list can stay open a moment after the choice, so it is closed then.
 */
export async function choose(page: Page, combobox: Locator, option: string): Promise<void> {
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  for (let attempt = 1; ; attempt++) {
    await combobox.click();
    try {
      await item.waitFor({ timeout: 4000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await item.click();
  const open = page.locator('.ant-select-dropdown:visible');
  try {
    await expect.poll(() => open.count(), { timeout: 2000 }).toBe(0);
  } catch {
    await page.keyboard.press('Escape');
    await expect.poll(() => open.count(), { timeout: 5000 }).toBe(0);
  }
}
