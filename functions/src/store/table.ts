import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one table. Keys are generic (`pk`, `sk`, and per-index `gsiNpk`/`gsiNsk`) so one table
 * holds every record; what goes in them is decided in keys.ts alone.
 */
export const TABLE_INDEXES = {
  /** Open cases of a department, by promised due date (officer queue). Sparse: closed cases leave it. */
  byDepartment: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
} as const;

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const index = TABLE_INDEXES.byDepartment;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: index.pk, AttributeType: 'S' },
      { AttributeName: index.sk, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.pk, KeyType: 'HASH' },
          { AttributeName: index.sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
