import type { BundleDraft, BundleHead, BundleVersion, StoredBundleCase } from '../bundles/records';
import { briefReads } from './brief-reads';
import { bundleKeys } from './keys';
import { ConflictError, ifAbsent, ifRevision, type TableAccess } from './table-access';

/**
 * 一件事 as table records, in the items' patterns: a head per bundle, its draft saved over the
 * revision read, immutable versions with the head moved on the version it expects; and the
 * parent case of each application, written once.
 */

/** How long a head read for an application stands in this process (as items' ACCEPTING_HEAD_MS). */
const ACCEPTING_HEAD_MS = 2_000;
const CACHE_SIZE = 500;

export type BundleRecords = ReturnType<typeof bundleRecords>;

export function bundleRecords(table: TableAccess) {
  const recent = briefReads<BundleHead | undefined>(ACCEPTING_HEAD_MS, CACHE_SIZE);
  const versions = new Map<string, BundleVersion>();
  const forget = (jurisdiction: string, bundleId: string) => recent.forget(`${jurisdiction}|${bundleId}`);
  const getBundleHead = (jurisdiction: string, bundleId: string) => table.get<BundleHead>(bundleKeys.head(jurisdiction, bundleId));

  return {
    getBundleHead,

    /**
     * The head as the apply addresses look for it: every item's apply address asks first whether
     * it names a bundle, so the answer (found or not) stands a moment, dropped by any head write here.
     */
    getAcceptingBundleHead(jurisdiction: string, bundleId: string): Promise<BundleHead | undefined> {
      return recent.read(`${jurisdiction}|${bundleId}`, () => getBundleHead(jurisdiction, bundleId));
    },

    listBundleHeads(jurisdiction: string): Promise<BundleHead[]> {
      return table.partition<BundleHead>(bundleKeys.heads(jurisdiction));
    },

    getBundleDraft(jurisdiction: string, bundleId: string): Promise<BundleDraft | undefined> {
      return table.get<BundleDraft>(bundleKeys.draft(jurisdiction, bundleId));
    },

    /** Its draft at revision 1, then its head; a retry after a crash between the two completes the head. */
    async createBundle(draft: BundleDraft, name: string): Promise<BundleHead> {
      const head: BundleHead = { jurisdiction: draft.jurisdiction, bundleId: draft.bundleId, state: 'draft', version: 0, draftRevision: draft.revision, name, updatedAt: draft.updatedAt };
      try {
        await table.put(bundleKeys.draft(draft.jurisdiction, draft.bundleId), draft, ifAbsent('already exists'));
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const existing = await getBundleHead(draft.jurisdiction, draft.bundleId);
        if (existing) throw new ConflictError('already exists', existing);
      }
      await table.put(bundleKeys.head(draft.jurisdiction, draft.bundleId), head, ifAbsent('already exists')).finally(() => forget(draft.jurisdiction, draft.bundleId));
      return head;
    },

    /** Saves over the revision the editor read; a stale one conflicts, carrying the draft there. */
    async saveBundleDraft(draft: BundleDraft, expectedRevision: number, name: string): Promise<void> {
      await table.put(bundleKeys.draft(draft.jurisdiction, draft.bundleId), draft, ifRevision(expectedRevision, 'stale draft revision'));
      await table
        .update<BundleHead>(bundleKeys.head(draft.jurisdiction, draft.bundleId), { draftRevision: draft.revision, name, updatedAt: draft.updatedAt }, { expression: 'attribute_exists(pk) AND #draftRevision < :revision', values: { ':revision': draft.revision }, conflict: 'newer revision mirrored' })
        .catch((error) => {
          if (!(error instanceof ConflictError)) throw error;
        })
        .finally(() => forget(draft.jurisdiction, draft.bundleId));
    },

    /** The new version, then the head moved to it if it still points at the version the publisher saw. */
    async publishBundle(version: BundleVersion, expectedVersion: number, name: string): Promise<BundleHead> {
      await table.put(bundleKeys.version(version.jurisdiction, version.bundleId, version.version), version, ifAbsent('already exists'));
      return table
        .update<BundleHead>(
          bundleKeys.head(version.jurisdiction, version.bundleId),
          { version: version.version, state: 'published', name, updatedAt: version.publishedAt },
          { expression: 'attribute_exists(pk) AND #version = :expected', values: { ':expected': expectedVersion }, conflict: 'bundle head changed' },
        )
        .finally(() => forget(version.jurisdiction, version.bundleId));
    },

    async getBundleVersion(jurisdiction: string, bundleId: string, version: number): Promise<BundleVersion | undefined> {
      const key = bundleKeys.version(jurisdiction, bundleId, version);
      const cacheKey = `${key.pk}|${key.sk}`;
      const cached = versions.get(cacheKey);
      if (cached) return cached;
      const found = await table.get<BundleVersion>(key);
      if (found) {
        if (versions.size >= CACHE_SIZE) versions.delete(versions.keys().next().value!);
        versions.set(cacheKey, found);
      }
      return found;
    },

    getBundleCase(jurisdiction: string, trackingNumber: string): Promise<StoredBundleCase | undefined> {
      return table.get<StoredBundleCase>(bundleKeys.parentCase(jurisdiction, trackingNumber));
    },

    /** Saved over the revision read; a stale one conflicts, carrying the parent there. */
    saveBundleCase(parent: StoredBundleCase, expectedRevision: number): Promise<void> {
      return table.put(bundleKeys.parentCase(parent.jurisdiction, parent.trackingNumber), parent, ifRevision(expectedRevision, 'parent case changed'));
    },

    /** Written once: a retry that raced this one finds the first, which the conflict carries. */
    putBundleCase(parent: StoredBundleCase): Promise<void> {
      return table.put(bundleKeys.parentCase(parent.jurisdiction, parent.trackingNumber), parent, ifAbsent('already exists'));
    },
  };
}
