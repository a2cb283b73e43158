import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { expectAccessible, shoot } from './editor-helpers';

/**
 * 一件事 in the editor, as the city's official makes one: three published items in two steps, the
 * suggested one form accepted and one question asked on its own again, published, and answered
 * at /apply; then one of its items publishes again and the bundle screen says what changed.
 */
const site = siteInBrowser();
let page: Page;
const CITY = '990100';
const ID = 'kai-ban-xiao-can-guan';

beforeAll(async () => {
  page = await signedIn(await openPage(site.browser), site.server.base, '王敏(示范市政务服务管理办)');
  await page.getByRole('heading', { name: '事项清单' }).waitFor();
});

/** Picks an item in the multiple select by typing part of its name. */
async function pickItem(typed: string, option: string): Promise<void> {
  const box = page.locator('#bundle-items');
  await box.click();
  await box.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await page.keyboard.press('Escape');
}

/** Picks a question or document in one of the join selects by typing part of its name. */
async function pickQuestion(select: string, typed: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: select });
  await box.click();
  await box.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** The API as the signed-in official calls it. */
async function asOfficial(method: string, path: string, body?: unknown, ifMatch?: number): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, path, body, ifMatch }) => {
      const { token } = JSON.parse(sessionStorage.getItem('onevisit.session')!);
      const response = await fetch(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(ifMatch ? { 'if-match': `"${ifMatch}"` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body, ifMatch },
  );
}

describe('a 一件事 made in the editor', () => {
  it('is listed under its own menu entry, the seeded 开办餐饮店 with it', async () => {
    await page.getByRole('link', { name: '一件事一次办' }).click();
    await page.getByRole('heading', { name: '一件事一次办' }).waitFor();
    await page.getByRole('link', { name: '开办餐饮店' }).waitFor();
    await expect.poll(() => page.locator('.ant-spin-blur').count()).toBe(0);
    await shoot(page, 'bundle-editor-list');
    await expectAccessible(page, 'bundle list');
  });

  it('opens the seeded 开办餐饮店 with its steps, when each item applies, and its checks passed', async () => {
    await page.getByRole('link', { name: '开办餐饮店' }).click();
    await page.getByText('发布前检查全部通过，可以发布。').waitFor();
    await page.getByRole('tab', { name: '事项与顺序' }).click();
    await page.getByText('仅当「是否需要刻制公章」为「是」时办理').waitFor();
    await page.getByText('已发布第 1 版，无未发布的修改').waitFor();
    expect(await page.getByRole('button', { name: '发布', exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => page.getByLabel('办理顺序', { exact: true }).innerText()).toMatch(/^第 1 步：企业设立登记\(多证合一\) → 第 2 步\(同时办理\)：/);
    await shoot(page, 'bundle-editor-seeded');
    await page.getByRole('link', { name: '一件事一次办' }).click();
  });

  it('is made from published items picked by name, in two steps', async () => {
    await page.getByRole('button', { name: '新建一件事' }).click();
    await page.getByLabel('一件事名称').fill('开办小餐馆');
    await expect.poll(() => page.locator('#bundle-id').inputValue()).toBe(ID);
    await pickItem('企业设立', '企业设立登记(多证合一)');
    await pickItem('食品经营', '食品经营许可(餐饮服务)');
    await pickItem('公章', '公章刻制备案');
    const order = page.getByLabel('办理顺序', { exact: true });
    await expect.poll(() => order.innerText()).toBe('第 1 步：企业设立登记(多证合一) → 第 2 步(同时办理)：食品经营许可(餐饮服务)、公章刻制备案');
    await page.getByRole('radio', { name: '全部终止办理' }).check();
    await shoot(page, 'bundle-editor-new');
    await expectAccessible(page, 'new bundle');
    await page.getByRole('button', { name: '创建并设置合并表单' }).click();
    await page.getByRole('heading', { name: '开办小餐馆' }).waitFor();
  });

  it('shows the suggested merge of questions by item and title, accepted, then one asked on its own again', async () => {
    await page.getByText('系统找到 5 组相同的问题，建议各合并为一问。请核对后接受。').waitFor();
    await page.getByText('这些问题合并为一问：法定代表人身份证号码').waitFor();
    await page.getByText('「食品经营许可(餐饮服务)」的「法定代表人(负责人) 身份证号码」').waitFor();
    await shoot(page, 'bundle-editor-proposal');
    await page.getByRole('button', { name: '接受合并建议' }).click();
    await page.getByRole('button', { name: '单独询问：「公章刻制备案」的「联系电话」' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^单独询问：/ }).count()).toBe(11);
    // The company registered in the first step has its code when the others start: nobody is asked it.
    await page.getByLabel('怎样填写：统一社会信用代码').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '由「企业设立登记(多证合一)」办结后自动填入' }).click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.getByText('发布前检查全部通过，可以发布。').waitFor();
    await shoot(page, 'bundle-editor-questions');
    await expectAccessible(page, 'questions');
  });

  it('refuses, naming both items and questions, two questions joined by hand that cannot share an answer', async () => {
    await pickQuestion('第一个问题', '注册资本', '「企业设立登记(多证合一)」的「注册资本(万元)」');
    await pickQuestion('与之相同的问题', '经营场所', '「食品经营许可(餐饮服务)」的「经营场所」');
    await page.getByRole('button', { name: '合并为一问' }).click();
    const checks = page.getByRole('region', { name: '发布前检查' });
    await expect.poll(() => checks.innerText()).toMatch(/合并问题「注册资本\(万元\)」不能同时填写「企业设立登记\(多证合一\)」的「注册资本\(万元\)」和「食品经营许可\(餐饮服务\)」的「经营场所」/);
    expect(await page.getByRole('button', { name: '发布', exact: true }).isDisabled()).toBe(true);
    await shoot(page, 'bundle-editor-refused');
    await page.getByRole('button', { name: '全部拆开：注册资本(万元)' }).click();
    await page.getByText('发布前检查全部通过，可以发布。').waitFor();
  });

  it('lists one set of documents, the promised time with its legal basis, and what one application saves', async () => {
    await page.getByRole('tab', { name: '合并材料' }).click();
    const licence = page.getByRole('row').filter({ hasText: '营业执照' });
    await expect.poll(() => licence.innerText()).toContain('食品经营许可(餐饮服务)');
    expect(await licence.innerText()).toContain('公章刻制备案');
    await shoot(page, 'bundle-editor-materials');
    // Two documents marked the same are handed in once, for every item needing either; then parted again.
    await pickQuestion('第一份材料', '投资人', '投资人身份证明');
    await pickQuestion('与之相同的材料', '法定代表人身份', '法定代表人身份证明');
    await page.getByRole('button', { name: '只交一次' }).click();
    const joined = page.getByRole('row').filter({ hasText: '投资人身份证明' });
    await expect.poll(() => joined.innerText()).toContain('公章刻制备案');
    expect(await page.getByRole('row').filter({ hasText: '法定代表人身份证明' }).count()).toBe(0);
    await page.getByRole('button', { name: '分开提交：投资人身份证明' }).click();
    await page.getByRole('row').filter({ hasText: '法定代表人身份证明' }).waitFor();
    await page.getByRole('tab', { name: '时限与数据' }).click();
    await page.getByText('合计 6 个工作日').waitFor();
    await page.getByText(/《中华人民共和国行政许可法》第四十二条第二款/).waitFor();
    await page.getByRole('row').filter({ hasText: '要回答的问题' }).waitFor();
    await shoot(page, 'bundle-editor-promise');
    await expectAccessible(page, 'promise');
  });

  it('publishes, and the one form answers at /apply', async () => {
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-message').getByText('已发布第 1 版').waitFor();
    await page.getByRole('link', { name: `/apply/${CITY}/${ID}` }).waitFor();
    await page.getByText('已发布第 1 版，无未发布的修改').waitFor();
    const response = await fetch(`${site.server.base}/apply/${CITY}/${ID}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('开办小餐馆');
    // Asked once across the three items; the seal's own mobile asked apart from the others'.
    expect(html.split('法定代表人身份证号码').length - 1).toBeGreaterThanOrEqual(1);
    const apply = await openPage(site.browser);
    await apply.goto(`${site.server.base}/apply/${CITY}/${ID}`);
    await apply.getByRole('heading', { name: /开办小餐馆/ }).first().waitFor();
    expect(await apply.getByLabel(/法定代表人身份证号码/).count()).toBe(1);
    expect(await apply.getByLabel(/统一社会信用代码/).count()).toBe(0);
    await shoot(apply, 'bundle-editor-apply');
    await apply.context().close();
  });

  it('says when one of its items publishes a new version, with what changed, before it is published again', async () => {
    const draft = await asOfficial('GET', `/api/admin/${CITY}/items/food-licence/draft`);
    const changed = { ...draft.json.definition, legalLimit: { value: 12, unit: 'workday' } };
    expect(await asOfficial('PUT', `/api/admin/${CITY}/items/food-licence/draft`, changed, draft.json.revision)).toMatchObject({ status: 200 });
    expect(await asOfficial('POST', `/api/admin/${CITY}/items/food-licence/publish`, {}, draft.json.revision + 1)).toMatchObject({ status: 201 });
    await page.reload();
    await page.getByText('「食品经营许可(餐饮服务)」已发布第 2 版，本一件事仍按第 1 版办理。').waitFor();
    await page.getByRole('cell', { name: '12个工作日' }).first().waitFor();
    await shoot(page, 'bundle-editor-base-version');
    await page.getByRole('button', { name: '改用「食品经营许可(餐饮服务)」第 2 版' }).click();
    await page.getByRole('tab', { name: '时限与数据' }).click();
    await page.getByText(/上限 15 个工作日/).waitFor();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-message').getByText('已发布第 2 版').waitFor();
    expect((await asOfficial('GET', `/api/admin/${CITY}/bundles/${ID}/versions`)).json.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it('says the same in English', async () => {
    await page.locator('.ant-segmented-item', { hasText: 'EN' }).click();
    await page.getByRole('tab', { name: 'Questions asked once' }).click();
    await page.getByText('These are asked as one: 法定代表人身份证号码').waitFor();
    await shoot(page, 'bundle-editor-english');
    await page.getByRole('tab', { name: 'Time and figures' }).click();
    await page.getByText('6 working days in all').waitFor();
    await page.locator('.ant-segmented-item', { hasText: '中文' }).click();
  });
});
