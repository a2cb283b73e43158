import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTokens } from '../src/auth';
import { localDeps } from '../src/local-deps';
import { seedDemo } from '../src/seed';
import type { EmbeddedDynamo } from '../src/store/embedded';
import { startTestStore } from './test-store';
import { Store } from '../src/store/store';

/** The Lambda entry, configured from its environment as the stack configures it, answering real HTTP API (v2) events. */

let dynamo: EmbeddedDynamo;
let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;

beforeAll(async () => {
  dynamo = await startTestStore();
  const store = new Store(dynamo.client, 'onevisit-lambda');
  await store.ensureTable();
  await seedDemo(localDeps(store, { dataDir: mkdtempSync(join(tmpdir(), 'onevisit-seed-')), secret: 'x' }));
  Object.assign(process.env, {
    TABLE_NAME: 'onevisit-lambda',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    FILES_DIR: mkdtempSync(join(tmpdir(), 'onevisit-lambda-')),
    COGNITO_USER_POOL_ID: 'cn-north-1_example',
    COGNITO_CLIENT_ID: 'exampleclientid',
    APP_SECRET: 'lambda-test-secret',
  });
  ({ handler } = (await import('../src/lambda')) as unknown as { handler: typeof handler });
});

afterAll(() => dynamo.close());

function event(path: string, query = ''): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: { accept: 'application/json', host: 'api.example.gov.cn', 'user-agent': 'test' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.gov.cn',
      domainPrefix: 'api',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '22/Nov/2026:02:00:00 +0000',
      timeEpoch: 1795312800000,
    },
    isBase64Encoded: false,
  };
}

const context = { awsRequestId: 'req-1', functionName: 'onevisit-api' } as Context;

describe('the API on Lambda', () => {
  it('answers /api/health', async () => {
    const response = await handler(event('/api/health'), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'ok' });
  });

  it('answers /api/catalog from the table', async () => {
    const response = await handler(event('/api/catalog', 'jurisdiction=990100&type=05'), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).map((e: { name: string }) => e.name)).toEqual(['失业保险待遇核定(市直统筹单位失业人员)']);
  });

  it('refuses a bearer token Cognito did not sign', async () => {
    const withToken = event('/api/admin/990100/items');
    withToken.headers.authorization = `Bearer ${await new LocalTokens('x').issue({ id: 'u', name: 'u', role: 'platformAdmin', jurisdiction: '990100' })}`;
    const response = await handler(withToken, context);
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body).code).toBe('INVALID_TOKEN');
  });
});
