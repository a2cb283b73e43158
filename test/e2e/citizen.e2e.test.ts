import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, siteInBrowser } from './browser';
import { BAD_ID, fillParties, GOOD_ID, pdf } from './sale-form';
import { expectAccessible, shoot } from './editor-helpers';

/** An applicant on a phone with JavaScript turned off: the whole flow still works. */
const site = siteInBrowser();


/** Text under a PDF's name: the server reads what it is and refuses it. */
const notPdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('这不是 PDF\n') });

const phone = (javaScriptEnabled: boolean): Promise<Page> => openPage(site.browser, { viewport: { width: 390, height: 844 }, javaScriptEnabled });

describe('applying without JavaScript', () => {
  it('shows the errors at once, keeps the answers, then files the case and tracks it', async () => {
    const page = await phone(false);
    await page.goto(`${site.server.base}/apply/990100/real-estate-transfer`);
    await shoot(page, 'citizen-0-apply-nojs');
    // Told at once: every material with its condition, and every upload, before any answer.
    expect(await page.locator('#materials-list').textContent()).toContain('「转移原因」为「继承」时需要');
    expect(await page.locator('#material-sale-contract').isVisible()).toBe(true);
    await page.getByLabel('买卖', { exact: true }).check();
    await page.getByLabel('不动产权证书号').fill('示房权证第 001 号');
    await page.getByLabel('界址、面积是否发生变化').check(); // makes the survey report a 容缺 material
    await fillParties(page, BAD_ID);
    await page.locator('#file-application').setInputFiles(pdf('申请书.pdf'));
    await page.getByRole('button', { name: '提交申请' }).click();

    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('「不动产坐落」');
    expect(await summary.textContent()).toContain('「受让方的身份证号码」不是有效的居民身份证号码');
    expect(await summary.textContent()).toContain('请上传「不动产权属证书」');
    expect(await page.getByLabel('不动产权证书号').inputValue()).toBe('示房权证第 001 号');
    // The file sent is kept, under its name; the answers mark what they require.
    expect(await page.locator('#material-application').textContent()).toContain('申请书.pdf 已上传');
    expect(await page.locator('#need-sale-contract').textContent()).toContain('按您的填写需要');
    await shoot(page, 'citizen-1-errors');

    await page.getByLabel('不动产坐落').fill('示范市人民路 1 号');
    await page.locator('#root_transferee_idCard').fill(GOOD_ID);
    await page.locator('#file-title-certificate').setInputFiles(pdf('权属证书.pdf'));
    await page.locator('#file-sale-contract').setInputFiles(pdf('买卖合同.pdf'));
    await page.getByRole('button', { name: '提交申请' }).click();

    await page.getByRole('heading', { name: '申请已提交' }).waitFor();
    const number = await page.getByTestId('tracking-number').textContent();
    expect(number).toMatch(/^990100-\d{8}-\d{6}$/);
    // The address bar holds the number alone, never the 查询码 shown on the receipt.
    expect(new URL(page.url()).pathname).toBe(`/receipt/${number}`);
    expect(new URL(page.url()).search).toBe('');
    await shoot(page, 'citizen-2-receipt');

    await page.getByRole('link', { name: '查看办理进度' }).click();
    expect(await page.getByTestId('case-status').textContent()).toBe('已收件，等待受理');
    expect(new URL(page.url()).pathname).toBe(`/track/${number}`);
    await shoot(page, 'citizen-3-track');

    // Supply the 容缺 material from the tracking page.
    await page.getByLabel('补交「不动产测绘报告」').setInputFiles(pdf('测绘报告.pdf'));
    await page.getByRole('button', { name: '上传补交' }).click();
    await page.getByText('补交容缺材料：不动产测绘报告').waitFor();
    expect(await page.getByText('待补交的材料').count()).toBe(0);
  });

  it('names the party of each field the two parties share, in the summary of an empty form', async () => {
    const page = await phone(false);
    await page.goto(`${site.server.base}/apply/990100/real-estate-transfer`);
    await page.getByRole('button', { name: '提交申请' }).click();
    const entries = page.locator('#error-summary li');
    await entries.first().waitFor();
    const said = await entries.allTextContents();
    expect(said).toEqual(expect.arrayContaining(['请填写「转让方的姓名」', '请填写「转让方的身份证号码」', '请填写「受让方的姓名」', '请填写「受让方的身份证号码」', '请填写「手机号码」']));
    expect(new Set(said).size).toBe(said.length);
    await shoot(page, 'citizen-1-empty-parties');
  });
});

