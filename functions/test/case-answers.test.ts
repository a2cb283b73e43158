import { describe, expect, it } from 'vitest';
import { harness } from './harness';
import { PDF } from './files';

/** What an officer reads of the answers on the case page: every answer in words, never the stored shape. */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const ITEM = '/api/items/990100/company-registration';

async function uploaded(materialId: string): Promise<string> {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new Uint8Array(PDF)], 'scan.pdf'));
  const response = await h.call('POST', `${ITEM}/uploads`, { raw: form });
  expect(response.status).toBe(201);
  return response.json.key;
}

describe('the case page’s answers', () => {
  it('tell a repeating group’s entries by their fields’ titles, not as JSON', async () => {
    const answers = {
      companyName: '示范科技有限公司',
      companyType: 'llc',
      address: '示范市人民路 2 号',
      businessScope: '软件开发',
      legalRepresentative: { name: '王五', idCard: '11010519491231002X', mobile: '13812345678' },
      investors: [{ name: '王五', idNumber: '11010519491231002X', capital: 60 }, { name: '赵六', idNumber: '440524188001010014', capital: 40 }],
    };
    const materials = Object.fromEntries(await Promise.all(['application', 'articles', 'premises'].map(async (id) => [id, [await uploaded(id)]])));
    const filed = await h.call('POST', `${ITEM}/applications`, { body: { answers, materials } });
    expect(filed.status, JSON.stringify(filed.json)).toBe(201);
    const detail = await h.call('GET', `/api/officer/cases/${filed.json.case.trackingNumber}`, { token: await h.token('990100', 'market-officer') });
    expect(detail.status).toBe(200);
    const investors = detail.json.answers.find((a: { path: string }) => a.path === 'investors');
    expect(investors).toEqual({
      path: 'investors',
      title: '股东(投资人)',
      value: '姓名或名称：王五，证件号码：11010519491231002X，认缴出资(万元)：60；姓名或名称：赵六，证件号码：440524188001010014，认缴出资(万元)：40',
    });
    expect(detail.json.answers).toContainEqual({ path: 'companyType', title: '企业类型', value: '有限责任公司' });
  });
});
