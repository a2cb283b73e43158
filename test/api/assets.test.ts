import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from './local-server';
import { rawGet } from './raw-get';

/** The editor's files as a browser gets them: compressed copies, and a year's cache for the hashed ones. */

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({ memory: true });
});
afterAll(() => server.stop());

const get = (path: string, acceptEncoding?: string) => rawGet(`${server.base}${path}`, acceptEncoding);

describe('the editor’s files', () => {
  let script: string;
  let plain: Buffer;

  it('name their scripts after their content', async () => {
    const page = await get('/admin/');
    expect(page.status).toBe(200);
    script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(page.body.toString())![1]!;
    plain = (await get(script)).body;
    expect(plain.length).toBeGreaterThan(10_000);
  });

  it('come brotli-compressed to a browser that accepts it, and are kept a year', async () => {
    const br = await get(script, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.body.length).toBeLessThan(plain.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
  });

  it('come gzipped where brotli is not accepted, and plain where nothing is', async () => {
    const gz = await get(script, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain)).toBe(true);
    expect((await get(script)).headers['content-encoding']).toBeUndefined();
  });

  it('keep the page that names them, and the citizen script, fresh', async () => {
    expect((await get('/admin/', 'br')).headers['cache-control']).toBe('no-cache');
    const citizen = await get('/citizen/citizen.js', 'br');
    expect(citizen.headers['content-encoding']).toBe('br');
    expect(citizen.headers['cache-control']).toBe('no-cache');
  });
});
