import { createRoute, z } from '@hono/zod-openapi';
import { itemDefinitionJsonSchema, materialsFor, dueDate, shanghaiDateOf, type Material } from '@onevisit/item-schemas';
import { errorResponses, fileRequired, notFound } from '../errors';
import { etag, type App } from '../http';
import { ZCaseRecord } from '../cases/record';
import { ZFileInfo, ZItemSummary, ZJurisdiction, ZJurisdictionId } from '../records';
import { ZApplicantAction } from '../cases/actions';
import { applicantAct, applicantCase, supplyLater, track, uploadedFiles, withCheckedFiles } from '../cases/applicant';
import { acceptingVersion, ZSubmission, submit } from '../cases/intake';
import { readPublicFile } from '../public-files';
import { storeUpload, uploadableMaterial, uploadTarget } from '../uploads';

/** What anyone may read and do: the catalogue (晒清单), item details, checklists, applying, tracking. */

const itemParams = z.object({ jurisdiction: ZJurisdictionId, itemId: z.string().max(80) });

const catalogEntry = ZItemSummary
  .extend({ jurisdiction: ZJurisdictionId, itemId: z.string(), version: z.number().int() })
  .openapi('CatalogEntry');

const materialView = z.object({ id: z.string(), name: z.string(), guide: z.string().optional(), shared: z.object({ provider: z.string() }).optional() });
const checklist = z
  .object({
    required: z.array(materialView),
    deferrable: z.array(materialView),
    optional: z.array(materialView),
    shared: z.array(materialView),
    notApplicable: z.array(materialView),
    promisedDue: z.object({ due: z.string(), provisional: z.boolean() }),
  })
  .openapi('Checklist');

const view = (m: Material) => ({ id: m.id, name: m.name, ...(m.guide ? { guide: m.guide } : {}), ...(m.shared ? { shared: m.shared } : {}) });

