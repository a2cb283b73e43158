import { z } from '@hono/zod-openapi';
import { ZItemId } from '@onevisit/item-schemas';
import { claimableBundles, claimBundle } from '../bundles/claims';
import { checkBundleDraft, createBundle, getBundleDraft, publishBundle, saveBundleDraft } from '../bundles/publishing';
import { ZBundleClaim, ZBundleDraft, ZBundleHead, ZBundleVersion, ZClaimableBundle } from '../bundles/records';
import { deliveryHeld } from '../bundles/outcome';
import { afterChildMoved } from '../bundles/stages';
import { onCaseMoved } from '../cases/case-moves';
import { parseTrackingNumber } from '../cases/tracking-number';
import { notFound } from '../errors';
import { etag, expectedRevision, type App } from '../http';
import { registerBundleApplications } from './bundle-applications';
import { adminParams, bearer, errorResponses, json, jsonBody, route, ZJurisdictionParams } from './kit';

/**
 * 一件事 (bundles) for their jurisdiction's administrators: create from a seed or a definition,
 * save the draft over the revision read, check, publish (refused with the checks' issues in
 * words, 422), list the published versions and read one; and for applicants, applying and tracking (bundle-applications.tsx).
 */

const ZBundleParams = ZJurisdictionParams.extend({ bundleId: z.string().max(80) });
const ZBundleIssue = z.object({ code: z.string(), path: z.string(), message: z.string(), message_en: z.string() }).openapi('BundleCheckIssue');
const ZDefinition = z.record(z.string(), z.unknown()).openapi({ description: '一件事定义(可不完整，发布时检查) / a bundle definition, possibly incomplete until published' });

