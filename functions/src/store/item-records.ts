import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { summaryOf, type Draft, type DraftSummary, type ItemHead, type ItemState, type ItemSummary, type ItemVersion } from '../records';
import { briefReads } from './brief-reads';
import { currentDraft, currentHead, currentVersion } from './item-migration';
import { keys } from './keys';
import { ConflictError, ifAbsent, ifRevision, record, type Condition, type TableAccess } from './table-access';

/** Items as table records: a small head per item (catalogue and state), its draft, its immutable versions. */

/** Published versions never change, so they are kept in memory once read (bounded). */
const VERSION_CACHE_SIZE = 500;

/**
 * How long a head read for an application stands in this process. Every head write here drops
 * it at once; another process (another function instance in AWS) sees a publish, suspension or
 * cancellation at most this much later, as calendars and settings are seen (per-jurisdiction/cache.ts).
 */
export const ACCEPTING_HEAD_MS = 2_000;

/** Jurisdictions whose listed heads are kept at once (each a promise of its list). */
const LISTED_JURISDICTIONS = 100;

/** A change to a head needs the head, and whatever else `expression` requires of it. */
const headCondition = (expression?: string, values?: Record<string, unknown>): Condition => ({
  expression: ['attribute_exists(pk)', expression].filter(Boolean).join(' AND '),
  ...(values ? { values } : {}),
  conflict: 'item head changed',
});

export type ItemRecords = ReturnType<typeof itemRecords>;

