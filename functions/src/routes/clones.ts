import { z } from '@hono/zod-openapi';
import { ZConflictDecision, ZTimeLimit } from '@onevisit/item-schemas';
import { acceptUpstreamVersion, cloneItems, deferUpstreamVersion, downstreamClones, mergeItems, upstreamBase, upstreamStatus } from '../clones';
import { notBelow, noUpstream } from '../errors';
import { expectedRevision, type App } from '../http';
import { ZDraft, ZItemHead, ZJurisdictionId, ZPublishedDefinition, ZUpstreamRef } from '../records';
import { adminParams, bearer, errorResponses, json, jsonBody, route, ZIfMatch, ZItemParams, ZJurisdictionParams } from './kit';
import { ZLabelledChange } from './versions';

/** Claiming upstream items, following upstream changes, and list management (认领, 更新, 下放, 合并). */

const ZItemIds = z.array(z.string().min(1).max(80)).min(1).max(100);
const tags = ['clones'];

const ZCloneOutcome = z.object({ itemId: z.string(), status: z.enum(['cloned', 'exists', 'notPublished', 'idTaken']) }).openapi('CloneOutcome');
const ZUpstreamChange = ZLabelledChange
  .extend({
    title: z.string().openapi({ description: '所属的字段 / the top-level field it is under' }),
    overridden: z.boolean().openapi({ description: '本级已调整此字段 / the county overrides it' }),
  })
  .openapi('UpstreamChange');
const ZOverrideConflict = z.object({
  path: z.string(),
  title: z.string(),
  code: z.string(),
  message: z.string(),
  message_en: z.string(),
  local: z.unknown(),
  upstream: z.unknown(),
  bounds: z
    .object({ legalLimit: ZTimeLimit.nullable(), stepsWorkdays: z.number().int() })
    .optional()
    .openapi({ description: '承诺时限须在此范围内：不超过新的法定时限，不短于各环节时限合计(工作日) / a promised limit must fit: within the new legal limit, not shorter than the steps (working days)' }),
});
const ZUpstreamStatus = z
  .object({
    following: ZUpstreamRef,
    latest: z.object({ version: z.number().int(), state: z.string() }),
    behind: z.boolean(),
    deferredVersion: z.number().int().optional(),
    changes: z.array(ZUpstreamChange),
    conflicts: z.array(ZOverrideConflict),
  })
  .openapi('UpstreamStatus');
const ZClaimableItem = z
  .object({ itemId: z.string(), name: z.string(), department: z.string(), itemType: z.string(), version: z.number().int(), cloned: z.boolean() })
  .openapi('ClaimableItem');
const ZDownstreamClone = z
  .object({ jurisdiction: z.string(), jurisdictionName: z.string(), itemId: z.string(), following: z.number(), latest: z.number(), behind: z.boolean(), deferredVersion: z.number().optional(), published: z.number() })
  .openapi('DownstreamClone');

