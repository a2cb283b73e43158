import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { App } from '../http';

/**
 * `/docs`: the interactive API reference (Swagger UI) over `/openapi.json`. Its assets are served
 * from the installed package, not a CDN, so the reference works on closed government networks.
 * The package is looked up on first use: a bundled function without it still serves the API.
 */
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const page = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>OneVisit API 接口文档</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><main id="api"></main>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/start.js"></script>
</body></html>`;

const start = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api', deepLinking: true });`;

function assetRoot(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  } catch {
    return undefined;
  }
}

export function registerDocs(app: App): void {
  app.get('/docs', (c) => c.html(page));
  app.get('/docs/assets/start.js', (c) => c.body(start, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/docs/assets/:name', async (c) => {
    const type = assets[c.req.param('name')];
    const root = assetRoot();
    if (!type || !root) return c.notFound();
    const body = await readFile(join(root, c.req.param('name')));
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
