import { z } from '@hono/zod-openapi';
import { authorize } from '../auth';
import { ZCaseRecord, type CaseRecord } from '../cases/record';
import { loadCase } from '../cases/service';
import { jurisdictionOf } from '../cases/tracking-number';
import { windowTask } from '../delivery/collection';
import { ZHandover, ZPosting, ZWindowCorrection, ZWindowQueueEntry } from '../delivery/records';
import { handOver, post, queueEntryOf, takeCorrection, type DeskRequest } from '../delivery/window-desk';
import { notFound } from '../errors';
import type { AppDeps } from '../deps';
import type { App, AppEnv } from '../http';
import type { Context } from 'hono';
import { bearer, errorResponses, json, jsonBody, route, ZCaseParams, ZJurisdictionParams } from './kit';

/**
 * 统一出件 at the service window: the jurisdiction's window officers see the results waiting to go
 * out and the window cases sent back for 补正, hand a result over or post it, and take the 补正 in.
 */

const ZKeyHeader = z.object({ 'idempotency-key': z.string().min(8).max(100).optional().openapi({ description: '同一标识重试不会重复办理 / a retry with the same key is applied once' }) });
const ZDeskParams = ZJurisdictionParams.merge(ZCaseParams);

/** The case, for a window officer of its jurisdiction; a case of another jurisdiction is the same 404 as none. */
async function deskRequest(c: Context<AppEnv>, deps: AppDeps, jurisdiction: string, trackingNumber: string, expectedRevision: number, key: string | undefined): Promise<DeskRequest> {
  const who = authorize(c.get('principal'), { roles: ['windowOfficer'], jurisdiction });
  if (jurisdictionOf(trackingNumber) !== jurisdiction) throw notFound('办件', 'case');
  const found = await loadCase(deps, jurisdiction, trackingNumber);
  return { who, found, expectedRevision, ...(key ? { key } : {}) };
}

type ZDeskBody = z.ZodType<{ expectedRevision: number }>;
const acted = { 200: json(ZCaseRecord, 'the case after it (or as it is, for a retry)'), ...errorResponses(400, 401, 403, 404, 409, 422) };

/** One thing the window does to a case (`/api/window/{jurisdiction}/cases/{trackingNumber}/{action}`): the body its schema, retried by key. */
function deskAction<S extends ZDeskBody>(app: App, action: string, summary: string, schema: S, run: (deps: AppDeps, request: DeskRequest, body: z.output<S>) => Promise<CaseRecord>): void {
  // Typed by the bound: @hono/zod-openapi cannot compute a route's input from a type parameter.
  const declared: ZDeskBody = schema;
  app.openapi(
    route({
      method: 'post',
      path: `/api/window/{jurisdiction}/cases/{trackingNumber}/${action}`,
      tags: ['window'],
      security: bearer,
      summary,
      request: { params: ZDeskParams, headers: ZKeyHeader, body: jsonBody(declared) },
      responses: acted,
    }),
    async (c) => {
      const { jurisdiction, trackingNumber } = c.req.valid('param');
      // Validated by `schema` itself, so it is that schema's output.
      const body = c.req.valid('json') as z.output<S>;
      const deps = c.get('deps');
      const request = await deskRequest(c, deps, jurisdiction, trackingNumber, body.expectedRevision, c.req.valid('header')['idempotency-key']);
      return c.json(await run(deps, request, body), 200);
    },
  );
}

export function registerDeliveryRoutes(app: App): void {
  app.openapi(
    route({
      method: 'get',
      path: '/api/window/{jurisdiction}/delivery',
      tags: ['window'],
      security: bearer,
      summary: '出件队列 / results waiting at the window, and window cases sent back for 补正',
      request: { params: ZJurisdictionParams },
      responses: { 200: json(z.array(ZWindowQueueEntry), 'soonest due first'), ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const { jurisdiction } = c.req.valid('param');
      authorize(c.get('principal'), { roles: ['windowOfficer', 'jurisdictionAdmin', 'platformAdmin'], jurisdiction });
      const cases = await c.get('deps').store.windowQueue(jurisdiction);
      // The index is written with the case; a case read from it is shown only while it still waits here.
      return c.json(cases.filter((k) => windowTask(k)).map(queueEntryOf), 200);
    },
  );

  deskAction(app, 'handover', '窗口领取 / hand the result over, to the applicant or someone collecting for them (证件 checked)', ZHandover, handOver);
  deskAction(app, 'posting', '邮寄 / post the result by EMS (the waybill number checked)', ZPosting, post);
  deskAction(app, 'corrections', '窗口收取补正材料 / take in the corrections of a window case; it goes back to its department', ZWindowCorrection, takeCorrection);
}
