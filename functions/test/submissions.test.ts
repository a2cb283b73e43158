import { describe, expect, it } from 'vitest';
import { harness } from './harness';
import { PDF, PNG, saleAnswers, TEXT } from './files';

// Monday 2026-03-02, 10:00 in Shanghai.
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const ITEM = `/api/items/${CITY}/real-estate-transfer`;

const answers = saleAnswers;

async function upload(materialId: string, bytes: Buffer, name = 'scan.pdf') {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new Uint8Array(bytes)], name));
  return h.call('POST', `${ITEM}/uploads`, { raw: form });
}

async function uploaded(materialId: string): Promise<string> {
  const response = await upload(materialId, PDF);
  expect(response.status).toBe(201);
  return response.json.key;
}

describe('uploads', () => {
  it('store a file whose content matches an accepted type', async () => {
    const response = await upload('application', PNG, 'photo.png');
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ contentType: 'image/png', size: PNG.length, name: 'photo.png' });
    expect(response.json.key).toMatch(/^uploads\/990100\/20260302\//);
  });

  it('refuse a file whose content is not an accepted type, whatever its name', async () => {
    const response = await upload('application', TEXT, 'contract.pdf');
    expect(response.status).toBe(415);
    expect(response.json).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', details: { detected: null } });
  });

  it('refuse a PDF that is only its magic bytes, saying it is damaged', async () => {
    const response = await upload('application', Buffer.from('%PDF-'), 'scan.pdf');
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'FILE_DAMAGED', message: '「不动产登记申请书」的文件已损坏或不完整，请重新导出后上传' });
  });

  it('refuse a file over the item’s size cap', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    const response = await upload('application', big);
    expect(response.status).toBe(413);
    expect(response.json.message).toBe('「不动产登记申请书」的文件超过 20 MB');
  });

  it('refuse materials the applicant is never asked for (shared)', async () => {
    expect((await upload('tax-receipt', PDF)).json.code).toBe('UNKNOWN_MATERIAL');
  });
});

