import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { followUp, letterFile, listAssistance, readAssistance, recordAssistance, storeLetter } from '../assistance/desk';
import { ZAssistanceView, ZLetter, ZNewAssistance, ZNewFollowUp } from '../assistance/records';
import { authorize } from '../auth';
import { fileRequired } from '../errors';
import type { App, AppEnv } from '../http';
import { bearer, binary, downloadHeaders, errorResponses, json, jsonBody, route, ZBinary, ZJurisdictionParams } from './kit';

/** 帮办代办 at the service window: recorded and followed up by its window officers; administrators may read. */

const ZKeyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional().openapi({ description: '同一标识重试只记录一次 / a retry with the same key is recorded once' }) });
const ZRecordParams = ZJurisdictionParams.extend({ id: z.string().max(40) });
const windowOfficer = (c: Context<AppEnv>, jurisdiction: string) => authorize(c.get('principal'), { roles: ['windowOfficer'], jurisdiction });
const reader = (c: Context<AppEnv>, jurisdiction: string) => authorize(c.get('principal'), { roles: ['windowOfficer', 'jurisdictionAdmin', 'platformAdmin'], jurisdiction });

export function registerAssistanceRoutes(app: App): void {
  const tags = ['window'];
  const base = '/api/window/{jurisdiction}/assistance';

  app.openapi(
    route({ method: 'get', path: base, tags, security: bearer, summary: '帮办代办记录 / the jurisdiction’s 帮办代办 requests, newest first', request: { params: ZJurisdictionParams }, responses: { 200: json(z.array(ZAssistanceView), 'the requests, with where each case stands'), ...errorResponses(400, 401, 403) } }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      reader(c, jurisdiction);
      return c.json(await listAssistance(c.get('deps'), jurisdiction), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: base,
      tags,
      security: bearer,
      summary: '登记帮办代办 / record a request for help (帮办) or a delegation (代办, with the 委托书)',
      request: { params: ZJurisdictionParams, headers: ZKeyHeader, body: jsonBody(ZNewAssistance) },
      responses: { 201: json(ZAssistanceView, 'recorded'), 200: json(ZAssistanceView, 'recorded before under this key'), ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      const who = windowOfficer(c, jurisdiction);
      const { record, created } = await recordAssistance(c.get('deps'), who, jurisdiction, c.req.valid('json'), c.req.valid('header')['idempotency-key']);
      return created ? c.json(record, 201) : c.json(record, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${base}/letters`,
      tags,
      security: bearer,
      summary: '上传委托书 / upload the signed letter of authorisation (PDF or image)',
      request: { params: ZJurisdictionParams, body: { content: { 'multipart/form-data': { schema: z.object({ file: ZBinary }) } } } },
      responses: { 201: json(ZLetter, 'stored; name its key in the request'), ...errorResponses(400, 401, 403, 413, 415) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      windowOfficer(c, jurisdiction);
      const file = c.req.valid('form').file;
      if (!(file instanceof File)) throw fileRequired();
      return c.json(await storeLetter(c.get('deps'), jurisdiction, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }), 201);
    },
  );

  app.openapi(
    route({ method: 'get', path: `${base}/{id}`, tags, security: bearer, summary: '帮办代办记录 / one request', request: { params: ZRecordParams }, responses: { 200: json(ZAssistanceView, 'the request'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => {
      const { jurisdiction, id } = c.req.valid('param');
      reader(c, jurisdiction);
      return c.json(await readAssistance(c.get('deps'), jurisdiction, id), 200);
    },
  );

  app.openapi(
    route({ method: 'get', path: `${base}/{id}/letter`, tags, security: bearer, summary: '查看委托书 / the letter of authorisation', request: { params: ZRecordParams }, responses: { 200: binary('the file'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => {
      const { jurisdiction, id } = c.req.valid('param');
      reader(c, jurisdiction);
      const { letter, bytes } = await letterFile(c.get('deps'), jurisdiction, id);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { ...downloadHeaders(letter.contentType, letter.name), 'cache-control': 'private, no-store' }) as never;
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: `${base}/{id}/follow-up`,
      tags,
      security: bearer,
      summary: '回访 / record the follow-up once the results were delivered: reached or not, satisfied or not',
      request: { params: ZRecordParams, headers: ZKeyHeader, body: jsonBody(ZNewFollowUp) },
      responses: { 200: json(ZAssistanceView, 'the request with its follow-up'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { jurisdiction, id } = c.req.valid('param');
      const who = windowOfficer(c, jurisdiction);
      return c.json(await followUp(c.get('deps'), who, jurisdiction, id, c.req.valid('json'), c.req.valid('header')['idempotency-key']), 200);
    },
  );
}
