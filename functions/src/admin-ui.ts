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
const uiRoot = join(import.meta.dirname, '../../admin-ui');
const dist = join(uiRoot, 'dist');

/** The newest modification time of the files a build is made from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of [join(uiRoot, 'src'), join(uiRoot, '../item-schemas/src'), join(uiRoot, '../item-schemas/templates')]) walk(dir);
  for (const file of ['index.html', 'vite.config.ts', 'package.json']) newest = Math.max(newest, statSync(join(uiRoot, file)).mtimeMs);
  return newest;
}

/** Builds the editor when there is no build, or its sources changed since. */
export function ensureAdminUiBuilt(): void {
  const built = join(dist, 'index.html');
  const script = join(dist, 'citizen/citizen.js');
  const newest = newestSource();
  if (existsSync(built) && existsSync(script) && statSync(built).mtimeMs >= newest && statSync(script).mtimeMs >= newest) {
    // A build from before the compressed copies were made gets them now.
    if (!existsSync(`${script}.br`)) precompress(dist);
    return;
  }
  console.log('正在构建管理界面和申请页脚本 / building the admin UI and the citizen script …');
  const vite = join(uiRoot, '../node_modules/vite/bin/vite.js');
  for (const args of [['build'], ['build', '--config', 'vite.citizen.config.ts']]) {
    const result = spawnSync(process.execPath, [vite, ...args, '--logLevel', 'warn'], { cwd: uiRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('the admin UI did not build');
  }
  precompress(dist);
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

export function mountAdminUi(app: App): void {
  const cached = { precompressed: true, onFound: (path: string, c: { header: (name: string, value: string) => void }) => c.header('Cache-Control', cacheFor(path)) };
  app.use('/citizen/*', serveStatic({ root: relative(process.cwd(), join(dist, 'citizen')), rewriteRequestPath: (path) => path.replace(/^\/citizen/, ''), ...cached }));
  const index = () => readFileSync(join(dist, 'index.html'), 'utf8');
  app.use('/admin/*', serveStatic({ root: relative(process.cwd(), dist), rewriteRequestPath: (path) => path.replace(/^\/admin/, ''), ...cached }));
  // Every other /admin/ address is a page of the single-page app.
  app.get('/admin/*', (c) => c.html(index()));
  app.get('/admin', (c) => c.redirect('/admin/'));
}