export function itemRecords(table: TableAccess) {
  const versions = new Map<string, ItemVersion>();

  const getHead = async (jurisdiction: string, itemId: string) => currentHead(await table.get<ItemHead>(keys.itemHead(jurisdiction, itemId)));
  const recentHeads = briefReads<ItemHead | undefined>(ACCEPTING_HEAD_MS, VERSION_CACHE_SIZE);
  const recentLists = briefReads<ItemHead[]>(ACCEPTING_HEAD_MS, LISTED_JURISDICTIONS);
  const headKey = (jurisdiction: string, itemId: string) => `${jurisdiction}|${itemId}`;
  // After any write to a head (done or failed), its item and its jurisdiction's list are read afresh.
  const forget = (jurisdiction: string, itemId: string) => {
    recentHeads.forget(headKey(jurisdiction, itemId));
    recentLists.forget(jurisdiction);
  };
  const listHeads = async (jurisdiction: string) => (await table.partition<ItemHead>(keys.itemHeads(jurisdiction))).map((head) => currentHead(head));

  const updateHead = (jurisdiction: string, itemId: string, set: Partial<ItemHead>, condition = headCondition()) =>
    table.update<ItemHead>(keys.itemHead(jurisdiction, itemId), set, condition).finally(() => forget(jurisdiction, itemId));

  const moveHead = (version: ItemVersion, summary: ItemSummary, expectedVersion: number, state: ItemState, draftRevision?: number) =>
    updateHead(
      version.jurisdiction,
      version.itemId,
      { version: version.version, published: summary, state, updatedAt: version.publishedAt, ...(draftRevision === undefined ? {} : { publishedRevision: draftRevision }) },
      headCondition('#version = :expectedVersion AND #state <> :cancelled', { ':expectedVersion': expectedVersion, ':cancelled': 'cancelled' }),
    );

  return {
    getHead,

    /**
     * The head as applications take it: read at most every ACCEPTING_HEAD_MS per item (a
     * submission is otherwise one consistent read more for the same answer). Bounded: the oldest
     * entries go first.
     */
    getAcceptingHead(jurisdiction: string, itemId: string): Promise<ItemHead | undefined> {
      return recentHeads.read(headKey(jurisdiction, itemId), () => getHead(jurisdiction, itemId));
    },

    /** Many heads in one round trip (up to 100 ids a call, as DynamoDB allows), by item id. */
    async getHeads(jurisdiction: string, itemIds: string[]): Promise<Map<string, ItemHead>> {
      const found = new Map<string, ItemHead>();
      for (let i = 0; i < itemIds.length; i += 100) {
        let request: Record<string, { Keys: Array<Record<string, unknown>>; ConsistentRead: boolean }> | undefined = {
          [table.tableName]: { Keys: itemIds.slice(i, i + 100).map((id) => keys.itemHead(jurisdiction, id)), ConsistentRead: true },
        };
        // Keys DynamoDB leaves unprocessed (throttling, size) are asked for again.
        while (request && Object.keys(request).length > 0) {
          const result: BatchGetCommandOutput = await table.doc.send(new BatchGetCommand({ RequestItems: request }));
          for (const item of result.Responses?.[table.tableName] ?? []) {
            const head = currentHead(record<ItemHead>(item)!);
            found.set(head.itemId, head);
          }
          request = result.UnprocessedKeys as typeof request;
        }
      }
      return found;
    },

    listHeads,

    /**
     * A jurisdiction's heads as the portal lists them: read at most every ACCEPTING_HEAD_MS (a
     * portal GET is otherwise a query of every head to tell that nothing changed), dropped at once
     * by a head written here, seen from other processes as getAcceptingHead's heads are. The list
     * is shared: not to be changed. Bounded: the oldest jurisdictions go first.
     */
    listHeadsBriefly(jurisdiction: string): Promise<ItemHead[]> {
      return recentLists.read(jurisdiction, () => listHeads(jurisdiction));
    },

    async getDraft(jurisdiction: string, itemId: string): Promise<Draft | undefined> {
      return currentDraft(await table.get<Draft>(keys.draft(jurisdiction, itemId)));
    },

    /**
     * Creates an item: its draft at revision 1, then its head. A retry after a crash between the
     * two finds the draft and completes the head; a second create of a complete item conflicts,
     * its ConflictError carrying the head there.
     */
    async createItem(draft: Draft, draftName: string, draftSummary?: DraftSummary): Promise<ItemHead> {
      draft = currentDraft(draft)!;
      const head: ItemHead = {
        jurisdiction: draft.jurisdiction,
        itemId: draft.itemId,
        state: 'draft',
        version: 0,
        draftRevision: draft.revision,
        draftName,
        ...(draftSummary ? { draftSummary } : {}),
        updatedAt: draft.updatedAt,
        ...(draft.clone ? { upstream: draft.clone.upstream } : {}),
      };
      try {
        await table.put(keys.draft(draft.jurisdiction, draft.itemId), draft, ifAbsent('already exists'));
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const existing = await getHead(draft.jurisdiction, draft.itemId);
        if (existing) throw new ConflictError('already exists', existing);
      }
      await table.put(keys.itemHead(draft.jurisdiction, draft.itemId), head, ifAbsent('already exists')).finally(() => forget(draft.jurisdiction, draft.itemId));
      return head;
    },

    /**
     * Saves a draft over the revision the editor started from; a stale revision conflicts, carrying
     * the draft there. A clone that follows a new upstream version says so on its head in the same write.
     */
    async saveDraft(draft: Draft, expectedRevision: number, draftName: string, draftSummary?: DraftSummary, upstream?: ItemHead['upstream']): Promise<void> {
      draft = currentDraft(draft)!;
      await table.put(keys.draft(draft.jurisdiction, draft.itemId), draft, ifRevision(expectedRevision, 'stale draft revision'));
      // The head mirrors the newest revision for listings; an older mirror never overwrites a newer one.
      try {
        await updateHead(
          draft.jurisdiction,
          draft.itemId,
          { draftRevision: draft.revision, draftName, ...(draftSummary ? { draftSummary } : {}), ...(upstream ? { upstream } : {}), updatedAt: draft.updatedAt },
          headCondition('#draftRevision < :revision', { ':revision': draft.revision }),
        );
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        // A newer revision, made from this one, is mirrored already; the upstream it follows is still to be said.
        if (upstream) await updateHead(draft.jurisdiction, draft.itemId, { upstream, updatedAt: draft.updatedAt });
      }
    },

    /** Records which upstream version a clone follows now (or defers), or that upstream was cancelled. */
    setUpstream(jurisdiction: string, itemId: string, set: Pick<ItemHead, 'upstream'> | Pick<ItemHead, 'upstreamCancelled'>, at: string): Promise<ItemHead> {
      return updateHead(jurisdiction, itemId, { ...set, updatedAt: at });
    },

    /** Records a merge on the items involved (the sources are cancelled separately, each on its state). */
    recordMerge(jurisdiction: string, itemId: string, set: Pick<ItemHead, 'mergedFrom'> | Pick<ItemHead, 'mergedInto'>, at: string): Promise<ItemHead> {
      return updateHead(jurisdiction, itemId, { ...set, updatedAt: at });
    },

    /**
     * Writes a new immutable version and moves the head to it, on the condition that the head
     * still points at the version the publisher saw; `draftRevision` is the draft it was made
     * from. Without transactions, a crash between the two writes leaves an orphan version, which
     * the next publish adopts before it conflicts.
     */
    async publish(version: ItemVersion, summary: ItemSummary, expectedVersion: number, state: ItemState, draftRevision?: number): Promise<ItemHead> {
      try {
        await table.put(keys.version(version.jurisdiction, version.itemId, version.version), version, ifAbsent('already exists'));
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const orphan = error.existing as ItemVersion | undefined;
        const head = await getHead(version.jurisdiction, version.itemId);
        if (orphan && head?.version === expectedVersion) await moveHead(orphan, summaryOf(orphan.definition), expectedVersion, state);
        throw error;
      }
      return moveHead(version, summary, expectedVersion, state, draftRevision);
    },

    /** Changes an item's state, only from the states the change allows; a conflict carries the head, if there is one. */
    setState(jurisdiction: string, itemId: string, to: ItemState, from: readonly ItemState[], at: string): Promise<ItemHead> {
      const values = Object.fromEntries(from.map((s, i) => [`:from${i}`, s]));
      return updateHead(jurisdiction, itemId, { state: to, updatedAt: at }, headCondition(`#state IN (${Object.keys(values).join(', ')})`, values));
    },

    async getVersion(jurisdiction: string, itemId: string, version: number): Promise<ItemVersion | undefined> {
      const key = keys.version(jurisdiction, itemId, version);
      const cacheKey = `${key.pk}|${key.sk}`;
      const cached = versions.get(cacheKey);
      if (cached) return cached;
      const found = currentVersion(await table.get<ItemVersion>(key));
      if (found) {
        if (versions.size >= VERSION_CACHE_SIZE) versions.delete(versions.keys().next().value!);
        versions.set(cacheKey, found);
      }
      return found;
    },

    listVersions(jurisdiction: string, itemId: string): Promise<Array<Omit<ItemVersion, 'definition'>>> {
      const { pk, skPrefix } = keys.versions(jurisdiction, itemId);
      return table.queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
        ProjectionExpression: 'jurisdiction, itemId, version, publishedAt, publishedBy, publishedByName, changeNote',
      });
    },
  };
}
