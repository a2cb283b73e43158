import { itemsInStageOrder, type ItemDefinition } from '@onevisit/item-schemas';
import type { ItemVersion } from '../records';
import type { Store } from '../store/store';
import type { BundleVersion } from './records';

type Window = ItemDefinition['windows'][number];

const same = (a: Window, b: Window) => a.name === b.name && a.address === b.address && a.hours === b.hours && a.phone === b.phone;

/**
 * Where a 一件事 is handled in person (办理地点): each base item's windows, each once, in stage
 * order. A county's copy runs on its clones of the city's items; a clone no longer takes the city's
 * windows (cloneStart), but one published before that may still carry them: those are left out,
 * so the county's applicants are never sent to the city's hall. An item the county's copy takes
 * from further up keeps its own.
 */
export async function bundleWindows(store: Store, version: BundleVersion, versions: Readonly<Record<string, ItemVersion>>): Promise<Window[]> {
  const found: Window[] = [];
  for (const ref of itemsInStageOrder(version.definition)) {
    const pinned = versions[ref.key]?.definition.windows ?? [];
    const inherited = ref.jurisdiction === version.jurisdiction ? await upstreamWindows(store, ref.jurisdiction, ref.itemId) : [];
    for (const w of pinned) if (!inherited.some((u) => same(u, w)) && !found.some((f) => f.name === w.name && f.address === w.address)) found.push(w);
  }
  return found;
}

/** The windows of the item a clone follows, at the version it follows; none for an item of the jurisdiction's own. */
async function upstreamWindows(store: Store, jurisdiction: string, itemId: string): Promise<Window[]> {
  const upstream = (await store.getHead(jurisdiction, itemId))?.upstream;
  if (!upstream) return [];
  return (await store.getVersion(upstream.jurisdiction, upstream.itemId, upstream.version))?.definition.windows ?? [];
}
