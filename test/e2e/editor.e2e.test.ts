import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, signedIn, siteInBrowser } from './browser';
import { choose, expectAccessible, shoot } from './editor-helpers';

/**
 * A new official, in a real browser: signs in, creates an item from blank with three fields,
 * three materials (conditional, 容缺, shared), two steps and limits, previews it, publishes,
 * edits and publishes again, and reads the difference between the versions.
 */
const site = siteInBrowser();
let page: Page;

beforeAll(async () => {
  page = await openPage(site.browser);
});

const tab = (name: string) => page.getByRole('tab', { name });
/** A titled section of the basics. */
const section = (title: string) => page.locator('.ant-card', { has: page.getByRole('heading', { name: title, exact: true }) });

describe('an official configures and publishes an item', () => {
  it('signs in with the demo picker and sees the catalogue', async () => {
    await page.goto(`${site.server.base}/admin/`);
    await expect.poll(() => page.getByRole('heading', { name: '登录事项配置' }).isVisible()).toBe(true);
    await expectAccessible(page, 'sign-in');
    await shoot(page, '1-sign-in');
    await page.getByRole('button', { name: '登录为 王敏(示范市政务服务管理办)' }).click();
    await page.getByRole('heading', { name: '事项清单' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: '不动产转移登记' }).isVisible()).toBe(true);
    await expectAccessible(page, 'catalogue');
    await shoot(page, '2-catalogue');
  });

  it('creates an item from blank, picking its department from the list', async () => {
    await page.getByRole('button', { name: '新建事项' }).click();
    await page.getByLabel('事项名称').fill('个体工商户登记');
    // The id is made from the name; the official may change it.
    await expect.poll(() => page.getByLabel('事项标识(网址中使用)').inputValue()).toBe('ge-ti-gong-shang-hu-deng-ji');
    await page.getByLabel('事项标识(网址中使用)').fill('sole-trader');
    await choose(page, page.getByLabel('实施主体(办理部门)'), '示范市市场监督管理局');
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { name: '个体工商户登记' }).waitFor();
    expect(page.url()).toContain('/admin/items/sole-trader');
  });

  it('fills in the basics, rendered from the item model', async () => {
    await page.getByLabel('基本编码').fill('990100-XK-9001');
    await choose(page, page.getByLabel('事项类型'), '行政许可');
    await page.getByRole('checkbox', { name: '市级' }).check();
    // 实施主体 is a choice among the jurisdiction's departments, never typed.
    expect(await page.locator('section[aria-label="基本信息"]').getByText('示范市市场监督管理局').count()).toBeGreaterThan(0);
    // The basics come in titled sections, each reached from the list at the top.
    await page.getByRole('navigation', { name: '本页各部分' }).getByRole('button', { name: '办理方式与渠道' }).click();
    await section('办理方式与渠道').getByRole('button', { name: '添加一项' }).nth(1).click(); // 办理地点和时间, then 收费
    await page.getByLabel('收费项目').fill('个体工商户登记');
    // Left alone, the fee is free, as the screen shows.
    expect(await page.getByRole('radio', { name: '不收费' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: '自然人' }).check();
    await page.getByRole('checkbox', { name: '窗口办理' }).check();
    await page.getByRole('checkbox', { name: '电脑端网上办理' }).check();
    await page.getByLabel('到办事现场次数').fill('0');
    // 网上办理深度 is ticked service by service; the level (Ⅰ–Ⅳ) follows beside it.
    await page.getByRole('checkbox', { name: '互联网受理', exact: true }).check();
    await page.getByText('Ⅲ级 网上受理').waitFor();
    await page.getByRole('checkbox', { name: '互联网办理', exact: true }).check();
    await page.getByText('Ⅳ级 全程网办').waitFor();
    // Some of the national elements: 受理条件, a 服务主题, the complaints line.
    await page.getByLabel('受理条件').fill('有经营能力的自然人，经营场所合法');
    await section('基本信息').getByRole('checkbox', { name: '就业创业' }).check();
    await page.getByLabel('监督投诉电话').fill('0546-12345');
    // A 行政许可 names what it grants: 填写此项 opens the result.
    await section('结果与救济').getByRole('button', { name: '填写此项' }).first().click();
    await section('结果与救济').getByLabel('结果名称').fill('个体工商户营业执照');
    await choose(page, section('结果与救济').getByLabel('结果类型'), '执照');
    await section('结果与救济').getByLabel('有效期').fill('长期有效');
    await expectAccessible(page, 'basics');
    await shoot(page, '3-basics');
  });

  it('builds a form of three fields, one of them a choice', async () => {
    await tab('申请表单').click();
    await page.getByRole('button', { name: '单选', exact: true }).click();
    await page.getByRole('button', { name: '单行文本', exact: true }).click();
    await page.getByRole('button', { name: '手机号码', exact: true }).click();
    const panels = page.locator('.ant-collapse-item');
    await expect.poll(() => panels.count()).toBe(3);

    await panels.nth(0).locator('.ant-collapse-header').click();
    await panels.nth(0).getByLabel('标题').fill('申请人类型');
    // The key is generated; an expert may set it under 高级.
    expect(await panels.nth(0).getByLabel('字段标识').count()).toBe(0);
    await panels.nth(0).getByRole('button', { name: '高级' }).click();
    await panels.nth(0).getByLabel('字段标识').fill('applicantType');
    // New fields are required unless unticked; choices are named, their codes made for them.
    expect(await panels.nth(0).getByLabel('必填').isChecked()).toBe(true);
    await panels.nth(0).getByLabel('选项1显示文字').fill('个人');
    await panels.nth(0).getByLabel('选项2显示文字').fill('企业');

    await panels.nth(1).locator('.ant-collapse-header').click();
    await panels.nth(1).getByLabel('标题').fill('经营者姓名');
    await panels.nth(2).locator('.ant-collapse-header').click();
    await panels.nth(2).getByLabel('标题').fill('联系电话');
    await expectAccessible(page, 'form builder');
    await shoot(page, '4-form-builder');
  });

  it('lists three materials: conditional, 容缺 and shared', async () => {
    await tab('申请材料').click();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '添加材料' }).click();
    const cards = page.locator('section[aria-label="申请材料"] .ant-card');
    await cards.nth(0).getByLabel('材料名称').fill('营业执照副本');
    await cards.nth(0).getByRole('button', { name: '添加适用条件' }).click();
    // A condition just added is not scolded at its row; the publish-time list still names it.
    await page.getByRole('button', { name: '「适用情形」请选择字段' }).waitFor();
    expect(await cards.nth(0).getByText('请选择字段').count()).toBe(0);
    await choose(page, cards.nth(0).getByLabel('条件1：字段'), '申请人类型');
    await choose(page, cards.nth(0).getByLabel('条件1：值'), '企业');

    await cards.nth(1).getByLabel('材料名称').fill('经营场所证明');
    await cards.nth(1).getByRole('radio', { name: '容缺(可后补)' }).check();
    // The rarer elements wait folded under 更多要素.
    expect(await cards.nth(1).getByLabel('出具机构').count()).toBe(0);
    await cards.nth(1).getByText('更多要素(出具机构、出具时间、受理标准、页数/规格、签字要求)').click();
    await cards.nth(1).getByLabel('出具机构').fill('房屋产权人或村(居)民委员会');
    await cards.nth(1).getByLabel('签字要求').fill('产权人签字');
    await cards.nth(1).getByText('更多要素(已填 2 项)').waitFor();

    await cards.nth(1).locator('input[type=file]').first().setInputFiles({ name: '经营场所证明(空白).pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await cards.nth(1).getByRole('link', { name: '经营场所证明(空白).pdf' }).waitFor();

    await cards.nth(2).getByLabel('材料名称').fill('居民身份证');
    await cards.nth(2).getByRole('switch', { name: '信息共享免交' }).click();
    await cards.nth(2).getByLabel('共享来源(部门或电子证照)').fill('公安部门电子身份证照');
    await expectAccessible(page, 'materials');
    await shoot(page, '5-materials');
  });

  it('sets two steps and the limits, and refuses a promise longer than the law allows', async () => {
    await tab('环节与时限').click();
    // A blank item says nothing about its limits until the official does: nothing ticked, no 0.
    expect(await page.getByRole('checkbox', { name: '法律未规定时限' }).isChecked()).toBe(false);
    expect(await page.getByLabel('承诺办结时限', { exact: true }).inputValue()).toBe('');
    await page.getByLabel('法定办结时限', { exact: true }).fill('20');
    await page.getByRole('radio', { name: '承诺件' }).check();
    await page.getByRole('switch', { name: '实行容缺受理' }).click();
    await page.getByLabel('补交期限(工作日)').fill('2');
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: '添加环节' }).click();
    const steps = page.locator('section[aria-label="环节与时限"] .ant-card-type-inner');
    await steps.nth(0).getByLabel('环节名称').fill('审核');
    await steps.nth(0).getByLabel('办理岗位或部门').fill('登记注册科');
    await steps.nth(0).getByLabel('时限(工作日)').fill('3');
    await steps.nth(1).getByLabel('环节名称').fill('发照');
    await steps.nth(1).getByLabel('办理岗位或部门').fill('综合窗口');
    await steps.nth(1).getByLabel('时限(工作日)').fill('2');

    await page.getByLabel('承诺办结时限', { exact: true }).fill('30');
    const error = page.locator('.ant-form-item-explain-error', { hasText: '承诺时限(30个工作日)不能超过法定时限(20个工作日)' });
    await error.waitFor();
    expect(await page.getByRole('button', { name: '发布' }).isDisabled()).toBe(true);
    await shoot(page, '6-steps-error');

    await page.getByLabel('承诺办结时限', { exact: true }).fill('5');
    await expect.poll(() => page.getByText('发布前检查全部通过，可以发布。').isVisible()).toBe(true);
    await expectAccessible(page, 'steps');
    await shoot(page, '7-steps');
  });

  it('previews the citizen form: every material told with its condition, marked as the answer decides', async () => {
    await tab('预览').click();
    const checklist = page.getByTestId('checklist');
    const licence = checklist.locator('.ant-list-item', { hasText: '营业执照副本' });
    expect(await licence.textContent()).toContain('「申请人类型」为「企业」时需要');
    await page.getByRole('radio', { name: '个人' }).check();
    await expect.poll(() => licence.textContent()).toContain('按您的填写不需要');
    await page.getByRole('radio', { name: '企业' }).check();
    await expect.poll(() => licence.textContent()).toContain('按您的填写需要');
    expect(await checklist.textContent()).toContain('经营场所证明');
    expect(await checklist.textContent()).toContain('公安部门电子身份证照');
    await expectAccessible(page, 'preview');
    await shoot(page, '8-preview');
  });

  it('publishes version 1, then edits and publishes version 2, and shows the difference', async () => {
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByLabel('变更说明(可选)').fill('首次发布');
    await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-message').getByText('已发布第 1 版').waitFor();

    await tab('环节与时限').click();
    await page.getByLabel('承诺办结时限', { exact: true }).fill('4');
    const steps = page.locator('section[aria-label="环节与时限"] .ant-card-type-inner');
    await steps.nth(1).getByLabel('时限(工作日)').fill('1');
    await expect.poll(() => page.getByText('发布前检查全部通过，可以发布。').isVisible()).toBe(true);
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByLabel('变更说明(可选)').fill('承诺时限压缩为4个工作日');
    await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-message').getByText('已发布第 2 版').waitFor();

    await tab('版本历史').click();
    const history = page.locator('section[aria-label="版本历史"]');
    await history.getByRole('cell', { name: '承诺时限压缩为4个工作日' }).waitFor();
    // Who published, by name; when, in Beijing time as every other page says it, whatever the browser's zone.
    expect(await history.getByRole('cell', { name: '王敏(示范市政务服务管理办)' }).count()).toBe(2);
    const [, y, mo, d, hh, mm] = /(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})/.exec((await history.locator('tr', { hasText: '承诺时限压缩为4个工作日' }).textContent()) ?? '') ?? [];
    const published = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh) - 8, Number(mm));
    expect(Math.abs(Date.now() - published)).toBeLessThan(10 * 60_000);
    // The versions to compare are named by the same Beijing day.
    await history.getByText(`v2 · ${y}-${mo}-${d} · 承诺时限压缩为4个工作日`).waitFor();
    const diff = history.locator('table').nth(1);
    await expect.poll(() => diff.textContent()).toContain('承诺办结时限');
    // The field by its title and the limits in working days, not the model's keys and numbers.
    expect(await diff.textContent()).toMatch(/承诺办结时限修改5个工作日4个工作日/);
    await expectAccessible(page, 'versions');
    await shoot(page, '9-versions');
  });

  it('tells the citizen the new elements on the 一次告知 checklist', async () => {
    const citizen = await openPage(site.browser);
    await citizen.goto(`${site.server.base}/apply/990100/sole-trader/checklist`);
    const text = (await citizen.locator('main').textContent())!;
    expect(text).toContain('办理结果：个体工商户营业执照(执照)，有效期：长期有效');
    expect(text).toContain('出具机构：房屋产权人或村(居)民委员会；签字要求：产权人签字');
    await shoot(citizen, '9b-checklist');
    await citizen.close();
  });

  it('lists the item as published version 2 in the catalogue', async () => {
    await page.getByRole('link', { name: '事项清单' }).click();
    const row = page.getByRole('row', { name: /个体工商户登记/ });
    await expect.poll(() => row.textContent()).toContain('v2');
    expect(await row.textContent()).toContain('20 → 4');
  });

  it('shows the calendar year at a glance', async () => {
    await page.getByRole('link', { name: '工作日历' }).click();
    await page.getByLabel('年份', { exact: true }).fill('2026');
    await page.getByLabel('2026-10-01 放假 国庆节').waitFor();
    await expectAccessible(page, 'calendar');
    await shoot(page, '10-calendar');
  });

  it('switches to English and back, the basics drawn from the model too', async () => {
    // Segmented options are visually-hidden radios: the visible label is what a person clicks.
    await page.locator('.ant-segmented-item', { hasText: 'EN' }).click();
    await page.getByRole('heading', { name: 'Working-day calendar' }).waitFor();
    await page.goto(`${site.server.base}/admin/items/sole-trader`);
    const basics = page.locator('section[aria-label="Basics"]');
    await basics.getByLabel('Item name').waitFor();
    expect(await basics.textContent()).toContain('Administrative licence');
    expect(await basics.textContent()).not.toContain('事项名称');
    await shoot(page, '10b-basics-english');
    await page.locator('.ant-segmented-item', { hasText: '中文' }).click();
    await page.locator('section[aria-label="基本信息"]').getByLabel('事项名称').waitFor();
  });

  it('is usable on a 360 px wide phone: nothing spills sideways', async () => {
    const phone = await (await site.browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await signedIn(phone, site.server.base, '王敏(示范市政务服务管理办)');
    await phone.getByRole('heading', { name: '事项清单' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.getByRole('link', { name: '个体工商户登记' }).click();
    await phone.getByRole('tab', { name: '环节与时限' }).click();
    await phone.getByLabel('承诺办结时限', { exact: true }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shoot(phone, '11-phone-steps');
  });
});

/** Signs a fresh browser in as a demo user and returns the page on their home screen. */
async function signedInAs(who: string): Promise<Page> {
  return signedIn(await openPage(site.browser), site.server.base, who);
}

/** A citizen on a phone applies to the item as a private person, leaving the 容缺 material for later. */
async function citizenApplies(jurisdiction: string): Promise<string> {
  const citizen = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
  await citizen.goto(`${site.server.base}/apply/${jurisdiction}/sole-trader`);
  await citizen.getByLabel('个人', { exact: true }).check();
  await citizen.getByLabel('经营者姓名').fill('王小二');
  await citizen.getByLabel('联系电话').fill('13812345678');
  await citizen.getByRole('button', { name: '提交申请' }).click();
  await citizen.getByRole('heading', { name: '申请已提交' }).waitFor();
  const number = (await citizen.getByTestId('tracking-number').textContent())!;
  expect(number).toMatch(new RegExp(`^${jurisdiction}-\\d{8}-\\d{6}$`));
  await citizen.close();
  return number;
}

describe('the application reaches the department picked', () => {
  it('is in the queue of the department’s officer', async () => {
    const number = await citizenApplies('990100');
    const officer = await signedInAs('赵静(市场监督管理局)');
    await officer.getByRole('heading', { name: '待办件' }).waitFor();
    await officer.getByRole('row', { name: new RegExp(number) }).waitFor();
    await shoot(officer, '12-queue-of-the-department');
  });

  it('shows where the published item lives: the citizen page, the checklist and a QR code', async () => {
    await page.goto(`${site.server.base}/admin/items/sole-trader`);
    const card = page.locator('.ant-card', { hasText: '已发布第 2 版：申请人在这里办理' });
    await card.locator(`a[href="${site.server.base}/apply/990100/sole-trader"]`).waitFor();
    await card.getByRole('img', { name: '网上申请二维码' }).waitFor();
    // The guide on the public portal, which answers.
    const guide = `${site.server.base}/guide/990100/sole-trader`;
    await card.locator(`a[href="${guide}"]`).waitFor();
    expect((await fetch(guide)).status).toBe(200);
    // Nothing new to publish: the header says so and 发布 waits for a change.
    await page.getByText('已发布第 2 版，无未发布的修改').waitFor();
    expect(await page.getByRole('button', { name: '发布' }).isDisabled()).toBe(true);
  });

  it('in a county: the claim takes the county’s department, and the county’s applications reach its officer', async () => {
    const county = await signedInAs('陈芳(东城县)');
    await county.getByRole('heading', { name: '事项清单' }).waitFor();
    await county.getByRole('button', { name: '从上级认领' }).click();
    const dialog = county.getByRole('dialog');
    // The city has more items than a page of the list holds: found by name, as an official would.
    await dialog.getByRole('searchbox', { name: '按名称搜索' }).fill('个体工商户');
    await dialog.getByRole('checkbox', { name: '个体工商户登记' }).check();
    await dialog.getByRole('button', { name: '认领所选(1)' }).click();
    await county.getByRole('link', { name: '个体工商户登记' }).click();
    const local = county.locator('section[aria-label="本地内容"]');
    await local.getByText('东城县市场监督管理局').waitFor();
    await expect.poll(() => county.getByText('发布前检查全部通过，可以发布。').isVisible()).toBe(true);
    await county.getByRole('button', { name: '发布' }).click();
    await county.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await county.locator('.ant-message').getByText('已发布第 1 版').waitFor();
    await shoot(county, '13-county-published');

    const number = await citizenApplies('990121');
    const officer = await signedInAs('吴刚(东城县市场监管局)');
    await officer.getByRole('row', { name: new RegExp(number) }).waitFor();
  });

  it('an administrator finds the case and moves it to another department, which then has it', async () => {
    const admin = await signedInAs('王敏(示范市政务服务管理办)');
    await admin.getByRole('link', { name: '办件查询' }).click();
    await admin.getByLabel('申请人').fill('王小二');
    await admin.getByRole('button', { name: '查询' }).click();
    const row = admin.getByRole('row', { name: /个体工商户登记/ });
    await expect.poll(() => row.textContent()).toContain('示范市市场监督管理局');
    await expectAccessible(admin, 'case search');
    await shoot(admin, '14-case-search');
    await row.getByRole('button', { name: '移交部门' }).click();
    await choose(admin, admin.getByLabel('移交到'), '示范市行政审批服务局');
    await admin.getByLabel('移交原因(记入办件记录)').fill('个体工商户登记由审批局统一办理');
    await admin.getByRole('dialog').getByRole('button', { name: '移交' }).click();
    await expect.poll(() => row.textContent()).toContain('示范市行政审批服务局');

    const approval = await signedInAs('郑洁(行政审批服务局)');
    await approval.getByRole('heading', { name: '待办件' }).waitFor();
    // The heading is drawn before the queue has loaded.
    await expect.poll(() => approval.getByRole('row', { name: /个体工商户登记/ }).count()).toBe(1);
  });

  it('the departments page adds an officer who can then sign in', async () => {
    const admin = await signedInAs('王敏(示范市政务服务管理办)');
    await admin.getByRole('link', { name: '部门', exact: true }).click();
    await admin.getByLabel('示范市教育局新工作人员姓名').fill('许明');
    await admin.getByLabel('示范市教育局新工作人员姓名').press('Enter');
    await admin.locator('.ant-tag', { hasText: '许明' }).waitFor();
    await expectAccessible(admin, 'departments');
    await shoot(admin, '15-departments');
    const fresh = await openPage(site.browser);
    await fresh.goto(`${site.server.base}/admin/`);
    await fresh.getByRole('button', { name: '登录为 许明' }).waitFor();
  });
});
