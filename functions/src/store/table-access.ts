import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type BatchGetCommandOutput,
  type BatchWriteCommandOutput,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { hasEveryIndex, rebuildInterrupted, rebuildTable, type Upgrade } from './rebuild';
import { tableDefinition } from './table';

/** A conditional write lost to a concurrent one. */
export class ConflictError extends Error {
  constructor(
    message: string,
    /** The record the write found instead (its keys removed); undefined when there was none. */
    readonly existing?: unknown,
  ) {
    super(message);
  }
}

/** A transaction's write that failed its condition (transaction-batches.ts): `at` is its place among its unit's writes. */
export class TransactionConflict extends ConflictError {
  constructor(
    message: string,
    existing: unknown,
    readonly at: number,
  ) {
    super(message, existing);
  }
}

export const isConditionFailure = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

/** Removes the key attributes from a stored record. */
export function record<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, gsi3pk: _g3, gsi3sk: _g3s, gsi4pk: _g4, gsi4sk: _g4s, ...rest } = item;
  return rest as T;
}

export type Key = { pk: string; sk: string };

/** A key as one string, to find a record among others. */
export const keyOf = (key: Key) => `${key.pk}\u0000${key.sk}`;

/** How many times keys or items a batch request left unprocessed are sent again. */
const BATCH_ATTEMPTS = 8;

/**
 * What a conditional write requires of the record it replaces. Every `#name` in the expression
 * stands for the attribute `name`; `conflict` says what a failure means.
 */
export interface Condition {
  expression: string;
  values?: Record<string, unknown>;
  conflict: string;
}

export const ifAbsent = (conflict: string): Condition => ({ expression: 'attribute_not_exists(pk)', conflict });

export const ifRevision = (expected: number, conflict: string): Condition => ({ expression: '#revision = :expected', values: { ':expected': expected }, conflict });

