import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';

/**
 * An official lets a material take only pictures, by the types' names; once published, the
 * citizen page refuses a PDF for it with words that say what to upload, and takes a PNG.
 */
const site = siteInBrowser();
let page: Page;

beforeAll(async () => {
  page = await openPage(site.browser);
});

const pdf = { name: '房产证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };
/** A 1×1 PNG. */
const png = { name: '房产证.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64') };

const proof = () => page.locator('section[aria-label="申请材料"] .ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '不动产权证书或房屋使用证明' }) });
const types = () => proof().getByRole('group', { name: '允许的文件类型' });

describe('the file types a material accepts', () => {
  it('are picked by name, none ticked meaning what the help says', async () => {
    await signedIn(page, site.server.base, '王敏(示范市政务服务管理办)');
    await page.getByRole('link', { name: '供水报装' }).click();
    await page.getByRole('tab', { name: '申请材料' }).click();
    await types().waitFor();
    expect(await types().locator('label').allTextContents()).toEqual(['PDF 文档', 'JPG 图片', 'PNG 图片', 'TIFF 图片', 'WEBP 图片', 'Word 文档(DOCX)', 'Excel 表格(XLSX)']);
    expect(await proof().textContent()).not.toMatch(/application\/|image\//);
    expect(await types().getByRole('checkbox', { checked: true }).count()).toBe(0);
    expect(await proof().textContent()).toContain('不勾选时接受 PDF 文档、JPG 图片、PNG 图片');
    // A material obtained by sharing is never uploaded: it has no types to pick.
    const shared = page.locator('section[aria-label="申请材料"] .ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '申请人身份证明或营业执照' }) });
    expect(await shared.getByRole('group', { name: '允许的文件类型' }).count()).toBe(0);

    await types().getByRole('checkbox', { name: 'JPG 图片' }).check();
    await types().getByRole('checkbox', { name: 'PNG 图片' }).check();
    await types().scrollIntoViewIfNeeded();
    await expectAccessible(page, 'materials with file types');
    await shoot(page, 'file-types-1-materials');
  });

  it('are kept in the draft, told in the preview, and published', async () => {
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.locator('.ant-message').getByText('草稿已保存').waitFor();
    await page.reload();
    await page.getByRole('tab', { name: '申请材料' }).click();
    await types().waitFor();
    await expect.poll(async () => (await types().getByRole('checkbox', { checked: true }).all()).length).toBe(2);
    expect(await types().getByRole('checkbox', { name: 'PNG 图片' }).isChecked()).toBe(true);
    expect(await types().getByRole('checkbox', { name: 'PDF 文档' }).isChecked()).toBe(false);

    await page.getByRole('tab', { name: '预览' }).click();
    const told = page.getByTestId('checklist').locator('.ant-list-item', { hasText: '不动产权证书或房屋使用证明' });
    await expect.poll(() => told.textContent()).toContain('上传 JPG、PNG 格式');

    await page.getByRole('button', { name: '发布' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-message').getByText(/已发布第 \d+ 版/).waitFor();
  });

  it('refuse a citizen’s PDF for that material, saying what to upload, and take a PNG', async () => {
    const citizen = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await citizen.goto(`${site.server.base}/apply/990100/water-connection`);
    const material = citizen.locator('#material-property-proof');
    expect(await material.textContent()).toContain('JPG、PNG 格式');
    await citizen.locator('#file-property-proof').setInputFiles(pdf);
    const refusal = material.locator('.field-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('「不动产权证书或房屋使用证明」只接受 JPG、PNG 格式的文件');
    await shoot(citizen, 'file-types-2-pdf-refused');

    await citizen.locator('#file-property-proof').setInputFiles(png);
    await expect.poll(() => material.textContent()).toContain('房产证.png 已上传');
    await expect.poll(() => refusal.count()).toBe(0);
    // Other materials keep the default: a PDF is still welcome there.
    await citizen.locator('#file-application').setInputFiles({ ...pdf, name: '申请表.pdf' });
    await expect.poll(() => citizen.locator('#material-application').textContent()).toContain('申请表.pdf 已上传');
  });
});
