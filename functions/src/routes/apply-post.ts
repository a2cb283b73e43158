import type { ItemDefinition, Material, PostedFields } from '@onevisit/item-schemas';
import { say, type Lang } from '../citizen/page';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import type { FileInfo } from '../records';
import { storeUpload } from '../uploads';
import type { Posted } from './citizen-responses';

/** What an apply page's post carries, and what the page and the 一件事 page do with its files alike. */

/** A problem told above the form, at a material when it is one's. */
export type GeneralError = { message: string; message_en: string; materialId?: string };

/**
 * The posted body split into form fields, new files per material, and files uploaded by an
 * earlier attempt (or by the page script) with the names they were chosen under, shown again.
 */
export function splitPost(body: Posted) {
  const fields: PostedFields = {};
  const files = new Map<string, File[]>();
  const uploaded: Record<string, string[]> = {};
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    const material = /^material\[([\w-]+)\]$/.exec(name)?.[1];
    const earlier = /^uploaded\[([\w-]+)\]$/.exec(name)?.[1];
    const fileName = /^fileName\[([\w/-]+)\]$/.exec(name)?.[1];
    if (material) files.set(material, values.filter((v): v is File => v instanceof File && v.size > 0));
    else if (earlier) uploaded[earlier] = values.filter((v): v is string => typeof v === 'string');
    else if (fileName && typeof values[0] === 'string') names.set(fileName, values[0].slice(0, 200));
    else if (name.startsWith('root')) {
      const strings = values.filter((v): v is string => typeof v === 'string');
      fields[name] = name.endsWith('[]') || strings.length > 1 ? strings : (strings[0] ?? '');
    }
  }
  return { fields, files, uploaded, names };
}

/**
 * Stores the files a post sends beside the keys it kept from an earlier post, so a correction
 * need not send them again; a shared (免交) material takes none. Each file stored here is filed
 * as it is, not read back (`stored`); a refused file is told at its material (`failed`).
 */
export async function storePostedFiles(deps: AppDeps, jurisdiction: string, item: ItemDefinition, posted: Pick<ReturnType<typeof splitPost>, 'files' | 'uploaded' | 'names'>) {
  const keys: Record<string, string[]> = Object.fromEntries(Object.entries(posted.uploaded).map(([id, list]) => [id, [...list]]));
  const stored = new Map<string, FileInfo>();
  const failed: GeneralError[] = [];
  for (const [materialId, sent] of posted.files) {
    const material = item.materials.find((m) => m.id === materialId && !m.shared);
    if (!material) continue;
    for (const file of sent) {
      try {
        const info = await storeUpload(deps, jurisdiction, item, material, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
        (keys[materialId] ??= []).push(info.key);
        stored.set(info.key, info);
        posted.names.set(info.key, info.name);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        failed.push({ message: error.message, message_en: error.message_en, materialId });
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(keys).map(([id, list]) => [id, list.map((key) => ({ key, name: posted.names.get(key) ?? '' }))]));
  return { keys, stored, failed, kept };
}

/** A material still to upload, said at the material. */
export const missingErrors = (missing: readonly Pick<Material, 'id' | 'name'>[], lang: Lang): GeneralError[] =>
  missing.map((m) => ({ message: say(lang)(`请上传「${m.name}」`, `Upload "${m.name}"`), message_en: `Upload "${m.name}"`, materialId: m.id }));

/** Every upload is offered without JavaScript: files for materials these answers do not ask for stay out of the case. */
export function askedFiles(keys: Record<string, string[]>, check: { unknown: readonly string[]; notAsked: readonly Pick<Material, 'id'>[] }): Record<string, string[]> {
  const left = new Set([...check.unknown, ...check.notAsked.map((m) => m.id)]);
  return Object.fromEntries(Object.entries(keys).filter(([id]) => !left.has(id)));
}
