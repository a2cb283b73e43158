import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { MODEL_VERSION, migrateDefinition, needsMigration, onlineLevel } from '@onevisit/item-schemas';
import type { Draft, DraftSummary, ItemHead, ItemSummary, ItemVersion } from '../records';
import { keys } from './keys';
import { ConflictError, ifRevision, TableAccess, type Condition } from './table-access';

/**
 * Records written with an older item model, in the current one: on every read and write
 * (item-records.ts) and, rewriting what is stored, with `npm run migrate`.
 * Drafts, published versions and the catalogue's summaries on the heads are rewritten as
 * migrations.ts reads them: the same meaning, so a version rewritten still says what the cases
 * filed under it were told. Every write is conditional on the record being the one read, so a
 * save or publish meanwhile (which writes the current model) is left alone; a second run finds
 * nothing to do.
 */

/**
 * A draft in the current model. A clone's overrides are a part of its definition (stored empty
 * beside them): they migrate with it and carry no model version of their own, which the clone's
 * strict overrides would refuse.
 */
export function currentDraft(draft: Draft | undefined): Draft | undefined {
  if (!draft || !needsMigration(draft.definition)) return draft;
  const overrides = (clone: NonNullable<Draft['clone']>) => {
    const { modelVersion: _, ...migrated } = migrateDefinition(clone.overrides);
    return migrated;
  };
  return { ...draft, definition: migrateDefinition(draft.definition), ...(draft.clone ? { clone: { ...draft.clone, overrides: overrides(draft.clone) } } : {}) };
}

export function currentVersion(version: ItemVersion | undefined): ItemVersion | undefined {
  return version && needsMigration(version.definition) ? { ...version, definition: migrateDefinition(version.definition) } : version;
}

/** A summary as the first model kept it: 网办深度 as the level, 行政备案 under 21. */
type StoredSummary = Omit<ItemSummary, 'onlineLevel'> & { onlineLevel?: string; onlineDepth?: string };

const oldSummary = (summary: StoredSummary | undefined): boolean => summary !== undefined && summary.onlineLevel === undefined;

/** A catalogue summary in the current model, through the same migration as its definition. */
export function currentSummary<S extends StoredSummary | undefined>(summary: S): S {
  if (!oldSummary(summary)) return summary;
  const { onlineDepth, ...rest } = summary!;
  const migrated = migrateDefinition({ itemType: rest.itemType, onlineDepth }) as { itemType: string; onlineDepth?: Parameters<typeof onlineLevel>[0] };
  return { ...rest, itemType: migrated.itemType, onlineLevel: onlineLevel(migrated.onlineDepth ?? []) } as S;
}

/** A head as the catalogue reads it, its summaries in the current model. */
export function currentHead(head: ItemHead): ItemHead;
export function currentHead(head: ItemHead | undefined): ItemHead | undefined;
export function currentHead(head: ItemHead | undefined): ItemHead | undefined {
  if (!head || (!oldSummary(head.published as StoredSummary | undefined) && !oldSummary(head.draftSummary as StoredSummary | undefined))) return head;
  return {
    ...head,
    ...(head.published ? { published: currentSummary(head.published as StoredSummary) as ItemSummary } : {}),
    ...(head.draftSummary ? { draftSummary: currentSummary(head.draftSummary as StoredSummary) as DraftSummary } : {}),
  };
}

export interface MigrationCount {
  /** Records looked at. */
  read: number;
  /** Records rewritten in the current model. */
  migrated: number;
}

export interface MigrationReport {
  modelVersion: number;
  jurisdictions: number;
  drafts: MigrationCount;
  versions: MigrationCount;
  heads: MigrationCount;
}

/** A write that lost to a concurrent one: what is there now was written in the current model. */
async function unlessChanged(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

const unchangedVersion: Condition = {
  expression: 'attribute_exists(pk) AND (attribute_not_exists(#definition.#modelVersion) OR #definition.#modelVersion < :current)',
  values: { ':current': MODEL_VERSION },
  conflict: 'version migrated meanwhile',
};

export async function migrateStoredItems(client: DynamoDBClient, tableName: string): Promise<MigrationReport> {
  const table = new TableAccess(client, tableName);
  const report: MigrationReport = { modelVersion: MODEL_VERSION, jurisdictions: 0, drafts: { read: 0, migrated: 0 }, versions: { read: 0, migrated: 0 }, heads: { read: 0, migrated: 0 } };
  for (const { id: jurisdiction } of await table.partition<{ id: string }>(keys.jurisdictionRegistryPartition())) {
    report.jurisdictions++;
    for (const head of await table.partition<ItemHead>(keys.itemHeads(jurisdiction))) {
      const { itemId } = head;
      report.heads.read++;
      const current = currentHead(head);
      if (current !== head) {
        const set = { ...(current.published ? { published: current.published } : {}), ...(current.draftSummary ? { draftSummary: current.draftSummary } : {}) };
        const same: Condition = { expression: '#version = :version AND #draftRevision = :revision', values: { ':version': head.version, ':revision': head.draftRevision }, conflict: 'head changed meanwhile' };
        if (await unlessChanged(() => table.update(keys.itemHead(jurisdiction, itemId), set, same))) report.heads.migrated++;
      }
      const draft = await table.get<Draft>(keys.draft(jurisdiction, itemId));
      if (draft) {
        report.drafts.read++;
        const next = currentDraft(draft)!;
        if (next !== draft && (await unlessChanged(() => table.put(keys.draft(jurisdiction, itemId), next, ifRevision(draft.revision, 'draft saved meanwhile'))))) report.drafts.migrated++;
      }
      const { pk, skPrefix } = keys.versions(jurisdiction, itemId);
      const versions = await table.queryAll<ItemVersion>({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix } });
      for (const version of versions) {
        report.versions.read++;
        const next = currentVersion(version)!;
        if (next !== version && (await unlessChanged(() => table.put(keys.version(jurisdiction, itemId, version.version), next, unchangedVersion)))) report.versions.migrated++;
      }
    }
  }
  return report;
}