describe('applying with JavaScript', () => {
  it('follows the answers: the materials, the fields, mistakes on leaving a field, a draft kept on the device', async () => {
    const page = await phone(true);
    // The pages' policy (issue 15) refuses nothing they need: no securitypolicyviolation on any page of the flow.
    const refused: string[] = [];
    page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && refused.push(m.text())));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`)));
    await page.goto(`${site.server.base}/apply/990100/real-estate-transfer`);
    await shoot(page, 'citizen-0-apply-js');
    const need = (id: string) => page.locator(`#need-${id}`).getAttribute('data-need');
    const summary = page.locator('#materials-summary');
    // Nothing answered yet: every material listed, none marked, the summary says what is still open.
    expect(await page.locator('#materials-list li').count()).toBe(6);
    expect(await need('sale-contract')).toBe('');
    expect(await summary.textContent()).toContain('另有 3 项取决于尚未填写的内容');

    await page.getByLabel('继承', { exact: true }).check();
    await expect.poll(() => need('inheritance-proof')).toBe('yes');
    expect(await page.locator('#need-inheritance-proof').textContent()).toContain('按您的填写需要');
    expect(await need('sale-contract')).toBe('no');
    expect(await page.locator('#need-sale-contract').textContent()).toContain('按您的填写不需要');
    expect(await page.locator('#need-sale-contract').isVisible()).toBe(true); // marked, not hidden
    expect(await page.locator('#material-inheritance-proof').isVisible()).toBe(true);
    expect(await page.locator('#material-sale-contract').isVisible()).toBe(false);
    expect(await page.getByLabel('成交价格(万元)').isVisible()).toBe(false); // shown only for a sale
    await expect.poll(() => summary.textContent()).toContain('需要提交 3 项');

    await page.getByLabel('买卖', { exact: true }).check();
    await expect.poll(() => need('sale-contract')).toBe('yes');
    expect(await need('inheritance-proof')).toBe('no');
    expect(await page.locator('#material-sale-contract').isVisible()).toBe(true);
    expect(await page.getByLabel('成交价格(万元)').isVisible()).toBe(true);

    await page.getByLabel('界址、面积是否发生变化').check();
    await expect.poll(() => need('survey-report')).toBe('yes');
    await expect.poll(() => summary.textContent()).toContain('需要提交 4 项(其中 1 项可容缺后补)');
    await page.getByLabel('界址、面积是否发生变化').uncheck();
    await expect.poll(() => need('survey-report')).toBe('no'); // an unticked box answers 否: the report is not needed
    await shoot(page, 'citizen-0-apply-js-marked');

    await page.locator('#root_transferee_idCard').fill(BAD_ID);
    await page.locator('#root_transferee_mobile').focus();
    await page.getByText('「受让方的身份证号码」不是有效的居民身份证号码').waitFor();
    await page.locator('#root_transferee_idCard').fill(GOOD_ID);
    await page.locator('#root_transferee_mobile').focus();
    await expect.poll(() => page.getByText('「受让方的身份证号码」不是有效的居民身份证号码').count()).toBe(0);
    await shoot(page, 'citizen-4-live');

    await page.getByLabel('不动产权证书号').fill('示房权证第 002 号');
    await page.reload();
    await expect.poll(() => page.getByLabel('不动产权证书号').inputValue()).toBe('示房权证第 002 号');
    expect(await page.getByLabel('买卖', { exact: true }).isChecked()).toBe(true);

    // Files go up as they are chosen; then the application is filed.
    await page.getByLabel('不动产坐落').fill('示范市人民路 2 号');
    await page.getByLabel('界址、面积是否发生变化').check();
    await expect.poll(() => need('survey-report')).toBe('yes');
    await fillParties(page);
    for (const id of ['application', 'title-certificate', 'sale-contract']) await page.locator(`#file-${id}`).setInputFiles(pdf(`${id}.pdf`));
    await expect.poll(() => page.getByText('已上传').count()).toBe(3);
    // A post that needs correcting keeps the files sent, still under their names.
    await page.locator('#root_transferee_mobile').fill('');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#material-application').textContent()).toContain('application.pdf 已上传');
    await page.locator('#root_transferee_mobile').fill('13812345678');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { name: '申请已提交' }).waitFor();
    expect(await page.getByTestId('tracking-number').textContent()).toMatch(/^990100-\d{8}-\d{6}$/);
    expect(page.url()).not.toContain('secret');

    await page.getByRole('link', { name: '查看办理进度' }).click();
    await page.getByLabel('补交「不动产测绘报告」').setInputFiles(pdf('测绘报告.pdf'));
    await page.getByRole('button', { name: '上传补交' }).click();
    await page.getByText('补交容缺材料：不动产测绘报告').waitFor();
    expect(refused).toEqual([]);
  });
});

