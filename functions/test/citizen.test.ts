import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session';
import { citizenWorld } from './citizen-world';
import { PDF, TEXT, saleAnswers, saleForm } from './files';

/** The citizen pages over plain HTTP, as a browser without JavaScript uses them (see citizen-world.ts). */
const { h, APPLY, citizen, get, post, filed, tracked, visibleText, formKeys, modelKeys } = await citizenWorld();

describe('the application page', () => {
  it('tells everything at once and renders a form that posts to its own address', async () => {
    const page = await get(APPLY);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="zh-CN">');
    expect(page.html).toContain('<h1>不动产转移登记</h1>');
    expect(page.html).toContain('承诺时限</dt><dd>5个工作日');
    expect(page.html).toContain('结果送达</dt><dd>窗口领取；邮政速递(送达到付)；电子证照(同步发放不动产电子证照)');
    expect(page.html).toContain('办理结果</dt><dd>不动产权证书(证明文件)，有效期：长期有效');
    expect(page.html).toContain('免交材料(由部门共享获取，无需提交)');
    const form = /<form[^>]*>/.exec(page.html)![0];
    expect(form).toContain('action="/apply/990100/real-estate-transfer"');
    expect(form).toContain('method="post"');
    expect(form).toMatch(/enctype="multipart\/form-data"/i); // or the files would not be sent
    expect(page.html).toContain('name="root[transferee][mobile]"');
    expect(page.html).toContain('name="material[application]"');
  });

  it('lists every material the item can ask for, each with when and how, before any answer (一次告知)', async () => {
    const text = visibleText((await get(APPLY)).html);
    for (const said of [
      '不动产买卖合同 「转移原因」为「买卖」时需要 原件 1 份(电子) · 来源：政府部门核发(网签备案合同)',
      '继承权公证书或生效法律文书 「转移原因」为「继承」时需要',
      '赠与合同 「转移原因」为「赠与」时需要',
      '不动产测绘报告 可容缺后补 「界址、面积是否发生变化」为「是」时需要',
      '可容缺受理：可先提交申请，在提交后 3 个工作日内补交；逾期未补交的，不予受理',
      '申请人身份证明 免交：由公安部门电子身份证照共享获取，无需提交',
      '完税凭证 免交：由税务部门共享获取，无需提交',
      '不动产登记申请书 原件 1 份(电子) · 来源：申请人自备',
      '按您目前的填写：需要提交 2 项，另有 4 项取决于尚未填写的内容。',
    ])
      expect(text).toContain(said);
    // Every upload is offered without JavaScript, with its condition; types said as people know them.
    expect(text).toContain('赠与合同 「转移原因」为「赠与」时需要 PDF、JPG、PNG 格式，单个文件不超过 20 MB');
    expect(text).not.toMatch(modelKeys);
    expect(text).not.toContain('符合条件时需要'); // the condition is said, not alluded to
  });

  it('marks what the answers require after a post, and says 中止办理 where the item suspends', async () => {
    const response = await post({ ...saleForm, 'root[reason]': '1', 'root[location]': '' });
    const text = visibleText((await response.text()).replace(/<!-- -->/g, ''));
    expect(text).toContain('继承权公证书或生效法律文书 按您的填写需要');
    expect(text).toContain('不动产买卖合同 按您的填写不需要');
    expect(text).toContain('不动产测绘报告 可容缺后补 按您的填写需要');
    expect(text).toContain('按您目前的填写：需要提交 4 项(其中 1 项可容缺后补)。');
    // Without JavaScript every upload stays, the ones not called for marked so.
    expect(text).toContain('赠与合同 「转移原因」为「赠与」时需要 按您的填写不需要 PDF、JPG、PNG 格式');

    const water = visibleText((await get('/apply/990100/water-connection')).html);
    expect(water).toContain('逾期未补交的，中止办理，补交后恢复');
    // A shared material can have a condition too.
    expect(water).toMatch(/建设工程规划许可证 「[^」]+」为「[^」]+」时需要 免交：由工程建设项目审批管理系统共享获取/);
  });

  it('comes in English on the switch', async () => {
    const page = await get(`${APPLY}?lang=en`);
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain('What to know');
    const text = visibleText(page.html);
    expect(text).toContain('不动产买卖合同 Needed when “转移原因” is “买卖” 1 original (electronic) · source: issued by a government department (网签备案合同)');
    expect(text).toContain('May come later (容缺): apply now and supply it within 3 working days; if it does not arrive in time, the application is not accepted');
    expect(text).toContain('Not asked of you: obtained from 税务部门');
    expect(text).not.toMatch(formKeys);
  });

  it('answers a post with errors with 400: every problem at the top and at its field, answers kept', async () => {
    const response = await post({ ...saleForm, 'root[transferee][idCard]': '440524188001010015', 'root[price]': '-5' });
    expect(response.status).toBe(400);
    const html = (await response.text()).replace(/<!-- -->/g, '');
    expect(html).toContain('有 5 处需要修改');
    expect(html).toContain('<a href="#root_transferee_idCard">「受让方的身份证号码」不是有效的居民身份证号码</a>');
    expect(html).toContain('请上传「不动产登记申请书」');
    expect(html).toContain('value="示房权证第 001 号"'); // kept
    expect(html).toMatch(/id="root_transferee_idCard"[^>]*value="440524188001010015"|value="440524188001010015"[^>]*id="root_transferee_idCard"/);
  });

  it('keeps files sent with a post that needs correcting, and refuses a file that is not what it claims', async () => {
    const response = await post({ ...saleForm, 'root[location]': '' }, { application: PDF, 'title-certificate': TEXT });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/name="uploaded\[application\]" value="uploads\/990100\/20260302\/[0-9a-f]{32}"/);
    expect(html).toContain('「不动产权属证书」只接受 PDF、JPG、PNG 格式的文件');
    expect(html).not.toContain('application/pdf、');
    // The kept file is shown by the name it was chosen under, and keeps it through another round trip.
    const key = /name="uploaded\[application\]" value="([^"]+)"/.exec(html)![1]!;
    expect(html.replace(/<!-- -->/g, '')).toMatch(/<div class="kept-file">.*?application\.pdf <span class="tag shared">已上传/);
    const again = await post({ ...saleForm, 'root[location]': '', 'uploaded[application]': key, [`fileName[${key}]`]: '申请书.pdf' });
    expect((await again.text()).replace(/<!-- -->/g, '')).toContain('申请书.pdf <span class="tag shared">已上传');
  });

  it('leaves out of the case a file sent for a material the answers do not ask for', async () => {
    const response = await post({ ...saleForm, idempotencyKey: 'b'.repeat(32) }, { application: PDF, 'title-certificate': PDF, 'sale-contract': PDF, 'gift-contract': PDF });
    const api = await tracked(await filed(response));
    expect(api.json.materials.map((m: { materialId: string }) => m.materialId)).not.toContain('gift-contract');
  });

  it('shows every conditional field without JavaScript, with its condition in words; the server still goes by the conditions', async () => {
    const page = await get(APPLY);
    // 成交价格 is asked only for a sale: on the page from the start, not hidden, its condition under its title.
    const group = /<div class="([^"]*)"><label[^>]*for="root_price"[\s\S]*?<input[^>]*id="root_price"/.exec(page.html)!;
    expect(group[1]).not.toContain('is-hidden');
    expect(visibleText(group[0])).toContain('成交价格(万元) 「转移原因」为「买卖」时填写');
    expect(page.html).toMatch(/<input[^>]*id="root_price"[^>]*aria-describedby="[^"]*root_price__description/);
    expect(page.html).toContain('<div class="field-condition" id="root_price__description">「转移原因」为「买卖」时填写</div>');
    expect(visibleText((await get(`${APPLY}?lang=en`)).html)).toContain('Fill in when “转移原因” is “买卖”');

    // A price given for an inheritance is set aside by the rules, yet comes back as typed after a post that needs correcting.
    const response = await post({ ...saleForm, 'root[reason]': '1', 'root[price]': '99', 'root[location]': '' });
    expect(response.status).toBe(400);
    const html = (await response.text()).replace(/<!-- -->/g, '');
    expect(html).toMatch(/<input[^>]*id="root_price"[^>]*value="99"/);
    expect(html).not.toContain('成交价格(万元)」'); // no error about it: it is not asked for an inheritance
    // Every error in the summary names what it is about, so the page script can drop it once fixed.
    expect(html).toContain('<li data-field="location"><a href="#root_location">');
    expect(html).toMatch(/<li data-material="inheritance-proof"><a href="#material-inheritance-proof">请上传「继承权公证书或生效法律文书」/);
  });

  it('offers the right keyboards: ID numbers with X, mobile numbers as digits', async () => {
    const page = await get(APPLY);
    const input = (id: string) => new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(page.html)![0];
    expect(input('root_transferee_mobile')).toContain('type="tel"');
    expect(input('root_transferee_mobile')).toContain('inputMode="tel"');
    expect(input('root_transferee_mobile')).toContain('autoComplete="tel-national"');
    expect(input('root_transferee_idCard')).toContain('pattern="[0-9]{17}[0-9Xx]"');
    expect(input('root_transferee_idCard')).toContain('maxLength="18"');
  });

  it('takes a valid post with its files to the receipt, at an address without the code; the case exists with its materials', async () => {
    const response = await post({ ...saleForm, idempotencyKey: 'a'.repeat(32) }, { application: PDF, 'title-certificate': PDF, 'sale-contract': PDF });
    const { number, secret, location, receipt } = await filed(response);
    expect(location).not.toContain(secret);
    expect(receipt.html).toContain(number);
    expect(receipt.html).toContain('容缺材料补交期限</dt><dd>2026-03-05');
    expect(receipt.html).toContain('承诺办结日期</dt><dd>2026-03-09');
    expect(receipt.html).toContain(`href="/track/${number}"`);

    const api = await tracked({ number, secret });
    expect(api.status).toBe(200);
    expect(api.json.answers).toMatchObject({ reason: 'sale', boundaryChanged: true, price: 120, transferee: { mobile: '13812345678' } });
    expect(api.json.materials.filter((m: { status: string }) => m.status === 'supplied').map((m: { materialId: string }) => m.materialId).sort()).toEqual(['application', 'sale-contract', 'title-certificate']);
    // Officers open the files under the names they were sent with.
    expect(api.json.materials.find((m: { materialId: string }) => m.materialId === 'application').files[0].name).toBe('application.pdf');

    // The same post again (a double click) is the same case.
    const again = await post({ ...saleForm, idempotencyKey: 'a'.repeat(32) }, { application: PDF, 'title-certificate': PDF, 'sale-contract': PDF });
    expect(again.headers.get('location')).toBe(location);

    // The case's page, in the browser that submitted: no code to type.
    const page = await get(`/track/${number}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('已收件，等待受理');
    expect(page.html).toContain('不动产测绘报告(2026-03-05 前)');
    expect(page.html).not.toContain(secret);

    // The 容缺 material, supplied from the tracking page: the form posts under the case's address, the code comes with the cookie.
    expect(page.html).toContain(`action="/track/${number}/supplement"`);
    const supplied = await citizen.post(`/track/${number}/supplement`, { materialId: 'survey-report', file: new File([new Uint8Array(PDF)], '测绘报告.pdf') }, true);
    expect(supplied.status).toBe(303);
    expect(supplied.headers.get('location')).toBe(`/track/${number}`);
    // The address of a form, opened: the case's page.
    expect((await citizen.request(`/track/${number}/supplement?lang=en`)).headers.get('location')).toBe(`/track/${number}?lang=en`);
    expect((await citizen.request('/track/%0d%0aSet-Cookie:%20x=1/withdraw')).headers.get('location')).toBe('/track');
    const after = await get(supplied.headers.get('location')!);
    expect(after.html).toContain('补交容缺材料：不动产测绘报告');
    expect(after.html).not.toContain('待补交的材料');
  });

  it('asks another browser for the code, with the number filled in, and shows the case once it is posted', async () => {
    const { number, secret } = await filed(await post({ ...saleForm, idempotencyKey: 'd'.repeat(32) }, { application: PDF, 'title-certificate': PDF, 'sale-contract': PDF }));
    const other = browserSession(h.app);
    for (const address of [`/track/${number}`, `/receipt/${number}`]) {
      const asked = await get(address, other);
      expect(asked.status).toBe(200);
      expect(visibleText(asked.html)).toContain('请输入查询码查看这个办件');
      expect(asked.html).toMatch(new RegExp(`<input id="number"[^>]*value="${number}"`));
      expect(asked.html).toContain('<form class="lookup" action="/track" method="post">');
      expect(asked.html).not.toContain('已收件，等待受理');
    }
    // A wrong code and a number never issued get the same page.
    const wrong = await other.post('/track', { number, secret: 'WRONG234' });
    const unknown = await other.post('/track', { number: number.replace(/\d{6}$/, '999999'), secret });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    const same = (html: string) => visibleText(html).replace(/\d{6}-\d{8}-\d{6}/g, 'N');
    expect(same(await wrong.text())).toBe(same(await unknown.text()));
    // The code as typed from the text message: lower case, with its space.
    const found = await other.post('/track', { number, secret: `${secret.slice(0, 4).toLowerCase()} ${secret.slice(4)}` });
    expect(found.status).toBe(303);
    expect(found.headers.get('location')).toBe(`/track/${number}`);
    expect((await get(`/track/${number}`, other)).html).toContain('已收件，等待受理');
    // Half an hour later the browser is asked again, and its forms do nothing.
    const now = h.clock.now;
    h.clock.now = new Date(now.getTime() + 31 * 60_000);
    try {
      expect(visibleText((await get(`/track/${number}`, other)).html)).toContain('请输入查询码查看这个办件');
      const withdraw = await other.post(`/track/${number}/withdraw`, { reason: '不办了' });
      expect(withdraw.status).toBe(403);
      expect((await tracked({ number, secret })).json.status).toBe('received');
    } finally {
      h.clock.now = now;
    }
  });

  it('takes an old link with ?secret= once: keeps the code in the cookie and sends the browser to the address without it', async () => {
    const { number, secret } = await filed(await post({ ...saleForm, idempotencyKey: 'f'.repeat(32) }, { application: PDF, 'title-certificate': PDF, 'sale-contract': PDF }));
    for (const [link, clean] of [
      [`/track?number=${number}&secret=${secret}`, `/track/${number}`],
      [`/receipt/${number}?secret=${secret}&lang=en`, `/receipt/${number}?lang=en`],
    ] as const) {
      const other = browserSession(h.app);
      const opened = await other.request(link);
      expect(opened.status, link).toBe(303);
      expect(opened.headers.get('location')).toBe(clean);
      const page = await get(clean, other);
      expect(page.status).toBe(200);
      expect(page.html).toContain(number);
      expect(page.html).not.toContain('请输入查询码');
      // The language switch leads to the clean address too.
      expect(page.html).not.toContain('secret=');
    }
    // Followed from another site's page: browsers would not send the SameSite=Strict cookie on a redirect, so the page sends the browser on itself.
    const fromElsewhere = browserSession(h.app);
    const opened = await fromElsewhere.request(`/track?number=${number}&secret=${secret}`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('refresh')).toBe(`0; url=/track/${number}`);
    const opening = await opened.text();
    expect(opening).toContain(`href="/track/${number}"`);
    expect(opening).not.toContain(secret);
    expect((await get(`/track/${number}`, fromElsewhere)).html).toContain('已收件，等待受理');

    const wrong = await browserSession(h.app).request(`/track?number=${number}&secret=WRONG234`);
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).not.toContain('WRONG234');
  });

  it('shows on the tracking page and the receipt what a granted case issued, in Chinese and English', async () => {
    const materials: Record<string, string[]> = {};
    for (const id of ['application', 'title-certificate', 'sale-contract', 'survey-report']) {
      const form = new FormData();
      form.set('materialId', id);
      form.set('file', new File([new Uint8Array(PDF)], `${id}.pdf`));
      materials[id] = [(await h.call('POST', '/api/items/990100/real-estate-transfer/uploads', { raw: form })).json.key];
    }
    const filed = await h.call('POST', '/api/items/990100/real-estate-transfer/applications', { body: { answers: saleAnswers, materials } });
    expect(filed.status).toBe(201);
    const number: string = filed.json.case.trackingNumber;
    const secret: string = filed.json.secret;
    const officer = await h.token('990100', 'estate-officer');
    const act = async (action: Record<string, unknown>) => {
      const { json } = await h.call('GET', `/api/officer/cases/${number}`, { token: officer });
      const done = await h.call('POST', `/api/officer/cases/${number}/actions`, { token: officer, body: { expectedRevision: json.case.revision, ...action } });
      expect(done.status, JSON.stringify(done.json)).toBe(200);
    };
    await act({ type: 'accept' });
    for (let i = 0; i < 3; i++) await act({ type: 'completeStep', outcome: 'pass' });
    await act({ type: 'completeStep', outcome: 'pass', result: { name: '不动产权证书', number: '示房权证第 2026-0002 号', validUntil: '2096-03-01' } });

    // Looked up on the tracking page: the number and code posted once, then the case's own address.
    const looked = await citizen.post('/track', { number, secret });
    expect(looked.headers.get('location')).toBe(`/track/${number}`);
    const page = visibleText((await get(`/track/${number}`)).html);
    expect(page).toContain('已于 2026-03-02 准予许可。 结果名称 不动产权证书 编号 示房权证第 2026-0002 号 有效期至 2096-03-01');
    const english = visibleText((await get(`/track/${number}?lang=en`)).html);
    expect(english).toContain('Approved on 2026-03-02. Issued 不动产权证书 Number 示房权证第 2026-0002 号 Valid until 2096-03-01');
    // The receipt, by an old link to it.
    expect((await citizen.request(`/receipt/${number}?secret=${encodeURIComponent(secret)}`)).status).toBe(303);
    const receipt = visibleText((await get(`/receipt/${number}`)).html);
    expect(receipt).toContain('结果名称 不动产权证书 编号 示房权证第 2026-0002 号 有效期至 2096-03-01');
    expect(visibleText((await get(`/receipt/${number}?lang=en`)).html)).toContain('Issued 不动产权证书 Number 示房权证第 2026-0002 号 Valid until 2096-03-01');
  });

  it('takes an unticked box as 否: the case holds false and asks for nothing that depends on 是', async () => {
    const response = await post({ ...saleForm, 'root[boundaryChanged]': 'false', idempotencyKey: 'e'.repeat(32) }, { application: PDF, 'title-certificate': PDF, 'sale-contract': PDF });
    expect(response.status, visibleText(await response.clone().text()).slice(0, 600)).toBe(303);
    const api = await tracked(await filed(response));
    expect(api.json.answers.boundaryChanged).toBe(false);
    expect(api.json.materials.map((m: { materialId: string }) => m.materialId)).not.toContain('survey-report');
  });

  it('prints the checklist', async () => {
    const page = await get(`${APPLY}/checklist`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('不动产转移登记：一次告知清单');
    const text = visibleText(page.html);
    expect(text).toContain('不动产买卖合同 「转移原因」为「买卖」时需要 原件 1 份(电子) · 来源：政府部门核发(网签备案合同)');
    expect(text).toContain('不动产测绘报告 可容缺后补 「界址、面积是否发生变化」为「是」时需要 原件 1 份(电子) · 来源：申请人自备 出具机构：具备不动产测绘资质的测绘单位；签字要求：测绘单位加盖公章和测绘专用章 可容缺受理：可先提交申请，在提交后 3 个工作日内补交；逾期未补交的，不予受理');
    expect(text).toContain('婚姻状况证明 免交：由民政部门婚姻登记信息共享获取，无需提交');
    // What is never asked needs no issuer or date.
    expect(text).not.toContain('婚姻登记机关，或申请人书面声明');
    expect(text).toContain('办理结果：不动产权证书(证明文件)，有效期：长期有效');
    expect(text).not.toContain('符合条件时需要');
    expect(text).not.toContain('按您的填写'); // printed before any answer: no marks
    expect(text).not.toMatch(modelKeys);

    const company = visibleText((await get('/apply/990100/company-registration/checklist?lang=en')).html);
    expect(company).toContain('公司章程 Needed when “企业类型” is “有限责任公司” or “股份有限公司”');
    expect(company).not.toMatch(/\b(companyType|llc|jsc|partnership)\b/);
    expect(company).toContain('Result: 营业执照 (business licence), valid: 长期有效(营业期限以执照记载为准)');
    expect(company).toContain('公司章程 Needed when');
    expect(company).toMatch(/Signatures: 全体股东签署：自然人股东签字，法人股东加盖公章/);
  });

  it('says clearly when an item takes no applications', async () => {
    const page = await get('/apply/990100/no-such-item');
    expect(page.status).toBe(404);
    expect(page.html).toContain('事项不存在');
  });
});
