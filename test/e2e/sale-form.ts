import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { saleAnswers } from '../../functions/test/files';

/** A file a browser test uploads: a tiny well-formed PDF. */
export const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });

/** A 身份证号 that checks, and one with a wrong check digit. */
export const GOOD_ID = '440524188001010014';
export const BAD_ID = '440524188001010015';

/** The two parties of the seeded 不动产转移登记 form, as an applicant types them. */
export async function fillParties(page: Page, transfereeId = GOOD_ID): Promise<void> {
  await page.locator('#root_transferor_name').fill('张三');
  await page.locator('#root_transferor_idCard').fill('11010519491231002X');
  await page.locator('#root_transferee_name').fill('李四');
  await page.locator('#root_transferee_idCard').fill(transfereeId);
  await page.locator('#root_transferee_mobile').fill('13812345678');
}

/** A 不动产转移登记 application filed over the API as the citizen page files it, with every material; its tracking number. */
export async function fileSaleApplication(base: string): Promise<string> {
  return (await fileSaleApplicationWithCode(base)).number;
}

/** The same, with the 查询码 the receipt gives the applicant. */
export async function fileSaleApplicationWithCode(base: string): Promise<{ number: string; code: string }> {
  const item = `${base}/api/items/990100/real-estate-transfer`;
  const materials: Record<string, string[]> = {};
  for (const id of ['application', 'title-certificate', 'sale-contract', 'survey-report']) {
    const form = new FormData();
    form.set('materialId', id);
    form.set('file', new File([Buffer.from('%PDF-1.4\n%%EOF\n')], `${id}.pdf`));
    materials[id] = [((await (await fetch(`${item}/uploads`, { method: 'POST', body: form })).json()) as { key: string }).key];
  }
  const response = await fetch(`${item}/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: saleAnswers, materials }) });
  expect(response.status).toBe(201);
  const filed = (await response.json()) as { case: { trackingNumber: string }; secret: string };
  return { number: filed.case.trackingNumber, code: filed.secret };
}
