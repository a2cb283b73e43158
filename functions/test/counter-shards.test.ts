import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { counterUpdate } from '../src/store/counter-updates';
import { keys } from '../src/store/keys';
import { Store } from '../src/store/store';
import type { CounterRow } from '../src/supervision/counter-rows';
import { startTestStore } from './test-store';

/**
 * A counter row kept in several places (transactions add to one at random, so concurrent
 * submissions to one item do not cancel each other): the dashboard reads their sum, and a rebuild
 * puts the sum back in one place.
 */

const dynamo = await startTestStore();
afterAll(() => dynamo.close());
const TABLE = 'onevisit-counter-shards';
const store = new Store(dynamo.client, TABLE, { transactions: dynamo.transactions });
await store.ensureTable();
const doc = DynamoDBDocumentClient.from(dynamo.client);
const row: CounterRow = { day: '2026-03-02', jurisdiction: '990100', departmentId: '11370500MB10000015', itemId: 'real-estate-transfer', counts: { received: 1, accepted: 1 } };
const other: CounterRow = { ...row, itemId: 'food-licence', counts: { received: 2 } };
const stored = async () => (await doc.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.countersMonth('990100', '2026-03') } }))).Items ?? [];

describe('counter rows in several places', () => {
  it('reads the places of a row as one row, their counts summed', async () => {
    for (const shard of [0, 3, 3, 7]) await doc.send(new UpdateCommand(counterUpdate(TABLE, row, shard)));
    await doc.send(new UpdateCommand(counterUpdate(TABLE, other, 5)));
    expect(await stored()).toHaveLength(4);
    const { rows, reads } = await store.readCounts('990100', '2026-03-01', '2026-03-31');
    expect(reads).toBe(1);
    expect(rows.sort((a, b) => a.itemId.localeCompare(b.itemId))).toEqual([other, { ...row, counts: { received: 4, accepted: 4 } }]);
  });

  it('puts a rebuilt row back in its one place, the other places removed', async () => {
    await store.replaceCounts('990100', ['2026-03'], [{ ...row, counts: { received: 4, accepted: 4 } }, other]);
    expect((await stored()).map((item) => item.sk).sort()).toEqual(['2026-03-02#11370500MB10000015#food-licence', '2026-03-02#11370500MB10000015#real-estate-transfer']);
    expect((await store.readCounts('990100', '2026-03-01', '2026-03-31')).rows).toHaveLength(2);
  });
});
