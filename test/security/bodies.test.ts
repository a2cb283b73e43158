import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, saleAnswers } from '../../functions/test/files';
import { MultipartParser, multipartBoundary } from '../../functions/src/multipart';
import { harness } from '../../functions/test/harness';
import { startLocalServer, type LocalServer } from '../api/local-server';
import { multipart } from './multipart';

/**
 * Bounded bodies (issue 15): sizes refused while streaming, field counts refused before any answer
 * is read, malformed forms answered 400, and memory flat while large uploads are refused.
 */

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const APPLY = '/apply/990100/real-estate-transfer';
const UPLOADS = '/api/items/990100/real-estate-transfer/uploads';
const MB = 1024 * 1024;
/** A tracking number no case has. */
const NUMBER = '990100-20260302-000999';

async function healthMs(): Promise<number> {
  const started = performance.now();
  expect((await h.app.request('/api/health')).status).toBe(200);
  return performance.now() - started;
}

const broken = { 'content-type': 'multipart/form-data; boundary=----x' };
const brokenBody = '------x\r\nContent-Disposition: form-data; name="root[a]"\r\n\r\nno end, no boundary after';

describe('bodies are bounded', () => {
  it('refuses a 50,000-field post to /apply before reading answers, and health still answers', async () => {
    // Under the 1 MB a post of words may be: refused for its fields, at the first past 2,000.
    const body = Array.from({ length: 50_000 }, (_, i) => `root%5Bf${i}%5D=x`).join('&');
    expect(body.length).toBeLessThan(MB);
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) idle.push(await healthMs());
    const started = performance.now();
    const post = h.app.request(APPLY, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const during: number[] = [];
    for (let i = 0; i < 10; i++) during.push(await healthMs());
    const response = await post;
    const took = performance.now() - started;
    expect(response.status).toBe(413);
    const page = await response.text();
    expect(page).toContain('过多');
    expect(page).toContain('too many fields');
    const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    console.log(`50,000-field post refused in ${took.toFixed(0)} ms; health median during/idle = ${(median(during) / median(idle)).toFixed(2)}`);
  });

  it('refuses words over 1 MB on /apply with a page in Chinese and English, unread when the length is stated', async () => {
    const huge = `root%5Bname%5D=${'x'.repeat(5 * MB)}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const headers of [{ ...form, 'content-length': String(huge.length) }, form]) {
      const response = await h.app.request(APPLY, { method: 'POST', headers, body: huge });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await response.text();
      expect(page).toContain('请求内容过大');
      expect(page).toContain('the request is too large');
    }
    // With files, the words beside them are held to 1 MB all the same.
    const words = new FormData();
    words.append('root[name]', 'x'.repeat(2 * MB));
    expect((await h.app.request(APPLY, await multipart(words))).status).toBe(413);
  });

  it('refuses an apply form whose file passes the item’s per-file limit at that byte, in the words of the upload check', async () => {
    const form = new FormData();
    form.append('root[reason]', '0');
    form.append('material[application]', new File([PDF, new Uint8Array(20 * MB)], 'scan.pdf', { type: 'application/pdf' }));
    const response = await h.app.request(APPLY, await multipart(form));
    expect(response.status).toBe(413);
    const page = await response.text();
    expect(page).toContain('「不动产登记申请书」的文件超过 20 MB');
    expect(page).toContain('the file for &quot;不动产登记申请书&quot; exceeds 20 MB');
  });

  it('refuses a multipart post of more than 2,000 fields with a page, and takes one of 2,000', async () => {
    const fields = (count: number) => {
      const form = new FormData();
      for (let i = 0; i < count; i++) form.append(`root[f${i}]`, 'x');
      return multipart(form);
    };
    const refused = await h.app.request(APPLY, await fields(2_001));
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain('too many fields');
    // Read through: unknown fields are no answers, so the page asks for the real ones.
    expect((await h.app.request(APPLY, await fields(2_000))).status).toBe(400);
  });

  it('reads a form in chunks of any size as the platform reads it whole: answers and files arrive as sent', async () => {
    /** Bytes with carriage returns, as a boundary starts, and every other value. */
    const awkward = (length: number) => Buffer.from(Array.from({ length }, (_, i) => (i % 97 === 0 ? 13 : (i * 31) % 256)));
    const form = new FormData();
    form.append('root[name]', '张三 "引号"\r\n换行');
    form.append('root[name]', '');
    form.append('material[application]', new File([awkward(20_000)], '申请表 "终稿".pdf', { type: 'application/pdf' }));
    form.append('material[photo]', new File([], ''));
    const large = new FormData();
    large.append('material[application]', new File([awkward(3 * MB + 7)], 'scan.pdf')); // kept in blobs of about 1 MB
    const entries = async (parsed: FormData) =>
      Promise.all([...parsed].map(async ([name, value]) => [name, typeof value === 'string' ? value : [value.name, value.type, Buffer.from(await value.arrayBuffer()).toString('base64')]]));
    for (const [sending, sizes] of [[form, [1, 3, 64, 1000, 65_536]], [large, [1000, 65_536]]] as const) {
      const { body, headers } = await multipart(sending);
      const whole = await entries(await new Response(body, { headers }).formData());
      const boundary = multipartBoundary((headers as Record<string, string>)['content-type']!)!;
      for (const size of sizes) {
        const parser = new MultipartParser(boundary);
        const sent = body as Uint8Array<ArrayBuffer>;
        for (let at = 0; at < sent.length; at += size) parser.write(sent.subarray(at, at + size));
        expect(await entries(parser.end()), `chunks of ${size}`).toEqual(whole);
      }
    }
  });

  it('refuses JSON nested 50,000 deep on the public API in the words the route uses, and reads what nests 32 deep', async () => {
    const nested = (depth: number) => `{"answers":{"name":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const ITEM_API = '/api/items/990100/real-estate-transfer';
    for (const path of [`${ITEM_API}/applications`, `${ITEM_API}/upload-targets`, `/api/track/${NUMBER}/actions`]) {
      const response = await h.call('POST', path, { raw: nested(50_000), headers: { 'content-type': 'application/json' } });
      expect(response.status, path).toBe(400);
      expect(response.json).toMatchObject({ code: 'INVALID_REQUEST', message: '请求内容不符合要求：嵌套超过 32 层', message_en: 'the request is not valid: nested deeper than 32' });
      expect(response.json.details[0].path).toBe(['answers', 'name', ...Array(31).fill('0')].join('.'));
    }
    // 32 deep (the answers object, its field, 31 arrays in it) is read, and refused for what it says.
    const within = await h.call('POST', `${ITEM_API}/applications`, { raw: nested(31), headers: { 'content-type': 'application/json' } });
    expect(within.json.message).not.toContain('嵌套超过 32 层');
  });

  it('answers malformed multipart with 400 on /apply, /track and the API', async () => {
    for (const path of [APPLY, '/track', `/track/${NUMBER}/supplement`, `/track/${NUMBER}/withdraw`]) {
      const response = await h.app.request(path, { method: 'POST', headers: broken, body: brokenBody });
      expect(response.status, path).toBe(400);
      const page = await response.text();
      expect(page).toContain('请求格式不正确');
      expect(page).toContain('malformed');
    }
    const api = await h.call('POST', UPLOADS, { headers: broken, raw: brokenBody });
    expect(api.status).toBe(400);
    expect(api.json.code).toBe('MALFORMED_REQUEST');
  });

  it('refuses an upload over the item limit with 413 before reading it', async () => {
    const response = await h.app.request(UPLOADS, { method: 'POST', headers: { ...broken, 'content-length': String(199 * MB) }, body: 'x' });
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe('PAYLOAD_TOO_LARGE');
    // /track's small forms take 1 MB.
    for (const path of ['/track', `/track/${NUMBER}/withdraw`]) {
      const track = await h.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(2 * MB) }, body: 'x' });
      expect(track.status, path).toBe(413);
    }
  });

  it('bounds a case’s file forms by its item’s per-file limit, a file for each material asked for, not the largest any item allows', async () => {
    const materials: Record<string, string[]> = {};
    for (const id of ['application', 'title-certificate', 'sale-contract']) {
      const form = new FormData();
      form.set('materialId', id);
      form.set('file', new File([new Uint8Array(PDF)], `${id}.pdf`));
      materials[id] = [(await h.call('POST', UPLOADS, { raw: form })).json.key];
    }
    const filed = await h.call('POST', '/api/items/990100/real-estate-transfer/applications', { body: { answers: saleAnswers, materials } });
    expect(filed.status).toBe(201);
    const number: string = filed.json.case.trackingNumber;
    const limit = (await h.call('GET', '/api/items/990100/real-estate-transfer')).json.definition.uploadLimitMb * MB;
    const stating = (path: string, bytes: number) => h.app.request(path, { method: 'POST', headers: { ...broken, 'content-length': String(bytes) }, body: brokenBody });

    // A 容缺 supplement is one file: over the item's limit (and its form's overhead) it is refused unread; 199 MB was let through before.
    expect((await stating(`/track/${number}/supplement`, limit + MB + 1)).status).toBe(413);
    expect((await stating(`/track/${number}/supplement`, 199 * MB)).status).toBe(413);
    expect((await stating(`/track/${number}/supplement`, limit)).status).toBe(400); // read, and found malformed
    // Corrections carry a file for each material asked for: two asked, two files' worth.
    const officer = await h.token('990100', 'estate-officer');
    const revision = (await h.call('GET', `/api/officer/cases/${number}`, { token: officer })).json.case.revision;
    const items = [{ materialId: 'sale-contract', note: '缺签字页' }, { materialId: 'application', note: '未签名' }];
    expect((await h.call('POST', `/api/officer/cases/${number}/actions`, { token: officer, body: { type: 'requestCorrection', items, expectedRevision: revision } })).status).toBe(200);
    expect((await stating(`/track/${number}/corrections`, 2 * limit)).status).toBe(400);
    expect((await stating(`/track/${number}/corrections`, 2 * limit + MB + 1)).status).toBe(413);
    // A number that names no case takes a small form only.
    expect((await stating(`/track/${NUMBER}/supplement`, 2 * MB)).status).toBe(413);
  });
});

