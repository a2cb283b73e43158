import { z } from '@hono/zod-openapi';
import { authorize } from '../auth';
import { applicantCase } from '../cases/applicant';
import { loadCase } from '../cases/service';
import { jurisdictionOf, TRACKING_NUMBER } from '../cases/tracking-number';
import { notFound } from '../errors';
import type { App } from '../http';
import { invalidMonth } from '../ratings/errors';
import { ratingMonth, ZRatingInput, ZRatingRecord, ZRatingTarget, ZVerdict } from '../ratings/model';
import { publication, ZRatingPublication } from '../ratings/publication';
import { addRemark, rate } from '../ratings/service';
import { judgeFix } from '../ratings/applicant';
import { deviceChannel } from '../ratings/channels';
import { withoutKeys } from '../ratings/views';
import { ZJurisdictionId } from '../records';
import { bearer, errorResponses, json, jsonBody, route } from './kit';
import { SECRET_HEADER } from './tracking';

/**
 * 好差评 from every channel: the applicant with the case's code (电脑端 or 移动端 by the browser,
 * 窗口二维码 when the page was opened from the QR code at the window), the window's tablet (a
 * window officer hands it over), the 追评 and the rater's judgement of a fix; and the monthly
 * publication as data.
 */

const ZParams = z.object({ trackingNumber: z.string().regex(TRACKING_NUMBER) });
const ZTargetParams = ZParams.extend({ target: ZRatingTarget });
const ZKey = z.object({ 'idempotency-key': z.string().min(8).max(100).optional().openapi({ description: '同一标识重试只评价一次 / a retry with the same key rates once' }) });

export function registerRatingRoutes(app: App): void {
  const tags = ['ratings'];

  app.openapi(
    route({
      method: 'get',
      path: '/api/track/{trackingNumber}/ratings',
      tags,
      summary: '我的评价 / the ratings of my case, with their 差评 handling',
      request: { params: ZParams, headers: z.object({ [SECRET_HEADER]: z.string().max(100).optional() }) },
      responses: { 200: json(z.array(ZRatingRecord), 'the ratings'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const found = await applicantCase(deps, c.req.valid('param').trackingNumber, c.req.valid('header')[SECRET_HEADER]);
      return c.json((await deps.store.ratingsOf(found.jurisdiction, found.trackingNumber)).map(withoutKeys), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/track/{trackingNumber}/ratings',
      tags,
      summary: '评价办件或窗口服务 / rate the case or the window service (once each)',
      description: 'via=qr: 从窗口二维码打开 / opened from the QR code at the window. 差评(4–5)须选原因 / a poor rating needs reasons.',
      request: { params: ZParams, headers: ZKey, body: jsonBody(z.object({ secret: z.string().max(100), rating: ZRatingInput, via: z.enum(['qr']).optional() })) },
      responses: { 201: json(ZRatingRecord, 'the rating'), ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { secret, rating, via } = c.req.valid('json');
      const found = await applicantCase(deps, c.req.valid('param').trackingNumber, secret);
      const key = c.req.valid('header')['idempotency-key'];
      const r = await rate(deps, found, rating, { channel: via === 'qr' ? 'windowQr' : deviceChannel(c), realName: true, actor: { id: 'applicant' }, ...(key ? { key } : {}) });
      return c.json(withoutKeys(r), 201);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/track/{trackingNumber}/ratings/{target}/remark',
      tags,
      summary: '追评 / add the one follow-up remark to a rating',
      request: { params: ZTargetParams, body: jsonBody(z.object({ secret: z.string().max(100), comment: z.string().trim().min(1).max(1000) })) },
      responses: { 200: json(ZRatingRecord, 'the rating with its remark'), ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber, target } = c.req.valid('param');
      const { secret, comment } = c.req.valid('json');
      const found = await applicantCase(deps, trackingNumber, secret);
      return c.json(withoutKeys(await addRemark(deps, found, target, comment, deviceChannel(c))), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/track/{trackingNumber}/ratings/{target}/judgement',
      tags,
      summary: '评价整改结果 / judge the fix of a poor rating (满意, 基本满意, 不满意)',
      request: { params: ZTargetParams, headers: ZKey, body: jsonBody(z.object({ secret: z.string().max(100), verdict: ZVerdict, comment: z.string().trim().max(1000).optional() })) },
      responses: { 200: json(ZRatingRecord, 'the rating after the judgement'), ...errorResponses(400, 404, 409) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber, target } = c.req.valid('param');
      const { secret, verdict, comment } = c.req.valid('json');
      const found = await applicantCase(deps, trackingNumber, secret);
      const key = c.req.valid('header')['idempotency-key'];
      return c.json(withoutKeys(await judgeFix(deps, found, target, { verdict, ...(comment ? { comment } : {}) }, key)), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/api/officer/cases/{trackingNumber}/ratings',
      tags,
      security: bearer,
      summary: '窗口评价器 / a rating given on the window’s tablet',
      description: '申请人在窗口的评价器上评价；anonymous=true 为匿名评价(差评不回访) / the applicant rates on the window’s tablet; anonymous raters are not revisited.',
      request: { params: ZParams, headers: ZKey, body: jsonBody(z.object({ rating: ZRatingInput, anonymous: z.boolean().default(false) })) },
      responses: { 201: json(ZRatingRecord, 'the rating'), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { trackingNumber } = c.req.valid('param');
      const { rating, anonymous } = c.req.valid('json');
      const who = authorize(c.get('principal'), { roles: ['windowOfficer', 'jurisdictionAdmin'], jurisdiction: jurisdictionOf(trackingNumber) });
      const found = await loadCase(deps, who.jurisdiction, trackingNumber);
      const key = c.req.valid('header')['idempotency-key'];
      const r = await rate(deps, found, rating, { channel: 'windowTablet', realName: !anonymous, actor: { id: anonymous ? 'anonymous' : 'applicant' }, ...(key ? { key } : {}) });
      return c.json(withoutKeys(r), 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/api/public/{jurisdiction}/ratings',
      tags: ['public'],
      summary: '好差评月度公开 / the month’s ratings by department and their 整改',
      request: { params: z.object({ jurisdiction: ZJurisdictionId }), query: z.object({ month: z.string().max(7) }) },
      responses: { 200: json(ZRatingPublication, 'counts only, no personal data'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { month } = c.req.valid('query');
      if (!ratingMonth.safeParse(month).success) throw invalidMonth();
      const published = await publication(c.get('deps'), c.req.valid('param').jurisdiction, month);
      if (!published) throw notFound('区划', 'jurisdiction');
      return c.json(published, 200);
    },
  );
}

