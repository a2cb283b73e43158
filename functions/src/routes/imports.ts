import { z } from '@hono/zod-openapi';
import { toExchangeJson, toSheets } from '@onevisit/item-schemas/exchange';
import { stream } from 'hono/streaming';
import { ApiError, fileRequired, internalError, ZErrorBody } from '../errors';
import type { App } from '../http';
import { exportDefinitions, openImport, ZImportProgress, ZImportReport } from '../imports';
import { csvOf, xlsxOf } from '../imports-files';
import { attachment, bearer, binary, errorResponses, jurisdictionAdmin, route, XLSX_TYPE, ZBinary, ZJurisdictionParams } from './kit';

/** The national element layout in and out: import a spreadsheet (preview, then drafts) and export the catalogue. */


/** A query flag as written in an address: true/false (or 1/0). */
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'));

export function registerImportRoutes(app: App): void {
  const tags = ['admin'];

  app.openapi(
    route({
      method: 'post',
      path: '/api/admin/{jurisdiction}/imports',
      tags,
      security: bearer,
      summary: '导入国家要素布局的事项清单(先预览) / import items in the national element layout (a dry run unless dryRun=false)',
      description:
        '上传 .xlsx(「事项」「申请材料」两张表)、.csv(file 为事项表，materials 为申请材料表，可不传)或交换 JSON。dryRun=true(默认)只返回逐行报告，不写入；dryRun=false 将没有问题的行保存为草稿(不发布)。 / Upload an .xlsx (sheets 事项 and 申请材料), a .csv (file: the items; materials: the materials, optional) or the exchange JSON. dryRun=true (the default) only reports, row by row; dryRun=false saves the rows without problems as drafts (nothing is published).',
      request: {
        params: ZJurisdictionParams,
        query: z.object({ dryRun: flag(true).openapi({ type: 'string', enum: ['true', 'false'], description: '只预览，不写入(默认) / report only (the default)' }) }),
        // A post without a file is answered FILE_REQUIRED, so the multipart body is not marked required.
        body: { content: { 'multipart/form-data': { schema: z.object({ file: ZBinary.optional(), materials: ZBinary.optional() }) } } },
      },
      responses: {
        200: {
          description: 'what the import does (or did), row by row, with every problem; asked with Accept: application/x-ndjson, a line {progress} every few rows, then {report} (or {error})',
          content: { 'application/json': { schema: ZImportReport }, 'application/x-ndjson': { schema: z.object({ progress: ZImportProgress.optional(), report: ZImportReport.optional(), error: ZErrorBody.optional() }) } },
        },
        ...errorResponses(400, 401, 403, 413),
      },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      const who = jurisdictionAdmin(c, jurisdiction);
      const { file, materials } = c.req.valid('form');
      if (!(file instanceof File)) throw fileRequired();
      const read = async (f: File) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      const opened = await openImport(c.get('deps'), who, jurisdiction, { file: await read(file), ...(materials instanceof File ? { materials: await read(materials) } : {}) }, c.req.valid('query').dryRun);
      if (!/application\/x-ndjson/.test(c.req.header('accept') ?? '')) return c.json(await opened.run(), 200);
      // A line as each few rows are planned or written, then the report: the editor shows how far it has got.
      c.header('content-type', 'application/x-ndjson; charset=utf-8');
      c.header('cache-control', 'no-store');
      return stream(
        c,
        async (out) => {
          const report = await opened.run((progress) => out.writeln(JSON.stringify({ progress })).then(() => undefined));
          await out.writeln(JSON.stringify({ report }));
        },
        async (error, out) => {
          const body = error instanceof ApiError ? error.body() : internalError().body();
          if (!(error instanceof ApiError)) console.error('unexpected error', error);
          await out.writeln(JSON.stringify({ error: body }));
        },
      ) as never;
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/admin/{jurisdiction}/exports',
      tags,
      security: bearer,
      summary: '导出事项清单(国家要素布局) / export items in the national element layout',
      request: {
        params: ZJurisdictionParams,
        query: z.object({
          format: z.enum(['xlsx', 'csv', 'json']).default('xlsx').openapi({ description: 'xlsx(三张表)、csv(一张表)或交换 JSON / xlsx (three sheets), csv (one sheet) or the exchange JSON' }),
          sheet: z.enum(['items', 'materials']).default('items').openapi({ description: 'CSV 导出哪张表 / which sheet a CSV holds' }),
          items: z
            .string()
            .max(20_000)
            .optional()
            .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
            .openapi({ type: 'string', description: '逗号分隔的事项标识，不填为全部(已取消的除外) / item ids, comma-separated; all but cancelled ones if left out' }),
        }),
      },
      responses: { 200: binary('the file, as a download'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      jurisdictionAdmin(c, jurisdiction);
      const deps = c.get('deps');
      const query = c.req.valid('query');
      const definitions = await exportDefinitions(deps, jurisdiction, query.items);
      const day = deps.clock().toISOString().slice(0, 10);
      const base = `事项清单-${jurisdiction}-${day}`;
      if (query.format === 'json') {
        const body = JSON.stringify(toExchangeJson(definitions, { jurisdiction, exportedAt: deps.clock().toISOString() }), null, 2);
        return c.body(body, 200, attachment(`${base}.json`, 'application/json; charset=utf-8')) as never;
      }
      const sheets = toSheets(definitions);
      if (query.format === 'csv') return c.body(csvOf(sheets[query.sheet]), 200, attachment(`${base}-${query.sheet === 'items' ? '事项' : '申请材料'}.csv`, 'text/csv; charset=utf-8')) as never;
      return c.body((await xlsxOf(sheets)) as Uint8Array<ArrayBuffer>, 200, attachment(`${base}.xlsx`, XLSX_TYPE)) as never;
    },
  );
}
