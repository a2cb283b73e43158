import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ORIGIN_HEADER, originVerify } from './origin-verify';

const app = new Hono().use('*', originVerify('from-cloudfront')).all('*', (c) => c.json({ answered: c.req.path }));

describe('a request on AWS must come through CloudFront', () => {
  it('passes a request carrying the header CloudFront adds', async () => {
    const response = await app.request('/api/health', { headers: { [ORIGIN_HEADER]: 'from-cloudfront' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ answered: '/api/health' });
  });

  it.each([
    ['without the header', {}],
    ['with a wrong value', { [ORIGIN_HEADER]: 'guessed' }],
    ['with the value cut short', { [ORIGIN_HEADER]: 'from-cloud' }],
    ['with an empty value', { [ORIGIN_HEADER]: '' }],
  ])('refuses one %s with 403, saying why in Chinese and English', async (_, headers) => {
    for (const [method, path] of [['GET', '/apply/990100/sole-trader'], ['POST', '/api/items/990100/sole-trader/applications']] as const) {
      const response = await app.request(path, { method, headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ code: 'NOT_THROUGH_SITE', message: expect.stringContaining('请通过本站网址访问'), message_en: expect.stringContaining('the site’s address') });
    }
  });

  it('will not start without a secret, which would refuse everything', () => {
    expect(() => originVerify('')).toThrow(/origin secret is empty/);
  });
});
