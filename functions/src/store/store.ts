import { BatchGetCommand, type BatchGetCommandOutput, DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type {
  CalendarRecord,
  Department,
  Draft,
  DraftSummary,
  ItemHead,
  ItemState,
  ItemSummary,
  ItemVersion,
  Jurisdiction,
  User,
} from '../records';
import { summaryOf } from '../records';
import type { StoredCase } from '../cases/record';
import { CaseRecords, withIndexKeys } from './case-records';
import { keys } from './keys';
import { hasEveryIndex, rebuildInterrupted, rebuildTable } from './rebuild';
import { tableDefinition } from './table';
import { ConflictError, isConditionFailure, record } from './table-access';

export { caseItem, type CaseIndex, type CaseQuery } from './case-records';
export { ConflictError } from './table-access';

/** Published versions never change, so they are kept in memory once read (bounded). */
const VERSION_CACHE_SIZE = 500;

/** Every record OneVisit keeps: jurisdictions, departments, users, items, calendars, and (below) cases. */
export class Store extends CaseRecords {
  private readonly versions = new Map<string, ItemVersion>();

  /**
   * Creates the table when it does not exist yet (local mode; in AWS the stack owns it), rebuilds
   * one that lacks an index added since it was made, and waits until it is usable.
   */
  async ensureTable(log?: (line: string) => void): Promise<void> {
    const describe = () => this.client.send(new DescribeTableCommand({ TableName: this.tableName })).then((r) => r.Table);
    let table: Awaited<ReturnType<typeof describe>>;
    try {
      table = await describe();
    } catch (error) {
      if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
    }
    if (await rebuildInterrupted(this.client, this.tableName)) await rebuildTable(this.client, this.tableName, withIndexKeys, log);
    else if (!table) await this.client.send(new CreateTableCommand(tableDefinition(this.tableName)));
    else if (!hasEveryIndex(table)) await rebuildTable(this.client, this.tableName, withIndexKeys, log);
    // A new table answers "not found" to writes until it is active, and its indexes likewise.
    for (let waited = 0; ; waited += 50) {
      const current = await describe();
      if (current?.TableStatus === 'ACTIVE' && (current.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE')) return;
      if (waited > 30_000) throw new Error(`table ${this.tableName} did not become active`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // Jurisdictions, departments, users

  putJurisdiction(j: Jurisdiction): Promise<void> {
    return this.put(keys.jurisdictionRegistry(j.id), j);
  }

  getJurisdiction(id: string): Promise<Jurisdiction | undefined> {
    return this.get(keys.jurisdictionRegistry(id));
  }

  listJurisdictions(): Promise<Jurisdiction[]> {
    return this.partition(keys.jurisdictionRegistryPartition());
  }

  putDepartment(d: Department): Promise<void> {
    return this.put(keys.department(d.jurisdiction, d.id), d);
  }

  getDepartment(jurisdiction: string, id: string): Promise<Department | undefined> {
    return this.get(keys.department(jurisdiction, id));
  }

  listDepartments(jurisdiction: string): Promise<Department[]> {
    return this.partition(keys.departments(jurisdiction));
  }

  putUser(u: User): Promise<void> {
    return this.put(keys.user(u.jurisdiction, u.id), u);
  }

  getUser(jurisdiction: string, id: string): Promise<User | undefined> {
    return this.get(keys.user(jurisdiction, id));
  }

  async deleteUser(jurisdiction: string, id: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: keys.user(jurisdiction, id) }));
  }

  listUsers(jurisdiction: string): Promise<User[]> {
    return this.partition(keys.users(jurisdiction));
  }

  // Items: a small head per item (catalogue and state), its draft, its immutable versions

  getHead(jurisdiction: string, itemId: string): Promise<ItemHead | undefined> {
    return this.get(keys.itemHead(jurisdiction, itemId));
  }

  /** Many heads in one round trip (up to 100 ids a call, as DynamoDB allows), by item id. */
  async getHeads(jurisdiction: string, itemIds: string[]): Promise<Map<string, ItemHead>> {
    const found = new Map<string, ItemHead>();
    for (let i = 0; i < itemIds.length; i += 100) {
      let request: Record<string, { Keys: Array<Record<string, unknown>>; ConsistentRead: boolean }> | undefined = {
        [this.tableName]: { Keys: itemIds.slice(i, i + 100).map((id) => keys.itemHead(jurisdiction, id)), ConsistentRead: true },
      };
      // Keys DynamoDB leaves unprocessed (throttling, size) are asked for again.
      while (request && Object.keys(request).length > 0) {
        const result: BatchGetCommandOutput = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of result.Responses?.[this.tableName] ?? []) {
          const head = record<ItemHead>(item)!;
          found.set(head.itemId, head);
        }
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  listHeads(jurisdiction: string): Promise<ItemHead[]> {
    return this.partition(keys.itemHeads(jurisdiction));
  }

  getDraft(jurisdiction: string, itemId: string): Promise<Draft | undefined> {
    return this.get(keys.draft(jurisdiction, itemId));
  }

  /**
   * Creates an item: its draft at revision 1, then its head. A retry after a crash between the
   * two finds the draft and completes the head; a second create of a complete item conflicts.
   */
  async createItem(draft: Draft, draftName: string, draftSummary?: DraftSummary): Promise<ItemHead> {
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
      await this.put(keys.draft(draft.jurisdiction, draft.itemId), draft, true);
    } catch (error) {
      if (!(error instanceof ConflictError) || (await this.getHead(draft.jurisdiction, draft.itemId))) throw error;
    }
    await this.put(keys.itemHead(draft.jurisdiction, draft.itemId), head, true);
    return head;
  }

  /** Saves a draft over the revision the editor started from; a stale revision conflicts. */
  async saveDraft(draft: Draft, expectedRevision: number, draftName: string, draftSummary?: DraftSummary): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...draft, ...keys.draft(draft.jurisdiction, draft.itemId) },
          ConditionExpression: '#revision = :expected',
          ExpressionAttributeNames: { '#revision': 'revision' },
          ExpressionAttributeValues: { ':expected': expectedRevision },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError('stale draft revision');
      throw error;
    }
    // The head mirrors the newest revision for listings; an older mirror never overwrites a newer one.
    await this.updateHead(draft.jurisdiction, draft.itemId, { draftRevision: draft.revision, draftName, ...(draftSummary ? { draftSummary } : {}), updatedAt: draft.updatedAt }, {
      expression: '#draftRevision < :revision',
      values: { ':revision': draft.revision },
    }).catch((error) => {
      if (!(error instanceof ConflictError)) throw error;
    });
  }

  /** Records which upstream version a clone follows now (or defers), or that upstream was cancelled. */
  async setUpstream(jurisdiction: string, itemId: string, set: Pick<ItemHead, 'upstream'> | Pick<ItemHead, 'upstreamCancelled'>, at: string): Promise<ItemHead> {
    return this.updateHead(jurisdiction, itemId, { ...set, updatedAt: at });
  }

  /** Records a merge on the items involved (the sources are cancelled separately, each on its state). */
  async recordMerge(jurisdiction: string, itemId: string, set: Pick<ItemHead, 'mergedFrom'> | Pick<ItemHead, 'mergedInto'>, at: string): Promise<ItemHead> {
    return this.updateHead(jurisdiction, itemId, { ...set, updatedAt: at });
  }

  private async updateHead(
    jurisdiction: string,
    itemId: string,
    set: Partial<ItemHead>,
    condition?: { expression: string; values: Record<string, unknown> },
  ): Promise<ItemHead> {
    const entries = Object.entries(set);
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.itemHead(jurisdiction, itemId),
          UpdateExpression: `SET ${entries.map(([k]) => `#${k} = :${k}`).join(', ')}`,
          ConditionExpression: ['attribute_exists(pk)', condition?.expression].filter(Boolean).join(' AND '),
          ExpressionAttributeNames: Object.fromEntries(
            [...entries.map(([k]) => k), ...(condition?.expression.match(/#\w+/g) ?? []).map((n) => n.slice(1))].map((k) => [`#${k}`, k]),
          ),
          ExpressionAttributeValues: { ...Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])), ...condition?.values },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return record<ItemHead>(result.Attributes)!;
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError('item head changed');
      throw error;
    }
  }

  /**
   * Publishes a new immutable version and moves the head to it, on the condition that the head
   * still points at the version the publisher saw. Without transactions, a crash between the
   * two writes leaves an orphan version, which the next publish adopts before it conflicts.
   */
  /** Writes a new immutable version and moves the head to it; `draftRevision` is the draft it was made from. */
  async publish(version: ItemVersion, summary: ItemSummary, expectedVersion: number, state: ItemState, draftRevision?: number): Promise<ItemHead> {
    try {
      await this.put(keys.version(version.jurisdiction, version.itemId, version.version), version, true);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const orphan = await this.get<ItemVersion>(keys.version(version.jurisdiction, version.itemId, version.version));
      const head = await this.getHead(version.jurisdiction, version.itemId);
      if (orphan && head?.version === expectedVersion) await this.moveHead(orphan, summaryOf(orphan.definition), expectedVersion, state);
      throw error;
    }
    return this.moveHead(version, summary, expectedVersion, state, draftRevision);
  }

  private moveHead(version: ItemVersion, summary: ItemSummary, expectedVersion: number, state: ItemState, draftRevision?: number): Promise<ItemHead> {
    return this.updateHead(
      version.jurisdiction,
      version.itemId,
      { version: version.version, published: summary, state, updatedAt: version.publishedAt, ...(draftRevision === undefined ? {} : { publishedRevision: draftRevision }) },
      { expression: '#version = :expectedVersion AND #state <> :cancelled', values: { ':expectedVersion': expectedVersion, ':cancelled': 'cancelled' } },
    );
  }

  /** Changes an item's state, only from the states the change allows. */
  setState(jurisdiction: string, itemId: string, to: ItemState, from: readonly ItemState[], at: string): Promise<ItemHead> {
    const values = Object.fromEntries(from.map((s, i) => [`:from${i}`, s]));
    return this.updateHead(jurisdiction, itemId, { state: to, updatedAt: at }, {
      expression: `#state IN (${Object.keys(values).join(', ')})`,
      values,
    });
  }

  async getVersion(jurisdiction: string, itemId: string, version: number): Promise<ItemVersion | undefined> {
    const key = keys.version(jurisdiction, itemId, version);
    const cacheKey = `${key.pk}|${key.sk}`;
    const cached = this.versions.get(cacheKey);
    if (cached) return cached;
    const found = await this.get<ItemVersion>(key);
    if (found) {
      if (this.versions.size >= VERSION_CACHE_SIZE) this.versions.delete(this.versions.keys().next().value!);
      this.versions.set(cacheKey, found);
    }
    return found;
  }

  listVersions(jurisdiction: string, itemId: string): Promise<Array<Omit<ItemVersion, 'definition'>>> {
    const { pk, skPrefix } = keys.versions(jurisdiction, itemId);
    return this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ProjectionExpression: 'jurisdiction, itemId, version, publishedAt, publishedBy, publishedByName, changeNote',
    });
  }

  // Calendars

  getCalendar(jurisdiction: string): Promise<CalendarRecord | undefined> {
    return this.get(keys.calendar(jurisdiction));
  }

  async saveCalendar(calendar: CalendarRecord, expectedRevision: number): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...calendar, ...keys.calendar(calendar.jurisdiction) },
          ConditionExpression: expectedRevision === 0 ? 'attribute_not_exists(pk)' : '#revision = :expected',
          ...(expectedRevision === 0
            ? {}
            : { ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':expected': expectedRevision } }),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError('stale calendar revision');
      throw error;
    }
  }

  /** Open cases of a jurisdiction: every department's queue. */
  async openCases(jurisdiction: string): Promise<StoredCase[]> {
    const departments = await this.listDepartments(jurisdiction);
    return (await Promise.all(departments.map((d) => this.departmentQueue(jurisdiction, d.id)))).flat();
  }
}
