import { z } from '@hono/zod-openapi';
import { authorize, type Principal } from '../auth';
import { publishedVersion } from '../cases/intake';
import { ZCaseRecord } from '../cases/record';
import { fileRequired, notFound } from '../errors';
import type { App } from '../http';
import { Catalogues } from '../portal/catalogue';
import { filterEntries } from '../portal/facets';
import { ZFileInfo, ZItemVersion } from '../records';
import { storeUpload, uploadableMaterial } from '../uploads';
import { fileAtWindow, ZDeskApplication } from '../window/desk-intake';
import { bearer, errorResponses, json, jsonBody, route, ZBinary, ZItemParams, ZJurisdictionParams } from './kit';

/**
 * The front desk (一窗受理): a window officer of the jurisdiction finds an item as the portal
 * finds it, reads its published version (the form and the 一次告知 list), and files a walk-in
 * applicant's application for them, with the paper materials it scans.
 */

const FOUND_AT_MOST = 20;

const ZFoundItem = z.object({ itemId: z.string(), name: z.string(), department: z.string(), deficiency: z.boolean().openapi({ description: '可容缺受理 / takes 容缺' }), material: z.string().optional() }).openapi('WindowFoundItem');

export function registerWindowRoutes(app: App): void {
  const tags = ['window'];
  const catalogues = new Catalogues();
  const windowOfficer = (who: Principal | undefined, jurisdiction: string) => authorize(who, { roles: ['windowOfficer'], jurisdiction });

  app.openapi(
    route({
      method: 'get',
      path: '/api/window/{jurisdiction}/items',
      tags,
      security: bearer,
      summary: '窗口查找事项 / find an item at the window',
      request: { params: ZJurisdictionParams, query: z.object({ q: z.string().trim().max(100).default('') }) },
      responses: { 200: json(z.array(ZFoundItem), 'the items in force that match, best first'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      windowOfficer(c.get('principal'), jurisdiction);
      const deps = c.get('deps');
      const here = await deps.store.getJurisdiction(jurisdiction);
      if (!here) throw notFound('区划', 'jurisdiction');
      const catalogue = await catalogues.of(deps.store, [here]);
      // A window files base items; a 一件事 is filed by its items.
      const found = filterEntries(catalogue.entries, { q: c.req.valid('query').q }).filter((f) => !f.entry.bundle);
      return c.json(
        found.slice(0, FOUND_AT_MOST).map(({ entry, material }) => ({ itemId: entry.itemId, name: entry.item.name, department: entry.item.department.name, deficiency: entry.item.deficiencyAcceptance.enabled, ...(material ? { material } : {}) })),
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/window/{jurisdiction}/items/{itemId}',
      tags,
      security: bearer,
      summary: '窗口读取事项现行版本 / the item’s version in force, for the window',
      request: { params: ZItemParams },
      responses: { 200: json(ZItemVersion, 'the version applications are filed under'), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      windowOfficer(c.get('principal'), jurisdiction);
      return c.json(await publishedVersion(c.get('deps'), jurisdiction, itemId), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/window/{jurisdiction}/items/{itemId}/uploads',
      tags,
      security: bearer,
      summary: '窗口上传扫描件 / upload a scanned material at the window',
      description: '与申请人上传相同的检查(类型、大小、内容)，但事项不必开通网上申请。 / The same checks as an applicant’s upload (type, size, content), for any item in force, offered online or not.',
      request: { params: ZItemParams, body: { content: { 'multipart/form-data': { schema: z.object({ materialId: z.string().max(64), file: ZBinary }) } } } },
      responses: { 201: json(ZFileInfo, 'stored; name the key in the application'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
    }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      windowOfficer(c.get('principal'), jurisdiction);
      const deps = c.get('deps');
      const form = c.req.valid('form');
      if (!(form.file instanceof File)) throw fileRequired();
      const item = (await publishedVersion(deps, jurisdiction, itemId)).definition;
      return c.json(await storeUpload(deps, jurisdiction, item, uploadableMaterial(item, form.materialId), { name: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()) }), 201);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/window/{jurisdiction}/items/{itemId}/applications',
      tags,
      security: bearer,
      summary: '窗口代为提交申请 / file a walk-in applicant’s application',
      description: '申报来源记为窗口，办件进入事项所属部门的待办。缺少非容缺材料时返回 422 MATERIALS_MISSING 及一次性补正清单，不建办件。 / Filed with channel 窗口 into the item’s department queue. A missing material that cannot be deferred is 422 MATERIALS_MISSING with the one-time list, and no case.',
      request: {
        params: ZItemParams,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional().openapi({ description: '同一标识重试返回同一办件 / a retry with the same key returns the same case' }) }),
        body: jsonBody(ZDeskApplication),
      },
      responses: {
        201: json(z.object({ case: ZCaseRecord, secret: z.string() }), 'the case, and its 查询码 for the receipt (shown once)'),
        200: json(z.object({ case: ZCaseRecord, secret: z.string() }), 'a retry: the case the first attempt created'),
        ...errorResponses(400, 401, 403, 404, 409, 410, 415, 422),
      },
    }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      const officer = windowOfficer(c.get('principal'), jurisdiction);
      const result = await fileAtWindow(c.get('deps'), officer, jurisdiction, itemId, c.req.valid('json'), c.req.valid('header')['idempotency-key']);
      return c.json({ case: result.case, secret: result.secret }, result.created ? 201 : 200);
    },
  );
}
