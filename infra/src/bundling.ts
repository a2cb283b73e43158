import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';

export const repositoryRoot = join(import.meta.dirname, '../..');

/**
 * How every function is built (issue 16), by the local esbuild (no Docker): the repository's
 * TypeScript as minified ES modules for Node 22 with source maps, split into chunks, so that what
 * an entry imports with `import()` (the API's app, the SDK's credential providers) is loaded only
 * when first used; the AWS SDK bundled and tree-shaken, at the version the tests ran;
 * process.env.NODE_ENV is "production", so React's development checks are left out (issue 15).
 * `npm run bench -- bundle` builds its baseline with these same options.
 */
export function esbuildOptions(entry: string): BuildOptions {
  return {
    absWorkingDir: repositoryRoot,
    entryPoints: { index: resolve(repositoryRoot, entry) },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    alias: { recheck: join(import.meta.dirname, 'recheck-on-demand.ts') },
    // CommonJS dependencies inside an ES module bundle need `require`.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    metafile: true,
    logLevel: 'warning',
  };
}

/** Where Node finds a package from `from` (its folder; not every package exports its package.json). */
function packageFolder(name: string, from: string): string {
  const folder = (createRequire(join(from, 'noop.js')).resolve.paths(name) ?? []).map((dir) => join(dir, name)).find((dir) => existsSync(join(dir, 'package.json')));
  if (!folder) throw new Error(`cannot find the package ${name} from ${from}`);
  return folder;
}

/** A package and what it depends on, copied into `nodeModules` (optional dependencies aside). */
function copyPackage(name: string, from: string, nodeModules: string): void {
  const target = join(nodeModules, name);
  if (existsSync(target)) return;
  const folder = packageFolder(name, from);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(folder, target, { recursive: true, dereference: true });
  const { dependencies = {} } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dependency of Object.keys(dependencies)) copyPackage(dependency, folder, nodeModules);
}

/**
 * Builds `entry` into `outputDir` (index.mjs and chunks/). Beside it, in node_modules: recheck,
 * when the bundle analyses patterns (recheck-on-demand.ts), and for the API reference Swagger
 * UI's two files, which /docs serves from the package.
 */
export function bundle(entry: string, outputDir: string, options: { docs: boolean }): void {
  const { metafile } = buildSync({ ...esbuildOptions(entry), outdir: outputDir });
  const nodeModules = join(outputDir, 'node_modules');
  if (Object.keys(metafile!.inputs).some((input) => input.endsWith('recheck-on-demand.ts'))) copyPackage('recheck', repositoryRoot, nodeModules);
  if (options.docs) {
    const swagger = packageFolder('swagger-ui-dist', join(repositoryRoot, 'functions'));
    mkdirSync(join(nodeModules, 'swagger-ui-dist'), { recursive: true });
    for (const file of ['package.json', 'swagger-ui.css', 'swagger-ui-bundle.js']) cpSync(join(swagger, file), join(nodeModules, 'swagger-ui-dist', file));
  }
}
