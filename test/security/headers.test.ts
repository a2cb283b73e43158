import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF, saleAnswers } from '../../functions/test/files';
import { harness } from '../../functions/test/harness';

/** What a browser is told about each kind of response (issue 15), as a user or an attacker sees it. */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const ITEM = `/api/items/${CITY}/real-estate-transfer`;
let officer: string;

beforeAll(async () => {
  officer = await h.token(CITY, 'estate-officer');
});

async function uploaded(materialId: string, name: string): Promise<string> {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new Uint8Array(PDF)], name));
  const response = await h.call('POST', `${ITEM}/uploads`, { raw: form });
  expect(response.status).toBe(201);
  return response.json.key;
}

async function apply(name = 'scan.pdf') {
  const materials: Record<string, string[]> = {};
  for (const id of ['application', 'title-certificate', 'sale-contract', 'survey-report']) materials[id] = [await uploaded(id, name)];
  const response = await h.call('POST', `${ITEM}/applications`, { body: { answers: saleAnswers, materials } });
  expect(response.status).toBe(201);
  return { number: response.json.case.trackingNumber as string, secret: response.json.secret as string };
}

const policyOf = (response: Response): Record<string, string[]> =>
  Object.fromEntries((response.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('uploaded files', () => {
  it('an officer’s 查看文件 of a file named like a page is a download in a sandbox, never a page on the app origin', async () => {
    const { number } = await apply('<svg onload=alert(1)>.html');
    const key = (await h.call('GET', `/api/officer/cases/${number}`, { token: officer })).json.case.materials[0].files[0].key;
    const opened = await h.app.request(`/api/officer/cases/${number}/file?key=${encodeURIComponent(key)}`, { headers: { authorization: `Bearer ${officer}` } });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''[^<>"]+$/);
    expect(opened.headers.get('content-security-policy')).toBe('sandbox');
    expect(opened.headers.get('x-content-type-options')).toBe('nosniff');
    expect(opened.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('pages', () => {
  it('a citizen page carries a policy that allows its one inline style (by hash) and no inline script, and cannot be framed', async () => {
    const page = await h.app.request(`/apply/${CITY}/real-estate-transfer`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const policy = policyOf(page);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'self'"]);
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['style-src']).not.toContain("'unsafe-inline'");
    const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles.length).toBeGreaterThan(0);
    for (const css of styles) expect(policy['style-src']).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    // Every script the page runs comes from the app's origin; the rules are a JSON data block.
    for (const [tag] of html.matchAll(/<script[^>]*>/g)) expect(tag).toMatch(/ src="\/|type="application\/json"/);
    // The per-response nonce is fresh each time.
    const again = policyOf(await h.app.request(`/apply/${CITY}/real-estate-transfer`));
    expect(again['script-src']!.find((v) => v.startsWith("'nonce-"))).not.toBe(policy['script-src']!.find((v) => v.startsWith("'nonce-")));
  });

  it('the editor may use inline styles (antd writes them at run time), never inline scripts', async () => {
    const policy = policyOf(await h.app.request('/admin/'));
    expect(policy['style-src']).toContain("'unsafe-inline'");
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
  });
});

describe('the 查询码', () => {
  it('the receipt, the tracking pages and the JSON track route are never stored and never sent on as a referrer', async () => {
    const { number, secret } = await apply();
    const lookup = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ number, secret }).toString() };
    const requests: Array<[string, RequestInit?]> = [
      [`/receipt/${number}`],
      [`/track/${number}`],
      ['/track', lookup],
      [`/track?number=${number}&secret=${secret}`],
      [`/receipt/${number}?secret=${secret}`],
      [`/api/track/${number}`, { headers: { 'x-tracking-secret': secret } }],
      [`/api/track/${number}`, { headers: { 'x-tracking-secret': 'wrong' } }],
    ];
    for (const [path, init] of requests) {
      const response = await h.app.request(path, init);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('is never in an address the app sends a browser to or links to, and its cookie cannot be read by script or sent from another site', async () => {
    const { number, secret } = await apply();
    const posted = await h.app.request('/track', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ number, secret }).toString() });
    const oldLink = await h.app.request(`/receipt/${number}?secret=${secret}`);
    for (const response of [posted, oldLink]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).not.toContain(secret);
      for (const cookie of response.headers.getSetCookie()) {
        expect(cookie).toMatch(/; HttpOnly; SameSite=Strict$/);
        expect(cookie).toMatch(/; Max-Age=1800; Path=\/(track|receipt)\/\d{6}-\d{8}-\d{6};/);
        expect(cookie).not.toContain(secret);
      }
    }
    // Over https (as CloudFront serves it) the cookie is Secure too.
    const https = await h.app.request(`https://onevisit.example/track?number=${number}&secret=${secret}`);
    expect(https.headers.get('set-cookie')).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);

    // The pages a browser holding the cookie gets: no link, form or language switch carries the code.
    const cookie = posted.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await h.app.request(`/track/${number}`, { headers: { cookie } })).text();
    expect(page).toContain(`action="/track/${number}/withdraw"`);
    for (const [, address] of page.matchAll(/(?:href|action)="([^"]*)"/g)) expect(address).not.toMatch(/secret/i);
    expect(page).not.toContain(secret);
    // Nor does the API's description: the code goes in a header.
    const openapi = JSON.stringify(await (await h.app.request('/openapi.json')).json());
    const track = (await (await h.app.request('/openapi.json')).json()).paths['/api/track/{trackingNumber}'].get;
    expect(track.parameters.map((p: { in: string; name: string }) => `${p.in}:${p.name}`)).toEqual(['path:trackingNumber', 'header:x-tracking-secret']);
    expect(openapi).not.toContain('"in":"query","name":"secret"');
  });
});

describe('cases a caller may not see', () => {
  it('answer as a number that does not exist: 404 for another department or jurisdiction, 401 without a token either way', async () => {
    const { number } = await apply();
    const missing = number.replace(/\d{6}$/, '999999');
    const others = [await h.token(CITY, 'market-officer'), await h.token('990121', 'dongcheng-officer')];
    for (const token of others) {
      for (const n of [number, missing]) {
        const response = await h.call('GET', `/api/officer/cases/${n}`, { token });
        expect(response.status, n).toBe(404);
        expect(response.json.code).toBe((await h.call('GET', `/api/officer/cases/${missing}`, { token })).json.code);
        expect((await h.call('GET', `/api/officer/cases/${n}/file?key=x`, { token })).status).toBe(404);
      }
    }
    for (const n of [number, missing]) expect((await h.app.request(`/api/officer/cases/${n}`)).status).toBe(401);
  });

  it('moving a case: another jurisdiction’s administrator gets the 404 of a number never issued; a caller of the wrong role 403, either way', async () => {
    const { number } = await apply();
    const missing = number.replace(/\d{6}$/, '999999');
    const body = { department: '12370500MB1000007L', reason: '转', expectedRevision: 0 };
    const county = await h.token('990121', 'dongcheng-admin');
    const before = await h.recordCount();
    for (const n of [number, missing]) {
      for (const path of [`/api/admin/${CITY}/cases/${n}/reassign`, `/api/admin/990121/cases/${n}/reassign`]) {
        const moved = await h.call('POST', path, { token: county, body });
        expect(moved.status, path).toBe(404);
        expect(moved.json.code).toBe('NOT_FOUND');
      }
      expect((await h.call('POST', `/api/admin/${CITY}/cases/${n}/reassign`, { token: officer, body })).status).toBe(403);
      expect((await h.call('POST', `/api/admin/${CITY}/cases/${n}/reassign`, { body })).status).toBe(401);
    }
    expect(await h.recordCount()).toBe(before);
  });

  it('finding a case by its number: one the caller may not see is not found, as one never issued', async () => {
    const { number } = await apply();
    const missing = number.replace(/\d{6}$/, '999999');
    for (const token of [await h.token(CITY, 'market-officer'), await h.token('990121', 'dongcheng-admin'), await h.token('990121', 'dongcheng-officer')]) {
      const [seen, never] = [await h.call('GET', `/api/cases?number=${number}`, { token }), await h.call('GET', `/api/cases?number=${missing}`, { token })];
      expect(seen.status).toBe(200);
      expect(seen.text).toBe(never.text);
      expect(seen.json).toEqual({ cases: [] });
    }
    expect((await h.call('GET', `/api/cases?number=${number}`, { token: officer })).json.cases).toHaveLength(1);
  });
});
