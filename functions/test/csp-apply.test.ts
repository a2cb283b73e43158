import { describe, expect, it } from 'vitest';
import { harness } from './harness';

/**
 * The application pages run their script under a policy that lets no code be evaluated (issue 15):
 * the page script finds mistakes with an interpreter, not ajv's generated functions. The browser
 * test (test/e2e/csp.e2e.test.ts) shows the page working under it.
 */
const h = await harness({ now: '2026-03-02T02:00:00Z' });

function scriptSrc(response: Response): string[] {
  const policy = response.headers.get('content-security-policy') ?? '';
  return policy.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === 'script-src')?.slice(1) ?? [];
}

describe("the apply pages' policy", () => {
  it.each([
    ['an item, in Chinese', '/apply/990100/real-estate-transfer'],
    ['an item, in English', '/apply/990100/real-estate-transfer?lang=en'],
    ['a 一件事', '/apply/990100/open-restaurant'],
  ])('%s: scripts from the app only, none evaluated', async (_, path) => {
    const page = await h.app.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('src="/citizen/citizen.js"');
    const sources = scriptSrc(page);
    expect(sources).toContain("'self'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'unsafe-inline'");
  });

  it('holds for the page answering a post that needs correcting', async () => {
    const post = new FormData();
    post.set('root[location]', '');
    const page = await h.app.request('/apply/990100/real-estate-transfer', { method: 'POST', body: post });
    expect(await page.text()).toContain('id="error-summary"');
    expect(scriptSrc(page)).not.toContain("'unsafe-eval'");
  });

  it("the editor's forms still check with ajv, which evaluates: its policy says so", async () => {
    expect(scriptSrc(await h.app.request('/admin/'))).toContain("'unsafe-eval'");
  });
});
