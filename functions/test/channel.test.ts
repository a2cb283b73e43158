import { describe, expect, it } from 'vitest';
import { saleAnswers } from './files';
import { harness } from './harness';

/**
 * 申报来源 on every case: what sent the application decides 电脑端, 移动端 or 自助终端; officers
 * see it and search by it; the supervision figures count 网办率 from it.
 */

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const ITEM = `/api/items/${CITY}/real-estate-transfer`;
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50';
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const KIOSK = `${DESKTOP} OneVisitKiosk/1.0`;

async function applyFrom(agent: string): Promise<string> {
  const materials: Record<string, string[]> = {};
  for (const id of ['application', 'title-certificate', 'sale-contract', 'survey-report']) materials[id] = [await h.uploaded(CITY, 'real-estate-transfer', id)];
  const response = await h.call('POST', `${ITEM}/applications`, { body: { answers: saleAnswers, materials }, headers: { 'user-agent': agent } });
  expect(response.status).toBe(201);
  return response.json.case.trackingNumber;
}

describe('申报来源', () => {
  const numbers: Record<string, string> = {};

  it('is told by what sent the application, and shown to the officer', async () => {
    numbers.mobile = await applyFrom(IPHONE);
    numbers.web = await applyFrom(DESKTOP);
    numbers.kiosk = await applyFrom(KIOSK);
    const officer = await h.token(CITY, 'estate-officer');
    for (const [channel, number] of Object.entries(numbers)) {
      const detail = await h.call('GET', `/api/officer/cases/${number}`, { token: officer });
      expect(detail.json.case.channel).toBe(channel);
    }
  });

  it('filters the case search, and a channel that does not exist is refused in both languages', async () => {
    const admin = await h.token(CITY, 'city-admin');
    const found = await h.call('GET', '/api/cases?channel=mobile&from=2026-03-01&to=2026-03-31', { token: admin });
    expect(found.status).toBe(200);
    expect(found.json.cases.map((c: { trackingNumber: string; channel: string }) => [c.trackingNumber, c.channel])).toEqual([[numbers.mobile, 'mobile']]);
    const bad = await h.call('GET', '/api/cases?channel=fax', { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBeTruthy();
    expect(bad.json.message_en).toBeTruthy();
  });

  it('makes 网办率: every case sent over the internet, of those whose channel is known', async () => {
    const admin = await h.token(CITY, 'city-admin');
    const { json } = await h.call('GET', `/api/admin/${CITY}/supervision?from=2026-03-01&to=2026-03-31`, { token: admin });
    expect(json.total.counters).toMatchObject({ received: 3, receivedWithChannel: 3, receivedOnline: 3 });
    expect(json.total.cases.onlineShare).toEqual({ numerator: 3, denominator: 3, value: 1 });
  });
});
