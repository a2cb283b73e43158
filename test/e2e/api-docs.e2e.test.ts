import { describe, expect, it } from 'vitest';
import { siteInBrowser } from './browser';

const site = siteInBrowser();


describe('the API reference at /docs', () => {
  it('renders every operation from /openapi.json in a browser, with no request leaving the machine', async () => {
    const page = await site.browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.server.base)) outside.push(request.url());
    });
    await page.goto(`${site.server.base}/docs`);
    await page.locator('.opblock').first().waitFor();
    const operations = await page.locator('.opblock-summary-path').allTextContents();
    expect(operations.map((o) => o.replace(/\u200b/g, ''))).toEqual(expect.arrayContaining(['/api/catalog', '/api/items/{jurisdiction}/{itemId}/applications', '/api/admin/{jurisdiction}/items/{itemId}/publish']));
    expect(outside).toEqual([]);
  });
});
