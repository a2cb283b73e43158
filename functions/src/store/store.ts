import { CreateTableCommand, DescribeTableCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
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
import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { StoredCase } from '../cases/record';
import type { CaseSettings } from '../cases/settings';
import type { OutboxMessage } from '../notifier';
import { keys } from './keys';
import { hasEveryIndex, rebuildInterrupted, rebuildTable } from './rebuild';
import { TABLE_INDEXES, tableDefinition } from './table';

/** A conditional write lost to a concurrent one. */
export class ConflictError extends Error {}

const isConditionFailure = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

/** Removes the key attributes from a stored record. */
function record<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, gsi3pk: _g3, gsi3sk: _g3s, ...rest } = item;
  return rest as T;
}

/** Where a case is indexed: its department's queue while open, the sweep's index while something is ahead. */
export interface CaseIndex {
  queueDue?: string;
  nextCheck?: string;
}

/** A case as a table item, with the index keys its state calls for. */
export function caseItem(c: StoredCase, index: CaseIndex): Record<string, unknown> {
  const queue = TABLE_INDEXES.byDepartment;
  const sweep = TABLE_INDEXES.byNextCheck;
  const all = TABLE_INDEXES.byJurisdiction;
  return {
    ...c,
    ...keys.case(c.jurisdiction, c.trackingNumber),
    [all.pk]: keys.jurisdictionCases(c.jurisdiction),
    [all.sk]: keys.jurisdictionCaseSort(c.receivedOn, c.trackingNumber),
    ...(index.queueDue ? { [queue.pk]: keys.departmentQueue(c.jurisdiction, c.departmentId), [queue.sk]: keys.departmentQueueSort(index.queueDue, c.trackingNumber) } : {}),
    ...(index.nextCheck ? { [sweep.pk]: keys.sweepShard(c.trackingNumber), [sweep.sk]: keys.sweepSort(index.nextCheck, c.trackingNumber) } : {}),
  };
}

/** A record as written before the case search index existed, with the keys that index needs. */
function withIndexKeys(item: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const all = TABLE_INDEXES.byJurisdiction;
  const { jurisdiction, receivedOn, trackingNumber } = item;
  if (item.sk?.S !== 'CASE' || item[all.pk] || !jurisdiction?.S || !receivedOn?.S || !trackingNumber?.S) return item;
  if (item.pk?.S !== keys.case(jurisdiction.S, trackingNumber.S).pk) return item;
  return { ...item, [all.pk]: { S: keys.jurisdictionCases(jurisdiction.S) }, [all.sk]: { S: keys.jurisdictionCaseSort(receivedOn.S, trackingNumber.S) } };
}

/** What a case search asks for: a range of receipt days and optional filters. */
export interface CaseQuery {
  from: string;
  to: string;
  statuses?: readonly string[];
  itemId?: string;
  department?: string;
  applicant?: string;
}

/** Where a query over an index stopped: the table's keys and the index's. */
function cursorOf(item: Record<string, unknown>, index: { pk: string; sk: string }): Record<string, string> {
  return Object.fromEntries(['pk', 'sk', index.pk, index.sk].map((k) => [k, String(item[k])]));
}

/** Published versions never change, so they are kept in memory once read (bounded). */
const VERSION_CACHE_SIZE = 500;

export class Store {
  private readonly doc: DynamoDBDocumentClient;
  private readonly versions = new Map<string, ItemVersion>();

  constructor(
    private readonly client: DynamoDBClient,
    readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

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

  private async get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return record<T>(result.Item);
  }

