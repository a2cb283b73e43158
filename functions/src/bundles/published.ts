import { bundlePromise, itemsInStageOrder, mergedForm, mergedMaterials, shanghaiDateOf, type BaseVersions, type BundleDefinition, type BundleMaterial, type ItemDefinition } from '@onevisit/item-schemas';
import { onlineIntakeRefusal } from '../cases/intake-terms';
import type { AppDeps } from '../deps';
import { itemNotAccepting, notFound } from '../errors';
import type { ItemVersion } from '../records';
import type { Store } from '../store/store';
import type { BundleVersion } from './records';
import { bundleWindows } from './windows';

/**
 * A published 一件事 as applications take it: its pinned base versions, its one form and one
 * checklist, and the bundle read as one item (the merged form, the merged materials under ids a
 * form can post, the combined promise) so the item's application page and rules serve it too.
 */

export interface PublishedBundle {
  version: BundleVersion;
  bundle: BundleDefinition;
  /** The pinned version of each base item, by its key in the bundle. */
  versions: Record<string, ItemVersion>;
  base: BaseVersions;
  asItem: ItemDefinition;
  /** The one checklist, without answers; `idOf` names each entry as `asItem.materials` does. */
  materials: BundleMaterial[];
}

/** A merged material's id as a form posts it (`material[…]`): the equivalence's key, or item__material. */
export const postedIdOf = (m: Pick<BundleMaterial, 'id'>) => m.id.replace('.', '__');

/** The bundle as one item, for the page and the rules that read an item: the lead department, the combined limits, every item's windows. */
function asItemOf(bundle: BundleDefinition, base: BaseVersions, version: number, windows: ItemDefinition['windows']): { asItem: ItemDefinition; materials: BundleMaterial[] } {
  const form = mergedForm(bundle, base);
  const materials = mergedMaterials(bundle, base, undefined, form);
  const items = itemsInStageOrder(bundle).flatMap(({ key }) => (base[key] ? [base[key]] : []));
  const first = items[0]!;
  const promise = bundlePromise(bundle, base);
  const deferring = items.filter((i) => i.deficiencyAcceptance.enabled).sort((a, b) => a.deficiencyAcceptance.supplementDays - b.deficiencyAcceptance.supplementDays)[0];
  // The first item's own names, words, result and 通办范围 are not the bundle's; its dates and windows are all of its items'.
  const { shortName: _short, keywords: _words, tree: _tree, result: _result, crossRegion: _region, effectiveFrom: _from, plannedCancelOn: _until, ...own } = first;
  const from = items.flatMap((i) => (i.effectiveFrom ? [i.effectiveFrom] : [])).sort();
  const until = items.flatMap((i) => (i.plannedCancelOn ? [i.plannedCancelOn] : [])).sort();
  const asItem: ItemDefinition = {
    ...own,
    id: bundle.id,
    name: bundle.name,
    keywords: [],
    ...(from.length > 0 ? { effectiveFrom: from.at(-1)! } : {}),
    ...(until.length > 0 ? { plannedCancelOn: until[0]! } : {}),
    department: bundle.leadDepartment,
    windows,
    form,
    materials: materials.map((m) => ({ ...m.material, id: postedIdOf(m) })),
    legalLimit: { value: promise.legal, unit: 'workday' },
    promisedLimit: { value: promise.promised, unit: 'workday' },
    fees: items.flatMap((i) => i.fees),
    maxVisits: Math.max(...items.map((i) => i.maxVisits)),
    uploadLimitMb: Math.min(...items.map((i) => i.uploadLimitMb)),
    deficiencyAcceptance: deferring?.deficiencyAcceptance ?? first.deficiencyAcceptance,
    notifyPromise: { ...first.notifyPromise, enabled: items.some((i) => i.notifyPromise.enabled) },
    meta: { ...first.meta, version },
  };
  return { asItem, materials };
}

const made = new Map<string, Pick<PublishedBundle, 'asItem' | 'materials'>>();

/** A published version's base versions and its reading as one item (kept per version: versions never change). */
export async function bundleView(store: Store, version: BundleVersion): Promise<Pick<PublishedBundle, 'versions' | 'base' | 'asItem' | 'materials'> | undefined> {
  const versions: Record<string, ItemVersion> = {};
  for (const ref of version.definition.items) {
    const pinned = await store.getVersion(ref.jurisdiction, ref.itemId, ref.version);
    if (!pinned) return undefined;
    versions[ref.key] = pinned;
  }
  const base = Object.fromEntries(Object.entries(versions).map(([k, v]) => [k, v.definition]));
  const cacheKey = `${version.jurisdiction}|${version.bundleId}|${version.version}`;
  let view = made.get(cacheKey);
  if (!view) {
    view = asItemOf(version.definition, base, version.version, await bundleWindows(store, version, versions));
    if (made.size >= 100) made.delete(made.keys().next().value!);
    made.set(cacheKey, view);
  }
  return { versions, base, ...view };
}

/**
 * The published bundle an applicant may file under today, or undefined when no bundle has this
 * id (the address is then an item's). Every base item must be taking applications online today.
 */
export async function acceptingBundle(deps: AppDeps, jurisdiction: string, bundleId: string): Promise<PublishedBundle | undefined> {
  const head = await deps.store.getAcceptingBundleHead(jurisdiction, bundleId);
  if (!head) return undefined;
  const version = head.version > 0 ? await deps.store.getBundleVersion(jurisdiction, bundleId, head.version) : undefined;
  if (!version) throw notFound('一件事', 'bundle');
  const bundle = version.definition;
  const today = shanghaiDateOf(deps.clock());
  for (const ref of bundle.items) {
    const baseHead = await deps.store.getAcceptingHead(ref.jurisdiction, ref.itemId);
    if (!baseHead || baseHead.state !== 'published') throw itemNotAccepting(baseHead?.state === 'cancelled');
  }
  const view = await bundleView(deps.store, version);
  if (!view) throw notFound('事项', 'item');
  for (const pinned of Object.values(view.versions)) {
    const refused = onlineIntakeRefusal(pinned.definition, today);
    if (refused) throw refused;
  }
  return { version, bundle, ...view };
}
