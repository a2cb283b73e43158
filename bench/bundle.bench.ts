import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundle } from '../infra/src/bundling';
import { FUNCTION_ENVIRONMENT } from '../infra/src/functions';
import { bundleOf, synthStack } from '../infra/test/synth';
import { report } from './measure';

/**
 * The API function exactly as the stack bundles it (synthesized: infra/src/bundling.ts, split into
 * chunks, the AWS SDK bundled), against an empty handler bundled by the same function with the
 * same options that makes the same SDK client at init. Each run is a fresh Node process with the
 * functions' environment (source maps on), the two alternating, 9 rounds, medians.
 * - size_kb, gzip_kb: every chunk of the bundle; init_kb: what init loads (the entry and what it
 *   imports statically).
 * - ratio: the API's init against the empty handler's (issue 16).
 * - cold_api_ratio, cold_page_ratio: a cold start answering its first request, which loads the
 *   app (GET /api/health; GET /track, a page rendered with React), against the empty handler's init.
 */
const root = join(import.meta.dirname, '..');
const out = join(root, 'functions/dist/bench');
mkdirSync(out, { recursive: true });

const { assembly, stack } = synthStack('dev', { bundle: true, outdir: mkdtempSync(join(tmpdir(), 'onevisit-bench-cdk-')) });
const apiBundle = bundleOf(assembly, stack.stackName, 'OneVisit API and citizen pages');

const emptyEntry = join(out, 'empty-entry.mjs');
writeFileSync(emptyEntry, "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst client = new DynamoDBClient({});\nexport const handler = async () => ({ statusCode: 200, body: String(!!client) });\n");
const emptyBundle = join(out, 'empty', 'index.mjs');
bundle(emptyEntry, dirname(emptyBundle), { docs: false });

const ORIGIN = 'bench-origin';
const env = {
  ...process.env,
  ...FUNCTION_ENVIRONMENT,
  TABLE_NAME: 'onevisit',
  AWS_REGION: 'cn-north-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  FILES_BUCKET: 'materials',
  COGNITO_USER_POOL_ID: 'cn-north-1_example',
  COGNITO_CLIENT_ID: 'example',
  COGNITO_DOMAIN: 'https://onevisit-bench.auth.cn-north-1.amazoncognito.com',
  APP_SECRET: 'bench',
  ORIGIN_SECRET: ORIGIN,
};

/** A fresh process: the module's init, then (given a path) its first answer to GET path, as an HTTP API event. */
function coldStart(file: string, path?: string): { init: number; request: number } {
  const event = { version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', headers: { host: 'bench', 'x-origin-verify': ORIGIN }, requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'bench' }, requestId: 'bench', routeKey: '$default', stage: '$default', time: '', timeEpoch: 0, accountId: '1', apiId: 'bench', domainName: 'bench', domainPrefix: 'bench' }, isBase64Encoded: false };
  const script = `const t = performance.now(); const m = await import(${JSON.stringify(file)}); const init = performance.now() - t;
${path ? `const r = await m.handler(${JSON.stringify(event)}, {}); if (r.statusCode !== 200) throw new Error('answered ' + r.statusCode + ': ' + r.body);` : ''}
console.log(JSON.stringify({ init, request: performance.now() - t - init }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, cwd: dirname(file), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cold start failed for ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { init: number; request: number };
}

const runs = { empty: [] as number[], init: [] as number[], api: [] as number[], page: [] as number[] };
for (let i = 0; i < 9; i++) {
  runs.empty.push(coldStart(emptyBundle).init);
  const api = coldStart(apiBundle, '/api/health');
  const page = coldStart(apiBundle, '/track');
  runs.init.push(api.init, page.init);
  runs.api.push(api.init + api.request);
  runs.page.push(page.init + page.request);
}

/** The JavaScript files an entry loads before it runs: itself and its static imports, transitively. */
function loadedAtInit(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, path] of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*)"(\.\.?\/[^"]+\.mjs)"/g)) loadedAtInit(join(dirname(file), path!), seen);
  return seen;
}
const scripts = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs') && !f.startsWith('node_modules')).map((f) => join(dir, f));
const all = Buffer.concat(scripts(dirname(apiBundle)).map((f) => readFileSync(f)));
const atInit = [...loadedAtInit(apiBundle)].reduce((sum, f) => sum + readFileSync(f).length, 0);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const empty = median(runs.empty);
report('bundle', {
  size_kb: all.length / 1024,
  gzip_kb: gzipSync(all).length / 1024,
  init_kb: atInit / 1024,
  init_ms: median(runs.init),
  baseline_init_ms: empty,
  ratio: median(runs.init) / empty,
  cold_api_ms: median(runs.api),
  cold_page_ms: median(runs.page),
  cold_api_ratio: median(runs.api) / empty,
  cold_page_ratio: median(runs.page) / empty,
});
