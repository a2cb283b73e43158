import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser';
import { report } from './measure';

/**
 * Keystroke latency in the editor's preview of a 300-field form against a plain
 * react-jsonschema-form with the same schema: same browser, same run, alternating rounds.
 * Latency is from the keydown to the frame after React has rendered the change.
 */
const KEYS = 40;
const ROUNDS = 3;

async function bundle(entry: string): Promise<{ js: string; css: string }> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'editor', entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: '/bench-out',
    write: false,
    logLevel: 'error',
  });
  const text = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { js: text('.js'), css: text('.css') };
}

/** Serves each page from loopback: the editor keeps state in localStorage, which needs a real origin. */
function serve(pages: Record<string, { js: string; css: string }>) {
  const server = createServer((request, response) => {
    const code = pages[request.url?.slice(1) ?? ''];
    if (!code) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title><style>${code.css}</style></head><body><div id="root"></div><script>${code.js.replace(/<\/script/g, '<\\/script')}</script></body></html>`);
  });
  return new Promise<{ base: string; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })),
  );
}

async function open(page: Page, url: string): Promise<void> {
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  await page.locator('input[type=text]').first().waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { latencies: number[] };
    w.latencies = [];
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() => setTimeout(() => w.latencies.push(performance.now() - start)));
      },
      true,
    );
  });
}

async function keystrokes(page: Page): Promise<number[]> {
  const field = page.locator('input[type=text]').first();
  await field.click();
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await page.waitForFunction((n) => (window as unknown as { latencies: number[] }).latencies.length >= n, i + 1);
  }
  const typed = await field.inputValue();
  if (typed.length !== KEYS) throw new Error(`only ${typed.length} of ${KEYS} keystrokes reached the form`);
  return page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
}

const [preview, plain] = await Promise.all([bundle('preview-entry.tsx'), bundle('plain-entry.tsx')]);
const site = await serve({ preview, plain });
const browser = await launchChromium();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const previewTimes: number[] = [];
const plainTimes: number[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, sink] of [['preview', previewTimes], ['plain', plainTimes]] as const) {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await open(page, `${site.base}/${name}`);
      sink.push(...(await keystrokes(page)).slice(2)); // the first keystrokes warm up
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  site.close();
}
report('editor', {
  ratio: median(previewTimes) / median(plainTimes),
  preview_ms: median(previewTimes),
  plain_ms: median(plainTimes),
  preview_p95_ms: [...previewTimes].sort((a, b) => a - b)[Math.floor(previewTimes.length * 0.95)]!,
  fields: 300,
});