describe('correcting with JavaScript', () => {
  it('takes each error away once fixed, at the field and from the summary with its count, without moving the control tapped', async () => {
    const page = await phone(true);
    await page.goto(`${site.server.base}/apply/990100/real-estate-transfer`);
    await page.getByLabel('买卖', { exact: true }).check();
    await page.getByLabel('不动产权证书号').fill('示房权证第 003 号');
    await fillParties(page, BAD_ID);
    await page.locator('#file-application').setInputFiles(pdf('申请书.pdf'));
    await expect.poll(() => page.getByText('已上传').count()).toBe(1);
    await page.getByRole('button', { name: '提交申请' }).click();

    const corrections = page.locator('#error-summary');
    await corrections.waitFor();
    const title = () => page.locator('#summary-title').textContent();
    const entries = corrections.locator('li');
    expect(await title()).toBe('有 4 处需要修改');
    expect(await entries.allTextContents()).toEqual(['请填写「不动产坐落」', '「受让方的身份证号码」不是有效的居民身份证号码', '请上传「不动产权属证书」', '请上传「不动产买卖合同」']);
    const idError = page.locator('#root_transferee_idCard__error');
    expect(await idError.textContent()).toBe('「受让方的身份证号码」不是有效的居民身份证号码');
    await shoot(page, 'citizen-5-js-errors');

    // Fixed, then the next field tapped: the error goes at the field and from the top, and the tapped field stays put.
    await page.locator('#root_transferee_idCard').fill(GOOD_ID);
    const mobile = page.locator('#root_transferee_mobile');
    await mobile.scrollIntoViewIfNeeded();
    const before = (await mobile.boundingBox())!.y;
    await mobile.click();
    await expect.poll(() => title()).toBe('有 3 处需要修改');
    expect(await idError.count()).toBe(0);
    expect(await page.getByText('「受让方的身份证号码」不是有效的居民身份证号码').count()).toBe(0);
    expect((await mobile.boundingBox())!.y).toBeCloseTo(before, 0);
    expect(await page.locator('#root_location__error').textContent()).toBe('请填写「不动产坐落」'); // not fixed yet: stays
    await shoot(page, 'citizen-6-js-one-fixed');

    // A file refused, then a good one for the same material: the refusal goes, and so does 请上传.
    await page.locator('#file-title-certificate').setInputFiles(notPdf('权属证书.pdf'));
    await page.locator('#material-title-certificate .field-error').waitFor();
    await page.locator('#file-title-certificate').setInputFiles(pdf('权属证书.pdf'));
    await expect.poll(() => page.locator('#material-title-certificate').textContent()).toContain('权属证书.pdf 已上传');
    await expect.poll(() => page.locator('#material-title-certificate .field-error').count()).toBe(0);
    await expect.poll(() => title()).toBe('有 2 处需要修改');
    expect(await entries.allTextContents()).toEqual(['请填写「不动产坐落」', '请上传「不动产买卖合同」']);

    // The last ones fixed: the summary goes; the application is then filed.
    await page.getByLabel('不动产坐落').fill('示范市人民路 3 号');
    await page.getByLabel('不动产坐落').blur();
    await expect.poll(() => entries.count()).toBe(1);
    expect(await page.locator('#root_location__error').count()).toBe(0);
    await page.locator('#file-sale-contract').setInputFiles(pdf('买卖合同.pdf'));
    await expect.poll(() => corrections.count()).toBe(0);
    await shoot(page, 'citizen-7-js-all-fixed');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { name: '申请已提交' }).waitFor();
  });
});

/**
 * 企业设立登记 with two investors, the first then removed: without JavaScript each 添加一项 / 删除
 * comes back from the server; with it they happen in place. The case holds the investor kept.
 */
