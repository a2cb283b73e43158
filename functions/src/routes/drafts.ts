import { z } from '@hono/zod-openapi';
import { checkCodes } from '@onevisit/item-schemas';
import { etag, expectedRevision, type App } from '../http';
import { checkDraft, getDraft, publish, saveDraft } from '../items';
import { ZDraft, ZItemVersion } from '../records';
import { ZDefinitionBody } from './items';
import { adminParams, bearer, errorResponses, json, jsonBody, route, ZIfMatch, ZItemParams } from './kit';

/** An item's draft, for its jurisdiction's administrators: read, saved over the revision read, checked, published. */

const ZCheckIssue = z.object({ code: z.enum(checkCodes), path: z.string(), message: z.string(), message_en: z.string() }).openapi('CheckIssue');

export function registerDraftRoutes(app: App): void {
  const tags = ['admin'];

  app.openapi(
    route({ method: 'get', path: '/api/admin/{jurisdiction}/items/{itemId}/draft', tags, security: bearer, summary: '读取草稿 / read the draft', request: { params: ZItemParams }, responses: { 200: json(ZDraft, 'the draft; its ETag is the revision'), ...errorResponses(401, 403, 404) } }),
    async (c) => {
      const { jurisdiction, itemId } = adminParams(c);
      const found = await getDraft(c.get('deps'), jurisdiction, itemId);
      c.header('ETag', etag(found.revision));
      return c.json(found, 200);
    },
  );

  app.openapi(
    route({
      method: 'put',
      path: '/api/admin/{jurisdiction}/items/{itemId}/draft',
      tags,
      security: bearer,
      summary: '保存草稿(If-Match) / save the draft over the revision you read',
      request: { params: ZItemParams, headers: ZIfMatch, body: jsonBody(ZDefinitionBody) },
      responses: { 200: json(ZDraft, 'saved; the new ETag is the new revision'), ...errorResponses(400, 401, 403, 404, 409, 413, 428) },
    }),
    async (c) => {
      const { jurisdiction, itemId, who } = adminParams(c);
      const saved = await saveDraft(c.get('deps'), who, jurisdiction, itemId, expectedRevision(c), c.req.valid('json'));
      c.header('ETag', etag(saved.revision));
      return c.json(saved, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items/{itemId}/checks',
      tags,
      security: bearer,
      summary: '发布前检查 / run the publish-time checks on the draft',
      request: { params: ZItemParams },
      responses: { 200: json(z.object({ revision: z.number(), issues: z.array(ZCheckIssue) }), 'the issues, none when publishable'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction, itemId } = adminParams(c);
      return c.json(await checkDraft(c.get('deps'), jurisdiction, itemId), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items/{itemId}/publish',
      tags,
      security: bearer,
      summary: '发布 / publish the draft as a new version',
      // The change note is optional, and so the body is.
      request: { params: ZItemParams, headers: ZIfMatch, body: { content: { 'application/json': { schema: z.object({ changeNote: z.string().max(1000).optional() }) } }, required: false } },
      responses: { 201: json(ZItemVersion, 'the new version'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { jurisdiction, itemId, who } = adminParams(c);
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
      const expected = c.req.header('if-match') ? expectedRevision(c) : undefined;
      const version = await publish(c.get('deps'), who, jurisdiction, itemId, { ...(expected === undefined ? {} : { expectedRevision: expected }), ...(body.changeNote ? { changeNote: body.changeNote } : {}) });
      return c.json(version, 201);
    },
  );
}
