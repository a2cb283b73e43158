import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { INFLATED_LIMIT } from '../src/imports-zip';
import { harness } from './harness';

/**
 * A workbook that inflates past what the importer reads into memory is refused before the
 * workbook reader opens it, whatever its entries' headers say, and nothing is written.
 */

const h = await harness();
const { admin } = await h.adminTokens();

/** A zip holding `name` of `megabytes` zero bytes, deflated as it is made (a few hundred KB). */
function bomb(name: string, megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const entry = new ZipDeflate(name, { level: 9 });
  zip.add(entry);
  const megabyte = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) entry.push(megabyte, i === megabytes - 1);
  zip.end();
  return new Uint8Array(Buffer.concat(parts));
}

async function post(bytes: Uint8Array) {
  const form = new FormData();
  form.set('file', new File([bytes as BlobPart], '事项清单.xlsx'));
  const response = await h.app.request('/api/admin/990100/imports?dryRun=false', { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
  return { status: response.status, json: (await response.json()) as { code: string; message: string; message_en: string } };
}

describe('a workbook that inflates too far', () => {
  it('is refused in both languages, writing nothing', async () => {
    const file = bomb('xl/sharedStrings.xml', INFLATED_LIMIT / 1024 / 1024 + 1);
    expect(file.length).toBeLessThan(1024 * 1024);
    const before = await h.recordCount();
    const { status, json } = await post(file);
    expect(status).toBe(400);
    expect(json.code).toBe('IMPORT_FILE_UNREADABLE');
    expect(json.message).toContain('工作簿解压后超过 200 MB');
    expect(json.message_en).toContain('inflates to more than 200 MB');
    expect(await h.recordCount()).toBe(before);
  });

  it('is not a workbook that only claims to be small: a file inflating within the bound goes on to be read', async () => {
    const notLayout = zipSync({ 'hello.txt': strToU8('你好') });
    const { status, json } = await post(notLayout);
    expect(status).toBe(400);
    expect(json.message).not.toContain('解压后超过');
  });
});
