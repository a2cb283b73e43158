import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Draft } from '@onevisit/functions/records';
import { api } from '../api';
import type { Definition } from './definition';

interface Backup {
  baseRevision: number;
  definition: Definition;
}

const backupKey = (j: string, itemId: string) => `onevisit.draft.${j}.${itemId}`;

function readBackup(j: string, itemId: string): Backup | undefined {
  try {
    const raw = localStorage.getItem(backupKey(j, itemId));
    return raw ? (JSON.parse(raw) as Backup) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The draft being edited. Every change is also kept in the browser (with the revision it was
 * made on), so a closed tab or a failed save loses nothing; saving uses that revision as
 * If-Match, so a draft someone else saved meanwhile is never overwritten.
 */
export function useDraftState(j: string, itemId: string) {
  const query = useQuery({ queryKey: ['draft', j, itemId], queryFn: () => api.draft(j, itemId) });
  const [definition, setDefinition] = useState<Definition>();
  const [revision, setRevision] = useState<number>();
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState(false);
  /** For a clone: the upstream version it follows and its overrides, as last stored. */
  const [clone, setClone] = useState<Draft['clone']>();

  useEffect(() => {
    if (!query.data || revision !== undefined) return;
    const backup = readBackup(j, itemId);
    const changed = backup && backup.baseRevision === query.data.revision && JSON.stringify(backup.definition) !== JSON.stringify(query.data.definition);
    setDefinition(changed ? backup.definition : query.data.definition);
    setRevision(query.data.revision);
    setClone(query.data.clone);
    setDirty(!!changed);
    setRestored(!!changed);
  }, [query.data, revision, j, itemId]);

  const update = useCallback(
    (change: (current: Definition) => Definition) => {
      setDefinition((current) => {
        const next = change(current ?? {});
        if (revision !== undefined) localStorage.setItem(backupKey(j, itemId), JSON.stringify({ baseRevision: revision, definition: next } satisfies Backup));
        return next;
      });
      setDirty(true);
    },
    [j, itemId, revision],
  );

  const save = useCallback(async () => {
    if (!definition || revision === undefined) return;
    const saved = await api.saveDraft(j, itemId, revision, definition);
    localStorage.removeItem(backupKey(j, itemId));
    setRevision(saved.revision);
    setClone(saved.clone);
    setDirty(false);
    return saved;
  }, [definition, revision, j, itemId]);

  /** Drops local changes and reads the draft as stored (after a conflict, say). */
  const reload = useCallback(async () => {
    localStorage.removeItem(backupKey(j, itemId));
    const fresh = await query.refetch();
    if (fresh.data) {
      setDefinition(fresh.data.definition);
      setRevision(fresh.data.revision);
      setClone(fresh.data.clone);
    }
    setDirty(false);
    setRestored(false);
  }, [j, itemId, query]);

  return { loading: query.isLoading, error: query.error, definition, revision, clone, dirty, restored, update, save, reload };
}
