import { z } from '@hono/zod-openapi';
import { dueDate, materialsFor, shanghaiDateOf, type Material } from '@onevisit/item-schemas';
import { acceptingVersion, publishedVersion, submit, ZSubmission } from '../cases/intake';
import { intakeTerms, ZIntakeTerms } from '../cases/intake-terms';
import { ZCaseRecord } from '../cases/record';
import { fileRequired } from '../errors';
import { channelOf } from '../cases/channel';
import type { App } from '../http';
import { ZFileInfo } from '../records';
import { storeUpload, uploadableMaterial, uploadTarget } from '../uploads';
import { errorResponses, json, jsonBody, route, ZBinary, ZItemParams } from './kit';

/** Applying, for anyone: the materials for given answers (一次告知), uploading them, submitting. */

const ZMaterialView = z.object({ id: z.string(), name: z.string(), guide: z.string().optional(), shared: z.object({ provider: z.string() }).optional() });
const ZChecklist = z
  .object({
    required: z.array(ZMaterialView),
    deferrable: z.array(ZMaterialView),
    optional: z.array(ZMaterialView),
    shared: z.array(ZMaterialView),
    notApplicable: z.array(ZMaterialView),
    promisedDue: z.object({ due: z.string(), provisional: z.boolean() }),
    ...ZIntakeTerms,
  })
  .openapi('Checklist');

const view = (m: Material) => ({ id: m.id, name: m.name, ...(m.guide ? { guide: m.guide } : {}), ...(m.shared ? { shared: m.shared } : {}) });

const ZFiled = z.object({ case: ZCaseRecord, secret: z.string() });

export function registerApplicationRoutes(app: App): void {
  const tags = ['public'];

  app.openapi(
    route({
      method: 'post',
      path: '/api/items/{jurisdiction}/{itemId}/checklist',
      tags,
      summary: '一次告知清单 / the materials for given answers',
      request: { params: ZItemParams, body: jsonBody(z.object({ answers: z.record(z.string(), z.unknown()).default({}) })) },
      responses: { 200: json(ZChecklist, 'materials by status and the promised due date if filed today'), ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { jurisdiction, itemId } = c.req.valid('param');
      const item = (await publishedVersion(deps, jurisdiction, itemId)).definition;
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
          ...intakeTerms(item),
        },
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/items/{jurisdiction}/{itemId}/upload-targets',
      tags,
      summary: '获取材料上传地址 / where to send a material’s file',
      description: '在 AWS 上为直传存储的预签名 POST；本地为本接口的上传地址。上传后在申请中引用 key。 / A presigned POST straight to storage in AWS, the API’s upload route locally; name the key in the submission afterwards.',
      request: { params: ZItemParams, body: jsonBody(z.object({ materialId: z.string().max(64) })) },
      responses: {
        200: json(z.object({ key: z.string().optional(), method: z.literal('POST'), url: z.string(), fields: z.record(z.string(), z.string()) }).openapi('UploadTarget'), 'the upload target'),
        ...errorResponses(400, 403, 404, 409, 410, 422),
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
    route({
      method: 'post',
      path: '/api/items/{jurisdiction}/{itemId}/uploads',
      tags,
      summary: '上传申请材料 / upload a material file',
      // A post without a file is answered FILE_REQUIRED, so the multipart body is not marked required.
      request: { params: ZItemParams, body: { content: { 'multipart/form-data': { schema: z.object({ materialId: z.string().max(64), file: ZBinary }) } } } },
      responses: { 201: json(ZFileInfo, 'stored; name the key in the submission'), ...errorResponses(400, 403, 404, 409, 410, 413, 415, 422) },
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
    route({
      method: 'post',
      path: '/api/items/{jurisdiction}/{itemId}/applications',
      tags,
      summary: '提交申请 / submit an application',
      request: {
        params: ZItemParams,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional().openapi({ description: '同一标识重试返回同一办件 / a retry with the same key returns the same case' }) }),
        body: jsonBody(ZSubmission),
      },
      responses: {
        201: json(ZFiled, 'the case, and the secret to track it (shown once)'),
        200: json(ZFiled, 'a retry: the case the first attempt created'),
        ...errorResponses(400, 403, 404, 409, 410, 413, 415, 422),
      },
    }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      const result = await submit(c.get('deps'), jurisdiction, itemId, c.req.valid('json'), channelOf(c), c.req.valid('header')['idempotency-key']);
      return c.json({ case: result.case, secret: result.secret }, result.created ? 201 : 200);
    },
  );
}
