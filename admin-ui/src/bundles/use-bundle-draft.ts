import { useQueries, useQuery } from '@tanstack/react-query';
import type { BaseVersions, BundleItem, ItemDefinition } from '@onevisit/item-schemas';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { bundleApi } from './bundle-api';
import type { BundleDraftDefinition } from './bundle-definition';

/**
 * A 一件事's draft as it is edited: saved over the revision read (If-Match), so a draft someone
 * else saved meanwhile is never overwritten.
 */
export function useBundleDraft(j: string, bundleId: string) {
  const query = useQuery({ queryKey: ['bundle-draft', j, bundleId], queryFn: () => bundleApi.draft(j, bundleId) });
  const [definition, setDefinition] = useState<BundleDraftDefinition>();
  const [revision, setRevision] = useState<number>();
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (!query.data || revision !== undefined) return;
    setDefinition(query.data.definition as BundleDraftDefinition);
    setRevision(query.data.revision);
  }, [query.data, revision]);

  const update = useCallback((change: (current: BundleDraftDefinition) => BundleDraftDefinition) => {
    setDefinition((current) => (current ? change(current) : current));
    setDirty(true);
  }, []);

  /** Saves `toSave` (the draft with what the screen derives, e.g. its departments) over the revision read. */
  const save = useCallback(
    async (toSave: BundleDraftDefinition) => {
      const saved = await bundleApi.save(j, bundleId, revision!, toSave);
      setDefinition(toSave);
      setRevision(saved.revision);
      setDirty(false);
      return saved;
    },
    [j, bundleId, revision],
  );

  const reload = useCallback(async () => {
    const fresh = await query.refetch();
    if (fresh.data) {
      setDefinition(fresh.data.definition as BundleDraftDefinition);
      setRevision(fresh.data.revision);
    }
    setDirty(false);
  }, [query]);

  return { loading: query.isLoading, error: query.error, definition, revision, dirty, update, save, reload };
}

/** The pinned published version of each of the bundle's items, by its key (those still loading absent). */
export function useBaseVersions(items: readonly BundleItem[]): { base: BaseVersions; loading: boolean; failed: string[] } {
  const loaded = useQueries({
    queries: items.map((i) => ({ queryKey: ['item-version', i.jurisdiction, i.itemId, i.version], queryFn: () => bundleApi.itemVersion(i.jurisdiction, i.itemId, i.version), staleTime: Infinity, retry: false })),
    combine: (results) => ({ data: results.map((r) => r.data), pending: results.some((r) => r.isPending), errors: results.map((r) => r.isError) }),
  });
  const keys = items.map((i) => i.key).join(',');
  const base = useMemo(() => {
    const found: Record<string, ItemDefinition> = {};
    keys.split(',').forEach((key, n) => loaded.data[n] && (found[key] = loaded.data[n]));
    return found;
  }, [keys, loaded.data]);
  return { base, loading: loaded.pending, failed: items.filter((_, n) => loaded.errors[n]).map((i) => i.itemId) };
}
