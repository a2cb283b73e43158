import { templates } from '@onevisit/item-schemas/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import { fill, PageCache, slot, template } from '../src/citizen/page-cache';
import { harness } from './harness';

/**
 * The empty apply page and the checklist are rendered once per published version and language
 * (issue 16); every response still gets its own idempotency key, today's due date, its own
 * language switch and its own nonce, and a new version, a suspension or a cancellation shows at once.
 */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const base = structuredClone(templates.find((t) => t.id === 'labour-dispatch-licence')!);
let admin: string;

beforeAll(async () => {
  admin = await h.token(CITY, 'city-admin');
});

async function published(itemId: string, name = '劳务派遣经营许可') {
  expect((await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId, definition: { ...structuredClone(base), id: itemId, name } } })).status).toBe(201);
  expect((await h.call('POST', `/api/admin/${CITY}/items/${itemId}/publish`, { token: admin })).status).toBe(201);
  return `/apply/${CITY}/${itemId}`;
}

async function get(path: string) {
  const response = await h.app.request(path);
  return { status: response.status, html: await response.text(), headers: response.headers, served: response.headers.get('server-timing') };
}

const keyOf = (html: string) => /name="idempotencyKey" value="([0-9a-f]{32})"/.exec(html)?.[1];
const dueOf = (html: string) => /(\d{4}-\d{2}-\d{2}) 前办结/.exec(html.replace(/<!-- -->/g, ''))?.[1];
const switchOf = (html: string) => /<a class="lang" href="([^"]*)"/.exec(html)?.[1];
const nonceOf = (headers: Headers) => /'nonce-([^']+)'/.exec(headers.get('content-security-policy') ?? '')?.[1];
const RENDERED = 'page;desc="rendered"';
const CACHED = 'page;desc="cached"';

describe('the empty apply page', () => {
  it('is rendered once: the next visitor gets the same page, with a key of its own', async () => {
    const path = await published('cached-once');
    const first = await get(path);
    const second = await get(path);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.served, second.served]).toEqual([RENDERED, CACHED]);
    expect(second.headers.get('cache-control')).toBe('private, no-cache');
    const [a, b] = [keyOf(first.html), keyOf(second.html)];
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
    expect(second.html).toBe(first.html.replace(a!, b!));
    expect(dueOf(second.html)).toBe(dueOf(first.html));
  });

  it('is rendered per language: Chinese and English are different pages, each cached', async () => {
    const path = await published('two-languages');
    const zh = await get(path);
    const en = await get(`${path}?lang=en`);
    expect([zh.served, en.served]).toEqual([RENDERED, RENDERED]);
    expect(zh.html).toContain('<html lang="zh-CN">');
    expect(zh.html).toContain('办事须知');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('What to know');
    expect(en.html).not.toContain('办事须知');
    const again = await get(`${path}?lang=en`);
    expect(again.served).toBe(CACHED);
    expect(again.html).toContain('What to know');
    expect((await get(path)).html).toContain('办事须知');
  });

  it('switches language to the address it was asked at, whatever else its query holds', async () => {
    const path = await published('switch-address');
    await get(path);
    const asked = await get(`${path}?from=news&x=%22%3Cb%3E`);
    expect(asked.served).toBe(CACHED);
    expect(switchOf(asked.html)).toBe(`${path}?from=news&amp;x=%22%3Cb%3E&amp;lang=en`);
    const english = await get(`${path}?lang=en&from=news`);
    expect(switchOf(english.html)).toBe(`${path}?from=news`);
    expect(switchOf((await get(path)).html)).toBe(`${path}?lang=en`);
  });

  it('says the due date as of today, from a page cached yesterday', async () => {
    const path = await published('due-today');
    const monday = await get(path);
    h.clock.now = new Date('2026-03-03T02:00:00Z');
    try {
      const tuesday = await get(path);
      expect(tuesday.served).toBe(CACHED);
      expect(dueOf(monday.html)).toBeDefined();
      expect(dueOf(tuesday.html)).not.toBe(dueOf(monday.html));
    } finally {
      h.clock.now = new Date('2026-03-02T02:00:00Z');
    }
  });

  it('shows a newly published version, a suspension and a cancellation at once', async () => {
    const path = await published('changing', '第一版的名称');
    expect((await get(path)).html).toContain('第一版的名称');
    expect((await get(path)).served).toBe(CACHED);

    const renamed = { ...structuredClone(base), id: 'changing', name: '第二版的名称' };
    expect((await h.call('PUT', `/api/admin/${CITY}/items/changing/draft`, { token: admin, body: renamed, headers: { 'if-match': '"1"' } })).status).toBe(200);
    expect((await h.call('POST', `/api/admin/${CITY}/items/changing/publish`, { token: admin })).status).toBe(201);
    const second = await get(path);
    expect(second.served).toBe(RENDERED);
    expect(second.html).toContain('第二版的名称');
    expect(second.html).not.toContain('第一版的名称');

    expect((await h.call('POST', `/api/admin/${CITY}/items/changing/suspend`, { token: admin })).status).toBe(200);
    for (const address of [path, `${path}/checklist`]) {
      const suspended = await get(address);
      expect(suspended.status).toBe(409);
      expect(suspended.html).toContain('该事项暂停受理');
      expect(suspended.html).not.toContain('name="idempotencyKey"');
    }
    expect((await h.call('POST', `/api/admin/${CITY}/items/changing/resume`, { token: admin })).status).toBe(200);
    expect((await get(path)).served).toBe(CACHED);

    expect((await h.call('POST', `/api/admin/${CITY}/items/changing/cancel`, { token: admin })).status).toBe(200);
    const cancelled = await get(path);
    expect(cancelled.status).toBe(409);
    expect(cancelled.html).toContain('该事项已取消，不再受理申请');
  });

  it('never carries a nonce, its own or another response’s', async () => {
    const path = await published('no-nonce');
    const first = await get(path);
    const second = await get(path);
    expect(second.served).toBe(CACHED);
    const nonces = [nonceOf(first.headers), nonceOf(second.headers)];
    expect(nonces[0]).toBeDefined();
    expect(nonces[1]).toBeDefined();
    expect(nonces[0]).not.toBe(nonces[1]);
    for (const page of [first.html, second.html]) {
      expect(page).not.toMatch(/\snonce=/i);
      for (const nonce of nonces) expect(page).not.toContain(nonce);
    }
  });

  it('with answers (after a post) is rendered for that post alone', async () => {
    const path = await published('with-answers');
    await get(path);
    const form = new FormData();
    form.set('root[company]', '示范劳务派遣有限公司');
    const refused = await h.app.request(path, { method: 'POST', body: form });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('server-timing')).toBeNull();
    expect(await refused.text()).toContain('示范劳务派遣有限公司');
    const blank = await get(path);
    expect(blank.served).toBe(CACHED);
    expect(blank.html).not.toContain('示范劳务派遣有限公司');
  });
});

