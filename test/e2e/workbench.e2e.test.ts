import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';
import { fileSaleApplication } from './sale-form';

/** An officer of the 不动产登记中心 works two fresh applications in the workbench. */
const site = siteInBrowser();
const cases: string[] = [];

beforeAll(async () => {
  cases.push(await fileSaleApplication(site.server.base), await fileSaleApplication(site.server.base));
}, 180_000);

async function officerPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await signedIn(await openPage(site.browser, { viewport }), site.server.base, '李强(不动产登记中心)');
  await page.getByRole('heading', { name: '待办件' }).waitFor();
  return page;
}

/** Clicks an action, answers its dialog, and waits for the case to show the new status. */
async function act(page: Page, button: string, status: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect.poll(() => page.getByTestId('case-status').textContent()).toBe(status);
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

describe('the officer workbench', () => {
  it('queues the department’s cases; accepts one, requests a correction on another, and decides', async () => {
    const page = await officerPage();
    for (const n of cases) await page.getByRole('link', { name: n, exact: true }).waitFor();
    expect(await page.locator('[data-warning]').first().textContent()).toBe('正常');
    await expectAccessible(page, 'queue');
    await shoot(page, 'workbench-1-queue');

    // The first case: accepted, then each step passed until it is decided.
    await page.getByRole('link', { name: cases[0]!, exact: true }).click();
    await page.getByRole('heading', { name: '不动产转移登记' }).waitFor();
    expect(await page.getByText('李四').count()).toBeGreaterThan(0); // the answers, by their titles
    await expectAccessible(page, 'case');
    await shoot(page, 'workbench-2-case');
    await act(page, '受理', '办理中', (d) => d.getByLabel('办理意见').fill('材料齐全'));
    // The officer's remark stays in the office: shown here as an internal note.
    await expect.poll(() => page.locator('.ant-timeline').textContent()).toContain('内部意见材料齐全');
    await page.getByRole('link', { name: '打印受理通知书' }).click();
    await page.getByRole('heading', { name: '受理通知书' }).waitFor();
    expect(await page.locator('article').textContent()).toContain('本机关决定予以受理');
    await expectAccessible(page, 'acceptance notice');
    await shoot(page, 'workbench-3-acceptance-notice');
    await page.getByRole('link', { name: '← 返回办件' }).click();

    for (const step of ['受理', '审核', '登簿']) await act(page, `${step}：通过`, '办理中');
    // The last step's 通过 is the decision, and it records what is issued.
    await act(page, '缮证发证：准予(办结)', '已办结', async (d) => {
      // It starts with what the item issues; the officer keeps it here.
      expect(await d.getByLabel('办理结果名称(如 食品经营许可证)').inputValue()).toBe('不动产权证书');
      await d.getByLabel('证照编号或文号').fill('示不动产权第 0000123 号');
    });
    await page.getByRole('link', { name: '打印办结通知书' }).click();
    const decision = page.locator('article');
    await decision.waitFor();
    expect(await decision.textContent()).toContain('办理结果：不动产权证书，编号：示不动产权第 0000123 号');
    await expectAccessible(page, 'decision');
    await shoot(page, 'workbench-3b-decision');
    await page.getByRole('link', { name: '← 返回办件' }).click();
    await act(page, '送达', '已送达', async (d) => {
      await d.getByLabel('送达方式').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    });
    await shoot(page, 'workbench-4-decided');

    // The second case: a correction request listing everything at once, and its printed notice.
    await page.goto(`${site.server.base}/admin/cases/${cases[1]}`);
    await act(page, '一次性告知补正', '待补正', async (d) => {
      await d.getByLabel('第1项补正内容').fill('买卖合同缺少签字页');
      await d.getByRole('button', { name: '再加一项' }).click();
      await d.getByLabel('第2项补正内容').fill('申请书第二页未签名');
    });
    expect(await page.getByRole('button', { name: '受理', exact: true }).count()).toBe(0); // not offered while awaiting corrections
    await page.getByRole('link', { name: '打印补正告知书' }).click();
    const notice = page.locator('article');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('买卖合同缺少签字页');
    expect(await notice.textContent()).toContain('申请书第二页未签名');
    await shoot(page, 'workbench-5-correction-notice');

    // Back in the queue: the decided case has left it; the one awaiting corrections stays.
    await page.goto(`${site.server.base}/admin/cases`);
    await page.getByRole('link', { name: cases[1]!, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: cases[0]!, exact: true }).count()).toBe(0);
  });

  it('tells an officer who acted on a stale view that someone else got there first', async () => {
    const n = await fileSaleApplication(site.server.base);
    const page = await officerPage();
    await page.goto(`${site.server.base}/admin/cases/${n}`);
    await page.getByRole('button', { name: '受理', exact: true }).waitFor();
    // A colleague accepts it meanwhile.
    const token = ((await (await fetch(`${site.server.base}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jurisdiction: '990100', userId: 'estate-reviewer' }) })).json()) as { token: string }).token;
    const detail = (await (await fetch(`${site.server.base}/api/officer/cases/${n}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { case: { revision: number } };
    await fetch(`${site.server.base}/api/officer/cases/${n}/actions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ type: 'accept', expectedRevision: detail.case.revision }) });

    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('办件已被他人处理，请刷新后再操作').waitFor();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('办理中');
    expect(await page.getByText('王芳(不动产登记中心)').count()).toBeGreaterThan(0);
  });

  it('works on a 360 px phone, and in English', async () => {
    const page = await officerPage({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('link', { name: cases[1]!, exact: true }).click();
    await page.getByTestId('case-status').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shoot(page, 'workbench-6-phone');
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('awaiting corrections');
    await page.getByRole('heading', { name: 'Deadlines' }).or(page.getByText('Deadlines', { exact: true })).first().waitFor();
  });
});
