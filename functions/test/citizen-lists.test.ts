import { describe, expect, it } from 'vitest';
import { citizenWorld } from './citizen-world';
import { PDF } from './files';

/** Repeating groups on the citizen pages without JavaScript (see citizen-world.ts). */
const { citizen, get, filed, tracked, visibleText } = await citizenWorld();

describe('repeating groups without JavaScript (股东(投资人), the GOV.UK "add another" pattern)', () => {
  const COMPANY = '/apply/990100/company-registration';
  const company = {
    'root[companyName]': '示范科技有限公司',
    'root[companyType]': '0', // 有限责任公司
    'root[registeredCapital]': '100',
    'root[address]': '示范市人民路 2 号',
    'root[businessScope]': '软件开发',
    'root[legalRepresentative][name]': '王五',
    'root[legalRepresentative][idCard]': '11010519491231002X',
    'root[legalRepresentative][mobile]': '13812345678',
    'root[investors][0][name]': '王五',
    'root[investors][0][idNumber]': '11010519491231002X',
    'root[investors][0][capital]': '60',
  };
  const second = { 'root[investors][1][name]': '赵六', 'root[investors][1][idNumber]': '440524188001010014', 'root[investors][1][capital]': '40' };
  const send = (fields: Record<string, string>, files: Record<string, Buffer> = {}) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const [material, bytes] of Object.entries(files)) form.append(`material[${material}]`, new File([new Uint8Array(bytes)], `${material}.pdf`));
    return citizen.request(COMPANY, { method: 'POST', body: form });
  };
  const read = async (response: Response) => ({ status: response.status, html: (await response.text()).replace(/<!-- -->/g, '') });

  it('starts a required list with one entry to fill in, its 删除 put away', async () => {
    const page = await get(COMPANY);
    expect(page.html).toContain('name="root[investors][0][name]"');
    expect(page.html).not.toContain('name="root[investors][1][name]"');
    expect(page.html).toMatch(/<button type="submit" class="btn list-add" value="add:investors" name="_action"[^>]*>添加一项<\/button>/);
    expect(page.html).toMatch(/<button type="submit" class="btn list-remove" value="remove:investors:0" hidden=""/);
    expect(page.html).not.toContain('btn-add'); // rjsf's client-side button is gone
  });

  it('添加一项 comes back with two investor entries, the answers and files kept, no errors', async () => {
    const page = await read(await send({ 'root[investors][0][name]': '王五', 'root[companyName]': '示范科技有限公司', _action: 'add:investors' }, { application: PDF }));
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/name="root\[investors\]\[0\]\[name\]" value="王五"/);
    expect(page.html).toMatch(/name="root\[investors\]\[1\]\[name\]" value=""/);
    expect(page.html).not.toContain('name="root[investors][2][name]"');
    expect(page.html).toMatch(/name="root\[companyName\]" value="示范科技有限公司"/);
    expect(visibleText(page.html)).toContain('application.pdf 已上传');
    expect(page.html).not.toContain('error-summary');
    expect(page.html).not.toContain('请填写');
    // Two entries: each may go now.
    expect(page.html).not.toMatch(/value="remove:investors:\d" hidden/);
  });

  it('删除 takes out that entry and renumbers the rest; the last required one stays', async () => {
    const page = await read(await send({ ...company, ...second, 'root[investors][2][name]': '孙七', _action: 'remove:investors:1' }));
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/name="root\[investors\]\[0\]\[name\]" value="王五"/);
    expect(page.html).toMatch(/name="root\[investors\]\[1\]\[name\]" value="孙七"/);
    expect(page.html).not.toContain('赵六');
    const one = await read(await send({ ...company, _action: 'remove:investors:0' }));
    expect(one.html).toMatch(/name="root\[investors\]\[0\]\[name\]" value="王五"/);
  });

  it('a full submission with two investors creates the case holding both, in order', async () => {
    const response = await send({ ...company, ...second, idempotencyKey: 'c'.repeat(32) }, { application: PDF, articles: PDF, premises: PDF });
    const api = await tracked(await filed(response));
    expect(api.json.answers.investors).toEqual([
      { name: '王五', idNumber: '11010519491231002X', capital: 60 },
      { name: '赵六', idNumber: '440524188001010014', capital: 40 },
    ]);
  });
});