describe('the checklist', () => {
  it('is rendered once per version and language', async () => {
    const path = `${await published('checklist-once')}/checklist`;
    const zh = [await get(path), await get(path)];
    const en = [await get(`${path}?lang=en`), await get(`${path}?lang=en`)];
    expect([...zh, ...en].map((r) => r.served)).toEqual([RENDERED, CACHED, RENDERED, CACHED]);
    expect(zh[1]!.html).toBe(zh[0]!.html);
    expect(zh[1]!.html).toContain('一次告知清单');
    expect(en[1]!.html).toContain('checklist');
    expect(switchOf(en[1]!.html)).toBe(path);
  });
});

describe('the page cache', () => {
  const page = (chars: number) => template(`<p>${'页'.repeat(chars)}</p>`);

  it('stays under its byte bound however many pages come, dropping the least recently used', () => {
    const cache = new PageCache(100_000);
    for (let i = 0; i < 1_000; i++) {
      cache.set(`item-${i}`, page(4_000));
      if (i > 0) cache.get('item-0');
      expect(cache.bytes).toBeLessThanOrEqual(100_000);
    }
    expect(cache.bytes).toBeGreaterThan(90_000);
    expect(cache.get('item-0')).toBeDefined();
    expect(cache.get('item-999')).toBeDefined();
    expect(cache.get('item-500')).toBeUndefined();
  });

  it('keeps no page larger than its bound, and counts a replaced page once', () => {
    const cache = new PageCache(10_000);
    cache.set('huge', page(10_000));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.bytes).toBe(0);
    cache.set('same', page(1_000));
    cache.set('same', page(1_000));
    expect(cache.bytes).toBe(page(1_000).bytes);
  });

  it('fills each slot escaped, as a render with the value would show it', () => {
    const filled = fill(template(`<a href="${slot('switch')}">${slot('due')}</a><input value="${slot('key')}">`), { switch: '/a?x="1"&y=<2>', due: '2026-03-04', key: 'k' });
    expect(new TextDecoder().decode(filled)).toBe('<a href="/a?x=&quot;1&quot;&amp;y=&lt;2&gt;">2026-03-04</a><input value="k">');
  });
});
