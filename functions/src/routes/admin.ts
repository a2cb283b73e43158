import { createRoute, z } from '@hono/zod-openapi';
import { calendarOverlay, checkCodes, fileRef, isoDate, shanghaiDateOf } from '@onevisit/item-schemas';
import { recomputeOpenCases } from '../cases/recompute';
import { ZCaseSettings } from '../cases/settings';
import { outboxMessage } from '../notifier';
import type { Context } from 'hono';
import { authorize } from '../auth';
import { onConflict } from '../conflicts';
import { calendarConflict, errorResponses, fileRequired, notFound } from '../errors';
import { etag, expectedRevision, type App, type AppEnv } from '../http';
import { changeState, checkDraft, createItem, diffVersions, getDraft, getVersion, publish, saveDraft } from '../items';
import { ZCalendarRecord, ZDraft, ZItemHead, ZItemVersion, ZJurisdictionId, ZVersionEntry } from '../records';
import { storePublicFile } from '../public-files';

/** Jurisdiction administrators, in their own jurisdiction only: drafts, publishing, departments, calendar. */

const jParams = z.object({ jurisdiction: ZJurisdictionId });
const itemParams = jParams.extend({ itemId: z.string().max(80) });
const definitionBody = z.record(z.string(), z.unknown()).openapi({ description: '事项定义(草稿可不完整) / the item definition; drafts may be incomplete' });

const checkIssue = z.object({ code: z.enum(checkCodes), path: z.string(), message: z.string(), message_en: z.string() }).openapi('CheckIssue');
/** One change in words: the field by its title (elements of lists by name), values as officials read them. */
export const labelledChange = z
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

const ifMatch = z.object({ 'if-match': z.string().optional().openapi({ description: '草稿版本号，如 "3" / the revision you edited' }) });

