import { randomBytes } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { fileTypeWords, shanghaiDateOf, type ItemDefinition, type Material } from '@onevisit/item-schemas';
import type { AppDeps } from './deps';
import { fileDamaged, fileEmpty, fileNotFound, fileTooLarge, fileTypeNotAllowed, notUploadable } from './errors';
import type { FileInfo } from './records';

/**
 * Material uploads. The type is recognised from the file's content, never its name, and must
 * be one the material accepts; the size is capped per item (20 MB by default).
 */

const MB = 1024 * 1024;

export function uploadPrefix(jurisdiction: string): string {
  return `uploads/${jurisdiction}/`;
}

async function sniff(bytes: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(bytes))?.mime;
}

function checkFile(item: ItemDefinition, material: Material, size: number, type: string | undefined): string {
  if (size > item.uploadLimitMb * MB) throw fileTooLarge(item.uploadLimitMb, material.name);
  if (size === 0) throw fileEmpty(material.name);
  if (!type || !(material.acceptedTypes as readonly string[]).includes(type)) {
    const words = [fileTypeWords(material.acceptedTypes), fileTypeWords(material.acceptedTypes, 'en')] as const;
    throw fileTypeNotAllowed(words, { detected: type ?? null, accepted: material.acceptedTypes }, material.name);
  }
  return type;
}

function newKey(deps: AppDeps, jurisdiction: string): string {
  const day = shanghaiDateOf(deps.clock()).replace(/-/g, '');
  return `${uploadPrefix(jurisdiction)}${day}/${randomBytes(16).toString('hex')}`;
}

export interface UploadTarget {
  /** The key to name in the submission once the file is sent. */
  key?: string;
  method: 'POST';
  url: string;
  fields: Record<string, string>;
}

/**
 * Where the applicant's browser should send a material's file: straight to storage when the
 * store can presign (AWS), else to the API's upload route, which checks and stores it.
 */
export async function uploadTarget(deps: AppDeps, jurisdiction: string, itemId: string, item: ItemDefinition, material: Material): Promise<UploadTarget> {
  if (!deps.files.presignUpload) {
    return { method: 'POST', url: `/api/items/${jurisdiction}/${itemId}/uploads`, fields: { materialId: material.id } };
  }
  const key = newKey(deps, jurisdiction);
  return { key, method: 'POST', ...(await deps.files.presignUpload(key, item.uploadLimitMb * MB)) };
}

/** The material of an item a file may be uploaded for: one the item asks for, not one obtained by sharing. */
export function uploadableMaterial(item: ItemDefinition, materialId: string): Material {
  const material = item.materials.find((m) => m.id === materialId && !m.shared);
  if (!material) throw notUploadable();
  return material;
}

/**
 * Whether a file of a type that has a trailer ends as one must: a PDF with its %%EOF near the end,
 * not five magic bytes. Images and Office files are recognised by file-type from their structure.
 */
function whole(type: string, bytes: Uint8Array): boolean {
  if (type !== 'application/pdf') return true;
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return tail.includes('%%EOF');
}

/**
 * What this process learned of the files it stored, by key, so a submission naming one checks it
 * against its material without reading it again. Kept an hour at most (well within the days a
 * staged upload lasts) and for the latest 10,000 uploads; any other key is read and checked.
 */
const uploaded = new Map<string, { contentType: string; size: number; at: number }>();
const UPLOAD_MEMORY_MS = 3600_000;

function remember(key: string, contentType: string, size: number): void {
  uploaded.set(key, { contentType, size, at: Date.now() });
  if (uploaded.size > 10_000) uploaded.delete(uploaded.keys().next().value!);
}

/** Stores an uploaded file for a material of a published item, after checking it. */
export async function storeUpload(
  deps: AppDeps,
  jurisdiction: string,
  item: ItemDefinition,
  material: Material,
  file: { name: string; bytes: Uint8Array },
): Promise<FileInfo> {
  const contentType = checkFile(item, material, file.bytes.length, await sniff(file.bytes.subarray(0, 4100)));
  if (!whole(contentType, file.bytes)) throw fileDamaged(material.name);
  const key = newKey(deps, jurisdiction);
  await deps.files.write(key, file.bytes);
  remember(key, contentType, file.bytes.length);
  return filedAs({ key, name: '', contentType, size: file.bytes.length }, file.name);
}

/**
 * Checks a stored upload named in a submission: it must exist, belong here, and fit the material.
 * One this process stored lately is checked from what its upload found; any other is read.
 */
export async function inspectUpload(deps: AppDeps, jurisdiction: string, item: ItemDefinition, material: Material, key: string): Promise<FileInfo> {
  const known = key.startsWith(uploadPrefix(jurisdiction)) ? uploaded.get(key) : undefined;
  if (known && Date.now() - known.at < UPLOAD_MEMORY_MS) return { key, name: key.split('/').at(-1)!, contentType: checkFile(item, material, known.size, known.contentType), size: known.size };
  const size = key.startsWith(uploadPrefix(jurisdiction)) && !key.includes('..') ? await deps.files.size(key) : undefined;
  if (size === undefined) throw fileNotFound(material.name, key);
  const contentType = checkFile(item, material, size, await sniff(await deps.files.readStart(key, 4100)));
  return { key, name: key.split('/').at(-1)!, contentType, size };
}

/** A file as a case keeps it: by the name it was chosen under, shown safely (no control characters or path separators, at most 200 characters), else by its key. */
export function filedAs(file: FileInfo, chosenName: string | undefined): FileInfo {
  const shown = chosenName?.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim().slice(0, 200);
  return { ...file, name: shown || file.key.split('/').at(-1)! };
}

/** Files about to be stored with a case leave the staged state, before the case is written: at worst a file stays that no case names, never the reverse. */
export async function markFiled(deps: AppDeps, files: readonly FileInfo[]): Promise<void> {
  if (deps.files.markFiled) await Promise.all(files.map((f) => deps.files.markFiled!(f.key)));
}
