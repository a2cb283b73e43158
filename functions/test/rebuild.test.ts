import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store';
import { tableDefinition } from '../src/store/table';
import { startTestStore } from './test-store';

/**
 * A data folder made before the case search index existed: starting on it rebuilds the table
 * with the index, keeps every record, and makes the old cases searchable; a rebuild cut short
 * resumes from the copy aside.
 */

const dynamo = await startTestStore();
afterAll(() => dynamo.close());

async function oldTable(name: string) {
  const definition = tableDefinition(name);
  const old = { ...definition, GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes!.filter((i) => i.IndexName !== 'gsi3') };
  old.AttributeDefinitions = old.AttributeDefinitions!.filter((a) => !a.AttributeName!.startsWith('gsi3'));
  await dynamo.client.send(new CreateTableCommand(old));
  const oldCase = { pk: { S: 'J#990100#CASE#990100-20260302-000001' }, sk: { S: 'CASE' }, trackingNumber: { S: '990100-20260302-000001' }, jurisdiction: { S: '990100' }, receivedOn: { S: '2026-03-02' }, status: { S: 'delivered' }, itemId: { S: 'x' } };
  await dynamo.client.send(new PutItemCommand({ TableName: name, Item: oldCase }));
  await dynamo.client.send(new PutItemCommand({ TableName: name, Item: { pk: { S: 'J#990100#DEPARTMENTS' }, sk: { S: '11370500MB1000006L' }, name: { S: '市场监管局' } } }));
}

const indexesOf = async (name: string) => ((await dynamo.client.send(new DescribeTableCommand({ TableName: name }))).Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort();

describe('a table from before an index existed', () => {
  it('is rebuilt with it, keeping every record, and its old cases are found', async () => {
    await oldTable('old-table');
    const store = new Store(dynamo.client, 'old-table');
    await store.ensureTable();
    expect(await indexesOf('old-table')).toEqual(['gsi1', 'gsi2', 'gsi3', 'gsi4']);
    expect(await store.getDepartment('990100', '11370500MB1000006L')).toMatchObject({ name: '市场监管局' });
    const found = await store.searchCases('990100', { from: '2026-03-01', to: '2026-03-31' }, { limit: 10, maxRead: 100 });
    expect(found.cases.map((c) => c.trackingNumber)).toEqual(['990100-20260302-000001']);
    await store.ensureTable(); // nothing more to do
    expect(await store.getCase('990100', '990100-20260302-000001')).toMatchObject({ status: 'delivered' });
  });

  it('resumes a rebuild that stopped after the copy aside was made', async () => {
    await oldTable('cut-short');
    // A start copied the records aside and dropped the table, then stopped.
    await dynamo.client.send(new CreateTableCommand(tableDefinition('cut-short-rebuild')));
    await dynamo.client.send(new PutItemCommand({ TableName: 'cut-short-rebuild', Item: { pk: { S: 'J#990100#DEPARTMENTS' }, sk: { S: '11370500MB1000006L' }, name: { S: '市场监管局' } } }));
    await dynamo.client.send(new PutItemCommand({ TableName: 'cut-short-rebuild', Item: { pk: { S: '#REBUILD' }, sk: { S: 'COMPLETE' } } }));
    await dynamo.client.send(new DeleteTableCommand({ TableName: 'cut-short' }));
    const restarted = new Store(dynamo.client, 'cut-short');
    await restarted.ensureTable();
    expect(await restarted.getDepartment('990100', '11370500MB1000006L')).toMatchObject({ name: '市场监管局' });
    expect(await indexesOf('cut-short')).toEqual(['gsi1', 'gsi2', 'gsi3', 'gsi4']);
    await expect(dynamo.client.send(new DescribeTableCommand({ TableName: 'cut-short-rebuild' }))).rejects.toThrow();
  });
});