function admin(c: Context<AppEnv>, jurisdiction: string) {
  return authorize(c.get('principal'), { roles: ['jurisdictionAdmin', 'platformAdmin'], jurisdiction });
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export function registerAdminRoutes(app: App): void {
  const tags = ['admin'];
  const security = [{ bearer: [] }];

  app.openapi(
    createRoute({ method: 'get', path: '/api/admin/{jurisdiction}/items', tags, security, summary: '本区划全部事项(含草稿) / all items', request: { params: jParams }, responses: { 200: json(z.array(ZItemHead), 'items'), ...errorResponses(401, 403) } }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      admin(c, jurisdiction);
      return c.json(await c.get('deps').store.listHeads(jurisdiction), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items',
      tags,
      security,
      summary: '新建事项(空白或模板) / create an item from blank or a template',
      request: {
        params: jParams,
        body: { content: { 'application/json': { schema: z.object({ itemId: z.string().max(80), templateId: z.string().max(80).optional(), definition: definitionBody.optional() }) } } },
      },
      responses: { 201: json(z.object({ head: ZItemHead, draft: ZDraft }), 'created'), ...errorResponses(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      const who = admin(c, jurisdiction);
      const created = await createItem(c.get('deps'), who, jurisdiction, c.req.valid('json'));
      c.header('ETag', etag(created.draft.revision));
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/admin/{jurisdiction}/items/{itemId}/draft', tags, security, summary: '读取草稿 / read the draft', request: { params: itemParams }, responses: { 200: json(ZDraft, 'the draft; its ETag is the revision'), ...errorResponses(401, 403, 404) } }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      admin(c, jurisdiction);
      const found = await getDraft(c.get('deps'), jurisdiction, itemId);
      c.header('ETag', etag(found.revision));
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/admin/{jurisdiction}/items/{itemId}/draft',
      tags,
      security,
      summary: '保存草稿(If-Match) / save the draft over the revision you read',
      request: { params: itemParams, headers: ifMatch, body: { content: { 'application/json': { schema: definitionBody } } } },
      responses: { 200: json(ZDraft, 'saved; the new ETag is the new revision'), ...errorResponses(400, 401, 403, 404, 409, 413, 428) },
    }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      const who = admin(c, jurisdiction);
      const saved = await saveDraft(c.get('deps'), who, jurisdiction, itemId, expectedRevision(c), c.req.valid('json'));
      c.header('ETag', etag(saved.revision));
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/admin/{jurisdiction}/items/{itemId}/checks', tags, security, summary: '发布前检查 / run the publish-time checks on the draft', request: { params: itemParams }, responses: { 200: json(z.object({ revision: z.number(), issues: z.array(checkIssue) }), 'the issues, none when publishable'), ...errorResponses(401, 403, 404) } }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      admin(c, jurisdiction);
      return c.json(await checkDraft(c.get('deps'), jurisdiction, itemId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items/{itemId}/publish',
      tags,
      security,
      summary: '发布 / publish the draft as a new version',
      request: { params: itemParams, headers: ifMatch, body: { content: { 'application/json': { schema: z.object({ changeNote: z.string().max(1000).optional() }) } }, required: false } },
      responses: { 201: json(ZItemVersion, 'the new version'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      const who = admin(c, jurisdiction);
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
      const expected = c.req.header('if-match') ? expectedRevision(c) : undefined;
      const version = await publish(c.get('deps'), who, jurisdiction, itemId, { ...(expected === undefined ? {} : { expectedRevision: expected }), ...(body.changeNote ? { changeNote: body.changeNote } : {}) });
      return c.json(version, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/admin/{jurisdiction}/items/{itemId}/versions', tags, security, summary: '版本历史 / version history', request: { params: itemParams }, responses: { 200: json(z.array(ZVersionEntry), 'newest last'), ...errorResponses(401, 403, 404) } }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      admin(c, jurisdiction);
      const { store } = c.get('deps');
      if (!(await store.getHead(jurisdiction, itemId))) throw notFound('事项', 'item');
      return c.json(await store.listVersions(jurisdiction, itemId), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/admin/{jurisdiction}/items/{itemId}/versions/{version}', tags, security, summary: '某一版本 / one version', request: { params: itemParams.extend({ version: z.coerce.number().int().min(1) }) }, responses: { 200: json(ZItemVersion, 'the version'), ...errorResponses(400, 401, 403, 404) } }),
    async (c) => {
      const { jurisdiction, itemId, version } = c.req.valid('param');
      admin(c, jurisdiction);
      return c.json(await getVersion(c.get('deps'), jurisdiction, itemId, version), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/{jurisdiction}/items/{itemId}/diff',
      tags,
      security,
      summary: '版本差异 / what changed between two versions',
      request: { params: itemParams, query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }) },
      responses: { 200: json(z.array(labelledChange), 'changes, field by field'), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { jurisdiction, itemId } = c.req.valid('param');
      admin(c, jurisdiction);
      const { from, to } = c.req.valid('query');
      return c.json(await diffVersions(c.get('deps'), jurisdiction, itemId, from, to), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/{jurisdiction}/items/{itemId}/{action}',
      tags,
      security,
      summary: '挂起、恢复、取消 / suspend, resume or cancel (open cases finish)',
      request: { params: itemParams.extend({ action: z.enum(['suspend', 'resume', 'cancel']) }) },
      responses: { 200: json(ZItemHead, 'the item in its new state'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { jurisdiction, itemId, action } = c.req.valid('param');
      admin(c, jurisdiction);
      return c.json(await changeState(c.get('deps'), jurisdiction, itemId, action), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/{jurisdiction}/files',
      tags,
      security,
      summary: '上传空白表格或示例样表 / upload a blank form or a sample for a material',
      request: { params: jParams, body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } } },
      responses: { 201: json(fileRef, 'stored; name it in the material as blankForm or sample'), ...errorResponses(400, 401, 403, 413, 415) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      admin(c, jurisdiction);
      const file = c.req.valid('form').file;
      if (!(file instanceof File)) throw fileRequired();
      return c.json(await storePublicFile(c.get('deps'), jurisdiction, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/{jurisdiction}/calendar',
      tags,
      security,
      summary: '本区划日历调整 / the jurisdiction’s calendar days',
      request: { params: jParams, query: z.object({ year: z.coerce.number().int().min(2004).max(2100).optional() }) },
      responses: { 200: json(z.object({ own: ZCalendarRecord, effective: z.object({ version: z.string(), lastOfficialYear: z.number(), days: z.array(z.object({ date: z.string(), kind: z.string(), name: z.string().optional() })) }) }), 'own overlay and the effective days'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      admin(c, jurisdiction);
      const deps = c.get('deps');
      const own = (await deps.store.getCalendar(jurisdiction)) ?? { jurisdiction, overlay: { days: [], officialYears: [] }, revision: 0, updatedAt: '' };
      const effective = await deps.calendars.forJurisdiction(jurisdiction);
      c.header('ETag', etag(own.revision));
      return c.json({ own, effective: { version: effective.version, lastOfficialYear: effective.lastOfficialYear, days: effective.declaredDays(c.req.valid('query').year) } }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/admin/{jurisdiction}/calendar',
      tags,
      security,
      summary: '保存日历调整(If-Match) / save the jurisdiction’s days',
      request: { params: jParams, headers: ifMatch, body: { content: { 'application/json': { schema: calendarOverlay } } } },
      responses: { 200: json(ZCalendarRecord.extend({ recomputedCases: z.number().int() }), 'saved; open cases whose deadlines moved were recomputed'), ...errorResponses(400, 401, 403, 409, 428) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      const who = admin(c, jurisdiction);
      const deps = c.get('deps');
      const expected = expectedRevision(c);
      const saved = { jurisdiction, overlay: c.req.valid('json'), revision: expected + 1, updatedAt: deps.clock().toISOString() };
      await onConflict(deps.store.saveCalendar(saved, expected), () => {
        throw calendarConflict();
      });
      deps.calendars.invalidate();
      const recomputedCases = await recomputeOpenCases(deps, jurisdiction, { id: who.sub, name: who.name });
      c.header('ETag', etag(saved.revision));
      return c.json({ ...saved, recomputedCases }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/admin/{jurisdiction}/case-settings', tags, security, summary: '办件预警设置 / warning levels and follow-up days', request: { params: jParams }, responses: { 200: json(ZCaseSettings, 'the settings in force (own, inherited or default)'), ...errorResponses(401, 403) } }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      admin(c, jurisdiction);
      return c.json(await c.get('deps').caseSettings.forJurisdiction(jurisdiction), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/admin/{jurisdiction}/case-settings',
      tags,
      security,
      summary: '保存办件预警设置 / save the warning levels and follow-up days',
      request: { params: jParams, body: { content: { 'application/json': { schema: ZCaseSettings } } } },
      responses: { 200: json(ZCaseSettings, 'saved'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      admin(c, jurisdiction);
      const settings = c.req.valid('json');
      const deps = c.get('deps');
      await deps.store.putCaseSettings(jurisdiction, settings);
      deps.caseSettings.invalidate();
      return c.json(settings, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/{jurisdiction}/outbox',
      tags,
      security,
      summary: '消息发件箱 / the messages sent on a day (SMS, e-mail, in-site)',
      request: { params: jParams, query: z.object({ day: isoDate.optional().openapi({ description: 'YYYY-MM-DD，默认今天 / default today' }) }) },
      responses: { 200: json(z.array(outboxMessage), 'newest first'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      admin(c, jurisdiction);
      const deps = c.get('deps');
      return c.json(await deps.store.outboxOf(jurisdiction, c.req.valid('query').day ?? shanghaiDateOf(deps.clock())), 200);
    },
  );
}
