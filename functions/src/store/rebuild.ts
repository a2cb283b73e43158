import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from './table';

/**
 * Brings a local table up to the indexes the code defines. In AWS the stack adds indexes; the
 * embedded store cannot add one to an existing table, so a table that lacks one is rebuilt: its
 * items are copied aside, the table is created afresh and the items copied back. A marker at
 * the end of the copy tells a restart whether the copy aside finished, so a crash at any point
 * loses nothing: the next start resumes from whichever copy is whole.
 */

const MARKER = { pk: { S: '#REBUILD' }, sk: { S: 'COMPLETE' } };
const isMarker = (item: Record<string, AttributeValue>) => item.pk?.S === MARKER.pk.S && item.sk?.S === MARKER.sk.S;

async function describe(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

async function* scanAll(client: DynamoDBClient, name: string): AsyncGenerator<Record<string, AttributeValue>[]> {
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: name, ExclusiveStartKey: start, Limit: 500 }));
    if (page.Items?.length) yield page.Items;
    start = page.LastEvaluatedKey;
  } while (start);
}

async function writeAll(client: DynamoDBClient, name: string, items: Record<string, AttributeValue>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [name]: pending } }));
      pending = (result.UnprocessedItems?.[name] ?? []) as typeof pending;
    }
  }
}

/** Adds what a record written before an index existed needs to be found through it. */
export type Upgrade = (item: Record<string, AttributeValue>) => Record<string, AttributeValue>;

async function copy(client: DynamoDBClient, from: string, to: string, upgrade: Upgrade = (item) => item): Promise<number> {
  let copied = 0;
  for await (const page of scanAll(client, from)) {
    const items = page.filter((item) => !isMarker(item)).map(upgrade);
    await writeAll(client, to, items);
    copied += items.length;
  }
  return copied;
}

async function waitUntil(client: DynamoDBClient, name: string, ready: (t: TableDescription | undefined) => boolean): Promise<void> {
  for (let waited = 0; !ready(await describe(client, name)); waited += 50) {
    if (waited > 30_000) throw new Error(`table ${name} did not settle`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const active = (t: TableDescription | undefined) => t?.TableStatus === 'ACTIVE' && (t.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');

async function drop(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: name }));
  await waitUntil(client, name, (t) => t === undefined);
}

async function create(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new CreateTableCommand(tableDefinition(name)));
  await waitUntil(client, name, active);
}

/** Whether a table has every index the code defines. */
export function hasEveryIndex(table: TableDescription): boolean {
  const have = new Set((table.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  return (tableDefinition(table.TableName ?? '').GlobalSecondaryIndexes ?? []).every((i) => have.has(i.IndexName));
}

/** A rebuild stopped part way: the copy aside is still there. */
export async function rebuildInterrupted(client: DynamoDBClient, name: string): Promise<boolean> {
  return (await describe(client, `${name}-rebuild`)) !== undefined;
}

/** Rebuilds `name` with the current definition, keeping every item; resumes an interrupted rebuild. */
export async function rebuildTable(client: DynamoDBClient, name: string, upgrade: Upgrade, log: (line: string) => void = () => undefined): Promise<void> {
  const aside = `${name}-rebuild`;
  const asideTable = await describe(client, aside);
  let asideComplete = false;
  if (asideTable) {
    const marker = await client.send(new ScanCommand({ TableName: aside, FilterExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': MARKER.pk } }));
    asideComplete = (marker.Items ?? []).some(isMarker);
    if (!asideComplete) await drop(client, aside);
  }
  if (!asideComplete) {
    await create(client, aside);
    const copied = await copy(client, name, aside);
    await writeAll(client, aside, [MARKER]);
    log(`store: copied ${copied} records aside to add the new indexes`);
  }
  if (await describe(client, name)) await drop(client, name);
  await create(client, name);
  const restored = await copy(client, aside, name, upgrade);
  await drop(client, aside);
  log(`store: table rebuilt with its indexes; ${restored} records kept`);
}