  /** Puts a record; with `ifAbsent`, fails with ConflictError when one is already there. */
  private async put(key: { pk: string; sk: string }, value: object, ifAbsent = false): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...value, ...key },
          ...(ifAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError('already exists');
      throw error;
    }
  }

  private async queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...input, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) items.push(record<T>(item)!);
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private partition<T>(pk: string): Promise<T[]> {
    return this.queryAll<T>({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });
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

  // Cases

  /** The next serial of the day for a jurisdiction: an atomic counter, unique under concurrency. */
  async nextSerial(jurisdiction: string, yyyymmdd: string): Promise<number> {
    const result = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.dailySerial(jurisdiction, yyyymmdd),
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes!.n);
  }

  /**
   * Claims an idempotency key for a tracking number. Returns the claim already there, if any,
   * so a retry finds the case the first attempt created (or was creating).
   */
  async claimIdempotencyKey(
    jurisdiction: string,
    key: string,
    claim: { trackingNumber: string; requestHash: string },
  ): Promise<{ trackingNumber: string; requestHash: string } | undefined> {
    try {
      await this.put(keys.idempotency(jurisdiction, key), claim, true);
      return undefined;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return this.get(keys.idempotency(jurisdiction, key));
    }
  }

  /**
   * Writes a case: a new one only if absent, a changed one only over the revision it was read
   * at (`expectedRevision`), so two officers acting at once cannot both succeed. Open cases sit
   * in their department's queue; cases with a next check sit in the sweep's index.
   */
  async saveCase(c: StoredCase, expectedRevision: number | 'new', index: CaseIndex): Promise<void> {
    const item = caseItem(c, index);
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ...(expectedRevision === 'new'
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: '#revision = :expected', ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':expected': expectedRevision } }),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError(expectedRevision === 'new' ? 'case exists' : 'case changed');
      throw error;
    }
  }

  getCase(jurisdiction: string, trackingNumber: string): Promise<StoredCase | undefined> {
    return this.get(keys.case(jurisdiction, trackingNumber));
  }

  /** Open cases of a department, soonest due first. */
  departmentQueue(jurisdiction: string, departmentId: string): Promise<StoredCase[]> {
    const index = TABLE_INDEXES.byDepartment;
    return this.queryAll({
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.pk },
      ExpressionAttributeValues: { ':pk': keys.departmentQueue(jurisdiction, departmentId) },
    });
  }

  /** Open cases of a jurisdiction: every department's queue. */
  async openCases(jurisdiction: string): Promise<StoredCase[]> {
    const departments = await this.listDepartments(jurisdiction);
    return (await Promise.all(departments.map((d) => this.departmentQueue(jurisdiction, d.id)))).flat();
  }

  /**
   * Cases the sweep must look at by `day`, one shard at a time, a page at a time: only these are
   * read, never the rest of the table.
   */
  async *casesToCheck(day: string): AsyncGenerator<StoredCase[]> {
    const index = TABLE_INDEXES.byNextCheck;
    for (const shard of keys.sweepShards()) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: index.name,
            KeyConditionExpression: '#pk = :pk AND #sk <= :upTo',
            ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
            ExpressionAttributeValues: { ':pk': shard, ':upTo': keys.sweepUpTo(day) },
            ExclusiveStartKey: start,
          }),
        );
        if (page.Items?.length) yield page.Items.map((item) => record<StoredCase>(item)!);
        start = page.LastEvaluatedKey;
      } while (start);
    }
  }

  /**
   * A jurisdiction's cases received between two days, newest first, that match the filters: at
   * most `limit` of them, reading at most `maxRead` cases; `cursor` continues where it stopped.
   */
  async searchCases(jurisdiction: string, query: CaseQuery, page: { limit: number; maxRead: number; cursor?: Record<string, string> }): Promise<{ cases: StoredCase[]; cursor?: Record<string, string> }> {
    const index = TABLE_INDEXES.byJurisdiction;
    const names: Record<string, string> = { '#pk': index.pk, '#sk': index.sk };
    const values: Record<string, unknown> = { ':pk': keys.jurisdictionCases(jurisdiction), ':from': `${query.from}#`, ':to': `${query.to}#\uffff` };
    const filters: string[] = [];
    if (query.statuses?.length) {
      names['#status'] = 'status';
      filters.push(`#status IN (${query.statuses.map((status, i) => ((values[`:s${i}`] = status), `:s${i}`)).join(', ')})`);
    }
    for (const [attribute, value] of [['itemId', query.itemId], ['departmentId', query.department]] as const) {
      if (value === undefined) continue;
      names[`#${attribute}`] = attribute;
      values[`:${attribute}`] = value;
      filters.push(`#${attribute} = :${attribute}`);
    }
    if (query.applicant) {
      Object.assign(names, { '#applicant': 'applicant', '#name': 'name', '#idNumber': 'idNumber' });
      values[':applicant'] = query.applicant;
      filters.push('(contains(#applicant.#name, :applicant) OR #applicant.#idNumber = :applicant)');
    }
    const found: StoredCase[] = [];
    let start: Record<string, unknown> | undefined = page.cursor;
    let read = 0;
    do {
      const result = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          Limit: Math.min(200, page.maxRead - read),
          ExclusiveStartKey: start,
        }),
      );
      read += result.ScannedCount ?? 0;
      for (const item of result.Items ?? []) {
        found.push(record<StoredCase>(item)!);
        // Full before the page ends: continue right after the last case returned.
        if (found.length === page.limit) return { cases: found, cursor: cursorOf(item, index) };
      }
      start = result.LastEvaluatedKey;
    } while (start && read < page.maxRead);
    return { cases: found, ...(start ? { cursor: start as Record<string, string> } : {}) };
  }

  // Case settings and messages

  getCaseSettings(jurisdiction: string): Promise<CaseSettings | undefined> {
    return this.get(keys.caseSettings(jurisdiction));
  }

  putCaseSettings(jurisdiction: string, settings: CaseSettings): Promise<void> {
    return this.put(keys.caseSettings(jurisdiction), settings);
  }

  /** Records a message in the day's outbox and, for in-site messages, the recipient's inbox. */
  async recordMessage(message: OutboxMessage): Promise<void> {
    const sortKey = `${message.at}#${message.id}`;
    const day = shanghaiDateOf(new Date(message.at));
    await this.put(keys.outbox(message.jurisdiction, day, sortKey), message);
    if (message.channel === 'inSite') await this.put(keys.inbox(message.jurisdiction, message.to, sortKey), message);
  }

  /** A day's messages, newest first. */
  outboxOf(jurisdiction: string, day: string, limit = 200): Promise<OutboxMessage[]> {
    return this.doc
      .send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.outboxDay(jurisdiction, day) }, ScanIndexForward: false, Limit: limit }))
      .then((page) => (page.Items ?? []).map((item) => record<OutboxMessage>(item)!));
  }

  /** An inbox's newest messages. */
  inboxOf(jurisdiction: string, recipient: string, limit = 50): Promise<OutboxMessage[]> {
    return this.doc
      .send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.inboxOf(jurisdiction, recipient) }, ScanIndexForward: false, Limit: limit }))
      .then((page) => (page.Items ?? []).map((item) => record<OutboxMessage>(item)!));
  }
}