describe('memory while large uploads are refused (the server as npm start runs it)', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer({ memory: true });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;

  /** Sends up to 199 MB in 1 MB chunks (stated or chunked), stopping when the server answers. */
  function upload(stated: boolean): Promise<number | string> {
    const url = new URL(UPLOADS, server.base);
    return new Promise((resolve) => {
      const chunk = Buffer.alloc(MB, 0x41);
      const headers: Record<string, string> = { 'content-type': 'multipart/form-data; boundary=----x' };
      if (stated) headers['content-length'] = String(199 * MB);
      const req = request(url, { method: 'POST', headers });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', (error) => answered || resolve(error.message));
      let sent = 0;
      const more = () => {
        while (!answered && sent < 199) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        if (!answered) req.end();
      };
      more();
    });
  }

  it('stays under 300 MB RSS while 4 × 199 MB uploads are refused', async () => {
    const before = rssMb();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 20);
    const statuses = await Promise.all([upload(true), upload(true), upload(false), upload(false)]);
    clearInterval(sampler);
    console.log(`uploads answered ${statuses.join(', ')}; RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB`);
    // The local server keeps its rate limits: the upload budget may refuse (429) before the size does (413).
    for (const status of statuses) expect([413, 429]).toContain(status);
    expect(statuses).toContain(413);
    expect(peak).toBeLessThan(300);
  }, 120_000);
});
