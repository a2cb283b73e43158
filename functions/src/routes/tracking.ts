import { z } from '@hono/zod-openapi';
import { ZApplicantAction } from '../cases/actions';
import { applicantAct, applicantCase, supplyLater, track, uploadedFiles, withCheckedFiles } from '../cases/applicant';
import { ZCaseRecord } from '../cases/record';
import { applicantView } from '../cases/service';
import { deviceChannel } from '../ratings/channels';
import { rate } from '../ratings/service';
import { secretInAddress } from '../errors';
import type { App } from '../http';
import { errorResponses, json, jsonBody, route } from './kit';

/**
 * The applicant's case, with its tracking number and secret: tracking it, 容缺 supplements,
 * withdrawing, rating, corrections. The secret (查询码) travels in a header or the body, never in
 * the address, where logs, history and referrers would keep it (issue 15).
 */

const ZTrackParams = z.object({ trackingNumber: z.string().max(30) });
export const SECRET_HEADER = 'x-tracking-secret';

export function registerTrackingRoutes(app: App): void {
  const tags = ['public'];

  app.openapi(
    route({
      method: 'get',
      path: '/api/track/{trackingNumber}',
      tags,
      summary: '办件进度查询 / track a case',
      description: '查询码放在 X-Tracking-Secret 请求头中；放在网址里(?secret=)的请求被拒绝(400)。 / The code goes in the X-Tracking-Secret header; a request with it in the address (?secret=) is refused (400).',
      request: {
        params: ZTrackParams,
        headers: z.object({ [SECRET_HEADER]: z.string().max(100).optional().openapi({ description: '查询码 / the tracking code' }) }),
      },
      responses: { 200: json(ZCaseRecord, 'the case'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      if (c.req.query('secret') !== undefined) throw secretInAddress('X-Tracking-Secret');
      return c.json(await track(c.get('deps'), c.req.valid('param').trackingNumber, c.req.valid('header')[SECRET_HEADER]), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/track/{trackingNumber}/supplements',
      tags,
      summary: '补交容缺材料 / supply a material accepted as missing (容缺)',
      request: { params: ZTrackParams, body: jsonBody(z.object({ secret: z.string().max(100), materialId: z.string().max(64), files: z.array(z.string().max(300)).min(1).max(20) })) },
      responses: { 200: json(ZCaseRecord, 'the case, the material supplied'), ...errorResponses(400, 404, 409, 413, 415, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const found = await applicantCase(deps, c.req.valid('param').trackingNumber, body.secret);
      return c.json(await supplyLater(deps, found, body.materialId, () => uploadedFiles(deps, found, body.materialId, body.files)), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/track/{trackingNumber}/actions',
      tags,
      summary: '申请人操作：撤回、评价、提交补正 / the applicant withdraws, rates, or supplies corrections',
      request: {
        params: ZTrackParams,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
        body: jsonBody(z.object({ secret: z.string().max(100), action: ZApplicantAction })),
      },
      responses: { 200: json(ZCaseRecord, 'the case after the action'), ...errorResponses(400, 404, 409, 413, 415, 422) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { secret, action } = c.req.valid('json');
      const found = await applicantCase(deps, c.req.valid('param').trackingNumber, secret);
      const key = c.req.valid('header')['idempotency-key'];
      if (action.type === 'rate') {
        // A rating of the case: a 差评 starts its 整改 workflow, as one given on the tracking page does.
        const { level, reasons = [], comment } = action;
        await rate(deps, found, { target: 'case', level, reasons, ...(comment ? { comment } : {}) }, { channel: deviceChannel(c), realName: true, actor: { id: 'applicant' }, ...(key ? { key } : {}) });
        return c.json(applicantView((await deps.store.getCase(found.jurisdiction, found.trackingNumber))!), 200);
      }
      return c.json(await applicantAct(deps, found, await withCheckedFiles(deps, found, action), key), 200);
    },
  );
}
