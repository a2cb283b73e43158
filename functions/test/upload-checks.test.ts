import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import type { FileStore } from '../src/files';
import { PDF, saleAnswers, TEXT } from './files';
import { harness } from './harness';

/** An upload is checked when it arrives; the submission naming it does not read it again, unless this process did not store it. */
const h = await harness({ now: '2026-03-02T02:00:00Z' });
const reads: string[] = [];
const files: FileStore = { ...h.deps.files, write: (k, b) => h.deps.files.write(k, b), size: (k) => h.deps.files.size(k), read: (k) => h.deps.files.read(k), readStart: (k, n) => (reads.push(k), h.deps.files.readStart(k, n)) };
const app = createApp({ ...h.deps, files });
const ITEM = '/api/items/990100/real-estate-transfer';

async function upload(materialId: string): Promise<string> {
  const form = new FormData();
  form.set('materialId', materialId);
  form.set('file', new File([new Uint8Array(PDF)], 'scan.pdf'));
  return ((await (await app.request(`${ITEM}/uploads`, { method: 'POST', body: form })).json()) as { key: string }).key;
}
const submit = (materials: Record<string, string[]>) =>
  app.request(`${ITEM}/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: saleAnswers, materials }) });

describe('files named in a submission', () => {
  it('are not read again when this process checked them on upload', async () => {
    const materials = { application: [await upload('application')], 'title-certificate': [await upload('title-certificate')], 'sale-contract': [await upload('sale-contract')] };
    expect((await submit(materials)).status).toBe(201);
    expect(reads).toEqual([]);
  });

  it('are read and checked when stored otherwise (a browser’s upload straight to storage)', async () => {
    const key = 'uploads/990100/20260302/0123456789abcdef0123456789abcdef';
    await h.deps.files.write(key, new Uint8Array(TEXT));
    const response = await submit({ application: [key], 'title-certificate': [await upload('title-certificate')], 'sale-contract': [await upload('sale-contract')] });
    expect(reads).toEqual([key]);
    expect(response.status).toBe(415);
    expect(((await response.json()) as { code: string }).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });
});
