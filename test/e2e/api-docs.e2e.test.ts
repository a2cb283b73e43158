import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../api/local-server';
import { launchChromium } from './browser';

let server: LocalServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startLocalServer({ memory: true }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the API reference at /docs', () => {
  it('renders every operation from /openapi.json in a browser, with no request leaving the machine', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.base)) outside.push(request.url());
    });
    await page.goto(`${server.base}/docs`);
    await page.locator('.opblock').first().waitFor();
    const operations = await page.locator('.opblock-summary-path').allTextContents();
    expect(operations.map((o) => o.replace(/\u200b/g, ''))).toEqual(expect.arrayContaining(['/api/catalog', '/api/items/{jurisdiction}/{itemId}/applications', '/api/admin/{jurisdiction}/items/{itemId}/publish']));
    expect(outside).toEqual([]);
  });
});
