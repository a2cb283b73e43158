import { z } from '@hono/zod-openapi';
import { authorize } from '../auth';
import { ZCaseRecord } from '../cases/record';
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

export function registerDeliveryRoutes(app: App): void {
  const tags = ['window'];
  const acted = { 200: json(ZCaseRecord, 'the case after it (or as it is, for a retry)'), ...errorResponses(400, 401, 403, 404, 409, 422) };

  app.openapi(
    route({
      method: 'get',
      path: '/api/window/{jurisdiction}/delivery',
      tags,
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

  app.openapi(
    route({
      method: 'post',
      path: '/api/window/{jurisdiction}/cases/{trackingNumber}/handover',
      tags,
      security: bearer,
      summary: '窗口领取 / hand the result over, to the applicant or someone collecting for them (证件 checked)',
      request: { params: ZDeskParams, headers: ZKeyHeader, body: jsonBody(ZHandover) },
      responses: acted,
    }),
    async (c) => {
      const { jurisdiction, trackingNumber } = c.req.valid('param');
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const request = await deskRequest(c, deps, jurisdiction, trackingNumber, body.expectedRevision, c.req.valid('header')['idempotency-key']);
      return c.json(await handOver(deps, request, body), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/window/{jurisdiction}/cases/{trackingNumber}/posting',
      tags,
      security: bearer,
      summary: '邮寄 / post the result by EMS (the waybill number checked)',
      request: { params: ZDeskParams, headers: ZKeyHeader, body: jsonBody(ZPosting) },
      responses: acted,
    }),
    async (c) => {
      const { jurisdiction, trackingNumber } = c.req.valid('param');
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const request = await deskRequest(c, deps, jurisdiction, trackingNumber, body.expectedRevision, c.req.valid('header')['idempotency-key']);
      return c.json(await post(deps, request, body), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/window/{jurisdiction}/cases/{trackingNumber}/corrections',
      tags,
      security: bearer,
      summary: '窗口收取补正材料 / take in the corrections of a window case; it goes back to its department',
      request: { params: ZDeskParams, headers: ZKeyHeader, body: jsonBody(ZWindowCorrection) },
      responses: acted,
    }),
    async (c) => {
      const { jurisdiction, trackingNumber } = c.req.valid('param');
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const request = await deskRequest(c, deps, jurisdiction, trackingNumber, body.expectedRevision, c.req.valid('header')['idempotency-key']);
      return c.json(await takeCorrection(deps, request, body), 200);
    },
  );
}
