import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundleOf, synthStack } from '../infra/test/synth';
import { report } from './measure';

/**
 * The API function exactly as the stack bundles it (synthesized with NodejsFunction: esbuild, ESM,
 * minified, Node 22, the AWS SDK included), its size, and its module init time against an empty
 * handler that bundles the same SDK client the same way, each in fresh Node processes, alternating.
 */
const root = join(import.meta.dirname, '..');
const out = join(root, 'functions/dist/bench');
mkdirSync(out, { recursive: true });

const { assembly, stack } = synthStack('dev', { bundle: true, outdir: mkdtempSync(join(tmpdir(), 'onevisit-bench-cdk-')) });
const apiBundle = bundleOf(assembly, stack.stackName, 'OneVisit API and citizen pages');

const emptyEntry = join(out, 'empty-entry.mjs');
writeFileSync(emptyEntry, "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst client = new DynamoDBClient({});\nexport const handler = async () => ({ statusCode: 200, body: String(!!client) });\n");
await build({
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'error',
  entryPoints: [emptyEntry],
  outfile: join(out, 'empty.mjs'),
});

const env = {
  ...process.env,
  TABLE_NAME: 'onevisit',
  AWS_REGION: 'cn-north-1',
  FILES_BUCKET: 'materials',
  COGNITO_USER_POOL_ID: 'cn-north-1_example',
  COGNITO_CLIENT_ID: 'example',
  COGNITO_DOMAIN: 'https://onevisit-bench.auth.cn-north-1.amazoncognito.com',
  APP_SECRET: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

function initMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, cwd: out, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`init failed for ${file}: ${result.stderr}`);
  return Number(result.stdout.trim());
}

const apiInit: number[] = [];
const empty: number[] = [];
for (let i = 0; i < 9; i++) {
  apiInit.push(initMs(apiBundle));
  empty.push(initMs(join(out, 'empty.mjs')));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bundle = readFileSync(apiBundle);
report('bundle', {
  size_kb: bundle.length / 1024,
  gzip_kb: gzipSync(bundle).length / 1024,
  init_ms: median(apiInit),
  baseline_init_ms: median(empty),
  ratio: median(apiInit) / median(empty),
});
