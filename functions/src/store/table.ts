import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one table. Keys are generic (`pk`, `sk`, and per-index `gsiNpk`/`gsiNsk`) so one table
 * holds every record; what goes in them is decided in keys.ts alone.
 */
export const TABLE_INDEXES = {
  /** Open cases of a department, by promised due date (officer queue). Sparse: closed cases leave it. */
  byDepartment: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  /**
   * Cases the sweep must look at, by the day it must (the next warning or deadline). Sparse: a
   * case with nothing ahead leaves it. Spread over a few partitions so no single one runs hot.
   */
  byNextCheck: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  /** Every case of a jurisdiction, open or closed, by the day it was received (case search). */
  byJurisdiction: { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk' },
  /**
   * Cases whose messages are not delivered yet (the outbox inside the case), for the local
   * poller and for replays in AWS. Sparse, and keys only: a case leaves it once its messages are
   * out, and the sender reads the case itself, consistently.
   */
  byPendingMessages: { name: 'gsi4', pk: 'gsi4pk', sk: 'gsi4sk', keysOnly: true },
} as const;

/** What an index copies of each record: every attribute, unless it says keys only. */
export const projectionOf = (index: { name: string; keysOnly?: boolean }) => (index.keysOnly ? 'KEYS_ONLY' : 'ALL');

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const indexes = Object.values(TABLE_INDEXES);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      ...indexes.flatMap((index) => [
        { AttributeName: index.pk, AttributeType: 'S' as const },
        { AttributeName: index.sk, AttributeType: 'S' as const },
      ]),
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    // The queue, the sweep and the search read whole cases from their indexes, one read per
    // case, with no second fetch; the pending-messages index holds keys only.
    GlobalSecondaryIndexes: indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.pk, KeyType: 'HASH' as const },
        { AttributeName: index.sk, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: projectionOf(index) },
    })),
  };
}
