import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { APIGatewayProxyEventV2, Context, SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTokens } from '../../functions/src/auth';
import { ORIGIN_HEADER } from '../../functions/src/origin-verify';
import { localDeps } from '../../functions/src/local-deps';
import { seedDemo } from '../../functions/src/seed';
import type { EmbeddedDynamo } from '../../functions/src/store/embedded';
import { Store } from '../../functions/src/store/store';
import { startTestStore } from '../../functions/test/test-store';
import { bundleOf, synthStack } from './synth';

/**
 * The functions exactly as the stack bundles them (NodejsFunction, local esbuild), loaded from
 * the synthesized assembly and configured from the environment the stack gives them, with the
 * store pointed at the embedded one: real HTTP API (v2) events in, responses out.
 */

let dynamo: EmbeddedDynamo;
let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;
let sweep: () => Promise<void>;
let smsReplies: (event: SNSEvent) => Promise<string[]>;
/** Where each bundle was written: its index.mjs, chunks/ and node_modules/. */
let folders: string[];


beforeAll(async () => {
  // The bundles build their own client from DYNAMODB_ENDPOINT.
  dynamo = await startTestStore({ openEndpoint: true });
  const store = new Store(dynamo.client, 'onevisit-lambda');
  await store.ensureTable();
  await seedDemo(localDeps(store, { dataDir: mkdtempSync(join(tmpdir(), 'onevisit-seed-')), secret: 'x' }));
  Object.assign(process.env, {
    TABLE_NAME: 'onevisit-lambda',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    DYNAMODB_TRANSACTIONS: String(dynamo.transactions),
    AWS_REGION: 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    FILES_DIR: mkdtempSync(join(tmpdir(), 'onevisit-lambda-')),
    COGNITO_USER_POOL_ID: 'cn-north-1_example',
    COGNITO_CLIENT_ID: 'exampleclientid',
    COGNITO_DOMAIN: 'https://onevisit-test.auth.cn-north-1.amazoncognito.com',
    APP_SECRET: 'lambda-test-secret',
    ORIGIN_SECRET: 'from-cloudfront',
  });
  const { assembly, stack } = synthStack('dev', { bundle: true, outdir: mkdtempSync(join(tmpdir(), 'onevisit-cdk-')) });
  const [api, sweeper, replies] = ['OneVisit API and citizen pages', 'OneVisit sweep: deadlines, warnings, deemed approvals', 'OneVisit SMS replies: ratings by SMS'].map((description) =>
    bundleOf(assembly, stack.stackName, description),
  ) as [string, string, string];
  folders = [dirname(api), dirname(sweeper), dirname(replies)];
  ({ handler } = (await import(api)) as { handler: typeof handler });
  ({ handler: sweep } = (await import(sweeper)) as { handler: typeof sweep });
  ({ handler: smsReplies } = (await import(replies)) as { handler: typeof smsReplies });
}, 120_000);

afterAll(() => dynamo.close());

function event(path: string, query = ''): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: { accept: 'application/json', host: 'api.example.gov.cn', 'user-agent': 'test', [ORIGIN_HEADER]: 'from-cloudfront' },
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

