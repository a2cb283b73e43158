import { templates } from '@onevisit/item-schemas/templates';
import { describe, expect, it } from 'vitest';
import { PDF, saleAnswers } from '../../functions/test/files';
import { harness } from '../../functions/test/harness';

/**
 * Scans at the window: an item taken only in person (no online channel) still takes the scans a
 * window officer makes of the applicant's papers, checked as an applicant's upload is, while the
 * public upload refuses it; only window officers of the jurisdiction may scan there.
 */

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const CITY = '990100';
const ITEM = 'window-only-transfer';
const admin = await h.token(CITY, 'city-admin');
const officer = await h.token(CITY, 'window-officer');

const definition = { ...structuredClone(templates.find((t) => t.id === 'real-estate-transfer')!), id: ITEM, name: '不动产转移登记(仅窗口)', channels: ['1'], onlineDepth: [] };
expect((await h.call('POST', `/api/admin/${CITY}/items`, { token: admin, body: { itemId: ITEM, definition } })).status).toBe(201);
expect((await h.call('POST', `/api/admin/${CITY}/items/${ITEM}/publish`, { token: admin })).status).toBe(201);

function scan(path: string, token: string | undefined, bytes: Uint8Array<ArrayBuffer> = new Uint8Array(PDF), materialId = 'application') {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([bytes], 'scan.pdf'));
  return h.call('POST', path, { raw: form, ...(token ? { token } : {}) });
}
const WINDOW_SCANS = `/api/window/${CITY}/items/${ITEM}/uploads`;

describe('scans at the window', () => {
  it('takes a scan for an item offered in person only, which the public upload refuses', async () => {
    const publicly = await scan(`/api/items/${CITY}/${ITEM}/uploads`, undefined);
    expect(publicly.status).toBe(403);
    expect(publicly.json.code).toBe('NOT_TAKEN_ONLINE');

    const scanned = await scan(WINDOW_SCANS, officer);
    expect(scanned.status, JSON.stringify(scanned.json)).toBe(201);
    expect(scanned.json).toMatchObject({ name: 'scan.pdf', contentType: 'application/pdf' });

    const paper = { form: 'paper', original: true, copies: 1 };
    const filed = await h.call('POST', `/api/window/${CITY}/items/${ITEM}/applications`, {
      token: officer,
      body: {
        window: { name: '市民中心综合窗口', number: '3' },
        applicant: { idType: '111', idNumber: '440524188001010014', name: '李四', phone: '13812345678' },
        answers: saleAnswers,
        materials: { application: { form: 'scan', files: [scanned.json.key] }, 'title-certificate': paper, 'sale-contract': paper, 'survey-report': paper },
        fileNames: { [scanned.json.key]: '申请书扫描件.pdf' },
      },
    });
    expect(filed.status, JSON.stringify(filed.json)).toBe(201);
    const application = filed.json.case.materials.find((m: { materialId: string }) => m.materialId === 'application');
    expect(application).toMatchObject({ status: 'supplied', files: [expect.objectContaining({ key: scanned.json.key, name: '申请书扫描件.pdf' })] });
  });

  it('checks a scan as an applicant’s upload is, and lets only window officers of the jurisdiction scan', async () => {
    const before = await h.recordCount();
    const fake = await scan(WINDOW_SCANS, officer, new TextEncoder().encode('%PDF-'));
    expect(fake.status).toBeGreaterThanOrEqual(400);
    expect(fake.status).toBeLessThan(500);
    expect(fake.json.message).toMatch(/[\u4e00-\u9fff]/);
    expect(fake.json.message_en).toMatch(/[a-z]/);
    expect((await scan(WINDOW_SCANS, officer, new Uint8Array(PDF), 'no-such-material')).status).toBe(422);
    expect((await scan(WINDOW_SCANS, undefined)).status).toBe(401);
    expect((await scan(WINDOW_SCANS, await h.token(CITY, 'estate-officer'))).status).toBe(403);
    expect((await scan(`/api/window/990121/items/${ITEM}/uploads`, officer)).status).toBe(403);
    expect(await h.recordCount()).toBe(before);
  });
});
