import type { Page } from 'playwright-core';

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
