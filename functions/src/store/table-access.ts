import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** A conditional write lost to a concurrent one. */
export class ConflictError extends Error {}

export const isConditionFailure = (error: unknown) => (error as { name?: string }).name === 'ConditionalCheckFailedException';

/** Removes the key attributes from a stored record. */
export function record<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, gsi3pk: _g3, gsi3sk: _g3s, ...rest } = item;
  return rest as T;
}

/** The one table and the reads and writes every kind of record shares. */
export class TableAccess {
  protected readonly doc: DynamoDBDocumentClient;

  constructor(
    protected readonly client: DynamoDBClient,
    readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  protected async get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return record<T>(result.Item);
  }

  /** Puts a record; with `ifAbsent`, fails with ConflictError when one is already there. */
  protected async put(key: { pk: string; sk: string }, value: object, ifAbsent = false): Promise<void> {
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

  protected async queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...input, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) items.push(record<T>(item)!);
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  protected partition<T>(pk: string): Promise<T[]> {
    return this.queryAll<T>({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });
  }

}
