import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps';
import { apiBodyLimits, applyBodyLimit, trackBodyLimit } from './body-limits';
import { authenticate, errorResponse, newApp, type App, type AppEnv } from './http';
import { rateLimits } from './rate-limits';
import { registerApplicationRoutes } from './routes/applications';
import { registerBundleRoutes } from './routes/bundles';
import { registerCalendarRoutes } from './routes/calendars';
import { registerCaseSearchRoutes } from './routes/case-search';
import { registerCaseSettingsRoutes } from './routes/case-settings';
import { registerCaseRoutes } from './routes/cases';
import { registerCitizenPages } from './routes/citizen';
import { registerCloneRoutes } from './routes/clones';
import { registerDepartmentRoutes } from './routes/departments';
import { registerDevRoutes } from './routes/dev';
import { registerDocs } from './routes/docs';
import { registerDraftRoutes } from './routes/drafts';
import { registerFileRoutes } from './routes/files';
import { registerImportRoutes } from './routes/imports';
import { registerItemRoutes } from './routes/items';
import { registerJurisdictionRoutes } from './routes/jurisdictions';
import { registerMessageRoutes } from './routes/messages';
import { addressNotFound, registerPortalPages } from './routes/portal';
import { registerRatingAdminRoutes } from './routes/ratings-admin';
import { registerRatingPages } from './routes/ratings-pages';
import { registerRatingRoutes } from './routes/ratings';
import { registerServiceRoutes } from './routes/service';
import { registerSupervisionRoutes } from './routes/supervision';
import { registerTrackingRoutes } from './routes/tracking';
import { registerVersionRoutes } from './routes/versions';
import { registerWindowRoutes } from './routes/window';
import { registerDeliveryRoutes } from './routes/delivery';
import { registerAssistanceRoutes } from './routes/assistance';

/** The largest upload any item allows (the rate limits charge a body of unstated length as this). */
const UPLOAD_LIMIT = 200 * 1024 * 1024;

/** The whole API, built from what the host provides. Nothing here knows which host runs it. */
export function createApp(deps: AppDeps): App {
  const app = newApp();
  app.onError(errorResponse);
  // A browser gets the portal's 404 page, an API client the JSON (routes/portal.tsx).
  app.notFound(addressNotFound);
  app.use('*', secureHeaders());
  // A body refused before it was read (too large, or over a rate limit) closes the connection, so
  // the server does not read the rest of it only to throw it away.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && (c.res.status === 413 || c.res.status === 429)) c.res.headers.set('connection', 'close');
  });
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('client', deps.clientAddress?.(c) ?? 'unknown');
    await next();
  });
  // Rate limits (issue 15): submissions, uploads and 查询码 lookups, before any body is read.
  const limited = rateLimits({ settings: deps.rateLimits, clock: deps.clock, client: (c: Context<AppEnv>) => c.get('client'), largestBody: UPLOAD_LIMIT });
  for (const path of ['/apply/*', '/track/*', '/receipt/*', '/api/items/*', '/api/track/*']) app.use(path, limited);
  // Body sizes per route, counted while streaming (body-limits.ts).
  app.use('/api/*', apiBodyLimits);
  app.use('/apply/*', applyBodyLimit);
  app.use('/track/*', trackBodyLimit);
  app.use('/api/*', authenticate);

  registerServiceRoutes(app);
  registerJurisdictionRoutes(app);
  registerBundleRoutes(app);
  registerApplicationRoutes(app);
  registerTrackingRoutes(app);
  registerFileRoutes(app);
  // Before the items: their /items/{itemId}/{action} would take /checks, /publish, /delegate and /merge.
  registerDraftRoutes(app);
  registerVersionRoutes(app);
  registerCloneRoutes(app);
  registerItemRoutes(app);
  registerCalendarRoutes(app);
  registerCaseSettingsRoutes(app);
  registerMessageRoutes(app);
  registerCaseRoutes(app);
  registerCaseSearchRoutes(app);
  registerWindowRoutes(app);
  registerDeliveryRoutes(app);
  registerAssistanceRoutes(app);
  registerSupervisionRoutes(app);
  registerRatingRoutes(app);
  registerRatingAdminRoutes(app);
  registerDepartmentRoutes(app);
  registerImportRoutes(app);
  if (deps.devTokens) registerDevRoutes(app, deps.devTokens);
  registerCitizenPages(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  // Built on its first request and kept (issue 16): making it takes a few hundred milliseconds of
  // CPU, and the routes do not change once the app is made.
  let reference: ReturnType<App['getOpenAPI31Document']> | undefined;
  app.get('/openapi.json', (c) =>
    c.json(
      (reference ??= app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'OneVisit API',
          version: '1',
          description: '政务服务事项配置与受理接口。错误均为 {code, message, message_en, details}。 / Configure service items and take applications. Every error is {code, message, message_en, details}.',
        },
      })),
    ),
  );
  registerDocs(app);
  // The one address people type: the public service portal (the editor is at /admin/).
  registerRatingPages(app);
  registerPortalPages(app);
  return app;
}
