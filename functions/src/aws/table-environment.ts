import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Store } from '../store/store';

/** A reader of the function's environment that refuses a variable left unset. */
export const needFrom = (env: NodeJS.ProcessEnv) => (name: string) => {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};

/**
 * The table, as every function reaches it: DynamoDB, with transactions. DYNAMODB_ENDPOINT points
 * it at a local store for tests, and DYNAMODB_TRANSACTIONS=false says that store has none (dynalite).
 */
export function storeFromEnvironment(env: NodeJS.ProcessEnv = process.env): Store {
  const client = new DynamoDBClient(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {});
  return new Store(client, needFrom(env)('TABLE_NAME'), { transactions: env.DYNAMODB_TRANSACTIONS !== 'false' });
}
