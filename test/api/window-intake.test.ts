import { describe, expect, it } from 'vitest';
import { saleAnswers } from '../../functions/test/files';
import { harness } from '../../functions/test/harness';

/**
 * 一窗受理 over the API: a window officer files a walk-in applicant's 不动产转移登记 with paper
 * materials and one 容缺; bad identities, an agent without the 委托书 and a missing key material
 * are refused in both languages with nothing stored; 邮寄 with its address becomes the case's 领取方式; a retry is the same case; only window
 * officers of the jurisdiction may use it.
 */

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const FILE = `/api/window/${CITY}/items/real-estate-transfer/applications`;
const window = { name: '市民中心综合窗口', number: '3' };
const applicant = { idType: '111', idNumber: '440524188001010014', name: '李四', phone: '13812345678' };
const paper = { form: 'paper', original: true, copies: 1 };
/** A sale whose boundary changed: three key materials on paper or online, the survey report 容缺. */
const application = {
  window,
  applicant,
  answers: saleAnswers,
  materials: { application: paper, 'title-certificate': paper, 'sale-contract': { form: 'online', reference: '网签备案 2026-0001' } },
};

const officer = await h.token(CITY, 'window-officer');
const file = (body: unknown, key?: string, token = officer) => h.call('POST', FILE, { token, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) });

async function refusedUnchanged(body: unknown, status: number, code: string) {
  const before = await h.recordCount();
  const response = await file(body, `refused-${code}-${Math.random()}`);
  expect(response.status).toBe(status);
  expect(response.json.code).toBe(code);
  expect(response.json.message).toMatch(/[\u4e00-\u9fff]/);
  expect(response.json.message_en).toMatch(/[a-z]/);
  expect(await h.recordCount()).toBe(before);
  return response.json;
}

