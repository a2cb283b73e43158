import { itemsInStageOrder, type BundleDefinition } from '@onevisit/item-schemas';
import type { Principal } from '../auth';
import { cloneItems, upstreamOf } from '../clones';
import type { AppDeps } from '../deps';
import { ApiError, notFound } from '../errors';
import { createBundle } from './publishing';
import type { BundleClaim, ClaimableBundle } from './records';

/**
 * A county claims its city's 一件事 as it claims items: its own copy, over its own clones of the
 * base items (claimed with it where the county had not claimed them yet), so each item's cases go
 * to the county's departments. The copy pins each clone at its published version, or at version
 * 1 while the clone is unpublished: the publish checks then ask for that item to be published
 * first, in words the official knows.
 */

const notPublished = (id: string) => new ApiError(409, 'BUNDLE_NOT_PUBLISHED', `上级的一件事「${id}」尚未发布，不能认领`, `the parent's bundle "${id}" is not published and cannot be claimed`);

/** The parent's published 一件事, with what the county has claimed of each. */
export async function claimableBundles(deps: AppDeps, county: string): Promise<ClaimableBundle[]> {
  const parent = await upstreamOf(deps, county);
  const [heads, own, ownItems] = await Promise.all([deps.store.listBundleHeads(parent), deps.store.listBundleHeads(county), deps.store.listHeads(county)]);
  const claimedItems = new Set(ownItems.filter((h) => h.upstream?.jurisdiction === parent).map((h) => h.itemId));
  const ownIds = new Set(own.map((b) => b.bundleId));
  const published = heads.filter((h) => h.state === 'published' && h.version > 0);
  return Promise.all(
    published.map(async (h) => {
      const version = await deps.store.getBundleVersion(parent, h.bundleId, h.version);
      const refs = version?.definition.items ?? [];
      const names = await Promise.all(refs.map(async (r) => (await deps.store.getHead(r.jurisdiction, r.itemId))?.draftName ?? r.itemId));
      return { bundleId: h.bundleId, name: h.name, version: h.version, claimed: ownIds.has(h.bundleId), items: refs.map((r, i) => ({ itemId: r.itemId, name: names[i]!, claimed: claimedItems.has(r.itemId) })) };
    }),
  );
}

/** Claims the parent's 一件事 `bundleId` with whichever of its base items the county has not claimed; again, it changes nothing. */
export async function claimBundle(deps: AppDeps, who: Principal, county: string, bundleId: string): Promise<BundleClaim> {
  const parent = await upstreamOf(deps, county);
  const head = await deps.store.getBundleHead(parent, bundleId);
  if (!head) throw notFound('一件事', 'bundle');
  const version = head.version > 0 ? await deps.store.getBundleVersion(parent, bundleId, head.version) : undefined;
  if (!version) throw notPublished(bundleId);
  const upstream = version.definition;
  const items = await cloneItems(deps, who, county, upstream.items.filter((r) => r.jurisdiction === parent).map((r) => r.itemId));
  if (await deps.store.getBundleHead(county, bundleId)) return { bundleId, status: 'exists', items };
  const heads = await Promise.all(upstream.items.map((r) => (r.jurisdiction === parent ? deps.store.getHead(county, r.itemId) : undefined)));
  // An item the parent took from further up stays where it is; the parent's own items become the county's clones.
  const refs = upstream.items.map((r, i) => (r.jurisdiction === parent ? { ...r, jurisdiction: county, version: Math.max(1, heads[i]?.version ?? 0) } : r));
  // The departments taking part are the county's, as its clones name them (lead: the first step's).
  const byKey = new Map(upstream.items.map((r, i) => [r.key, heads[i]]));
  const named = [...new Map(itemsInStageOrder(upstream).flatMap((r) => { const d = byKey.get(r.key)?.published?.department ?? byKey.get(r.key)?.draftSummary?.department; return d ? [[d.creditCode, d] as const] : []; })).values()];
  const departments = await Promise.all(named.map(async (d) => ({ name: d.name, creditCode: d.creditCode, nature: (await deps.store.getDepartment(county, d.creditCode))?.nature ?? '1' })));
  const definition: BundleDefinition = {
    ...structuredClone(upstream),
    items: refs,
    ...(departments.length > 0 ? { leadDepartment: departments[0]!, cooperatingDepartments: departments.slice(1) } : {}),
  };
  await createBundle(deps, who, county, { bundleId, definition: definition as unknown as Record<string, unknown> });
  return { bundleId, status: 'cloned', items };
}
