import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from './http';

/**
 * The built editor, served by the local server at /admin/ (in AWS, CloudFront serves it from S3).
 * `npm start` builds it first when no build is there.
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
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource()) return;
  console.log('正在构建管理界面 / building the admin UI …');
  const result = spawnSync(process.execPath, [join(uiRoot, '../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: uiRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the admin UI did not build');
}

export function mountAdminUi(app: App): void {
  const index = () => readFileSync(join(dist, 'index.html'), 'utf8');
  app.get('/', (c) => c.redirect('/admin/'));
  app.use('/admin/*', serveStatic({ root: relative(process.cwd(), dist), rewriteRequestPath: (path) => path.replace(/^\/admin/, '') }));
  // Every other /admin/ address is a page of the single-page app.
  app.get('/admin/*', (c) => c.html(index()));
  app.get('/admin', (c) => c.redirect('/admin/'));
}
