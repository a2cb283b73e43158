import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from './http';

/**
 * The built editor at /admin/ and the citizen page script at /citizen/, served by the local server
 * (in AWS, CloudFront serves them from S3). `npm start` builds them when missing or out of date.
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
  if (existsSync(built) && existsSync(script) && statSync(built).mtimeMs >= newest && statSync(script).mtimeMs >= newest) return;
  console.log('正在构建管理界面和申请页脚本 / building the admin UI and the citizen script …');
  const vite = join(uiRoot, '../node_modules/vite/bin/vite.js');
  for (const args of [['build'], ['build', '--config', 'vite.citizen.config.ts']]) {
    const result = spawnSync(process.execPath, [vite, ...args, '--logLevel', 'warn'], { cwd: uiRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('the admin UI did not build');
  }
}

export function mountAdminUi(app: App): void {
  app.use('/citizen/*', serveStatic({ root: relative(process.cwd(), join(dist, 'citizen')), rewriteRequestPath: (path) => path.replace(/^\/citizen/, '') }));
  const index = () => readFileSync(join(dist, 'index.html'), 'utf8');
  app.use('/admin/*', serveStatic({ root: relative(process.cwd(), dist), rewriteRequestPath: (path) => path.replace(/^\/admin/, '') }));
  // Every other /admin/ address is a page of the single-page app.
  app.get('/admin/*', (c) => c.html(index()));
  app.get('/admin', (c) => c.redirect('/admin/'));
}
