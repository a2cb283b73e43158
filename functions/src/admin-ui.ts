import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from './http';

/**
 * The built editor at /admin/ and the citizen page script at /citizen/, served by the local server
 * (in AWS, CloudFront serves them from S3 and compresses them itself). `npm start` builds them
 * when missing or out of date, with brotli and gzip copies made once at build time, so a browser
 * gets the editor's scripts at a fraction of their size without the server compressing each time.
 */
const repository = join(import.meta.dirname, '../..');
export const editorDist = join(repository, 'admin-ui/dist');
/** The page script is built beside the pages that use it. */
export const scriptDist = join(repository, 'functions/dist/citizen');

interface Build {
  /** Where Vite runs, and with what. */
  root: string;
  args: string[];
  /** The files and folders it is made from. */
  inputs: string[];
  /** The file whose age says when it was last built, and the folder it is in. */
  built: string;
  dist: string;
}

const inRepository = (...paths: string[]) => paths.map((path) => join(repository, path));
const itemSchemas = inRepository('item-schemas/src', 'item-schemas/templates');
const builds: Build[] = [
  {
    root: join(repository, 'admin-ui'),
    args: ['build'],
    // The preview renders the citizen form from functions.
    inputs: [...inRepository('admin-ui/src', 'admin-ui/index.html', 'admin-ui/vite.config.ts', 'admin-ui/package.json', 'functions/src/citizen/form'), ...itemSchemas],
    built: join(editorDist, 'index.html'),
    dist: editorDist,
  },
  {
    root: join(repository, 'functions'),
    args: ['build', '--config', 'vite.citizen-script.config.ts'],
    inputs: [...inRepository('functions/src/citizen/script', 'functions/vite.citizen-script.config.ts', 'functions/package.json'), ...itemSchemas],
    built: join(scriptDist, 'citizen.js'),
    dist: scriptDist,
  },
];

/** The newest modification time of the files a build is made from. */
function newestInput(build: Build): number {
  let newest = 0;
  const walk = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of build.inputs) walk(input);
  return newest;
}

/** Builds the editor and the page script when there is no build, or their sources changed since. */
export function ensureAdminUiBuilt(): void {
  const stale = builds.filter((build) => !existsSync(build.built) || statSync(build.built).mtimeMs < newestInput(build));
  if (stale.length > 0) console.log('正在构建管理界面和申请页脚本 / building the admin UI and the citizen script …');
  const vite = join(repository, 'node_modules/vite/bin/vite.js');
  for (const build of builds) {
    if (stale.includes(build)) {
      // Production builds whoever asks: under vitest NODE_ENV is "test", and Vite would ship React's development build.
      const result = spawnSync(process.execPath, [vite, ...build.args, '--logLevel', 'warn'], { cwd: build.root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      if (result.status !== 0) throw new Error(`${relative(repository, build.root)} did not build`);
    } else if (readdirSync(build.dist, { recursive: true }).some((name) => String(name).endsWith('.br'))) {
      continue;
    }
    // A fresh build, or one made by `npm run build`, gets its compressed copies now.
    precompress(build.dist);
  }
}

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.map', '.txt']);

/** Writes `file.br` and `file.gz` beside each text asset worth compressing. */
export function precompress(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      precompress(path);
      continue;
    }
    if (!COMPRESSIBLE.has(extname(entry.name)) || statSync(path).size < 1024) continue;
    const bytes = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  }
}

/**
 * Vite names the editor's assets after their content, so they never change and may be kept a
 * year; the page that names them, and the citizen script (whose name is fixed), are checked again.
 */
function cacheFor(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

type ResponseHeaders = { header: (name: string, value: string) => void };

/**
 * A file with compressed copies varies with Accept-Encoding even when sent as it is (serveStatic
 * says so only when it sends a copy), so a cache never hands the plain one to a browser that asked
 * for brotli, nor a copy to one that cannot read it.
 */
function headersFor(path: string, c: ResponseHeaders): void {
  c.header('Cache-Control', cacheFor(path));
  if (!/\.(br|gz)$/.test(path) && existsSync(`${path}.br`)) c.header('Vary', 'Accept-Encoding');
}

export function mountAdminUi(app: App): void {
  const cached = { precompressed: true, onFound: headersFor };
  app.use('/citizen/*', serveStatic({ root: relative(process.cwd(), scriptDist), rewriteRequestPath: (path) => path.replace(/^\/citizen/, ''), ...cached }));
  const index = () => readFileSync(join(editorDist, 'index.html'), 'utf8');
  app.use('/admin/*', serveStatic({ root: relative(process.cwd(), editorDist), rewriteRequestPath: (path) => path.replace(/^\/admin/, ''), ...cached }));
  // An asset of another build is gone, not a page: the editor reloads itself on a failed import.
  app.get('/admin/assets/*', (c) => c.notFound());
  // Every other /admin/ address is a page of the single-page app, checked again like the others.
  app.get('/admin/*', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(index());
  });
  app.get('/admin', (c) => c.redirect('/admin/'));
}