export function registerBundleRoutes(app: App): void {
  const tags = ['admin'];
  const at = '/api/admin/{jurisdiction}/bundles';

  app.openapi(
    route({ method: 'get', path: at, tags, security: bearer, summary: '一件事列表 / the jurisdiction’s bundles', request: { params: ZJurisdictionParams }, responses: { 200: json(z.array(ZBundleHead), 'their heads'), ...errorResponses(401, 403) } }),
    async (c) => {
      const { jurisdiction } = adminParams(c);
      return c.json(await c.get('deps').store.listBundleHeads(jurisdiction), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: at,
      tags,
      security: bearer,
      summary: '新建一件事 / create a bundle from a seed or a definition',
      request: { params: ZJurisdictionParams, body: jsonBody(z.object({ bundleId: z.string().max(80), templateId: z.string().max(80).optional(), definition: ZDefinition.optional() })) },
      responses: { 201: json(z.object({ head: ZBundleHead, draft: ZBundleDraft }), 'created'), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { jurisdiction, who } = adminParams(c);
      const created = await createBundle(c.get('deps'), who, jurisdiction, c.req.valid('json'));
      c.header('ETag', etag(created.draft.revision));
      return c.json(created, 201);
    },
  );

  app.openapi(
    route({ method: 'get', path: `${at}/{bundleId}/draft`, tags, security: bearer, summary: '读取一件事草稿 / read the draft', request: { params: ZBundleParams }, responses: { 200: json(ZBundleDraft, 'the draft; its ETag is the revision'), ...errorResponses(401, 403, 404) } }),
    async (c) => {
      const { jurisdiction, bundleId } = adminParams(c);
      const draft = await getBundleDraft(c.get('deps'), jurisdiction, bundleId);
      c.header('ETag', etag(draft.revision));
      return c.json(draft, 200);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: `${at}/{bundleId}/draft`,
      tags,
      security: bearer,
      summary: '保存一件事草稿(If-Match) / save the draft over the revision you read',
      request: { params: ZBundleParams, headers: z.object({ 'if-match': z.string().optional() }), body: jsonBody(ZDefinition) },
      responses: { 200: json(ZBundleDraft, 'saved'), ...errorResponses(400, 401, 403, 404, 409, 413, 428) },
    }),
    async (c) => {
      const { jurisdiction, bundleId, who } = adminParams(c);
      const saved = await saveBundleDraft(c.get('deps'), who, jurisdiction, bundleId, expectedRevision(c), c.req.valid('json'));
      c.header('ETag', etag(saved.revision));
      return c.json(saved, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${at}/{bundleId}/versions`,
      tags,
      security: bearer,
      summary: '一件事版本历史 / the published versions',
      request: { params: ZBundleParams },
      responses: { 200: json(z.array(ZBundleVersion.omit({ definition: true })), 'oldest first'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction, bundleId } = adminParams(c);
      const { store } = c.get('deps');
      const head = await store.getBundleHead(jurisdiction, bundleId);
      if (!head) throw notFound('一件事', 'bundle');
      const versions = await Promise.all(Array.from({ length: head.version }, (_, n) => store.getBundleVersion(jurisdiction, bundleId, n + 1)));
      return c.json(
        versions.filter((v) => v !== undefined).map(({ definition: _, ...entry }) => entry),
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: `${at}/{bundleId}/versions/{version}`,
      tags,
      security: bearer,
      summary: '一件事的某一版本 / one published version',
      request: { params: ZBundleParams.extend({ version: z.coerce.number().int().min(1) }) },
      responses: { 200: json(ZBundleVersion, 'the version'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction, bundleId, version } = adminParams(c);
      const found = await c.get('deps').store.getBundleVersion(jurisdiction, bundleId, version);
      if (!found) throw notFound('一件事版本', 'bundle version');
      return c.json(found, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${at}/{bundleId}/checks`,
      tags,
      security: bearer,
      summary: '一件事发布前检查 / run the publish checks on the draft',
      request: { params: ZBundleParams },
      responses: { 200: json(z.object({ revision: z.number(), issues: z.array(ZBundleIssue) }), 'the issues, none when publishable'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction, bundleId } = adminParams(c);
      const { draft, issues } = await checkBundleDraft(c.get('deps'), jurisdiction, bundleId);
      return c.json({ revision: draft.revision, issues }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${at}/{bundleId}/publish`,
      tags,
      security: bearer,
      summary: '发布一件事 / publish the draft as a new version',
      request: { params: ZBundleParams, headers: z.object({ 'if-match': z.string().optional() }), body: { content: { 'application/json': { schema: z.object({ changeNote: z.string().max(1000).optional() }) } }, required: false } },
      responses: { 201: json(ZBundleVersion, 'the new version'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { jurisdiction, bundleId, who } = adminParams(c);
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
      const expected = c.req.header('if-match') ? expectedRevision(c) : undefined;
      const version = await publishBundle(c.get('deps'), who, jurisdiction, bundleId, { ...(expected === undefined ? {} : { expectedRevision: expected }), ...(body.changeNote ? { changeNote: body.changeNote } : {}) });
      return c.json(version, 201);
    },
  );

  app.openapi(
    route({ method: 'get', path: '/api/admin/{jurisdiction}/claimable-bundles', tags, security: bearer, summary: '可认领的上级一件事 / the parent’s published bundles, and what is claimed of each', request: { params: ZJurisdictionParams }, responses: { 200: json(z.array(ZClaimableBundle), 'bundles'), ...errorResponses(401, 403, 409) } }),
    async (c) => {
      const { jurisdiction } = adminParams(c);
      return c.json(await claimableBundles(c.get('deps'), jurisdiction), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/bundle-clones',
      tags,
      security: bearer,
      summary: '认领上级一件事(连同未认领的基础事项，可重复执行) / claim the parent’s bundle with its base items not claimed yet (re-running is harmless)',
      request: { params: ZJurisdictionParams, body: jsonBody(z.object({ bundleId: ZItemId })) },
      responses: { 200: json(ZBundleClaim, 'the claim, and what became of each base item'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { jurisdiction, who } = adminParams(c);
      return c.json(await claimBundle(c.get('deps'), who, jurisdiction, c.req.valid('json').bundleId), 200);
    },
  );

  // A base item's case decided, by whatever path, may start the next stage.
  onCaseMoved(afterChildMoved);

  // Around the officers' action route, which knows nothing of bundles: a base item's result waits for the
  // others when the bundle delivers together.
  app.use('/api/officer/cases/:trackingNumber/actions', async (c, next) => {
    const number = c.req.method === 'POST' ? parseTrackingNumber(c.req.param('trackingNumber')) : undefined;
    if (!number) return next();
    const deps = c.get('deps');
    const body: unknown = await c.req.json().catch(() => undefined);
    const who = c.get('principal');
    if (body && typeof body === 'object' && (body as { type?: unknown }).type === 'deliver' && who?.role === 'officer') {
      const child = await deps.store.getCase(number.jurisdiction, number.trackingNumber);
      // Only the case's own department hears of the other items; anyone else gets the route's own refusal.
      const held = child && child.departmentId === who.department ? await deliveryHeld(deps, child) : undefined;
      if (held) throw held;
    }
    await next();
  });

  registerBundleApplications(app);
}