export function registerPublicRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['public'],
      summary: '健康检查 / health',
      responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), time: z.string() }) } } } },
    }),
    (c) => c.json({ status: 'ok' as const, time: c.get('deps').clock().toISOString() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/config',
      tags: ['public'],
      summary: '登录方式 / how officials sign in here',
      responses: {
        200: {
          description: 'local: the demo picker; hosted: the Cognito hosted page',
          content: { 'application/json': { schema: z.discriminatedUnion('mode', [z.object({ mode: z.literal('local') }), z.object({ mode: z.literal('hosted'), domain: z.string(), clientId: z.string() })]) } },
        },
      },
    }),
    (c) => {
      const hosted = c.get('deps').hostedSignIn;
      return c.json(hosted ? { mode: 'hosted' as const, ...hosted } : { mode: 'local' as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/jurisdictions',
      tags: ['public'],
      summary: '行政区划 / jurisdictions',
      responses: { 200: { description: 'all jurisdictions', content: { 'application/json': { schema: z.array(ZJurisdiction) } } } },
    }),
    async (c) => c.json(await c.get('deps').store.listJurisdictions(), 200),
  );

  app.openapi(
    createRoute({
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
      responses: { 200: { description: 'published items with legal and promised limits', content: { 'application/json': { schema: z.array(catalogEntry) } } }, ...errorResponses(400) },
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
    createRoute({
      method: 'get',
      path: '/api/items/{jurisdiction}/{itemId}',
      tags: ['public'],
      summary: '事项详情(已发布版本) / a published item',
      request: { params: itemParams },
      responses: {
        200: {
          description: 'the published version, with everything an applicant is told at once (一次告知)',
          content: { 'application/json': { schema: z.object({ jurisdiction: z.string(), itemId: z.string(), version: z.number(), state: z.string(), definition: z.record(z.string(), z.unknown()) }) } },
        },
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

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/items/{jurisdiction}/{itemId}/checklist',
      tags: ['public'],
      summary: '一次告知清单 / the materials for given answers',
      request: { params: itemParams, body: { content: { 'application/json': { schema: z.object({ answers: z.record(z.string(), z.unknown()).default({}) }) } } } },
      responses: { 200: { description: 'materials by status and the promised due date if filed today', content: { 'application/json': { schema: checklist } } }, ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { jurisdiction, itemId } = c.req.valid('param');
      const item = (await acceptingVersion(deps, jurisdiction, itemId)).definition;
      const byStatus = materialsFor(item, c.req.valid('json').answers);
      const calendar = await deps.calendars.forJurisdiction(jurisdiction);
      const promised = dueDate(calendar, { from: shanghaiDateOf(deps.clock()), limit: item.promisedLimit });
      return c.json(
        {
          required: byStatus.required.map(view),
          deferrable: byStatus.deferrable.map(view),
          optional: byStatus.optional.map(view),
          shared: byStatus.shared.map(view),
          notApplicable: byStatus.notApplicable.map(view),
          promisedDue: { due: promised.due, provisional: promised.provisional },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/items/{jurisdiction}/{itemId}/upload-targets',
      tags: ['public'],
      summary: '获取材料上传地址 / where to send a material’s file',
      description: '在 AWS 上为直传存储的预签名 POST；本地为本接口的上传地址。上传后在申请中引用 key。 / A presigned POST straight to storage in AWS, the API’s upload route locally; name the key in the ZSubmission afterwards.',
      request: { params: itemParams, body: { content: { 'application/json': { schema: z.object({ materialId: z.string().max(64) }) } } } },
      responses: {
        200: { description: 'the upload target', content: { 'application/json': { schema: z.object({ key: z.string().optional(), method: z.literal('POST'), url: z.string(), fields: z.record(z.string(), z.string()) }).openapi('UploadTarget') } } },
        ...errorResponses(400, 404, 409, 422),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { jurisdiction, itemId } = c.req.valid('param');
      const item = (await acceptingVersion(deps, jurisdiction, itemId)).definition;
      return c.json(await uploadTarget(deps, jurisdiction, itemId, item, uploadableMaterial(item, c.req.valid('json').materialId)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/items/{jurisdiction}/{itemId}/uploads',
      tags: ['public'],
      summary: '上传申请材料 / upload a material file',
      request: {
        params: itemParams,
        body: { content: { 'multipart/form-data': { schema: z.object({ materialId: z.string().max(64), file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } },
      },
      responses: { 201: { description: 'stored; name the key in the submission', content: { 'application/json': { schema: ZFileInfo } } }, ...errorResponses(400, 404, 409, 413, 415, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { jurisdiction, itemId } = c.req.valid('param');
      const form = c.req.valid('form');
      const file = form.file;
      if (!(file instanceof File)) throw fileRequired();
      const item = (await acceptingVersion(deps, jurisdiction, itemId)).definition;
      const stored = await storeUpload(deps, jurisdiction, item, uploadableMaterial(item, form.materialId), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      return c.json(stored, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/items/{jurisdiction}/{itemId}/applications',
      tags: ['public'],
      summary: '提交申请 / submit an application',
      request: {
        params: itemParams,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional().openapi({ description: '同一标识重试返回同一办件 / a retry with the same key returns the same case' }) }),
        body: { content: { 'application/json': { schema: ZSubmission } } },
      },
      responses: {
        201: { description: 'the case, and the secret to track it (shown once)', content: { 'application/json': { schema: z.object({ case: ZCaseRecord, secret: z.string() }) } } },
        200: { description: 'a retry: the case the first attempt created', content: { 'application/json': { schema: z.object({ case: ZCaseRecord, secret: z.string() }) } } },
        ...errorResponses(400, 404, 409, 413, 415, 422),
      },
    }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      const result = await submit(c.get('deps'), jurisdiction, itemId, c.req.valid('json'), c.req.valid('header')['idempotency-key']);
      return c.json({ case: result.case, secret: result.secret }, result.created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/track/{trackingNumber}',
      tags: ['public'],
      summary: '办件进度查询 / track a case',
      request: {
        params: z.object({ trackingNumber: z.string().max(30) }),
        query: z.object({ secret: z.string().max(100).optional() }),
      },
      responses: { 200: { description: 'the case', content: { 'application/json': { schema: ZCaseRecord } } }, ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await track(c.get('deps'), c.req.valid('param').trackingNumber, c.req.valid('query').secret), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/track/{trackingNumber}/supplements',
      tags: ['public'],
      summary: '补交容缺材料 / supply a material accepted as missing (容缺)',
      request: {
        params: z.object({ trackingNumber: z.string().max(30) }),
        body: { content: { 'application/json': { schema: z.object({ secret: z.string().max(100), materialId: z.string().max(64), files: z.array(z.string().max(300)).min(1).max(20) }) } } },
      },
      responses: { 200: { description: 'the case, the material supplied', content: { 'application/json': { schema: ZCaseRecord } } }, ...errorResponses(400, 404, 409, 413, 415, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const found = await applicantCase(deps, c.req.valid('param').trackingNumber, body.secret);
      return c.json(await supplyLater(deps, found, body.materialId, () => uploadedFiles(deps, found, body.materialId, body.files)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/track/{trackingNumber}/actions',
      tags: ['public'],
      summary: '申请人操作：撤回、评价、提交补正 / the applicant withdraws, rates, or supplies corrections',
      request: {
        params: z.object({ trackingNumber: z.string().max(30) }),
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
        body: { content: { 'application/json': { schema: z.object({ secret: z.string().max(100), action: ZApplicantAction }) } } },
      },
      responses: { 200: { description: 'the case after the action', content: { 'application/json': { schema: ZCaseRecord } } }, ...errorResponses(400, 404, 409, 413, 415, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { secret, action } = c.req.valid('json');
      const found = await applicantCase(deps, c.req.valid('param').trackingNumber, secret);
      return c.json(await applicantAct(deps, found, await withCheckedFiles(deps, found, action), c.req.valid('header')['idempotency-key']), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/files/public/{jurisdiction}/{day}/{id}',
      tags: ['public'],
      summary: '下载空白表格或示例样表 / download a blank form or a sample',
      request: { params: z.object({ jurisdiction: ZJurisdictionId, day: z.string().regex(/^\d{8}$/), id: z.string().regex(/^[0-9a-f]{32}$/) }) },
      responses: { 200: { description: 'the file', content: { 'application/octet-stream': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } } }, ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { jurisdiction, day, id } = c.req.valid('param');
      const found = await readPublicFile(c.get('deps'), `public/${jurisdiction}/${day}/${id}`);
      if (!found) throw notFound('文件', 'file');
      return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': found.contentType, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/schema/item',
      tags: ['public'],
      summary: '事项定义的 JSON Schema / the item model as JSON Schema (draft-07)',
      responses: { 200: { description: 'JSON Schema', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
    }),
    (c) => c.json(itemDefinitionJsonSchema(), 200),
  );
}
