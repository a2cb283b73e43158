import type { CaseRecord } from '@onevisit/functions/cases';
import type { FileInfo, ItemVersion } from '@onevisit/functions/records';
import { ApiError } from '../api';
import { loadSession } from '../session';

/** The front desk's calls: finding an item, reading it, uploading a scan, filing the application. */

export interface FoundItem {
  itemId: string;
  name: string;
  department: string;
  deficiency: boolean;
  material?: string;
}

export interface Filed {
  case: CaseRecord;
  secret: string;
}

async function call<T>(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<T> {
  const token = loadSession()?.token;
  const response = await fetch(path, { method, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
  const json = (await response.json().catch(() => undefined)) as (T & { code?: string; message?: string; message_en?: string; details?: unknown }) | undefined;
  if (!response.ok) throw new ApiError(response.status, json?.code ?? 'HTTP_ERROR', json?.message ?? `请求失败(${response.status})`, json?.message_en ?? `request failed (${response.status})`, json?.details);
  return json as T;
}

export const windowApi = {
  find: (j: string, q: string) => call<FoundItem[]>('GET', `/api/window/${j}/items?q=${encodeURIComponent(q)}`),
  item: (j: string, itemId: string) => call<ItemVersion>('GET', `/api/window/${j}/items/${itemId}`),
  /** A scanned material, checked as an applicant's upload is, for any item in force (the key is named in the application). */
  upload: (j: string, itemId: string, materialId: string, file: File) => {
    const form = new FormData();
    form.set('materialId', materialId);
    form.set('file', file);
    return call<FileInfo>('POST', `/api/window/${j}/items/${itemId}/uploads`, form);
  },
  /** Filed under a key chosen once per application, so a retry after a lost answer is the same case. */
  file: (j: string, itemId: string, body: unknown, idempotencyKey: string) =>
    call<Filed>('POST', `/api/window/${j}/items/${itemId}/applications`, JSON.stringify(body), { 'content-type': 'application/json', 'idempotency-key': idempotencyKey }),
};
