import type { Page } from 'playwright-core';
import { templates } from '@onevisit/item-schemas/templates';
import { describe, expect, it } from 'vitest';
import { PDF } from '../../functions/test/files';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';
import { BAD_ID, GOOD_ID } from './sale-form';

/**
 * 一窗受理 in Chromium: 刘洋 at window 3 of the 市民中心 enters a walk-in citizen's 不动产转移登记
 * with the keyboard only (two materials on paper, the contract supplied online, the survey report
 * 容缺), the result to be posted (邮寄, to the address typed), prints the 收件回执 with its QR code;
 * the case is in the 不动产登记中心's queue with channel 窗口, its page shows the window's record;
 * the citizen follows it on /track with the 查询码 from the receipt; decided, it comes back to the
 * window's 出件 queue, is posted by EMS, and the citizen reads the waybill there.
 */
const site = siteInBrowser();

/** Types into the focused field and presses Enter, as the officer (or the card reader) does. */
async function typeOn(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('the window desk', () => {
  let number = '';
  let secret = '';
  let trackUrl = '';

  it('takes a walk-in application from the keyboard and prints the receipt with its QR code', async () => {
    const page = await signedIn(await openPage(site.browser), site.server.base, '刘洋(市民中心综合窗口)');
    await page.getByRole('heading', { name: '一窗受理' }).waitFor();
    // The first shift in this browser starts at the window's number; its name comes from the officer's.
    expect(await page.locator('#desk-name').inputValue()).toBe('市民中心综合窗口');
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('desk-number');
    await typeOn(page, '3');
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('finder-q');
    await typeOn(page, '不动产转移');
    // The first match takes the focus; Enter picks it, and the applicant's document is next.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), { timeout: 15_000 }).toContain('不动产转移登记');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('applicant-type');
    expect(await page.locator('#applicant-type').inputValue()).toBe('111');
    await page.keyboard.press('Enter');
    // The card reader types the number and Enter: a wrong check digit holds the focus, said at once.
    await typeOn(page, BAD_ID);
    await page.getByText('居民身份证号码校验位不符，请核对或重新刷证').waitFor();
    expect(await focusedId(page)).toBe('applicant-number');
    await typeOn(page, GOOD_ID);
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('applicant-name');
    await typeOn(page, '李四');
    await typeOn(page, '13812345678');
    expect(await focusedId(page)).toBe('has-agent');
    await page.keyboard.press('Enter');
    // The item's own form: 转移原因 by the arrow keys, then field after field.
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toMatch(/^root_reason/);
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await typeOn(page, '示房权证第 001 号');
    await typeOn(page, '示范市人民路 1 号');
    await page.keyboard.press('Space'); // 界址、面积发生变化: the survey report is asked for
    await page.keyboard.press('Enter');
    for (const text of ['张三', '11010519491231002X', '李四', GOOD_ID, '13812345678', '120']) await typeOn(page, text);
    // The materials the answers ask for, each as received: two on paper (原件 sighted, 1 copy each).
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('material-application');
    for (const id of ['application', 'title-certificate']) {
      expect(await focusedId(page)).toBe(`material-${id}`);
      await page.keyboard.press('Enter'); // 纸质材料
      await page.keyboard.press('Enter'); // 原件已核验, ticked
      await page.keyboard.press('Backspace');
      await typeOn(page, '1'); // 复印件 1 份
    }
    // The contract was filed online (网签备案); the survey report is 容缺.
    expect(await focusedId(page)).toBe('material-sale-contract');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#material-sale-contract').inputValue()).toBe('online');
    await page.keyboard.press('Enter');
    await typeOn(page, '网签备案 2026-0001');
    expect(await focusedId(page)).toBe('material-survey-report');
    await page.keyboard.press('End');
    expect(await page.locator('#material-survey-report').inputValue()).toBe('none');
    // 领取方式: 邮寄, the recipient and phone the applicant's, the address typed.
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('collection-method');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#collection-method').inputValue()).toBe('post');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page), { timeout: 15_000 }).toBe('collection-recipient');
    expect(await page.locator('#collection-recipient').inputValue()).toBe('李四');
    await page.keyboard.press('Enter');
    expect(await page.locator('#collection-phone').inputValue()).toBe('13812345678');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('collection-address');
    await expectAccessible(page, 'window desk');
    await shoot(page, 'window-desk-1-entry');
    await typeOn(page, '示范市东城区人民路 8 号 3 单元 501');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('收件并打印回执');
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.keyboard.press('Enter');

    // The receipt, its print button focused: Enter prints it.
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 15_000 }).toBe('打印收件回执');
    await page.keyboard.press('Enter');
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
    const text = (await receipt.textContent())!;
    number = (await page.getByTestId('tracking-number').textContent())!;
    secret = (await page.getByTestId('secret').textContent())!;
    expect(text).toContain('收件回执');
    // The receipt is handed over: the ID number's middle is masked; the 查询码 is written as on every other page.
    expect(text).toContain('申请人：李四(居民身份证 440524********0014，电话 13812345678)');
    expect(secret).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4}$/);
    expect(text).toContain('不动产登记申请书原件已核验，复印件 1 份');
    expect(text).toContain('网上已提交(网签备案 2026-0001)');
    expect(text).toMatch(/容缺受理：以下材料请于.+前补交.+不动产测绘报告/);
    expect(text).toContain('领取方式：邮寄至 示范市东城区人民路 8 号 3 单元 501(李四 收，13812345678)');
    expect(text).toContain('收件窗口：市民中心综合窗口 3 号窗口');
    expect(text).toContain('收件人：刘洋(市民中心综合窗口)');
    const qr = page.getByRole('img', { name: '办理进度查询二维码' });
    await qr.locator('svg path').first().waitFor();
    trackUrl = (await qr.getAttribute('data-url'))!;
    expect(trackUrl).toBe(`${site.server.base}/track?number=${number}`);
    await expectAccessible(page, 'receipt');
    await shoot(page, 'window-desk-2-receipt');
    await page.emulateMedia({ media: 'print' });
    await shoot(page, 'window-desk-3-receipt-printed');
  });

  it('puts the case in the back office’s queue with channel 窗口', async () => {
    const page = await signedIn(await openPage(site.browser), site.server.base, '李强(不动产登记中心)');
    await page.getByRole('link', { name: number, exact: true }).click();
    await page.getByRole('heading', { name: '不动产转移登记' }).waitFor();
    await page.getByText('窗口', { exact: true }).waitFor();
    // The window's record: who took it, the applicant's 证件 by name, each material as received, the 领取方式.
    const record = page.locator('.ant-card').filter({ has: page.getByText('窗口收件记录', { exact: true }) });
    const recorded = (await record.textContent())!;
    expect(recorded).toContain('市民中心综合窗口 3 号窗口');
    expect(recorded).toContain('刘洋(市民中心综合窗口)');
    expect(recorded).toContain('李四，居民身份证 440524188001010014');
    expect(recorded).toContain('原件已核验，复印件 1 份');
    expect(recorded).toContain('网上已提交(网签备案 2026-0001)');
    expect(recorded).toContain('邮寄至 示范市东城区人民路 8 号 3 单元 501(李四 收，13812345678)');
    await record.scrollIntoViewIfNeeded();
    await shoot(page, 'window-desk-4-back-office');
    // The case search by the window that took it.
    await page.goto(`${site.server.base}/admin/cases/search?window=3`);
    await page.getByRole('link', { name: number, exact: true }).waitFor();
    expect(await page.getByLabel('受理窗口号').inputValue()).toBe('3');
    expect(await page.getByRole('row').filter({ hasText: number }).getByRole('cell').allTextContents()).toContain('3');
    await shoot(page, 'window-desk-5-search');
  });

  it('lets the citizen follow the case on /track with the 查询码 from the receipt', async () => {
    const phone = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await phone.goto(trackUrl);
    expect(await phone.getByLabel('受理编号').inputValue()).toBe(number);
    await phone.getByLabel('查询码').fill(secret);
    await phone.getByRole('button', { name: '查询' }).click();
    await phone.getByTestId('case-status').waitFor();
    expect(await phone.getByTestId('case-status').textContent()).toBe('已收件，等待受理');
    await shoot(phone, 'window-desk-6-track');
  });

  it('brings the decided case back to the window’s 出件 queue, posts it by EMS, and the citizen reads the waybill', async () => {
    // The citizen supplies the 容缺 survey report with the 查询码; the back office reviews it and decides (its screens are walked elsewhere).
    const call = async (path: string, init: { token?: string; body?: unknown; form?: FormData } = {}) => {
      const response = await fetch(`${site.server.base}${path}`, {
        method: init.body === undefined && !init.form ? 'GET' : 'POST',
        headers: { ...(init.form ? {} : { 'content-type': 'application/json' }), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
        body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      return response.json() as Promise<any>;
    };
    const scan = new FormData();
    scan.set('materialId', 'survey-report');
    scan.set('file', new File([new Uint8Array(PDF)], 'survey.pdf'));
    const { key } = await call('/api/items/990100/real-estate-transfer/uploads', { form: scan });
    await call(`/api/track/${number}/supplements`, { body: { secret, materialId: 'survey-report', files: [key] } });
    const estate = (await call('/api/dev/sign-in', { body: { jurisdiction: '990100', userId: 'estate-officer' } })).token as string;
    const act = async (action: Record<string, unknown>) => {
      const { case: c } = await call(`/api/officer/cases/${number}`, { token: estate });
      await call(`/api/officer/cases/${number}/actions`, { token: estate, body: { expectedRevision: c.revision, ...action } });
    };
    await act({ type: 'accept' });
    await act({ type: 'reviewSupplement', materialId: 'survey-report', accepted: true });
    for (let i = 0; i < 4; i++) await act({ type: 'completeStep', outcome: 'pass', ...(i === 3 ? { result: { name: '不动产权证书' } } : {}) });

    const page = await signedIn(await openPage(site.browser), site.server.base, '刘洋(市民中心综合窗口)');
    await page.getByRole('link', { name: '统一出件' }).click();
    await page.getByRole('heading', { name: '统一出件' }).waitFor();
    const line = page.getByRole('row').filter({ hasText: number });
    await line.waitFor();
    expect(await line.textContent()).toContain('邮寄');
    await page.getByRole('button', { name: `邮寄 ${number}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('寄往：示范市东城区人民路 8 号 3 单元 501(李四 收，13812345678)').waitFor();
    await dialog.getByLabel('EMS 运单号').fill('EA123456785CN');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('邮寄(EMS)：已办理').waitFor();
    await expect.poll(() => line.count()).toBe(0);

    const phone = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await phone.goto(trackUrl);
    await phone.getByLabel('查询码').fill(secret);
    await phone.getByRole('button', { name: '查询' }).click();
    await phone.getByText('办理结果已于').waitFor();
    expect(await phone.getByTestId('collection').textContent()).toMatch(/通过 EMS 寄出，运单号 EA123456785CN/);
    expect(await phone.getByTestId('case-status').textContent()).toBe('已送达');
    await shoot(phone, 'window-desk-7-track-posted');
  });
});

describe('the window desk, for an item whose form asks for the applicant again', () => {
  it('fills the form’s applicant fields from 2.申请人, and keeps a refused scan off its row, saying why', async () => {
    const page = await signedIn(await openPage(site.browser), site.server.base, '刘洋(市民中心综合窗口)');
    await page.locator('#finder-q').fill('失业保险待遇核定');
    await page.locator('#finder-q').press('Enter');
    await page.getByRole('button', { name: /失业保险待遇核定/ }).click();
    await page.locator('#applicant-number').fill(GOOD_ID);
    await page.locator('#applicant-name').fill('李四');
    await page.locator('#applicant-phone').fill('13812345678');
    await expect.poll(() => page.locator('#root_name').inputValue()).toBe('李四');
    expect(await page.locator('#root_idCard').inputValue()).toBe(GOOD_ID);
    expect(await page.locator('#root_mobile').inputValue()).toBe('13812345678');
    // A field answered otherwise in the form keeps its answer; the others follow 2.申请人.
    await page.locator('#root_mobile').fill('13900000000');
    await page.locator('#applicant-phone').fill('13812345679');
    await page.locator('#applicant-name').fill('李四光');
    await expect.poll(() => page.locator('#root_name').inputValue()).toBe('李四光');
    expect(await page.locator('#root_mobile').inputValue()).toBe('13900000000');

    // The picker offers the material's types; a file of another type under a PDF's name is refused.
    await page.locator('#material-termination-proof').selectOption('scan');
    const row = page.getByRole('row').filter({ has: page.locator('#material-termination-proof') });
    const picker = row.getByLabel('解除或终止劳动关系证明的扫描件');
    expect(await picker.getAttribute('accept')).toBe('application/pdf,image/jpeg,image/png');
    await picker.setInputFiles({ name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是 PDF\n') });
    const refusal = row.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^未上传：.+/);
    expect(await picker.evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
    expect(await row.textContent()).not.toContain('a.pdf');
    expect(await page.getByText(/未收到不可容缺的材料：.*解除或终止劳动关系证明/).count()).toBe(1);
    await shoot(page, 'window-desk-8-scan-refused');
    await picker.setInputFiles({ name: 'b.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
    await row.getByText('b.pdf').waitFor();
    expect(await refusal.count()).toBe(0);
    expect(await row.locator('#material-termination-proof option').allTextContents()).toContain('网上已提交');
  });

  it('does not offer 网上已提交 for a material of an item taken only at the window', async () => {
    const call = async (path: string, token: string | undefined, body: unknown) => {
      const response = await fetch(`${site.server.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      return response.json() as Promise<any>;
    };
    const admin = (await call('/api/dev/sign-in', undefined, { jurisdiction: '990100', userId: 'city-admin' })).token as string;
    const { crossRegion: _, ...benefit } = structuredClone(templates.find((t) => t.id === 'unemployment-benefit')!);
    const definition = { ...benefit, id: 'benefit-at-window', name: '失业保险待遇窗口核定', channels: ['1'], onlineDepth: [], maxVisits: 1, visitReason: '到窗口核验身份' };
    await call('/api/admin/990100/items', admin, { itemId: 'benefit-at-window', definition });
    await call('/api/admin/990100/items/benefit-at-window/publish', admin, {});

    const page = await signedIn(await openPage(site.browser), site.server.base, '刘洋(市民中心综合窗口)');
    await page.locator('#finder-q').fill('失业保险待遇窗口核定');
    await page.locator('#finder-q').press('Enter');
    await page.getByRole('button', { name: /失业保险待遇窗口核定/ }).click();
    const options = page.locator('#material-termination-proof option');
    await options.first().waitFor({ state: 'attached' });
    expect(await options.allTextContents()).toEqual(['纸质材料', '扫描上传', '未收到']);
  });
});
