import { describe, expect, it } from 'vitest';
import { harness } from './harness';
import { PDF, TEXT } from './files';

/** The citizen pages over plain HTTP, as a browser without JavaScript uses them. */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const APPLY = '/apply/990100/real-estate-transfer';

async function get(path: string) {
  const response = await h.app.request(path);
  // React separates adjacent text with <!-- -->; a reader sees one text.
  return { status: response.status, html: (await response.text()).replace(/<!-- -->/g, ''), headers: response.headers };
}

function post(fields: Record<string, string | string[]>, files: Record<string, Buffer> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  for (const [material, bytes] of Object.entries(files)) form.append(`material[${material}]`, new File([new Uint8Array(bytes)], `${material}.pdf`));
  return h.app.request(APPLY, { method: 'POST', body: form });
}

const valid = {
  'root[reason]': '0', // the first choice: 买卖
  'root[certificateNumber]': '示房权证第 001 号',
  'root[location]': '示范市人民路 1 号',
  'root[boundaryChanged]': 'on',
  'root[transferor][name]': '张三',
  'root[transferor][idCard]': '11010519491231002X',
  'root[transferee][name]': '李四',
  'root[transferee][idCard]': '440524188001010014',
  'root[transferee][mobile]': '13812345678',
  'root[price]': '120',
};

describe('the application page', () => {
  it('tells everything at once and renders a form that posts to its own address', async () => {
    const page = await get(APPLY);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="zh-CN">');
    expect(page.html).toContain('<h1>不动产转移登记</h1>');
    expect(page.html).toContain('承诺时限</dt><dd>5个工作日');
    expect(page.html).toContain('结果送达</dt><dd>窗口领取；邮政速递(送达到付)；电子证照(同步发放不动产电子证照)');
    expect(page.html).toContain('以下材料由政府部门共享获取，无需提交：申请人身份证明、完税凭证、婚姻状况证明');
    const form = /<form[^>]*>/.exec(page.html)![0];
    expect(form).toContain('action="/apply/990100/real-estate-transfer"');
    expect(form).toContain('method="post"');
    expect(form).toMatch(/enctype="multipart\/form-data"/i); // or the files would not be sent
    expect(page.html).toContain('name="root[transferee][mobile]"');
    expect(page.html).toContain('name="material[application]"');
  });

  it('comes in English on the switch', async () => {
    const page = await get(`${APPLY}?lang=en`);
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain('What to know');
  });

  it('answers a post with errors with 400: every problem at the top and at its field, answers kept', async () => {
    const response = await post({ ...valid, 'root[transferee][idCard]': '440524188001010015', 'root[price]': '-5' });
    expect(response.status).toBe(400);
    const html = (await response.text()).replace(/<!-- -->/g, '');
    expect(html).toContain('有 5 处需要修改');
    expect(html).toContain('<a href="#root_transferee_idCard">「身份证号码」不是有效的居民身份证号码</a>');
    expect(html).toContain('请上传「不动产登记申请书」');
    expect(html).toContain('value="示房权证第 001 号"'); // kept
    expect(html).toMatch(/id="root_transferee_idCard"[^>]*value="440524188001010015"|value="440524188001010015"[^>]*id="root_transferee_idCard"/);
  });

  it('keeps files sent with a post that needs correcting, and refuses a file that is not what it claims', async () => {
    const response = await post({ ...valid, 'root[location]': '' }, { application: PDF, 'title-certificate': TEXT });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/name="uploaded\[application\]" value="uploads\/990100\/20260302\/[0-9a-f]{32}"/);
    expect(html).toContain('「不动产权属证书」只接受');
  });

  it('takes a valid post with its files to the receipt; the case exists with its materials', async () => {
    const response = await post({ ...valid, idempotencyKey: 'a'.repeat(32) }, { application: PDF, 'title-certificate': PDF, 'sale-contract': PDF });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    const [, tracking, secret] = /^\/receipt\/([\d-]+)\?secret=([^&]+)/.exec(location)!;
    const receipt = await get(location);
    expect(receipt.status).toBe(200);
    expect(receipt.html).toContain(tracking!);
    expect(receipt.html).toContain('容缺材料补交期限</dt><dd>2026-03-05');
    expect(receipt.html).toContain('承诺办结日期</dt><dd>2026-03-09');

    const api = await h.call('GET', `/api/track/${tracking}?secret=${secret}`);
    expect(api.status).toBe(200);
    expect(api.json.answers).toMatchObject({ reason: 'sale', boundaryChanged: true, price: 120, transferee: { mobile: '13812345678' } });
    expect(api.json.materials.filter((m: { status: string }) => m.status === 'supplied').map((m: { materialId: string }) => m.materialId).sort()).toEqual(['application', 'sale-contract', 'title-certificate']);

    // The same post again (a double click) is the same case.
    const again = await post({ ...valid, idempotencyKey: 'a'.repeat(32) }, { application: PDF, 'title-certificate': PDF, 'sale-contract': PDF });
    expect(again.headers.get('location')).toBe(location);

    const tracked = await get(`/track?number=${tracking}&secret=${secret}`);
    expect(tracked.status).toBe(200);
    expect(tracked.html).toContain('已收件，等待受理');
    expect(tracked.html).toContain('不动产测绘报告(2026-03-05 前)');
    expect((await get(`/track?number=${tracking}&secret=wrong`)).status).toBe(404);

    // The 容缺 material, supplied from the tracking page.
    const supplement = new FormData();
    for (const [k, v] of Object.entries({ number: tracking!, secret: decodeURIComponent(secret!), materialId: 'survey-report' })) supplement.set(k, v);
    supplement.set('file', new File([new Uint8Array(PDF)], '测绘报告.pdf'));
    const supplied = await h.app.request('/track/supplement', { method: 'POST', body: supplement });
    expect(supplied.status).toBe(303);
    const after = await get(supplied.headers.get('location')!);
    expect(after.html).toContain('补交容缺材料：不动产测绘报告');
    expect(after.html).not.toContain('待补交的材料');
  });

  it('prints the checklist', async () => {
    const page = await get(`${APPLY}/checklist`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('不动产转移登记：一次告知清单');
    expect(page.html).toContain('不动产买卖合同');
  });

  it('says clearly when an item takes no applications', async () => {
    const page = await get('/apply/990100/no-such-item');
    expect(page.status).toBe(404);
    expect(page.html).toContain('事项不存在');
  });
});
