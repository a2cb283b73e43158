import { z } from '@hono/zod-openapi';
import { notFound } from '../errors';
import type { App } from '../http';
import { diffVersions, getVersion } from '../items';
import { ZItemVersion, ZVersionEntry } from '../records';
import { bearer, errorResponses, json, jurisdictionAdmin, route, ZItemParams } from './kit';

/** An item's published versions, for its jurisdiction's administrators: the history, one version, what changed between two. */

/** One change in words: the field by its title (elements of lists by name), values as officials read them. */
export const ZLabelledChange = z
  .object({
    path: z.string().openapi({ description: 'JSON Pointer，新版本中的位置(删除的为旧版本中的位置) / where, in the newer version (the older for a removal)' }),
    kind: z.enum(['added', 'removed', 'changed']),
    label: z.string().openapi({ description: '改了什么，如 申请材料「营业执照」 › 原件份数 / what changed, by titles and names', example: '申请材料「营业执照」 › 原件份数' }),
    label_en: z.string().openapi({ example: 'Material “营业执照” › Originals' }),
    before: z.string().openapi({ description: '原来的值(文字)，没有时为空 / the value before, in words; empty if none', example: '1 份' }),
    before_en: z.string(),
    after: z.string().openapi({ description: '现在的值(文字)，没有时为空 / the value after, in words; empty if none', example: '2 份' }),
    after_en: z.string(),
  })
  .openapi('Change');

export function registerVersionRoutes(app: App): void {
  const tags = ['admin'];

  app.openapi(
    route({ method: 'get', path: '/api/admin/{jurisdiction}/items/{itemId}/versions', tags, security: bearer, summary: '版本历史 / version history', request: { params: ZItemParams }, responses: { 200: json(z.array(ZVersionEntry), 'newest last'), ...errorResponses(401, 403, 404) } }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const { store } = c.get('deps');
      if (!(await store.getHead(jurisdiction, itemId))) throw notFound('事项', 'item');
      return c.json(await store.listVersions(jurisdiction, itemId), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/items/{itemId}/versions/{version}',
      tags,
      security: bearer,
      summary: '某一版本 / one version',
      request: { params: ZItemParams.extend({ version: z.coerce.number().int().min(1) }) },
      responses: { 200: json(ZItemVersion, 'the version'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction, itemId, version } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      return c.json(await getVersion(c.get('deps'), jurisdiction, itemId, version), 200);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/items/{itemId}/diff',
      tags,
      security: bearer,
      summary: '版本差异 / what changed between two versions',
      request: { params: ZItemParams, query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }) },
      responses: { 200: json(z.array(ZLabelledChange), 'changes, field by field'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const { from, to } = c.req.valid('query');
      return c.json(await diffVersions(c.get('deps'), jurisdiction, itemId, from, to), 200);
    },
  );
}