async function registerCompany(javaScriptEnabled: boolean) {
  const page = await phone(javaScriptEnabled);
  await page.goto(`${site.server.base}/apply/990100/company-registration`);
  await page.getByLabel('企业名称').fill('示范科技有限公司');
  await page.getByLabel('企业类型').selectOption({ label: '有限责任公司' });
  await page.locator('#root_address').fill('示范市人民路 2 号');
  await page.getByLabel('经营范围').fill('软件开发');
  await page.locator('#root_legalRepresentative_name').fill('王五');
  await page.locator('#root_legalRepresentative_idCard').fill('11010519491231002X');
  await page.locator('#root_legalRepresentative_mobile').fill('13812345678');
  // The required list starts with one entry to fill in.
  await page.locator('#root_investors_0_name').fill('王五');
  await page.locator('#root_investors_0_idNumber').fill('11010519491231002X');
  await page.locator('#root_investors_0_capital').fill('60');
  await page.locator('#file-application').setInputFiles(pdf('申请书.pdf'));
  expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0); // the only one cannot go
  // With JavaScript the page stays: a mark set on it survives the button.
  if (javaScriptEnabled) await page.evaluate(() => Object.assign(window, { stayed: true }));
  await page.getByRole('button', { name: '添加一项' }).click();
  if (javaScriptEnabled) expect(await page.evaluate(() => 'stayed' in window)).toBe(true);
  if (javaScriptEnabled) expect(await page.evaluate(() => document.activeElement?.id)).toBe('root_investors_1_name');

  // The new entry is numbered next, as the server numbers it.
  expect(await page.locator('#root_investors_1__title').textContent()).toMatch(/-2\*?$/);
  await page.locator('#root_investors_1_name').fill('赵六');
  await page.locator('#root_investors_1_idNumber').fill(GOOD_ID);
  await page.locator('#root_investors_1_capital').fill('40');
  // Nothing typed is lost on the way, nor the file sent; no errors for a list button.
  expect(await page.locator('#root_investors_0_name').inputValue()).toBe('王五');
  expect(await page.getByLabel('企业名称').inputValue()).toBe('示范科技有限公司');
  if (!javaScriptEnabled) expect(await page.locator('#material-application').textContent()).toContain('申请书.pdf 已上传');
  expect(await page.locator('#error-summary').count()).toBe(0);
  await shoot(page, `citizen-list-two-${javaScriptEnabled ? 'js' : 'nojs'}`);

  await page.getByRole('button', { name: '删除' }).first().click();
  await page.locator('#root_investors_1_name').waitFor({ state: 'detached' });
  expect(await page.locator('#root_investors_0_name').inputValue()).toBe('赵六');
  expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0);
  if (javaScriptEnabled) expect(await page.evaluate(() => 'stayed' in window)).toBe(true);
  await page.getByRole('button', { name: '添加一项' }).click();
  if (javaScriptEnabled) await expectAccessible(page, 'company registration, two investors'); // axe needs the page's JavaScript
  await page.getByRole('button', { name: '删除' }).nth(1).click();
  await page.locator('#root_investors_1_name').waitFor({ state: 'detached' });

  if (javaScriptEnabled) await page.locator('#file-application').setInputFiles(pdf('申请书.pdf'));
  await page.locator('#file-articles').setInputFiles(pdf('章程.pdf'));
  await page.locator('#file-premises').setInputFiles(pdf('租赁合同.pdf'));
  if (javaScriptEnabled) await page.locator('#material-premises .kept-file').waitFor();
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('heading', { name: '申请已提交' }).waitFor();
  const tracking = (await page.getByTestId('tracking-number').textContent())!;
  expect(new URL(page.url()).pathname).toBe(`/receipt/${tracking}`);
  // The code, as the applicant reads it off the receipt, goes in a header: never in an address.
  const code = (await page.getByTestId('tracking-secret').textContent())!;
  const found = await page.request.get(`${site.server.base}/api/track/${tracking}`, { headers: { 'x-tracking-secret': code } });
  expect((await found.json()).answers.investors).toEqual([{ name: '赵六', idNumber: '440524188001010014', capital: 40 }]);
}

describe('repeating groups (股东(投资人))', () => {
  it('without JavaScript: 添加一项 and 删除 come back from the server with everything kept', () => registerCompany(false));
  it('with JavaScript: the same in place', () => registerCompany(true));
});

describe('the citizen pages', () => {
  it('have no serious accessibility problem', async () => {
    const page = await phone(true);
    await page.goto(`${site.server.base}/apply/990100/real-estate-transfer`);
    await expectAccessible(page, 'apply');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'apply with errors');
    await page.goto(`${site.server.base}/apply/990100/real-estate-transfer/checklist`);
    await expectAccessible(page, 'checklist');
    await page.goto(`${site.server.base}/track`);
    await expectAccessible(page, 'track');
    await page.goto(`${site.server.base}/track/990100-20260302-000001`);
    await expectAccessible(page, 'track, asking for the code');
  });
});
