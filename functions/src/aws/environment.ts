import { S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Calendars } from '../per-jurisdiction/calendars';
import { CaseSettingsSource } from '../per-jurisdiction/case-settings';
import type { AppDeps } from '../deps';
import { LocalFileStore } from '../files';
import { CognitoAuthenticator } from './cognito';
import { S3FileStore } from './s3-files';
import { needFrom, storeFromEnvironment } from './table-environment';

/**
 * The app's dependencies in AWS, from the function's environment (set by the stack).
 * DYNAMODB_ENDPOINT and FILES_DIR point a function at a local store and folder, and APP_SECRET
 * stands in for the secret's ARN, for tests.
 */
export async function depsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<AppDeps> {
  const need = needFrom(env);
  const store = storeFromEnvironment(env);
  // No message queue: the table's stream hands what a write put in a case's outbox to the sender (outbox-sender.ts).
  return {
    store,
    calendars: new Calendars(store),
    caseSettings: new CaseSettingsSource(store),
    files: env.FILES_DIR ? new LocalFileStore(env.FILES_DIR) : new S3FileStore(new S3Client({}), need('FILES_BUCKET')),
    auth: new CognitoAuthenticator({ userPoolId: need('COGNITO_USER_POOL_ID'), clientId: need('COGNITO_CLIENT_ID') }),
    hostedSignIn: { domain: need('COGNITO_DOMAIN'), clientId: need('COGNITO_CLIENT_ID') },
    clock: () => new Date(),
    secret: env.APP_SECRET ?? (await secretFrom(need('APP_SECRET_ARN'))),
  };
}

/** The app secret is kept in Secrets Manager, never in the function's configuration; read once per instance. */
async function secretFrom(arn: string): Promise<string> {
  const value = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!value.SecretString) throw new Error(`secret ${arn} has no value`);
  return value.SecretString;
}
