import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, siteInBrowser } from './browser';
import { fillParties, pdf } from './sale-form';
import { expectAccessible, shoot } from './editor-helpers';

/**
 * Following a case on a phone, with and without JavaScript, and the 查询码 never in the address
 * bar (issue 15): the browser that submitted opens the case by its number alone; another browser
 * is asked for the code; a link from before, with ?secret=, still opens the case and ends on the
 * address without it.
 */
const site = siteInBrowser();

const phone = (javaScriptEnabled: boolean): Promise<Page> => openPage(site.browser, { viewport: { width: 390, height: 844 }, javaScriptEnabled });
const path = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

/** A sale filed through the form as an applicant fills it in; the receipt it ends on. */
async function fileThroughTheForm(page: Page, javaScriptEnabled: boolean): Promise<{ number: string; code: string }> {
  await page.goto(`${site.server.base}/apply/990100/real-estate-transfer`);
  await page.getByLabel('买卖', { exact: true }).check();
  await page.getByLabel('不动产权证书号').fill('示房权证第 010 号');
  await page.getByLabel('不动产坐落').fill('示范市人民路 10 号');
  await fillParties(page);
  for (const id of ['application', 'title-certificate', 'sale-contract']) await page.locator(`#file-${id}`).setInputFiles(pdf(`${id}.pdf`));
  if (javaScriptEnabled) await expect.poll(() => page.getByText('已上传').count()).toBe(3);
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('heading', { name: '申请已提交' }).waitFor();
  const number = (await page.getByTestId('tracking-number').textContent())!;
  const code = (await page.getByTestId('tracking-secret').textContent())!;
  return { number, code };
}

describe.each([
  ['without JavaScript', false],
  ['with JavaScript', true],
])('following a case %s', (_how, javaScriptEnabled) => {
  const suffix = javaScriptEnabled ? 'js' : 'nojs';

  it('keeps the 查询码 out of the address bar: the same browser opens the case by its number, another is asked for the code', async () => {
    const page = await phone(javaScriptEnabled);
    const refused: string[] = [];
    page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && refused.push(m.text())));
    const { number, code } = await fileThroughTheForm(page, javaScriptEnabled);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}$/);
    expect(path(page)).toBe(`/receipt/${number}`);
    await shoot(page, `citizen-track-1-receipt-${suffix}`);

    // Reopened in the same browser, by the number alone: the case, no code asked.
    await page.goto(`${site.server.base}/track/${number}`);
    expect(await page.getByTestId('case-status').textContent()).toBe('已收件，等待受理');
    await page.reload();
    expect(await page.getByTestId('case-status').textContent()).toBe('已收件，等待受理');
    await shoot(page, `citizen-track-2-same-browser-${suffix}`);

    // Another phone: asked for the code, the number already there.
    const other = await phone(javaScriptEnabled);
    await other.goto(`${site.server.base}/track/${number}`);
    await other.getByText('请输入查询码查看这个办件').waitFor();
    expect(await other.getByLabel('受理编号').inputValue()).toBe(number);
    expect(await other.getByTestId('case-status').count()).toBe(0);
    await shoot(other, `citizen-track-3-asked-${suffix}`);
    // A wrong code: told so, nothing of the case shown, the code nowhere in the address.
    await other.getByLabel('查询码').fill('AAAA 2222');
    await other.getByRole('button', { name: '查询' }).click();
    await other.getByText('没有找到这个办件：请核对受理编号和查询码。').waitFor();
    expect(path(other)).toBe('/track');
    await shoot(other, `citizen-track-4-wrong-code-${suffix}`);
    // The code as read from the text message, in lower case.
    await other.getByLabel('查询码').fill(code.toLowerCase());
    await other.getByRole('button', { name: '查询' }).click();
    await other.getByTestId('case-status').waitFor();
    expect(path(other)).toBe(`/track/${number}`);
    expect(await other.getByTestId('case-status').textContent()).toBe('已收件，等待受理');

    // Withdrawn from the tracking page: the form posts, the browser comes back to the case's address.
    await other.getByText('撤回申请').click();
    await other.getByLabel('撤回原因(可不填)').fill('信息填错，重新申请');
    await other.getByRole('button', { name: '确认撤回' }).click();
    await expect.poll(() => other.getByTestId('case-status').textContent()).toBe('已撤回');
    expect(path(other)).toBe(`/track/${number}`);
    await shoot(other, `citizen-track-5-withdrawn-${suffix}`);
    if (javaScriptEnabled) await expectAccessible(other, 'the case, withdrawn');
    // The browser that submitted sees it too.
    await page.reload();
    expect(await page.getByTestId('case-status').textContent()).toBe('已撤回');
    expect(refused).toEqual([]);
  });

  it('opens an old link with ?secret= once and lands on the address without it', async () => {
    const page = await phone(javaScriptEnabled);
    const { number, code } = await fileThroughTheForm(page, javaScriptEnabled);
    const compact = code.replace(/\s/g, '');

    const reader = await phone(javaScriptEnabled);
    await reader.goto(`${site.server.base}/track?number=${number}&secret=${compact}`);
    expect(path(reader)).toBe(`/track/${number}`);
    expect(await reader.getByTestId('case-status').textContent()).toBe('已收件，等待受理');
    await shoot(reader, `citizen-track-6-old-link-${suffix}`);
    // The language switch leads to the clean address too.
    expect(await reader.getByRole('link', { name: 'English' }).getAttribute('href')).toBe(`/track/${number}?lang=en`);

    // The same link on another site's page (localhost is another site than 127.0.0.1), tapped there.
    const elsewhere = await phone(javaScriptEnabled);
    await elsewhere.goto(`${site.server.base.replace('127.0.0.1', 'localhost')}/track`);
    await elsewhere.setContent(`<a href="${site.server.base}/track?number=${number}&secret=${compact}">办件进度</a>`);
    await elsewhere.getByRole('link', { name: '办件进度' }).click();
    await elsewhere.getByTestId('case-status').waitFor();
    expect(path(elsewhere)).toBe(`/track/${number}`);
    await elsewhere.goBack();
    expect(elsewhere.url()).not.toContain('secret');

    const receiptReader = await phone(javaScriptEnabled);
    await receiptReader.goto(`${site.server.base}/receipt/${number}?secret=${compact}`);
    expect(path(receiptReader)).toBe(`/receipt/${number}`);
    expect(await receiptReader.getByTestId('tracking-secret').textContent()).toBe(code);
    expect(await receiptReader.content()).not.toContain(`secret=`);
  });
});