describe('the API function, bundled', () => {
  // The first request that passes loads the app's chunks (lambda.ts): seconds through vitest's loader.
  it('answers /api/health', { timeout: 120_000 }, async () => {
    const response = await handler(event('/api/health'), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'ok' });
  });

  it('refuses a request that did not come through CloudFront, in Chinese and English', async () => {
    const direct = event('/api/health');
    delete direct.headers[ORIGIN_HEADER];
    const response = await handler(direct, context);
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'NOT_THROUGH_SITE', message: expect.stringContaining('本站网址'), message_en: expect.stringContaining('site') });
  });

  it('answers /api/catalog from the table', async () => {
    const response = await handler(event('/api/catalog', 'jurisdiction=990100&type=05'), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).map((e: { name: string }) => e.name)).toEqual(['失业保险待遇核定(市直统筹单位失业人员)']);
  });

  it('tells the editor to sign in through the hosted page', async () => {
    const response = await handler(event('/api/auth/config'), context);
    expect(JSON.parse(response.body)).toEqual({ mode: 'hosted', domain: 'https://onevisit-test.auth.cn-north-1.amazoncognito.com', clientId: 'exampleclientid' });
  });

  it('serves the API reference with its Swagger UI files', async () => {
    expect((await handler(event('/docs'), context)).statusCode).toBe(200);
    const css = await handler(event('/docs/assets/swagger-ui.css'), context);
    expect(css.statusCode).toBe(200);
    expect(css.headers?.['content-type']).toContain('text/css');
  });

  it('refuses a bearer token Cognito did not sign', async () => {
    const withToken = event('/api/admin/990100/items');
    withToken.headers.authorization = `Bearer ${await new LocalTokens('x').issue({ id: 'u', name: 'u', role: 'platformAdmin', jurisdiction: '990100' })}`;
    const response = await handler(withToken, context);
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body).code).toBe('INVALID_TOKEN');
  });
});

/** SMS replies as the two-way number's topic delivers them. */
const sns = (...messages: string[]): SNSEvent => ({
  Records: messages.map((Message, i) => ({
    EventSource: 'aws:sns',
    EventVersion: '1.0',
    EventSubscriptionArn: 'arn:aws-cn:sns:cn-north-1:123456789012:replies:sub',
    Sns: { Type: 'Notification', MessageId: `m-${i}`, TopicArn: 'arn:aws-cn:sns:cn-north-1:123456789012:replies', Subject: '', Message, Timestamp: '2026-11-22T02:00:00.000Z', SignatureVersion: '1', Signature: '', SigningCertUrl: '', UnsubscribeUrl: '', MessageAttributes: {} },
  })),
});

describe('the SMS replies function, bundled', () => {
  it('reads each reply from the topic against the table, answering nobody it never invited and dropping what it cannot read', async () => {
    const reply = (from: string, id: string) => JSON.stringify({ originationNumber: from, destinationNumber: '+8610690000', messageBody: '1', inboundMessageId: id, messageKeyword: 'KEYWORD_1' });
    expect(await smsReplies(sns(reply('+8613900000009', 'r-1'), 'not json', JSON.stringify({ messageBody: '1' })))).toEqual(['notInvited', 'unreadable', 'unreadable']);
  });
});

describe('the bundles', () => {
  it('leave recheck (2.9 MB of compiled Scala) out of every chunk and ship it beside them, for the publish checks to load on first use', () => {
    for (const folder of folders) {
      const scripts = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs') && !f.startsWith('node_modules'));
      expect(scripts).toContain('index.mjs');
      for (const script of scripts) expect(readFileSync(join(folder, script), 'utf8'), script).not.toContain('codes.quine.labs.recheck');
      // Required from a chunk as recheck-on-demand.ts does, in plain Node: the copy beside the bundle answers.
      const analysed = spawnSync(process.execPath, ['--input-type=module', '-e', "import { createRequire } from 'node:module'; const { checkSync } = createRequire(process.cwd() + '/chunks/x.mjs')('recheck'); console.log(checkSync('^(a|a)*$', 'u', { timeout: 10000 }).status);"], {
        cwd: folder,
        env: { ...process.env, RECHECK_SYNC_BACKEND: 'pure' },
        encoding: 'utf8',
      });
      expect(analysed.stdout.trim(), analysed.stderr).toBe('vulnerable');
    }
  });
});

describe('the sweep function, bundled', () => {
  it('runs over the table and reports what it did', async () => {
    const logged: string[] = [];
    const log = console.log;
    console.log = (line: string) => logged.push(line);
    try {
      await sweep();
    } finally {
      console.log = log;
    }
    expect(JSON.parse(logged.find((l) => l.includes('"type":"sweep"'))!)).toMatchObject({ type: 'sweep', read: 0, changed: 0 });
  });
});