describe('submitting', () => {
  it('refuses a missing key material with 422 naming it, and stores no case', async () => {
    const before = await h.recordCount();
    const response = await h.call('POST', `${ITEM}/applications`, {
      body: { answers, materials: { application: [await uploaded('application')], 'title-certificate': [await uploaded('title-certificate')] } },
    });
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'MATERIALS_MISSING', message: '缺少必要材料：不动产买卖合同', details: { missing: [{ materialId: 'sale-contract' }] } });
    expect(await h.recordCount()).toBe(before);
  });

  it('refuses invalid answers with each field’s error', async () => {
    const response = await h.call('POST', `${ITEM}/applications`, { body: { answers: { ...answers, transferee: { ...answers.transferee, idCard: '440524188001010015' } } } });
    expect(response.status).toBe(422);
    expect(response.json.code).toBe('INVALID_ANSWERS');
    expect(response.json.details).toContainEqual(expect.objectContaining({ field: 'transferee.idCard', message: '「受让方的身份证号码」不是有效的居民身份证号码' }));
  });

  it('refuses a shared material (免交) handed in anyway', async () => {
    const response = await h.call('POST', `${ITEM}/applications`, {
      body: {
        answers,
        materials: { application: [await uploaded('application')], 'title-certificate': [await uploaded('title-certificate')], 'sale-contract': [await uploaded('sale-contract')], 'tax-receipt': [await uploaded('application')] },
      },
    });
    expect(response.status).toBe(422);
    expect(response.json.code).toBe('MATERIALS_NOT_ASKED');
  });

  it('refuses a file key that was never uploaded', async () => {
    const response = await h.call('POST', `${ITEM}/applications`, {
      body: { answers, materials: { application: ['uploads/990100/20260302/nothing'], 'title-certificate': [await uploaded('title-certificate')], 'sale-contract': [await uploaded('sale-contract')] } },
    });
    expect(response.status).toBe(422);
    expect(response.json.code).toBe('FILE_NOT_FOUND');
  });

  let tracking: { number: string; secret: string };

  it('accepts with only the 容缺 material missing: supplement due date, promised and legal due dates from the calendar', async () => {
    const body = {
      answers,
      materials: { application: [await uploaded('application')], 'title-certificate': [await uploaded('title-certificate')], 'sale-contract': [await uploaded('sale-contract')] },
    };
    const response = await h.call('POST', `${ITEM}/applications`, { body, headers: { 'idempotency-key': 'retry-me-0001' } });
    expect(response.status).toBe(201);
    const c = response.json.case;
    expect(c.trackingNumber).toMatch(/^990100-20260302-\d{6}$/);
    expect(c.status).toBe('received');
    expect(c.due).toEqual({
      acceptance: { due: '2026-03-09', provisional: false }, // 补正告知: 5 working days
      promised: { due: '2026-03-09', provisional: false }, // 5 working days
      legal: { due: '2026-04-14', provisional: false }, // 30 working days, across 清明 (4/4–4/6)
      supplement: { due: '2026-03-05', provisional: false }, // 3 working days
    });
    expect(c.materials).toContainEqual(expect.objectContaining({ materialId: 'survey-report', status: 'deferred', supplementDue: '2026-03-05' }));
    expect(c.materials.map((m: { materialId: string }) => m.materialId)).not.toContain('tax-receipt');
    expect(c.calendarVersion).toMatch(/^national@chinese-days-1\.5\.7/);
    expect(c.version).toBe(1);
    tracking = { number: c.trackingNumber, secret: response.json.secret };

    const retry = await h.call('POST', `${ITEM}/applications`, { body, headers: { 'idempotency-key': 'retry-me-0001' } });
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(response.json);

    const reused = await h.call('POST', `${ITEM}/applications`, { body: { ...body, answers: { ...answers, price: 99 } }, headers: { 'idempotency-key': 'retry-me-0001' } });
    expect(reused.status).toBe(409);
    expect(reused.json.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('sends the applicant the receipt by SMS to the mobile number in the form', async () => {
    await h.delivered();
    const outbox = await h.store.outboxOf('990100', '2026-03-02');
    const text = (code: string) => `您申请的「不动产转移登记」已收到，受理编号 ${tracking.number}，查询码 ${code}，承诺2026-03-09前办结，请于2026-03-05前补交容缺材料。`;
    expect(h.sent).toContainEqual(expect.objectContaining({ channel: 'sms', to: '13812345678', trackingNumber: tracking.number, text: text(`${tracking.secret.slice(0, 4)} ${tracking.secret.slice(4)}`) }));
    // The outbox the administrators read keeps the message without the applicant's code.
    expect(outbox).toContainEqual(expect.objectContaining({ channel: 'sms', to: '13812345678', trackingNumber: tracking.number, text: text('****') }));
    expect(JSON.stringify(outbox)).not.toContain(tracking.secret.slice(4));
    expect(outbox.filter((m) => m.trackingNumber === tracking.number && m.channel === 'sms')).toHaveLength(1); // not again for the retry
    // The department learns of it in its inbox, with the day its acceptance decision is due.
    expect(await h.store.inboxOf('990100', 'dept:12370500MB1000007L')).toContainEqual(expect.objectContaining({ trackingNumber: tracking.number, topic: 'received' }));
  });

  it('shows progress with the secret in its header, and nothing without it; the secret in the address is refused', async () => {
    const track = (secret?: string, query = '') => h.call('GET', `/api/track/${tracking.number}${query}`, secret === undefined ? {} : { headers: { 'x-tracking-secret': secret } });
    const found = await track(tracking.secret);
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ trackingNumber: tracking.number, itemName: '不动产转移登记', status: 'received' });
    expect(found.json).not.toHaveProperty('secretHash');
    expect((await track()).status).toBe(404);
    expect((await track('guess')).status).toBe(404);
    const inAddress = await track(undefined, `?secret=${encodeURIComponent(tracking.secret)}`);
    expect(inAddress.status).toBe(400);
    expect(inAddress.json).toMatchObject({ code: 'SECRET_IN_ADDRESS', message: '查询码不能放在网址中，请放在 X-Tracking-Secret 请求头里' });
    expect((await track(tracking.secret, '?secret=guess')).json.code).toBe('SECRET_IN_ADDRESS');
  });

  it('takes the 容缺 material later with the secret, once', async () => {
    const path = `/api/track/${tracking.number}/supplements`;
    const key = await uploaded('survey-report');
    expect((await h.call('POST', path, { body: { secret: 'guess', materialId: 'survey-report', files: [key] } })).status).toBe(404);
    expect((await h.call('POST', path, { body: { secret: tracking.secret, materialId: 'application', files: [key] } })).json.code).toBe('NOT_AWAITED');
    const supplied = await h.call('POST', path, { body: { secret: tracking.secret, materialId: 'survey-report', files: [key] } });
    expect(supplied.status).toBe(200);
    expect(supplied.json.materials).toContainEqual(expect.objectContaining({ materialId: 'survey-report', status: 'supplied', files: [expect.objectContaining({ key, contentType: 'application/pdf' })] }));
    expect(supplied.json.history.at(-1)).toMatchObject({ actor: 'applicant', action: 'supplement', note: '不动产测绘报告' });
    const again = await h.call('POST', path, { body: { secret: tracking.secret, materialId: 'survey-report', files: [key] } });
    expect(again.status).toBe(409);
  });

  it('gives concurrent submissions distinct tracking numbers', async () => {
    const body = { answers: { ...answers, boundaryChanged: false }, materials: { application: [await uploaded('application')], 'title-certificate': [await uploaded('title-certificate')], 'sale-contract': [await uploaded('sale-contract')] } };
    const responses = await Promise.all(Array.from({ length: 12 }, () => h.call('POST', `${ITEM}/applications`, { body })));
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(new Set(responses.map((r) => r.json.case.trackingNumber)).size).toBe(12);
  });
});

