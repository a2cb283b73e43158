import { randomBytes } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { AppDeps } from './deps';
import { fileTooLarge, fileTypeNotAllowed } from './errors';

/**
 * Files anyone may download: the blank forms (空白表格) and samples (示例样表) an item offers with
 * its materials. They live apart from applicants' uploads, which are never served publicly.
 */

const MB = 1024 * 1024;
/** The largest blank form or sample an official may offer. */
export const PUBLIC_FILE_BYTES = 20 * MB;

/** What officials may offer: documents, spreadsheets and images, recognised from their content. */
const ALLOWED = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/x-cfb', // .doc and .xls
]);

export const publicFileKey = /^public\/\d{6}\/\d{8}\/[0-9a-f]{32}$/;

export async function storePublicFile(deps: AppDeps, jurisdiction: string, file: { name: string; bytes: Uint8Array }) {
  if (file.bytes.length > PUBLIC_FILE_BYTES) throw fileTooLarge(PUBLIC_FILE_BYTES / MB);
  const contentType = (await fileTypeFromBuffer(file.bytes.subarray(0, 4100)))?.mime;
  if (!contentType || !ALLOWED.has(contentType)) throw fileTypeNotAllowed(['PDF、Word、Excel 或图片', 'PDF, Word, Excel or image'], { detected: contentType ?? null });
  const key = `public/${jurisdiction}/${shanghaiDateOf(deps.clock()).replace(/-/g, '')}/${randomBytes(16).toString('hex')}`;
  await deps.files.write(key, file.bytes);
  // Written files start staged (abandoned uploads expire); a blank form is kept from the start.
  await deps.files.markFiled?.(key);
  return { key, name: file.name.slice(0, 200), contentType };
}

export async function readPublicFile(deps: AppDeps, key: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined> {
  if (!publicFileKey.test(key)) return undefined;
  const bytes = await deps.files.read(key);
  if (!bytes) return undefined;
  return { bytes, contentType: (await fileTypeFromBuffer(bytes.subarray(0, 4100)))?.mime ?? 'application/octet-stream' };
}
