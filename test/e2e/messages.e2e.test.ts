import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';
import { fileSaleApplication } from './sale-form';

/**
 * The administrators' outbox (预警与消息) as they read it: one number applied six times today, so
 * its sixth receipt SMS was held back by the daily cap, which reads as not sent, apart from a
 * failure; in-site messages name the department they went to.
 */
const site = siteInBrowser();

beforeAll(async () => {
  for (let i = 0; i < 6; i++) await fileSaleApplication(site.server.base);
}, 180_000);

describe('预警与消息', () => {
  it('says an SMS held back by the daily cap was not sent, and names the department an in-site message went to', async () => {
    const page = await signedIn(await openPage(site.browser), site.server.base, '王敏(示范市政务服务管理办)');
    await page.goto(`${site.server.base}/admin/messages`);
    const outbox = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '消息发件箱' }) });
    const sms = outbox.getByRole('row').filter({ hasText: '短信' });
    await expect.poll(() => sms.count(), { timeout: 15_000 }).toBe(6);
    await expect.poll(() => sms.first().textContent(), { timeout: 15_000 }).toContain('未发送(今日已达上限)');
    expect(await outbox.getByText('发送失败').count()).toBe(0);
    const inSite = outbox.getByRole('row').filter({ hasText: '站内' }).first();
    await expect.poll(() => inSite.textContent(), { timeout: 15_000 }).toContain('示范市不动产登记中心');
    expect(await inSite.textContent()).not.toContain('dept:');
    await shoot(page, 'messages-1-outbox');
    await expectAccessible(page, 'messages');
  });
});
