import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFileStore } from '../../functions/src/files';
import { PDF, saleAnswers } from '../../functions/test/files';
import { harness } from '../../functions/test/harness';

/**
 * A file key naming a folder of the local file store (issue 15: such keys answered 500, EISDIR):
 * every route that takes a key answers it exactly as a key naming nothing, never 5xx.
 */

const h = await harness({ now: '2026-03-02T02:00:00Z' });
const ITEM = '/api/items/990100/real-estate-transfer';

async function uploaded(materialId: string): Promise<string> {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new Uint8Array(PDF)], `${materialId}.pdf`));
  const response = await h.call('POST', `${ITEM}/uploads`, { raw: form });
  expect(response.status).toBe(201);
  return response.json.key;
}

/** Keys that resolve to folders once a file was uploaded today (uploads/990100/20260302/<id>), and one naming nothing. */
const FOLDERS = ['uploads/990100', 'uploads/990100/', 'uploads/990100/20260302', 'uploads/990100/20260302/', 'uploads/990100/./20260302', 'uploads/990100/20260302/.'];
const NOTHING = 'uploads/990100/20260302/0123456789abcdef0123456789abcdef';

describe('a key naming a folder', () => {
  it('is refused by the submission as a missing file is, and nothing is filed', async () => {
    const keys = { application: [await uploaded('application')], 'title-certificate': [await uploaded('title-certificate')] };
    const submit = (key: string) => h.call('POST', `${ITEM}/applications`, { body: { answers: { ...saleAnswers, boundaryChanged: false }, materials: { ...keys, 'sale-contract': [key] } } });
    const missing = await submit(NOTHING);
    expect(missing.status).toBe(422);
    const before = await h.recordCount();
    for (const key of FOLDERS) {
      const response = await submit(key);
      expect(response.status, key).toBe(missing.status);
      expect(response.json.code, key).toBe(missing.json.code);
      expect(response.json.message).toBe('「不动产买卖合同」引用的文件不存在，请重新上传');
    }
    expect(await h.recordCount()).toBe(before);
  });

  it('is refused by the citizen form, the 容缺 supplement and the corrections as a missing file is', async () => {
    const materials = { application: [await uploaded('application')], 'title-certificate': [await uploaded('title-certificate')], 'sale-contract': [await uploaded('sale-contract')] };
    const filed = await h.call('POST', `${ITEM}/applications`, { body: { answers: saleAnswers, materials } });
    expect(filed.status).toBe(201);
    const { trackingNumber: number } = filed.json.case;
    const secret: string = filed.json.secret;
    for (const key of FOLDERS) {
      const form = new FormData();
      form.set('root[reason]', '1');
      form.set('uploaded[application]', key);
      const page = await h.app.request('/apply/990100/real-estate-transfer', { method: 'POST', body: form });
      expect(page.status, key).toBe(400);
      const supplement = await h.call('POST', `/api/track/${number}/supplements`, { body: { secret, materialId: 'survey-report', files: [key] } });
      expect(supplement.status, key).toBe(422);
      expect(supplement.json.code).toBe('FILE_NOT_FOUND');
    }
  });

  it('is no file an officer can open: 404, as for any key the case does not hold', async () => {
    const materials = { application: [await uploaded('application')], 'title-certificate': [await uploaded('title-certificate')], 'sale-contract': [await uploaded('sale-contract')] };
    const { trackingNumber: number } = (await h.call('POST', `${ITEM}/applications`, { body: { answers: saleAnswers, materials } })).json.case;
    const officer = await h.token('990100', 'estate-officer');
    for (const key of [...FOLDERS, NOTHING]) expect((await h.call('GET', `/api/officer/cases/${number}/file?key=${encodeURIComponent(key)}`, { token: officer })).status, key).toBe(404);
    for (const path of ['/api/files/public/990100/20260302', '/api/files/public/990100', '/api/files/public/990100/20260302/']) expect((await h.app.request(path)).status, path).toBe(404);
  });

  it('reads as nothing from the local file store itself', async () => {
    const store = new LocalFileStore(mkdtempSync(join(tmpdir(), 'onevisit-folders-')));
    await store.write('uploads/990100/20260302/0123456789abcdef0123456789abcdef', new Uint8Array(PDF));
    for (const key of FOLDERS) {
      expect(await store.size(key), key).toBeUndefined();
      expect(await store.read(key), key).toBeUndefined();
    }
  });
});
