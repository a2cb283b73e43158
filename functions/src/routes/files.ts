import { z } from '@hono/zod-openapi';
import { ZFileRef } from '@onevisit/item-schemas';
import { fileRequired, notFound } from '../errors';
import type { App } from '../http';
import { readPublicFile, storePublicFile } from '../public-files';
import { ZJurisdictionId } from '../records';
import { bearer, binary, downloadHeaders, errorResponses, json, jurisdictionAdmin, route, ZBinary, ZJurisdictionParams } from './kit';

/** Blank forms and samples (空白表格、示例样表): uploaded by administrators, downloaded by anyone. */
export function registerFileRoutes(app: App): void {
  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/files',
      tags: ['admin'],
      security: bearer,
      summary: '上传空白表格或示例样表 / upload a blank form or a sample for a material',
      // A post without a file is answered FILE_REQUIRED, so the multipart body is not marked required.
      request: { params: ZJurisdictionParams, body: { content: { 'multipart/form-data': { schema: z.object({ file: ZBinary }) } } } },
      responses: { 201: json(ZFileRef, 'stored; name it in the material as blankForm or sample'), ...errorResponses(400, 401, 403, 413, 415) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const file = c.req.valid('form').file;
      if (!(file instanceof File)) throw fileRequired();
      return c.json(await storePublicFile(c.get('deps'), jurisdiction, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }), 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/files/public/{jurisdiction}/{day}/{id}',
      tags: ['public'],
      summary: '下载空白表格或示例样表 / download a blank form or a sample',
      request: { params: z.object({ jurisdiction: ZJurisdictionId, day: z.string().regex(/^\d{8}$/), id: z.string().regex(/^[0-9a-f]{32}$/) }) },
      responses: { 200: binary('the file'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { jurisdiction, day, id } = c.req.valid('param');
      const found = await readPublicFile(c.get('deps'), `public/${jurisdiction}/${day}/${id}`);
      if (!found) throw notFound('文件', 'file');
      return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, { ...downloadHeaders(found.contentType, `${id}${extensionOf(found.contentType)}`), 'cache-control': 'public, max-age=86400' }) as never;
    },
  );
}

/** A name the download is saved under: the file's id and the extension of its type. */
function extensionOf(contentType: string): string {
  const known: Record<string, string> = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg', 'application/msword': '.doc', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx', 'application/vnd.ms-excel': '.xls', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx' };
  return known[(contentType.split(';')[0] ?? '').trim()] ?? '';
}
