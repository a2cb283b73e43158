import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLocalServer, type LocalServer } from '../api/local-server';

/**
 * Debian's Chromium, started the way this machine allows: no sandbox as root, and no background
 * networking (the network is closed; Chromium would otherwise keep trying).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Site {
  server: LocalServer;
  browser: Browser;
}

/**
 * OneVisit as `npm start --memory` runs it, and a Chromium, for one test file: started before its
 * tests, closed after them. The fields are set once the file's tests begin.
 */
export function siteInBrowser(): Site {
  const site = {} as Site;
  beforeAll(async () => {
    [site.server, site.browser] = await Promise.all([startLocalServer({ memory: true }), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.stop();
  });
  return site;
}

/** A page in a fresh browser context (a desktop screen unless told), waiting up to 15 s for anything. */
export async function openPage(browser: Browser, options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true })).newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/**
 * `page` signed in from the editor's sign-in page as the demo user the button names (`王敏(示范市政务服务管理办)`),
 * once the sign-in is kept (退出 shown): an address opened before then would open signed out.
 */
export async function signedIn(page: Page, base: string, who: string): Promise<Page> {
  await page.goto(`${base}/admin/`);
  await page.getByRole('button', { name: `登录为 ${who}` }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
  return page;
}