describe('一窗受理', () => {
  let number = '';

  it('files the application with channel 窗口 and the window, 容缺 for the survey report, into the department’s queue', async () => {
    const response = await file(application, 'window-sale-0001');
    expect(response.status).toBe(201);
    const filed = response.json.case;
    number = filed.trackingNumber;
    expect(response.json.secret).toBeTruthy();
    expect(filed).toMatchObject({ channel: 'window', status: 'received', applicant: { name: '李四', idNumber: '440524188001010014', mobile: '13812345678' } });
    expect(filed.window).toMatchObject({ window, officer: { id: 'window-officer' }, applicant: { idType: '111' } });
    const byId = Object.fromEntries(filed.materials.map((m: { materialId: string; status: string }) => [m.materialId, m.status]));
    expect(byId).toMatchObject({ application: 'supplied', 'title-certificate': 'supplied', 'sale-contract': 'supplied', 'survey-report': 'deferred' });
    expect(filed.history[0]).toMatchObject({ actor: 'window-officer', action: 'submitted' });
    const queue = await h.call('GET', '/api/officer/queue', { token: await h.token(CITY, 'estate-officer') });
    expect(queue.json.map((e: { trackingNumber: string }) => e.trackingNumber)).toContain(number);
    const tracked = await h.call('GET', `/api/track/${number}`, { headers: { 'x-tracking-secret': response.json.secret } });
    expect(tracked.json).toMatchObject({ trackingNumber: number, channel: 'window' });
  });

  it('is the same case when retried with the same key, and a different request under that key is refused', async () => {
    const again = await file(application, 'window-sale-0001');
    expect(again.status).toBe(200);
    expect(again.json.case.trackingNumber).toBe(number);
    const other = await file({ ...application, applicant: { ...applicant, name: '王五' } }, 'window-sale-0001');
    expect(other.status).toBe(409);
  });

  it('refuses a 居民身份证 number whose check digit is wrong', async () => {
    const body = await refusedUnchanged({ ...application, applicant: { ...applicant, idNumber: '440524188001010015' } }, 422, 'ID_NUMBER_INVALID');
    expect(body.message).toContain('校验位');
    expect(body.details).toEqual({ field: 'applicant.idNumber' });
  });

  it('refuses a 代理人 without the 委托书, and files one with it', async () => {
    const agent = { idType: '516', idNumber: 'H12345678', name: '陈大文', phone: '13900000002' };
    await refusedUnchanged({ ...application, agent }, 422, 'AUTHORIZATION_MISSING');
    const filed = await file({ ...application, agent, authorization: { form: 'paper', original: true } }, 'window-agent-0001');
    expect(filed.status).toBe(201);
    expect(filed.json.case.window).toMatchObject({ agent: { name: '陈大文', idType: '516' }, authorization: { form: 'paper', original: true } });
  });

  it('refuses a missing material that cannot be 容缺, listing it for the 补正 notice, with no case', async () => {
    const { application: _left, ...rest } = application.materials;
    const body = await refusedUnchanged({ ...application, materials: rest }, 422, 'MATERIALS_MISSING');
    expect(body.details.missing).toEqual([{ materialId: 'application', name: '不动产登记申请书' }]);
  });

  it('records 邮寄 with its address as the case’s 领取方式, and refuses a posting without one or a method the item does not offer', async () => {
    const posting = { method: 'post', recipient: '李四', phone: '13812345678', address: '示范市东城区人民路 8 号 3 单元 501' };
    const filed = await file({ ...application, collection: posting }, 'window-post-0001');
    expect(filed.status).toBe(201);
    expect(filed.json.case.window.collection).toEqual(posting);
    expect(filed.json.case.resultDelivery).toEqual({ method: 'post', address: '示范市东城区人民路 8 号 3 单元 501(李四 收，13812345678)' });
    const atWindow = await file({ ...application, collection: { method: 'window' } }, 'window-collect-0001');
    expect(atWindow.json.case.resultDelivery).toEqual({ method: 'window' });
    await refusedUnchanged({ ...application, collection: { method: 'post', recipient: '李四', phone: '13812345678' } }, 400, 'INVALID_REQUEST');
    await refusedUnchanged({ ...application, collection: { ...posting, phone: '12345' } }, 400, 'INVALID_REQUEST');
    await refusedUnchanged({ ...application, collection: { method: 'electronic' } }, 400, 'INVALID_REQUEST');
    const before = await h.recordCount();
    const sealAtWindow = await h.call('POST', `/api/window/${CITY}/items/seal-engraving/applications`, { token: officer, body: { ...application, answers: {}, materials: {}, collection: { method: 'window' } } });
    expect(sealAtWindow.status).toBe(422);
    expect(sealAtWindow.json).toMatchObject({ code: 'COLLECTION_NOT_OFFERED', details: { field: 'collection' } });
    expect(sealAtWindow.json.message).toContain('窗口领取');
    expect(sealAtWindow.json.message_en).toContain('collection at the window');
    expect(await h.recordCount()).toBe(before);
  });

  it('refuses an unknown 证件类型 and an empty name', async () => {
    await refusedUnchanged({ ...application, applicant: { ...applicant, idType: '999' } }, 400, 'INVALID_REQUEST');
    await refusedUnchanged({ ...application, applicant: { ...applicant, name: ' ' } }, 400, 'INVALID_REQUEST');
  });

  it('is for window officers of the jurisdiction only', async () => {
    const before = await h.recordCount();
    const estate = await file(application, 'window-estate-0001', await h.token(CITY, 'estate-officer'));
    expect(estate.status).toBe(403);
    expect(estate.json.message_en).toBeTruthy();
    const anonymous = await h.call('POST', FILE, { body: application });
    expect(anonymous.status).toBe(401);
    expect(await h.recordCount()).toBe(before);
  });

  it('finds items as the portal does, and the case search filters by window', async () => {
    const found = await h.call('GET', `/api/window/${CITY}/items?q=${encodeURIComponent('不动产转移')}`, { token: officer });
    expect(found.status).toBe(200);
    expect(found.json[0]).toMatchObject({ itemId: 'real-estate-transfer', deficiency: true });
    const admin = await h.token(CITY, 'city-admin');
    const atThree = await h.call('GET', '/api/cases?window=3&channel=window', { token: admin });
    expect(atThree.json.cases.map((c: { trackingNumber: string }) => c.trackingNumber)).toContain(number);
    expect(atThree.json.cases.every((c: { windowNumber?: string }) => c.windowNumber === '3')).toBe(true);
    const atFour = await h.call('GET', '/api/cases?window=4', { token: admin });
    expect(atFour.json.cases).toEqual([]);
  });
});
