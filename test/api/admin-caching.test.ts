import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from './local-server';
import { rawGet } from './raw-get';

/**
 * The editor's files as caches between it and a browser see them: every hashed file, the lazily
 * loaded ones too, is kept a year and varies with Accept-Encoding whichever copy is sent; every
 * page address answers the page, checked again each time; a file of another build is missing.
 */

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({ memory: true });
});
afterAll(() => server.stop());

const get = (path: string, acceptEncoding?: string) => rawGet(`${server.base}${path}`, acceptEncoding);

describe('the editor’s files and pages', () => {
  it('keep every script a year, and say they vary with Accept-Encoding whatever copy is sent', async () => {
    const page = (await get('/admin/')).body.toString();
    const entry = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(page)![1]!;
    // A page loaded later (the catalogue) is named in the entry's code, not in the page.
    const entryCode = (await get(entry)).body.toString();
    const lazy = `/admin/assets/${/CataloguePage-[\w-]+\.js/.exec(entryCode)![0]}`;
    for (const script of [entry, lazy]) {
      for (const encoding of ['br', 'gzip', undefined]) {
        const response = await get(script, encoding);
        expect(response.status).toBe(200);
        expect(response.headers['content-encoding']).toBe(encoding);
        expect(response.headers.vary).toBe('Accept-Encoding');
        expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      }
    }
  });

  it('answer the page at any of its addresses, checked again each time', async () => {
    for (const path of ['/admin/', '/admin/items/real-estate-transfer', '/admin/cases/search']) {
      const response = await get(path, 'br, gzip');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answer 404 for a file no build has, rather than the page under a script’s name', async () => {
    const response = await get('/admin/assets/CataloguePage-gone0000.js', 'br');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).not.toMatch(/text\/html/);
    expect(response.headers['cache-control'] ?? '').not.toContain('immutable');
  });
});
