import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saleAnswers } from '../../functions/test/files';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';

/**
 * 统一出件 and 帮办代办 at the window, in Chromium: two walk-in applications filed at window 3 (one
 * through a 代理人, to be posted: its 领取方式 邮寄 with the address) are decided by the estate department and come to the 出件 queue; 刘洋 hands the
 * first over to the applicant, typing their 证件号 (a wrong check digit is caught), and posts the
 * second by EMS, whose waybill the applicant reads on /track with the 查询码 from the receipt; then
 * records a 帮办 for the first and its 回访.
 */
const site = siteInBrowser();
const APPLICANT = { idType: '111', idNumber: '440524188001010014', name: '李四', phone: '13812345678' };
const AGENT = { idType: '111', idNumber: '11010519491231002X', name: '王芳', phone: '13900000002' };
const POSTING = { method: 'post', recipient: '李四', phone: '13812345678', address: '示范市东城区人民路 8 号 3 单元 501' };
const filed: Array<{ number: string; secret: string }> = [];

async function call(method: string, path: string, init: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${site.server.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.json() as Promise<any>;
}

beforeAll(async () => {
  const signIn = async (userId: string) => (await call('POST', '/api/dev/sign-in', { body: { jurisdiction: '990100', userId } })).token as string;
  const [window, estate] = [await signIn('window-officer'), await signIn('estate-officer')];
  const paper = { form: 'paper', original: true, copies: 1 };
  for (const agent of [false, true]) {
    const body = {
      window: { name: '市民中心综合窗口', number: '3' },
      applicant: APPLICANT,
      ...(agent ? { agent: AGENT, authorization: { form: 'paper', original: true }, collection: POSTING } : {}),
      answers: saleAnswers,
      materials: { application: paper, 'title-certificate': paper, 'sale-contract': paper, 'survey-report': paper },
    };
    const receipt = await call('POST', '/api/window/990100/items/real-estate-transfer/applications', { token: window, body });
    filed.push({ number: receipt.case.trackingNumber, secret: receipt.secret });
  }
  const act = async (number: string, action: Record<string, unknown>) => {
    const { case: c } = await call('GET', `/api/officer/cases/${number}`, { token: estate });
    return call('POST', `/api/officer/cases/${number}/actions`, { token: estate, body: { expectedRevision: c.revision, ...action } });
  };
  for (const { number } of filed) {
    await act(number, { type: 'accept' });
    for (let i = 0; i < 4; i++) await act(number, { type: 'completeStep', outcome: 'pass', ...(i === 3 ? { result: { name: '不动产权证书' } } : {}) });
  }
}, 180_000);

const row = (page: Page, number: string) => page.getByRole('row').filter({ hasText: number });

/**
 * Types from the keyboard, as the officer or the card reader does, once the dialog has put the
 * cursor in `field` (under load it opens after the click returns). If it never does, the failure
 * names the element that has the cursor instead.
 */
async function typeInto(field: Locator, text: string) {
  const cursor = () => field.evaluate((el) => (el === document.activeElement ? 'in the field' : (document.activeElement?.outerHTML.slice(0, 160) ?? 'nowhere')));
  await expect.poll(cursor, { timeout: 15_000 }).toBe('in the field');
  await field.page().keyboard.type(text);
}

describe('统一出件 and 帮办代办 at the window', () => {
  let page: Page;

  it('hands a decided case over to the applicant, their 证件号 checked as typed', async () => {
    page = await signedIn(await openPage(site.browser), site.server.base, '刘洋(市民中心综合窗口)');
    await page.getByRole('link', { name: '统一出件' }).click();
    await page.getByRole('heading', { name: '统一出件' }).waitFor();
    const [own, byAgent] = filed.map((f) => f.number) as [string, string];
    await row(page, own).waitFor();
    expect(await row(page, byAgent).textContent()).toContain('代理人 王芳');
    // The 领取方式 chosen at the window: the 代理人's case is to be posted, the other collected.
    expect(await row(page, byAgent).textContent()).toContain('邮寄');
    expect(await row(page, own).textContent()).toContain('窗口领取');
    expect(await row(page, own).textContent()).toContain('不动产权证书');
    await shoot(page, 'window-delivery-1-queue');
    await expectAccessible(page, 'delivery queue');

    await page.getByRole('button', { name: `窗口领取 ${own}` }).click();
    const dialog = page.getByRole('dialog');
    // The number field has the focus: what the card reader types goes there.
    await typeInto(dialog.getByLabel('证件号码(刷证或输入)'), '440524188001010015');
    await page.keyboard.press('Tab');
    await dialog.getByText('居民身份证号码校验位不符，请核对证件').waitFor();
    await dialog.getByLabel('证件号码(刷证或输入)').fill('440524188001010014');
    expect(await dialog.getByLabel('领取人姓名').inputValue()).toBe('李四');
    await shoot(page, 'window-delivery-2-handover');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('窗口领取：已办理').waitFor();
    await expect.poll(() => row(page, own).count()).toBe(0);
  });

  it('posts the 代理人’s case by EMS, and the applicant reads the waybill on /track with the 查询码', async () => {
    const { number, secret } = filed[1]!;
    await page.getByRole('button', { name: `邮寄 ${number}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('寄往：示范市东城区人民路 8 号 3 单元 501(李四 收，13812345678)').waitFor();
    await typeInto(dialog.getByLabel('EMS 运单号'), 'EA123456784CN');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('EMS 运单号校验位不正确，请核对').waitFor();
    await dialog.getByLabel('EMS 运单号').fill('EA123456785CN');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('邮寄(EMS)：已办理').waitFor();
    await expect.poll(() => row(page, number).count()).toBe(0);

    const citizen = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await citizen.goto(`${site.server.base}/track`);
    await citizen.getByLabel('受理编号').fill(number);
    await citizen.getByLabel('查询码').fill(secret);
    await citizen.getByLabel('查询码').press('Enter');
    await citizen.getByText('办理结果已于').waitFor();
    expect(await citizen.getByTestId('collection').textContent()).toMatch(/通过 EMS 寄出，运单号 EA123456785CN/);
    expect(await citizen.getByTestId('case-status').textContent()).toBe('已送达');
    await shoot(citizen, 'window-delivery-3-track-posted');
  });

  it('records a 帮办 for the case handed over, and its 回访', async () => {
    const { number } = filed[0]!;
    await page.getByRole('link', { name: '帮办代办' }).click();
    await page.getByRole('button', { name: '登记帮办代办' }).click();
    const dialog = page.getByRole('dialog');
    // The cursor starts in the empty 证件号码: leaving it says nothing yet, sending says what is missing.
    await typeInto(dialog.getByLabel('申请人证件号码'), '');
    await dialog.getByRole('radio', { name: '代办(凭委托书代为办理)' }).check();
    await dialog.getByRole('radio', { name: '帮办(协助申请人办理)' }).check();
    expect(await dialog.getByText('请输入或刷证件号码').count()).toBe(0);
    await dialog.getByRole('button', { name: '登记' }).click();
    await dialog.getByText('请输入或刷证件号码').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '登记帮办代办' }).click();
    // By keyboard, each field reached by Tab before it is typed into (a busy machine lags the focus).
    const fields = [
      [dialog.getByLabel('申请人证件号码'), APPLICANT.idNumber],
      [dialog.getByLabel('申请人姓名'), '李四'],
      [dialog.getByLabel('联系电话'), '13812345678'],
      [dialog.getByLabel('所涉办件受理编号(多个用空格或逗号分隔)'), number],
    ] as const;
    for (const [i, [field, text]] of fields.entries()) {
      if (i > 0) await page.keyboard.press('Tab');
      await typeInto(field, text);
    }
    for (const [field, text] of fields) await expect.poll(() => field.inputValue()).toBe(text);
    await dialog.getByLabel('备注').fill('老年人，窗口工作人员全程帮办');
    await dialog.getByRole('button', { name: '登记' }).click();
    await page.getByText('已登记').waitFor();
    const line = page.getByRole('row').filter({ hasText: '李四' });
    await expect.poll(() => line.textContent()).toContain(`${number} 不动产转移登记：已送达`);
    expect(await line.textContent()).toContain('刘洋(市民中心综合窗口)');

    await page.getByRole('button', { name: '回访 李四' }).click();
    const followUp = page.getByRole('dialog');
    await followUp.getByLabel('满意', { exact: true }).check();
    await followUp.getByLabel('回访记录').fill('申请人表示领取顺利');
    await followUp.getByRole('button', { name: '记录' }).click();
    await page.getByText('已记录回访').waitFor();
    await expect.poll(() => line.textContent()).toContain('已联系，满意：申请人表示领取顺利');
    await shoot(page, 'window-delivery-4-assistance');
    await expectAccessible(page, 'assistance');
  });
});
