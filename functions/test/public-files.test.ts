import { describe, expect, it } from 'vitest';
import { harness } from './harness';
import { PDF, TEXT } from './files';

const h = await harness();

async function upload(jurisdiction: string, token: string, bytes: Buffer, name: string) {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name));
  return h.call('POST', `/api/admin/${jurisdiction}/files`, { token, raw: form });
}

describe('blank forms and samples', () => {
  it('are uploaded by an administrator and downloaded by anyone', async () => {
    const admin = await h.token('990100', 'city-admin');
    const stored = await upload('990100', admin, PDF, '申请表.pdf');
    expect(stored.status).toBe(201);
    expect(stored.json).toMatchObject({ name: '申请表.pdf', contentType: 'application/pdf' });
    const download = await h.app.request(`/api/files/${stored.json.key}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
  });

  it('must be documents or images, recognised from their content', async () => {
    const response = await upload('990100', await h.token('990100', 'city-admin'), TEXT, '申请表.pdf');
    expect(response.status).toBe(415);
    expect(response.json.message).toBe('只能上传 PDF、Word、Excel 或图片文件');
  });

  it('are uploaded only into one’s own jurisdiction', async () => {
    expect((await upload('990100', await h.token('990121', 'dongcheng-admin'), PDF, 'x.pdf')).status).toBe(403);
  });

  it('never expose applicants’ uploads', async () => {
    const form = new FormData();
    form.set('materialId', 'application');
    form.set('file', new File([new Uint8Array(PDF)], 'x.pdf'));
    const uploaded = await h.call('POST', '/api/items/990100/real-estate-transfer/uploads', { raw: form });
    expect(uploaded.status).toBe(201);
    expect((await h.app.request(`/api/files/${uploaded.json.key}`)).status).toBe(404);
    expect((await h.app.request(`/api/files/public/990100/20260302/${'0'.repeat(32)}`)).status).toBe(404);
  });
});
