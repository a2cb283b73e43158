import type { BundleIssue, ItemDefinition } from '@onevisit/item-schemas';
import type { BundleClaim, BundleDraft, BundleHead, BundleVersion, ClaimableBundle } from '@onevisit/functions/bundles';
import type { ItemVersion } from '@onevisit/functions/records';
import { ApiError } from '../api';
import { loadSession } from '../session';

/** The 一件事 routes of the admin API, as the bundle screens use them; errors carry the API's bilingual message. */

export type { BundleClaim, BundleDraft, BundleHead, BundleVersion, ClaimableBundle };

async function call<T>(method: string, path: string, options: { body?: unknown; ifMatch?: number } = {}): Promise<T> {
  const token = loadSession()?.token;
  const response = await fetch(path, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.ifMatch === undefined ? {} : { 'if-match': `"${options.ifMatch}"` }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const e = (json ?? {}) as { code?: string; message?: string; message_en?: string; details?: unknown };
    throw new ApiError(response.status, e.code ?? 'HTTP_ERROR', e.message ?? `请求失败(${response.status})`, e.message_en ?? `request failed (${response.status})`, e.details);
  }
  return json as T;
}

const at = (j: string) => `/api/admin/${j}/bundles`;

export const bundleApi = {
  list: (j: string) => call<BundleHead[]>('GET', at(j)),
  create: (j: string, bundleId: string, definition: Record<string, unknown>) => call<{ head: BundleHead; draft: BundleDraft }>('POST', at(j), { body: { bundleId, definition } }),
  draft: (j: string, id: string) => call<BundleDraft>('GET', `${at(j)}/${id}/draft`),
  save: (j: string, id: string, revision: number, definition: Record<string, unknown>) => call<BundleDraft>('PUT', `${at(j)}/${id}/draft`, { body: definition, ifMatch: revision }),
  checks: (j: string, id: string) => call<{ revision: number; issues: BundleIssue[] }>('POST', `${at(j)}/${id}/checks`),
  publish: (j: string, id: string, revision: number, changeNote?: string) => call<BundleVersion>('POST', `${at(j)}/${id}/publish`, { body: changeNote ? { changeNote } : {}, ifMatch: revision }),
  version: (j: string, id: string, version: number) => call<BundleVersion>('GET', `${at(j)}/${id}/versions/${version}`),
  versions: (j: string, id: string) => call<Array<Omit<BundleVersion, 'definition'>>>('GET', `${at(j)}/${id}/versions`),
  /** The parent's published 一件事, with what this jurisdiction has claimed of each. */
  claimable: (j: string) => call<ClaimableBundle[]>('GET', `/api/admin/${j}/claimable-bundles`),
  claim: (j: string, bundleId: string) => call<BundleClaim>('POST', `/api/admin/${j}/bundle-clones`, { body: { bundleId } }),
  /** A base item's published version, whose form and materials the bundle merges. */
  itemVersion: async (j: string, itemId: string, version: number): Promise<ItemDefinition> => (await call<ItemVersion>('GET', `/api/admin/${j}/items/${itemId}/versions/${version}`)).definition as ItemDefinition,
};

/** The API's refusal of a publish: the checks' issues, in words. */
export const refusedIssues = (error: unknown): BundleIssue[] => (error instanceof ApiError && error.code === 'PUBLISH_CHECKS_FAILED' && Array.isArray(error.details) ? (error.details as BundleIssue[]) : []);
