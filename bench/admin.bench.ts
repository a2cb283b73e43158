import type { Page } from 'playwright-core';
import { ensureAdminUiBuilt } from '../functions/src/admin-ui';
import { startLocalServer } from '../test/api/local-server';
import { launchChromium } from '../test/e2e/browser';
import { report } from './measure';

/**
 * What the editor's first screens cost over the wire: Chromium loads each from the local server
 * (`npm start` as it runs, the built editor with its brotli and gzip copies) with an empty cache,
 * and the bytes of every document, script, style sheet and font it receives are summed as the
 * network reports them (encodedDataLength: compressed body plus headers), until nothing is left
 * to load. Chromium asks loopback for `gzip, deflate, br, zstd`, as it asks any HTTPS site. Screens: the
 * sign-in, and the catalogue opened by an official already signed in; also what the catalogue adds
 * after signing in on the same page. API answers (JSON) are not counted: they are the data shown.
 */
const BUDGET_KB = 300;
const counted = new Set(['Document', 'Script', 'Stylesheet', 'Font']);

interface Load {
  wire: number;
  /** Of `wire`, the responses' headers (the same few hundred bytes on every file). */
  headers: number;
  decoded: number;
  files: number;
  /** Files that came without a Content-Encoding though they are text. */
  uncompressed: string[];
}

/** Counts what the page receives from now until `stop` is called. */
async function recorder(page: Page): Promise<{ stop: () => Load }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const requests = new Map<string, { type: string; url: string; encoding?: string; headers: number; decoded: number }>();
  const load: Load = { wire: 0, headers: 0, decoded: 0, files: 0, uncompressed: [] };
  cdp.on('Network.responseReceived', (e) => {
    const encoding = Object.entries(e.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
    requests.set(e.requestId, { type: e.type, url: e.response.url, ...(encoding ? { encoding } : {}), headers: e.response.encodedDataLength, decoded: 0 });
  });
  cdp.on('Network.dataReceived', (e) => {
    const request = requests.get(e.requestId);
    if (request) request.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const request = requests.get(e.requestId);
    if (!request || !counted.has(request.type)) return;
    load.wire += e.encodedDataLength;
    load.headers += request.headers;
    load.decoded += request.decoded;
    load.files++;
    if (!request.encoding && request.decoded > 1024) load.uncompressed.push(request.url);
  });
  return { stop: () => ({ ...load }) };
}

/** Waits for what the screen shows, then for the network to be quiet (lazily loaded parts included). */
async function settle(page: Page, shown: (page: Page) => Promise<unknown>): Promise<void> {
  await shown(page);
  await page.waitForLoadState('networkidle');
}

// Built here rather than by the server, whose start would time out while Vite works.
ensureAdminUiBuilt();
const browser = await launchChromium();
const server = await startLocalServer({ memory: true });
/** A browser with nothing cached; signed in when given the editor's session (kept in sessionStorage). */
async function fresh(session?: string): Promise<Page> {
  const context = await browser.newContext();
  if (session) await context.addInitScript((value) => sessionStorage.setItem('onevisit.session', value), session);
  return context.newPage();
}

try {
  const signInPage = await fresh();
  const signIn = await recorder(signInPage);
  await signInPage.goto(`${server.base}/admin/`);
  await settle(signInPage, (p) => p.getByRole('button', { name: '登录为 王敏(示范市政务服务管理办)' }).waitFor());
  const signInLoad = signIn.stop();

  const onward = await recorder(signInPage);
  await signInPage.getByRole('button', { name: '登录为 王敏(示范市政务服务管理办)' }).click();
  await settle(signInPage, (p) => p.getByRole('link', { name: '不动产转移登记' }).waitFor());
  const onwardLoad = onward.stop();

  const session = await signInPage.evaluate(() => sessionStorage.getItem('onevisit.session'));
  if (!session) throw new Error('signing in kept no session');
  const cataloguePage = await fresh(session);
  const catalogue = await recorder(cataloguePage);
  await cataloguePage.goto(`${server.base}/admin/`);
  await settle(cataloguePage, (p) => p.getByRole('link', { name: '不动产转移登记' }).waitFor());
  const catalogueLoad = catalogue.stop();

  const uncompressed = [...signInLoad.uncompressed, ...catalogueLoad.uncompressed];
  if (uncompressed.length > 0) console.log(`sent uncompressed: ${uncompressed.join(', ')}`);
  const kb = (bytes: number) => bytes / 1024;
  report('admin', {
    signin_kb: kb(signInLoad.wire),
    catalogue_kb: kb(catalogueLoad.wire),
    budget_kb: BUDGET_KB,
    ratio_worst_to_budget: kb(Math.max(signInLoad.wire, catalogueLoad.wire)) / BUDGET_KB,
    catalogue_after_signin_kb: kb(onwardLoad.wire),
    signin_headers_kb: kb(signInLoad.headers),
    catalogue_headers_kb: kb(catalogueLoad.headers),
    signin_decoded_kb: kb(signInLoad.decoded),
    catalogue_decoded_kb: kb(catalogueLoad.decoded),
    signin_files: signInLoad.files,
    catalogue_files: catalogueLoad.files,
    uncompressed_files: uncompressed.length,
  });
} finally {
  await browser.close();
  await server.stop();
}