/** A condition as write parameters, asking for the record that fails it. */
export function conditionInput(condition: Condition | undefined): {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
  ReturnValuesOnConditionCheckFailure?: 'ALL_OLD';
} {
  if (!condition) return {};
  const names = (condition.expression.match(/#\w+/g) ?? []).map((n) => [n, n.slice(1)]);
  return {
    ConditionExpression: condition.expression,
    ...(names.length ? { ExpressionAttributeNames: Object.fromEntries(names) } : {}),
    ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  };
}

/** What a query over an index asks for beyond its partition (TableAccess.queryShards). */
export interface ShardQuery {
  /** On the sort key, named `#sk`. */
  sortCondition?: string;
  filter?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  newestFirst?: boolean;
  start?: Record<string, unknown>;
  /** Items read a page at the most; without it, a page is what the table returns at once. */
  pageSize?: number;
  maxRead?: number;
}

/** A page of a query: its items as stored, and where the next page starts, if there is one. */
export interface Page {
  items: Record<string, unknown>[];
  next?: Record<string, unknown>;
}

/** How far a query may read: `pageSize` items a page, `max` in all; `count` is what it has read. */
interface Reading {
  count: number;
  max: number;
  pageSize: number;
}

/** The one table and the reads and writes every kind of record shares. */
export class TableAccess {
  readonly doc: DynamoDBDocumentClient;

  constructor(
    private readonly client: DynamoDBClient,
    readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async get<T>(key: Key): Promise<T | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return record<T>(result.Item);
  }

  /** Puts a record (`item` may carry index keys too); one that fails its condition throws ConflictError. */
  async put(key: Key, item: object, condition?: Condition): Promise<void> {
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...item, ...key }, ...conditionInput(condition) }));
    } catch (error) {
      throw await this.conflictOr(error, key, condition);
    }
  }

  /** Sets attributes of a record that meets the condition, and returns the record as it is now. */
  async update<T>(key: Key, set: Record<string, unknown>, condition: Condition): Promise<T> {
    const entries = Object.entries(set);
    const input = conditionInput(condition);
    try {
      const result = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET ${entries.map(([k]) => `#${k} = :${k}`).join(', ')}`,
          ...input,
          ExpressionAttributeNames: { ...input.ExpressionAttributeNames, ...Object.fromEntries(entries.map(([k]) => [`#${k}`, k])) },
          ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ...Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return record<T>(result.Attributes)!;
    } catch (error) {
      throw await this.conflictOr(error, key, condition);
    }
  }

  /**
   * A failed condition as a ConflictError carrying the record that failed it. DynamoDB returns
   * it with the failure; dynalite does not, so then it is read.
   */
  private async conflictOr(error: unknown, key: Key, condition: Condition | undefined): Promise<unknown> {
    if (!condition || !isConditionFailure(error)) return error;
    const returned = (error as { Item?: Parameters<typeof unmarshall>[0] }).Item;
    return new ConflictError(condition.conflict, returned ? record(unmarshall(returned)) : await this.get(key));
  }

  /** The records at `keys`, read consistently, as stored, by keyOf; absent ones are missing. */
  async getMany(keys: readonly Key[]): Promise<Map<string, Record<string, unknown>>> {
    const found = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < keys.length; i += 100) {
      let wanted: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
      for (let attempt = 1; wanted && wanted.length > 0; attempt++) {
        if (attempt > BATCH_ATTEMPTS) throw new Error('store left keys unread: 存储繁忙 / the store is busy');
        if (attempt > 1) await backOff(attempt);
        const result: BatchGetCommandOutput = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: wanted, ConsistentRead: true } } }));
        for (const item of result.Responses?.[this.tableName] ?? []) found.set(keyOf(item as Key), item);
        wanted = result.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return found;
  }

  /** Puts records without conditions, 25 a request, sending again what the store left unprocessed. */
  async putMany(puts: readonly { key: Key; item: object }[]): Promise<void> {
    for (let i = 0; i < puts.length; i += 25) {
      let requests = puts.slice(i, i + 25).map(({ key, item }) => ({ PutRequest: { Item: { ...item, ...key } } }));
      for (let attempt = 1; requests.length > 0; attempt++) {
        if (attempt > BATCH_ATTEMPTS) throw new Error('store left writes unprocessed: 存储繁忙 / the store is busy');
        if (attempt > 1) await backOff(attempt);
        const result: BatchWriteCommandOutput = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }

  async delete(key: Key): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: key }));
  }

  async queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.pages(input)) for (const item of page.items) items.push(record<T>(item)!);
    return items;
  }

  /**
   * An index queried one partition after another (a sharded index's shards, or just one), a page
   * at a time, items as stored. `#pk` names the index's partition key and `:pk` each partition;
   * `#sk` its sort key, for `sortCondition`. `start` resumes the first partition where an earlier
   * query stopped; no more than `maxRead` items are read in all.
   */
  async *queryShards(index: { name: string; pk: string; sk: string }, partitions: readonly string[], query: ShardQuery = {}): AsyncGenerator<Page> {
    const read: Reading = { count: 0, max: query.maxRead ?? Infinity, pageSize: query.pageSize ?? Infinity };
    let start = query.start;
    for (const partition of partitions) {
      const input = {
        IndexName: index.name,
        KeyConditionExpression: `#pk = :pk${query.sortCondition ? ` AND ${query.sortCondition}` : ''}`,
        ...(query.filter ? { FilterExpression: query.filter } : {}),
        ExpressionAttributeNames: { '#pk': index.pk, ...(query.sortCondition ? { '#sk': index.sk } : {}), ...query.names },
        ExpressionAttributeValues: { ':pk': partition, ...query.values },
        ...(query.newestFirst ? { ScanIndexForward: false } : {}),
      };
      yield* this.pages(input, start, read);
      if (read.count >= read.max) return;
      start = undefined;
    }
  }

  /** A query's pages from `start` on, until the last or until `read.max` items are read. */
  private async *pages(input: Omit<QueryCommandInput, 'TableName'>, start?: Record<string, unknown>, read: Reading = { count: 0, max: Infinity, pageSize: Infinity }): AsyncGenerator<Page> {
    do {
      const limit = Math.min(read.pageSize, read.max - read.count);
      const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...input, ...(Number.isFinite(limit) ? { Limit: limit } : {}), ExclusiveStartKey: start }));
      read.count += page.ScannedCount ?? 0;
      start = page.LastEvaluatedKey;
      yield { items: page.Items ?? [], next: start };
    } while (start && read.count < read.max);
  }

  partition<T>(pk: string): Promise<T[]> {
    return this.queryAll<T>({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });
  }

  /** The last `limit` records of a partition by sort key, last first. */
  async newest<T>(pk: string, limit: number): Promise<T[]> {
    const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false, Limit: limit }));
    return (page.Items ?? []).map((item) => record<T>(item)!);
  }

  /** Creates, or rebuilds with the indexes it lacks (`upgrade` gives old records their keys), and waits until usable. */
  async ensure(upgrade: Upgrade, log?: (line: string) => void): Promise<void> {
    const describe = () => this.client.send(new DescribeTableCommand({ TableName: this.tableName })).then((r) => r.Table);
    let table: Awaited<ReturnType<typeof describe>>;
    try {
      table = await describe();
    } catch (error) {
      if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
    }
    if (await rebuildInterrupted(this.client, this.tableName)) await rebuildTable(this.client, this.tableName, upgrade, log);
    else if (!table) await this.client.send(new CreateTableCommand(tableDefinition(this.tableName)));
    else if (!hasEveryIndex(table)) await rebuildTable(this.client, this.tableName, upgrade, log);
    // A new table answers "not found" to writes until it is active, and its indexes likewise.
    for (let waited = 0; ; waited += 50) {
      const current = await describe();
      if (current?.TableStatus === 'ACTIVE' && (current.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE')) return;
      if (waited > 30_000) throw new Error(`table ${this.tableName} did not become active`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Waits longer at each attempt, with jitter, as DynamoDB asks of clients it throttles. */
export const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * (0.5 + Math.random())));
