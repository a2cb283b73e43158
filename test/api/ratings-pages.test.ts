import { describe, expect, it } from 'vitest';
import { browserSession } from '../../functions/test/browser-session';
import { caseWorld } from '../../functions/test/case-world';

/**
 * 好差评 where people give and read them: a case taken in at a window is rated on its tracking
 * page without JavaScript (the case and the window service, from the window's QR code), its 差评
 * judged there once the fix is reported; an anonymous rating from the window's tablet closes
 * without a 回访; the month's public page counts them by department, with no personal data.
 */

const world = await caseWorld();
const { h, CITY, tokens, on, windowCase } = world;

const browser = browserSession(h.app);
const WINDOW_POOR = `/api/admin/${CITY}/poor-ratings`;

describe('好差评 on the pages', () => {
  let walkIn: { number: string; secret: string };

  it('asks a window case for two ratings on its page, and refuses a 差评 without reasons there, in words', async () => {
    on('2026-03-02');
    walkIn = await windowCase('0001');
    on('2026-03-03');
    expect((await browser.post('/track', { number: walkIn.number, secret: walkIn.secret })).status).toBe(303);
    const page = await (await browser.request(`/track/${walkIn.number}?via=qr`)).text();
    expect(page).toContain('办件：满意程度');
    expect(page).toContain('窗口服务：满意程度');
    expect(page).toContain('name="via" value="qr"');

    const refused = await browser.post(`/track/${walkIn.number}/rate`, { target: 'window', level: '4', via: 'qr' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('差评请至少选择一项原因');
    const rated = await browser.post(`/track/${walkIn.number}/rate`, { target: 'window', level: '4', reasons: 'attitude', comment: '窗口人员不耐烦', via: 'qr' });
    expect(rated.status).toBe(303);
    expect((await browser.post(`/track/${walkIn.number}/rate`, { target: 'case', level: '1' })).status).toBe(303);
    const after = await (await browser.request(`/track/${walkIn.number}`)).text();
    expect(after).toContain('您对窗口服务的评价：不满意(服务态度差)');
    expect(after).toContain('差评处理：待核实');
    expect(after).toContain('您对办件的评价：非常满意');
    const stored = await h.call('GET', `/api/track/${walkIn.number}/ratings`, { headers: { 'x-tracking-secret': walkIn.secret } });
    expect(stored.json.map((r: { target: string; channel: string }) => [r.target, r.channel]).sort()).toEqual([['case', 'web'], ['window', 'windowQr']]);
  });

  it('lets the window officers work the window’s 差评, and the rater judge the fix on the page', async () => {
    const windowOfficer = await h.token(CITY, 'window-officer');
    expect((await h.call('GET', `${WINDOW_POOR}/${walkIn.number}/window`, { token: tokens.officer })).status).toBe(404);
    const steps: Array<Record<string, unknown>> = [
      { type: 'verify', finding: '经核实，窗口人员解释不够耐心' },
      { type: 'feedback', text: '已对窗口人员批评教育并培训' },
    ];
    for (const action of steps) {
      const seen = await h.call('GET', `${WINDOW_POOR}/${walkIn.number}/window`, { token: windowOfficer });
      const done = await h.call('POST', `${WINDOW_POOR}/${walkIn.number}/window/actions`, { token: windowOfficer, body: { ...action, expectedRevision: seen.json.rating.revision } });
      expect(done.status, JSON.stringify(done.json)).toBe(200);
    }
    const page = await (await browser.request(`/track/${walkIn.number}`)).text();
    expect(page).toContain('整改情况：已对窗口人员批评教育并培训');
    expect(page).toContain('您对整改结果是否满意？');
    expect((await browser.post(`/track/${walkIn.number}/judge`, { target: 'window' })).status).toBe(400);
    expect((await browser.post(`/track/${walkIn.number}/judge`, { target: 'window', verdict: 'fair' })).status).toBe(303);
    expect(await (await browser.request(`/track/${walkIn.number}`)).text()).toContain('您对整改的评价：基本满意');
  });

  it('takes an anonymous rating from the window’s tablet: no 回访 is due, and it closes once the fix is reported', async () => {
    const other = await windowCase('0002');
    const windowOfficer = await h.token(CITY, 'window-officer');
    const tablet = (body: unknown) => h.call('POST', `/api/officer/cases/${other.number}/ratings`, { token: windowOfficer, body });
    expect((await h.call('POST', `/api/officer/cases/${other.number}/ratings`, { token: tokens.officer, body: { rating: { level: 1 } } })).status).toBe(403);
    const rated = await tablet({ rating: { target: 'window', level: 5, reasons: ['visits'] }, anonymous: true });
    expect(rated.status).toBe(201);
    expect(rated.json).toMatchObject({ channel: 'windowTablet', realName: false, poor: { status: 'verifying' } });
    expect(rated.json.poor.revisitDue).toBeUndefined();
    // Nobody is told who gave an anonymous rating, not even the administrators who see the case.
    expect((await h.call('GET', `${WINDOW_POOR}/${other.number}/window`, { token: tokens.admin })).json.contact).toBeUndefined();
    for (const action of [{ type: 'verify', finding: '属实' }, { type: 'feedback', text: '增设导办人员' }, { type: 'close' }]) {
      const seen = await h.call('GET', `${WINDOW_POOR}/${other.number}/window`, { token: windowOfficer });
      const done = await h.call('POST', `${WINDOW_POOR}/${other.number}/window/actions`, { token: windowOfficer, body: { ...action, expectedRevision: seen.json.rating.revision } });
      expect(done.status, JSON.stringify(done.json)).toBe(200);
    }
  });

  it('publishes the month: counts by department and the 整改 outcomes, linked from the portal, without personal data', async () => {
    const page = await (await h.app.request(`/${CITY}/ratings?month=2026-03`)).text();
    expect(page).toContain('示范市政务服务好差评公开(2026年3月)');
    expect(page).toContain('本月计入评价 3 次，好评率 33.3%；差评 2 件，其中整改完成 1 件、办理中 1 件。');
    const windowRow = page.slice(page.indexOf('data-testid="ratings-window"'), page.indexOf('</tr>', page.indexOf('data-testid="ratings-window"')));
    expect(windowRow.match(/<td>([^<]*)<\/td>/g)!.map((cell) => cell.replace(/<\/?td>/g, ''))).toEqual(['0', '0', '0', '1', '1', '2', '0.0%', '2', '0', '1', '1', '2/2', '0/1']);
    for (const secret of [walkIn.number, '李四', '窗口人员不耐烦', '13812345678']) expect(page).not.toContain(secret);
    const english = await (await h.app.request(`/${CITY}/ratings?month=2026-03&lang=en`)).text();
    expect(english).toContain('3 ratings counted this month, 33.3% good');
    const bad = await h.app.request(`/${CITY}/ratings?month=March`, { headers: { accept: 'text/html' } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('月份格式应为 YYYY-MM');
    expect((await h.app.request('/990199/ratings', { headers: { accept: 'text/html' } })).status).toBe(404);
    expect(await (await h.app.request(`/${CITY}`)).text()).toContain(`href="/${CITY}/ratings"`);
  });
});
