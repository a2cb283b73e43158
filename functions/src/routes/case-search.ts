import { z } from '@hono/zod-openapi';
import { isoDate, shanghaiDateOf } from '@onevisit/item-schemas';
import { authorize } from '../auth';
import type { AppDeps } from '../deps';
import { ZCaseChannel, ZCaseSearchEntry, ZCaseStatus, type StoredCase } from '../cases/record';
import { TRACKING_NUMBER } from '../cases/tracking-number';
import { searchEntryOf } from '../cases/views';
import { caseRatingFilters } from '../ratings/case-rating-filter';
import { invalidCursor, invalidRange, invalidStatus } from '../errors';
import type { App } from '../http';
import { keys } from '../store/keys';
import { TABLE_INDEXES } from '../store/table';
import { bearer, errorResponses, json, route } from './kit';

/**
 * Finding any case, open or closed: officers among their department's, administrators among
 * their jurisdiction's. By tracking number it is one read; otherwise the jurisdiction's cases by
 * receipt day, newest first, filtered, a page at a time.
 */

const DEFAULT_DAYS = 366;
const MAX_READ = 5000;

const ZSearchQuery = z.object({
  number: z.string().trim().regex(TRACKING_NUMBER).optional().openapi({ description: '受理编号 / tracking number' }),
  applicant: z.string().trim().min(1).max(100).optional().openapi({ description: '申请人姓名(名称)的一部分，或完整证件号 / part of the applicant’s name, or their whole ID number' }),
  itemId: z.string().max(80).optional(),
  status: z.string().max(200).optional().openapi({ description: '状态，逗号分隔 / statuses, comma-separated, e.g. decided,delivered' }),
  department: z.string().max(18).optional().openapi({ description: '部门(管理员) / department (administrators)' }),
  channel: ZCaseChannel.optional().openapi({ description: '申报来源 / how it came in: window 窗口, web 电脑端, mobile 移动端, kiosk 自助终端, post 快递' }),
  window: z.string().trim().min(1).max(10).optional().openapi({ description: '受理窗口号 / the number of the window that took it' }),
  rating: z
    .enum(caseRatingFilters, { error: '评价应为 good(好评)、poor(差评)、voided(差评申诉成立)或 none(未评价) / rating must be good, poor, voided or none' })
    .optional()
    .openapi({ description: '办件的评价 / the case’s own rating: good 好评(1–3), poor 差评(4–5), voided 差评申诉成立, none 未评价' }),
  from: isoDate.optional().openapi({ description: '收件日期起 / received on or after' }),
  to: isoDate.optional().openapi({ description: '收件日期止 / received on or before' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(1000).optional().openapi({ description: '上一页返回的 cursor / from the previous page' }),
});

/** A cursor this jurisdiction's search issued, or a 400: a forged one must not reach the store. */
function readCursor(cursor: string, jurisdiction: string): Record<string, string> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const index = TABLE_INDEXES.byJurisdiction;
  const fields = ['pk', 'sk', index.pk, index.sk];
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw invalidCursor();
  const entries = Object.entries(decoded);
  if (entries.length !== fields.length || !entries.every(([k, v]) => fields.includes(k) && typeof v === 'string' && v.length < 200)) throw invalidCursor();
  const found = decoded as Record<string, string>;
  if (found[index.pk] !== keys.jurisdictionCases(jurisdiction) || !found.pk!.startsWith(keys.case(jurisdiction, '').pk)) throw invalidCursor();
  return found;
}

/** The case with this number; for a 一件事's number (the applicant's one number), the cases of its items started so far. */
async function numbered(deps: AppDeps, jurisdiction: string, number: string): Promise<StoredCase[]> {
  const found = await deps.store.getCase(jurisdiction, number);
  if (found) return [found];
  const parent = await deps.store.getBundleCase(jurisdiction, number);
  const children = parent ? await Promise.all(parent.children.flatMap((k) => (k.trackingNumber ? [deps.store.getCase(jurisdiction, k.trackingNumber)] : []))) : [];
  return children.filter((k): k is StoredCase => !!k);
}

export function registerCaseSearchRoutes(app: App): void {
  app.openapi(
    route({
      method: 'get',
      path: '/api/cases',
      tags: ['officer'],
      security: bearer,
      summary: '查询办件(含已办结) / search cases, open and closed',
      request: { query: ZSearchQuery },
      responses: { 200: json(z.object({ cases: z.array(ZCaseSearchEntry), cursor: z.string().optional() }), 'matching cases, newest first'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const who = authorize(c.get('principal'), { roles: ['officer', 'jurisdictionAdmin', 'platformAdmin'] });
      const q = c.req.valid('query');
      // Officers search their own department's cases, whatever they ask for.
      const department = who.role === 'officer' ? who.department : q.department;
      if (who.role === 'officer' && !department) return c.json({ cases: [] }, 200);
      if (q.number) {
        const found = q.number.startsWith(who.jurisdiction) ? await numbered(deps, who.jurisdiction, q.number) : [];
        return c.json({ cases: found.filter((k) => !department || k.departmentId === department).map(searchEntryOf) }, 200);
      }
      const today = shanghaiDateOf(deps.clock());
      const to = q.to ?? today;
      const from = q.from ?? shanghaiDateOf(new Date(Date.parse(`${to}T12:00:00+08:00`) - DEFAULT_DAYS * 86_400_000));
      if (from > to) throw invalidRange();
      const statuses = q.status?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
      const unknown = statuses.filter((s) => !ZCaseStatus.safeParse(s).success);
      if (unknown.length > 0) throw invalidStatus(unknown);
      const page = await deps.store.searchCases(
        who.jurisdiction,
        { from, to, statuses, ...(q.itemId ? { itemId: q.itemId } : {}), ...(department ? { department } : {}), ...(q.applicant ? { applicant: q.applicant } : {}), ...(q.channel ? { channel: q.channel } : {}), ...(q.window ? { window: q.window } : {}), ...(q.rating ? { rating: q.rating } : {}) },
        { limit: q.limit, maxRead: MAX_READ, ...(q.cursor ? { cursor: readCursor(q.cursor, who.jurisdiction) } : {}) },
      );
      return c.json({ cases: page.cases.map(searchEntryOf), ...(page.cursor ? { cursor: Buffer.from(JSON.stringify(page.cursor)).toString('base64url') } : {}) }, 200);
    },
  );
}