describe('the catalogue and the 一次告知 checklist', () => {
  it('lists published items with legal and promised limits, filtered', async () => {
    const all = await h.call('GET', `/api/catalog?jurisdiction=${CITY}`);
    expect(all.json.length).toBe(13);
    expect(all.json.find((e: { itemId: string }) => e.itemId === 'putonghua-test')).toMatchObject({ legalLimit: { value: 90 }, promisedLimit: { value: 5 }, maxVisits: 1, charged: true });
    const licences = await h.call('GET', `/api/catalog?type=01&q=${encodeURIComponent('许可')}`);
    expect(licences.json.map((e: { itemId: string }) => e.itemId).sort()).toEqual(['crop-seed-licence', 'food-licence', 'labour-dispatch-licence']);
    const hr = await h.call('GET', '/api/catalog?department=11370500MB10000028');
    expect(hr.json.map((e: { itemId: string }) => e.itemId).sort()).toEqual(['crop-seed-licence']);
  });

  it('tells the materials for given answers', async () => {
    const sale = await h.call('POST', `${ITEM}/checklist`, { body: { answers: { reason: 'sale', boundaryChanged: true } } });
    expect(sale.json.required.map((m: { id: string }) => m.id)).toEqual(['application', 'title-certificate', 'sale-contract']);
    expect(sale.json.shared.map((m: { name: string }) => m.name)).toEqual(['申请人身份证明', '完税凭证', '婚姻状况证明']);
    expect(sale.json.promisedDue).toEqual({ due: '2026-03-09', provisional: false });
    const gift = await h.call('POST', `${ITEM}/checklist`, { body: { answers: { reason: 'gift' } } });
    expect(gift.json.required.map((m: { id: string }) => m.id)).toContain('gift-contract');
  });
});

describe('the officer queue', () => {
  it('shows the department its own cases with deadlines and warnings, and no other department’s', async () => {
    const estate = await h.call('GET', '/api/officer/queue', { token: await h.token(CITY, 'estate-officer') });
    expect(estate.status).toBe(200);
    expect(estate.json.length).toBe(13);
    expect(estate.json[0]).toMatchObject({ itemName: '不动产转移登记', warning: 'normal', due: { promised: { due: '2026-03-09' } } });
    const market = await h.call('GET', '/api/officer/queue', { token: await h.token(CITY, 'market-officer') });
    expect(market.json).toEqual([]);
    const peeking = await h.call('GET', '/api/officer/queue?department=12370500MB1000007L', { token: await h.token(CITY, 'market-officer') });
    expect(peeking.status).toBe(403);
  });

  it('turns the warning red near the due date', async () => {
    h.clock.now = new Date('2026-03-09T02:00:00Z');
    const estate = await h.call('GET', '/api/officer/queue', { token: await h.token(CITY, 'estate-officer') });
    expect(estate.json[0].warning).toBe('red');
    h.clock.now = new Date('2026-03-10T02:00:00Z');
    expect((await h.call('GET', '/api/officer/queue', { token: await h.token(CITY, 'estate-officer') })).json[0].warning).toBe('overdue');
  });
});