export function registerCloneRoutes(app: App): void {
  app.openapi(
    route({ method: 'get', path: '/api/admin/{jurisdiction}/claimable', tags, security: bearer, summary: '可认领的上级事项 / the parent’s published items, and which are claimed', request: { params: ZJurisdictionParams }, responses: { 200: json(z.array(ZClaimableItem), 'items'), ...errorResponses(401, 403, 409) } }),
    async (c) => {
      const { jurisdiction } = adminParams(c);
      const { store } = c.get('deps');
      const parent = (await store.getJurisdiction(jurisdiction))?.parent;
      if (!parent) throw noUpstream();
      const [upstream, own] = await Promise.all([store.listHeads(parent), store.listHeads(jurisdiction)]);
      const claimed = new Set(own.filter((h) => h.upstream?.jurisdiction === parent).map((h) => h.itemId));
      return c.json(
        upstream
          .filter((h) => h.published && h.state !== 'cancelled')
          .map((h) => ({ itemId: h.itemId, name: h.published!.name, department: h.published!.department.name, itemType: h.published!.itemType, version: h.version, cloned: claimed.has(h.itemId) })),
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/clones',
      tags,
      security: bearer,
      summary: '认领上级事项(至多 100 个一批，可重复执行) / clone upstream items (up to 100 a call; re-running is harmless)',
      request: { params: ZJurisdictionParams, body: jsonBody(z.object({ itemIds: ZItemIds })) },
      responses: { 200: json(z.object({ results: z.array(ZCloneOutcome) }), 'what became of each item'), ...errorResponses(400, 401, 403, 409) },
    }),
    async (c) => {
      const { jurisdiction, who } = adminParams(c);
      return c.json({ results: await cloneItems(c.get('deps'), who, jurisdiction, c.req.valid('json').itemIds) }, 200);
    },
  );

  app.openapi(
    route({ method: 'get', path: '/api/admin/{jurisdiction}/items/{itemId}/upstream', tags, security: bearer, summary: '上级变更 / what upstream changed since the version followed', request: { params: ZItemParams }, responses: { 200: json(ZUpstreamStatus, 'status'), ...errorResponses(401, 403, 404, 409) } }),
    async (c) => {
      const { jurisdiction, itemId } = adminParams(c);
      return c.json(await upstreamStatus(c.get('deps'), jurisdiction, itemId), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/items/{itemId}/upstream/base',
      tags,
      security: bearer,
      summary: '所跟随的上级版本 / the upstream version the clone follows, which its local edits are told apart from',
      request: { params: ZItemParams },
      responses: { 200: json(z.object({ following: ZUpstreamRef, definition: ZPublishedDefinition }), 'the version followed'), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const { jurisdiction, itemId } = adminParams(c);
      return c.json(await upstreamBase(c.get('deps'), jurisdiction, itemId), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items/{itemId}/upstream/accept',
      tags,
      security: bearer,
      summary: '采用上级新版本(If-Match) / follow the newer upstream version, deciding each conflict',
      request: {
        params: ZItemParams,
        headers: ZIfMatch,
        body: jsonBody(z.object({ version: z.number().int().min(1), decisions: z.record(z.string().max(200), ZConflictDecision).default({}) })),
      },
      responses: { 200: json(ZDraft, 'the clone now following the new version'), ...errorResponses(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const { jurisdiction, itemId, who } = adminParams(c);
      return c.json(await acceptUpstreamVersion(c.get('deps'), who, jurisdiction, itemId, c.req.valid('json'), expectedRevision(c)), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items/{itemId}/upstream/defer',
      tags,
      security: bearer,
      summary: '暂缓采用上级新版本 / defer the newer upstream version',
      request: { params: ZItemParams, body: jsonBody(z.object({ version: z.number().int().min(1) })) },
      responses: { 200: json(ZItemHead, 'deferred'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { jurisdiction, itemId } = adminParams(c);
      return c.json(await deferUpstreamVersion(c.get('deps'), jurisdiction, itemId, c.req.valid('json').version), 200);
    },
  );

  app.openapi(
    route({ method: 'get', path: '/api/admin/{jurisdiction}/downstream', tags, security: bearer, summary: '下级认领情况 / every clone of this jurisdiction’s items below it, and which are behind', request: { params: ZJurisdictionParams }, responses: { 200: json(z.array(ZDownstreamClone), 'clones'), ...errorResponses(401, 403) } }),
    async (c) => {
      const { jurisdiction } = adminParams(c);
      return c.json(await downstreamClones(c.get('deps'), jurisdiction), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items/{itemId}/delegate',
      tags,
      security: bearer,
      summary: '下放到下级 / delegate the item down: it is created there as delegated power',
      request: { params: ZItemParams, body: jsonBody(z.object({ to: ZJurisdictionId })) },
      responses: { 200: json(ZCloneOutcome, 'the item in the lower jurisdiction'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { jurisdiction, itemId, who } = adminParams(c);
      const deps = c.get('deps');
      const { to } = c.req.valid('json');
      if ((await deps.store.getJurisdiction(to))?.parent !== jurisdiction) throw notBelow();
      const [outcome] = await cloneItems(deps, who, to, [itemId], { delegated: true });
      return c.json(outcome!, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items/{itemId}/merge',
      tags,
      security: bearer,
      summary: '合并事项 / merge other items into this one (they are cancelled, their codes recorded here)',
      request: { params: ZItemParams, body: jsonBody(z.object({ sources: ZItemIds })) },
      responses: { 200: json(ZItemHead, 'the merged item'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction, itemId } = adminParams(c);
      return c.json(await mergeItems(c.get('deps'), jurisdiction, itemId, c.req.valid('json').sources), 200);
    },
  );
}
