import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { report } from './measure';

/**
 * The API function bundled as the stack bundles it (esbuild, ESM, minified, Node 22, the AWS SDK
 * left to the runtime), its size, and its module init time against an empty handler that
 * imports the same SDK client, each in fresh Node processes, alternating.
 */
const root = join(import.meta.dirname, '..');
const out = join(root, 'functions/dist/bench');
mkdirSync(out, { recursive: true });

const options = {
  bundle: true,
  platform: 'node' as const,
  format: 'esm' as const,
  target: 'node22',
  minify: true,
  external: ['@aws-sdk/*'],
  // CommonJS dependencies inside an ESM bundle need `require`.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'error' as const,
};
const emptyEntry = join(out, 'empty-entry.mjs');
writeFileSync(emptyEntry, "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst client = new DynamoDBClient({});\nexport const handler = async () => ({ statusCode: 200, body: String(!!client) });\n");
await build({ ...options, entryPoints: [join(root, 'functions/src/lambda.ts')], outfile: join(out, 'api.mjs') });
await build({ ...options, entryPoints: [emptyEntry], outfile: join(out, 'empty.mjs') });

const env = {
  ...process.env,
  TABLE_NAME: 'onevisit',
  AWS_REGION: 'cn-north-1',
  FILES_BUCKET: 'materials',
  COGNITO_USER_POOL_ID: 'cn-north-1_example',
  COGNITO_CLIENT_ID: 'example',
  APP_SECRET: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

function initMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, cwd: out, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`init failed for ${file}: ${result.stderr}`);
  return Number(result.stdout.trim());
}

const api: number[] = [];
const empty: number[] = [];
for (let i = 0; i < 9; i++) {
  api.push(initMs(join(out, 'api.mjs')));
  empty.push(initMs(join(out, 'empty.mjs')));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bundle = readFileSync(join(out, 'api.mjs'));
report('bundle', {
  size_kb: bundle.length / 1024,
  gzip_kb: gzipSync(bundle).length / 1024,
  init_ms: median(api),
  baseline_init_ms: median(empty),
  ratio: median(api) / median(empty),
});
