import { z } from '@hono/zod-openapi';
import { notFound } from '../errors';
import { etag, type App } from '../http';
import { changeState, createItem } from '../items';
import { ZDraft, ZItemHead, ZItemSummary, ZJurisdictionId } from '../records';
import { adminParams, bearer, errorResponses, json, jsonBody, route, ZItemParams, ZJurisdictionParams } from './kit';

/** Items: the published catalogue (晒清单) and an item as published, for anyone; an administrator's items and their states. */

const ZCatalogEntry = ZItemSummary.extend({ jurisdiction: ZJurisdictionId, itemId: z.string(), version: z.number().int() }).openapi('CatalogEntry');
/** An item definition as sent, whole or in part: drafts may be incomplete. */
export const ZDefinitionBody = z.record(z.string(), z.unknown()).openapi({ description: '事项定义(草稿可不完整) / the item definition; drafts may be incomplete' });

export function registerItemRoutes(app: App): void {
  app.openapi(
    route({
      method: 'get',
      path: '/api/catalog',
      tags: ['public'],
      summary: '事项清单(晒清单) / the published items',
      request: {
        query: z.object({
          jurisdiction: ZJurisdictionId.optional(),
          department: z.string().max(18).optional().openapi({ description: '实施主体统一社会信用代码' }),
          type: z.string().max(2).optional().openapi({ description: '事项类型代码, e.g. 01' }),
          q: z.string().max(100).optional().openapi({ description: '名称关键字' }),
        }),
      },
      responses: { 200: json(z.array(ZCatalogEntry), 'published items with legal and promised limits'), ...errorResponses(400) },
    }),
    async (c) => {
      const { store } = c.get('deps');
      const query = c.req.valid('query');
      const jurisdictions = query.jurisdiction ? [query.jurisdiction] : (await store.listJurisdictions()).map((j) => j.id);
      const heads = (await Promise.all(jurisdictions.map((j) => store.listHeads(j)))).flat();
      const entries = heads
        .filter((h) => h.state === 'published' && h.published)
        .map((h) => ({ ...h.published!, jurisdiction: h.jurisdiction, itemId: h.itemId, version: h.version }))
        .filter((e) => !query.department || e.department.creditCode === query.department)
        .filter((e) => !query.type || e.itemType === query.type)
        .filter((e) => !query.q || e.name.includes(query.q));
      return c.json(entries, 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/items/{jurisdiction}/{itemId}',
      tags: ['public'],
      summary: '事项详情(已发布版本) / a published item',
      request: { params: ZItemParams },
      responses: {
        200: json(
          z.object({ jurisdiction: z.string(), itemId: z.string(), version: z.number(), state: z.string(), definition: z.record(z.string(), z.unknown()) }),
          'the published version, with everything an applicant is told at once (一次告知)',
        ),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const { store } = c.get('deps');
      const { jurisdiction, itemId } = c.req.valid('param');
      const head = await store.getHead(jurisdiction, itemId);
      const version = head && head.version > 0 ? await store.getVersion(jurisdiction, itemId, head.version) : undefined;
      if (!head || !version) throw notFound('事项', 'item');
      c.header('ETag', etag(version.version));
      return c.json({ jurisdiction, itemId, version: version.version, state: head.state, definition: version.definition }, 200);
    },
  );

  const tags = ['admin'];

  app.openapi(
    route({ method: 'get', path: '/api/admin/{jurisdiction}/items', tags, security: bearer, summary: '本区划全部事项(含草稿) / all items', request: { params: ZJurisdictionParams }, responses: { 200: json(z.array(ZItemHead), 'items'), ...errorResponses(401, 403) } }),
    async (c) => {
      const { jurisdiction } = adminParams(c);
      return c.json(await c.get('deps').store.listHeads(jurisdiction), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items',
      tags,
      security: bearer,
      summary: '新建事项(空白、模板或复制本级事项) / create an item from blank, a template or a copy of an item here',
      request: {
        params: ZJurisdictionParams,
        body: jsonBody(
          z.object({
            itemId: z.string().max(80),
            templateId: z.string().max(80).optional(),
            copyOf: z.string().max(80).optional().openapi({ description: '复制的本级事项标识 / the item of this jurisdiction to copy' }),
            definition: ZDefinitionBody.optional(),
          }),
        ),
      },
      responses: { 201: json(z.object({ head: ZItemHead, draft: ZDraft }), 'created'), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { jurisdiction, who } = adminParams(c);
      const created = await createItem(c.get('deps'), who, jurisdiction, c.req.valid('json'));
      c.header('ETag', etag(created.draft.revision));
      return c.json(created, 201);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items/{itemId}/{action}',
      tags,
      security: bearer,
      summary: '挂起、恢复、取消 / suspend, resume or cancel (open cases finish)',
      request: { params: ZItemParams.extend({ action: z.enum(['suspend', 'resume', 'cancel']) }) },
      responses: { 200: json(ZItemHead, 'the item in its new state'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { jurisdiction, itemId, action } = adminParams(c);
      return c.json(await changeState(c.get('deps'), jurisdiction, itemId, action), 200);
    },
  );
}
