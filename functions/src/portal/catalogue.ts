import { createHash } from 'node:crypto';
import { appliesOnline, itemsInStageOrder, onlineLevel, type ItemDefinition } from '@onevisit/item-schemas';
import { bundleView } from '../bundles/published';
import type { Jurisdiction, ItemVersion } from '../records';
import type { Store } from '../store/store';
import { searchTextOf, type SearchText } from './search';

/**
 * A jurisdiction's published items as the portal shows them, read once per catalogue version:
 * the heads are listed (one query: which items are published, at which version; kept for two
 * seconds, item-records' listHeadsBriefly), and only a list of heads not seen before reads the
 * versions and works out their entries.
 */

export interface PortalEntry {
  jurisdiction: string;
  itemId: string;
  version: number;
  publishedAt: string;
  item: Pick<
    ItemDefinition,
    'name' | 'shortName' | 'itemType' | 'caseType' | 'department' | 'legalLimit' | 'promisedLimit' | 'maxVisits' | 'fees' | 'onlineDepth' | 'channels' | 'themes' | 'crossRegion' | 'deficiencyAcceptance' | 'notifyPromise' | 'effectiveFrom' | 'plannedCancelOn' | 'targets'
  >;
  online: boolean;
  level: ReturnType<typeof onlineLevel>;
  search: SearchText;
  /** A 一件事: the base items it bundles, by name, and what people call it. */
  bundle?: { items: string[]; keywords: string[] };
}

export interface Catalogue {
  /** The jurisdiction asked for first, then the counties included. */
  jurisdictions: Jurisdiction[];
  /** By department, then name, in pinyin order. */
  entries: PortalEntry[];
  /** Changes whenever an item is published, suspended, resumed or cancelled. */
  signature: string;
}

/** Versions read at once when a catalogue is first built. */
const READ_AT_ONCE = 16;
/** Catalogues kept: the latest few per jurisdiction and view. */
const KEEP = 24;

const collator = new Intl.Collator('zh-CN');

async function entryOf(version: ItemVersion, bundle?: PortalEntry['bundle']): Promise<PortalEntry> {
  const d = version.definition;
  const { name, shortName, itemType, caseType, department, legalLimit, promisedLimit, maxVisits, fees, onlineDepth, channels, themes, crossRegion, deficiencyAcceptance, notifyPromise, effectiveFrom, plannedCancelOn, targets } = d;
  return {
    jurisdiction: version.jurisdiction,
    itemId: version.itemId,
    version: version.version,
    publishedAt: version.publishedAt,
    item: { name, ...(shortName ? { shortName } : {}), itemType, caseType, department, legalLimit, promisedLimit, maxVisits, fees, onlineDepth, channels, themes, crossRegion, deficiencyAcceptance, notifyPromise, effectiveFrom, plannedCancelOn, targets },
    online: appliesOnline(channels),
    level: onlineLevel(onlineDepth),
    search: await searchTextOf(bundle ? { ...d, keywords: [...bundle.keywords, ...bundle.items] } : d),
    ...(bundle ? { bundle } : {}),
  };
}

/** A published 一件事 as an entry: read as one item, found also by its base items' names. */
async function bundleEntryOf(store: Store, head: Listed): Promise<PortalEntry | undefined> {
  const version = await store.getBundleVersion(head.jurisdiction, head.itemId, head.version);
  const view = version && (await bundleView(store, version));
  if (!version || !view) return undefined;
  const items = itemsInStageOrder(version.definition).flatMap(({ key }) => (view.base[key] ? [view.base[key].name] : []));
  return entryOf({ jurisdiction: version.jurisdiction, itemId: version.bundleId, version: version.version, publishedAt: version.publishedAt, publishedBy: version.publishedBy, definition: view.asItem }, { items, keywords: version.definition.keywords ?? [] });
}

type Listed = { jurisdiction: string; itemId: string; version: number; bundle?: true };

/** Reads every published version of these heads (items' and 一件事'), a few at a time, and makes the entries. */
export async function buildEntries(store: Store, heads: Listed[]): Promise<PortalEntry[]> {
  const entries: PortalEntry[] = [];
  for (let i = 0; i < heads.length; i += READ_AT_ONCE) {
    const made = await Promise.all(heads.slice(i, i + READ_AT_ONCE).map(async (h) => (h.bundle ? bundleEntryOf(store, h) : store.getVersion(h.jurisdiction, h.itemId, h.version).then((v) => v && entryOf(v)))));
    for (const e of made) if (e) entries.push(e);
  }
  return entries.sort((a, b) => collator.compare(a.item.department.name, b.item.department.name) || collator.compare(a.item.name, b.item.name));
}

export class Catalogues {
  private readonly held = new Map<string, Promise<Catalogue>>();

  /** The published heads now, and the catalogue they make, built when not held. */
  async of(store: Store, jurisdictions: Jurisdiction[]): Promise<Catalogue> {
    const [items, bundles] = await Promise.all([Promise.all(jurisdictions.map((j) => store.listHeadsBriefly(j.id))), Promise.all(jurisdictions.map((j) => store.listBundleHeads(j.id)))]);
    const heads: Listed[] = [
      ...items
        .flat()
        .filter((h) => h.state === 'published' && h.version > 0)
        .map(({ jurisdiction, itemId, version }) => ({ jurisdiction, itemId, version })),
      ...bundles
        .flat()
        .filter((h) => h.state === 'published' && h.version > 0)
        .map(({ jurisdiction, bundleId, version }) => ({ jurisdiction, itemId: bundleId, version, bundle: true as const })),
    ];
    const listed = [jurisdictions.map((j) => `${j.id}:${j.name}`).join(','), ...heads.map((h) => `${h.bundle ? '+' : ''}${h.jurisdiction}/${h.itemId}@${h.version}`).sort()].join('\n');
    const signature = createHash('sha256').update(listed).digest('base64url').slice(0, 16);
    let catalogue = this.held.get(signature);
    if (catalogue) {
      this.held.delete(signature);
      this.held.set(signature, catalogue);
      return catalogue;
    }
    catalogue = buildEntries(store, heads).then((entries) => ({ jurisdictions, entries, signature }));
    this.held.set(signature, catalogue);
    catalogue.catch(() => this.held.delete(signature));
    for (const oldest of this.held.keys()) {
      if (this.held.size <= KEEP) break;
      this.held.delete(oldest);
    }
    return catalogue;
  }
}
