import { Match, Template } from 'aws-cdk-lib/assertions';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ORIGIN_HEADER } from '../../functions/src/origin-verify';
import { securityHeaders } from '../../functions/src/security-headers';
import { synthStack } from './synth';

/** The stack's resources and the properties that matter, for both stages; cdk-nag runs in each synthesis. */

const dev = synthStack('dev');
const prod = synthStack('prod');
const template = Template.fromStack(dev.stack);
const prodTemplate = Template.fromStack(prod.stack);

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
const resources = (t: Template, type: string) => Object.values(t.findResources(type)) as Resource[];
const asList = <T,>(x: T | T[]) => (Array.isArray(x) ? x : [x]);

describe('the stack', () => {
  it('synthesizes with no unacknowledged cdk-nag (AwsSolutions) finding, in both stages', () => {
    // synthStack throws on a finding; this also states each acknowledgment has its reason.
    for (const { stack } of [dev, prod]) {
      const acknowledged = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').flatMap((m) => Object.entries(m.data as Record<string, string>)));
      expect(acknowledged.length).toBeGreaterThan(0);
      for (const [id, reason] of acknowledged) expect(reason.length, id).toBeGreaterThan(20);
    }
  });

  it('has the table with its indexes, on demand, with point-in-time recovery; kept and protected in production', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'gsi1', Projection: { ProjectionType: 'ALL' } }),
        Match.objectLike({ IndexName: 'gsi2' }),
        Match.objectLike({ IndexName: 'gsi3' }),
        Match.objectLike({ IndexName: 'gsi4', Projection: { ProjectionType: 'KEYS_ONLY' } }),
      ],
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
    const [table] = resources(prodTemplate, 'AWS::DynamoDB::GlobalTable');
    expect(table!.DeletionPolicy).toBe('Retain');
    expect(table!.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
  });

  it('runs the API, the sweep, the outbox sender and the SMS replies on Node 22, arm64, with the environment from the stack', () => {
    const functions = resources(template, 'AWS::Lambda::Function').filter((f) => f.Properties.Runtime?.startsWith('nodejs'));
    expect(functions.map((f) => f.Properties.Description).sort()).toEqual([
      'OneVisit API and citizen pages',
      'OneVisit SMS replies: ratings by SMS',
      'OneVisit outbox: delivers the messages cases are written with',
      'OneVisit sweep: deadlines, warnings, deemed approvals',
    ]);
    for (const f of functions) {
      expect(f.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler' });
      // The sender needs the table alone.
      const needs = f.Properties.Description.startsWith('OneVisit outbox') ? ['TABLE_NAME', 'NODE_OPTIONS'] : ['TABLE_NAME', 'FILES_BUCKET', 'COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID', 'APP_SECRET_ARN', 'NODE_OPTIONS'];
      expect(Object.keys(f.Properties.Environment.Variables)).toEqual(expect.arrayContaining(needs));
      expect(f.Properties.Environment.Variables).not.toHaveProperty('APP_SECRET');
      // React renders the pages with its production build (issue 15).
      expect(f.Properties.Environment.Variables.NODE_ENV).toBe('production');
    }
  });

  it('grants table access by named actions, named resources and leading keys: no wildcard', () => {
    const statements = resources(template, 'AWS::IAM::Policy').flatMap((p) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>);
    const onTable = statements.filter((s) => asList(s.Action).some((a: string) => a.startsWith('dynamodb:')));
    expect(onTable.length).toBeGreaterThanOrEqual(4);
    for (const s of onTable) {
      expect(asList(s.Action)).not.toContain('dynamodb:*');
      expect(asList(s.Action)).not.toContain('dynamodb:Scan');
      for (const r of asList(s.Resource)) {
        expect(r).not.toBe('*');
        expect(JSON.stringify(r)).not.toMatch(/index\/\*/);
      }
      // Reading the stream (the outbox's sender) names the stream: it has no partitions to name.
      const onItems = !JSON.stringify(s.Resource).includes('/index/') && !JSON.stringify(s.Resource).includes('StreamArn');
      if (onItems) expect(s.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': expect.any(Array) } });
    }
  });

  it('keeps the buckets private, encrypted and TLS-only; uploads go straight to the materials bucket, abandoned ones expire', () => {
    for (const bucket of resources(template, 'AWS::S3::Bucket')) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
    }
    const policies = resources(template, 'AWS::S3::BucketPolicy');
    expect(policies.length).toBe(resources(template, 'AWS::S3::Bucket').length);
    for (const p of policies) {
      expect(p.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    }
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['POST'] })] },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Id: 'abandoned-uploads', TagFilters: [{ Key: 'state', Value: 'staged' }], ExpirationInDays: 3 }), Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })]) },
    });
  });

  it('puts the HTTP API behind throttling and access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    prodTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 } });
  });

  it('serves everything from one CloudFront address: the editor and citizen script from S3, the rest from the API', () => {
    const [distribution] = resources(template, 'AWS::CloudFront::Distribution');
    const config = distribution!.Properties.DistributionConfig;
    expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual(['/admin*', '/citizen/*']);
    const origins = config.Origins as Array<Record<string, any>>;
    const apiOrigin = origins.find((o) => o.CustomOriginConfig)!;
    const siteOrigin = origins.find((o) => o.S3OriginConfig)!;
    expect(config.DefaultCacheBehavior.TargetOriginId).toBe(apiOrigin.Id);
    for (const b of config.CacheBehaviors) expect(b.TargetOriginId).toBe(siteOrigin.Id);
    expect(siteOrigin.OriginAccessControlId).toBeDefined();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.resourceCountIs('Custom::CDKBucketDeployment', 2);
  });

  it('sends the editor and the citizen script with the security headers the local server sends', async () => {
    const [distribution] = resources(template, 'AWS::CloudFront::Distribution');
    const config = distribution!.Properties.DistributionConfig;
    const [[policyId, policy]] = Object.entries(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as [[string, Resource]];
    for (const b of config.CacheBehaviors) expect(b.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    // The API's responses carry the app's own headers (a fresh nonce each), which CloudFront leaves alone.
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toBeUndefined();
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers).toMatchObject({
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 15552000, IncludeSubdomains: true, Override: true },
    });
    // The same directives as the local server's editor policy, but for its per-response nonce
    // (CloudFront serves static files) and the hosted sign-in, which the editor calls in AWS.
    const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources.filter((s) => !s.startsWith("'nonce-"))]));
    const local = new Hono().use('*', securityHeaders).get('/admin/', (c) => c.text(''));
    const localPolicy = directives((await local.request('/admin/')).headers.get('content-security-policy')!);
    const cspParts = headers.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Join'][1] as unknown[];
    const served = directives(cspParts.map((p) => (typeof p === 'string' ? p : `<${(p as { Ref: string }).Ref}>`)).join(''));
    const [signIn] = Object.keys(template.findResources('AWS::Cognito::UserPoolDomain'));
    expect(served).toEqual({ ...localPolicy, 'connect-src': ["'self'", `https://<${signIn}>.auth.<AWS::Region>.amazoncognito.com`] });
    expect(served['frame-ancestors']).toEqual(["'none'"]);
    expect(served['script-src']).not.toContain("'unsafe-inline'");
  });

  it('answers the API only through CloudFront: a generated secret, sent as a header, read by the API function alone', () => {
    const secrets = Object.entries(template.findResources('AWS::SecretsManager::Secret')) as Array<[string, Resource]>;
    const [originSecret] = secrets.find(([, s]) => s.Properties.Description?.includes('CloudFront'))!;
    const [distribution] = resources(template, 'AWS::CloudFront::Distribution');
    const apiOrigin = (distribution!.Properties.DistributionConfig.Origins as Array<Record<string, any>>).find((o) => o.CustomOriginConfig)!;
    expect(apiOrigin.OriginCustomHeaders).toHaveLength(1);
    expect(apiOrigin.OriginCustomHeaders[0].HeaderName).toBe(ORIGIN_HEADER);
    // A dynamic reference CloudFormation resolves at deployment: the value is in no template.
    expect(apiOrigin.OriginCustomHeaders[0].HeaderValue).toEqual({ 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: originSecret }, ':SecretString:::}}']] });

    const functions = resources(template, 'AWS::Lambda::Function').filter((f) => f.Properties.Runtime?.startsWith('nodejs'));
    const api = functions.find((f) => f.Properties.Description === 'OneVisit API and citizen pages')!;
    expect(api.Properties.Environment.Variables.ORIGIN_SECRET_ARN).toEqual({ Ref: originSecret });
    const sweep = functions.find((f) => f.Properties.Description !== 'OneVisit API and citizen pages')!;
    expect(sweep.Properties.Environment.Variables).not.toHaveProperty('ORIGIN_SECRET_ARN');
    const readers = resources(template, 'AWS::IAM::Policy').filter((p) =>
      (p.Properties.PolicyDocument.Statement as Array<Record<string, any>>).some((s) => asList(s.Action).includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource) === JSON.stringify({ Ref: originSecret })),
    );
    expect(readers.map((p) => p.Properties.Roles)).toEqual([[{ Ref: expect.stringMatching(/^ApiRole/) }]]);
  });

  it('puts per-address WAF rate rules in front of CloudFront, answering 429 with Retry-After, where a CloudFront web ACL can be made (us-east-1)', () => {
    const acls = template.findResources('AWS::WAFv2::WebACL') as Record<string, Resource & { Condition?: string }>;
    const [[aclId, acl]] = Object.entries(acls) as [[string, Resource & { Condition?: string }]];
    expect(acl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    const rules = acl.Properties.Rules as Array<Record<string, any>>;
    expect(rules.map((r) => [r.Name, r.Statement.RateBasedStatement.Limit, r.Statement.RateBasedStatement.AggregateKeyType, r.Statement.RateBasedStatement.EvaluationWindowSec])).toEqual([
      ['CitizenPages', 1500, 'IP', 300],
      ['CitizenApi', 1500, 'IP', 300],
      ['Everything', 12000, 'IP', 300],
    ]);
    const searched = (r: Record<string, any>) => [...JSON.stringify(r.Statement).matchAll(/"SearchString":"([^"]+)"/g)].map((m) => m[1]);
    expect(searched(rules[0]!)).toEqual(['POST', '/apply/', '/track', '/receipt/']);
    expect(searched(rules[1]!)).toEqual(['POST', '/api/items/', '/api/track/']);
    for (const r of rules) expect(r.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429, ResponseHeaders: [{ Name: 'retry-after', Value: '300' }] });
    expect(acl.Properties.CustomResponseBodies.json.Content).toContain('操作过于频繁');

    expect(acl.Condition).toBeDefined();
    expect(template.toJSON().Conditions[acl.Condition!]).toEqual({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] });
    const [distribution] = resources(template, 'AWS::CloudFront::Distribution');
    expect(distribution!.Properties.DistributionConfig.WebACLId).toEqual({ 'Fn::If': [acl.Condition, { 'Fn::GetAtt': [aclId, 'Arn'] }, { Ref: 'AWS::NoValue' }] });
  });

  it('lets the outbox sender count SMS per phone number (the daily cap) and record the rating invitations it sends, and nothing else on the platform', () => {
    const statements = resources(template, 'AWS::IAM::Policy').flatMap((p) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>);
    const counting = statements.filter((s) => JSON.stringify(s.Condition ?? {}).includes('PLATFORM#SMS#*'));
    expect(counting).toEqual([expect.objectContaining({ Action: 'dynamodb:UpdateItem', Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PLATFORM#SMS#*', 'PLATFORM#SMSRATE#*'] } } })]);
  });

  it('lets SMS replies reach their handler from the two-way number’s encrypted topic alone, retried, then to a dead-letter queue', () => {
    const [topicId, topic] = Object.entries(template.findResources('AWS::SNS::Topic')).find(([, t]) => (t as Resource).Properties.DisplayName === 'OneVisit SMS replies')! as [string, Resource];
    expect(topic.Properties.KmsMasterKeyId).toMatchObject({ 'Fn::GetAtt': [expect.stringMatching(/^SmsRepliesKey/), 'Arn'] });
    const policy = resources(template, 'AWS::SNS::TopicPolicy').find((p) => JSON.stringify(p.Properties.Topics).includes(topicId))!;
    expect(policy.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([expect.objectContaining({ Action: 'sns:Publish', Effect: 'Allow', Principal: { Service: 'sms-voice.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } })]),
    );
    const handler = Object.entries(template.findResources('AWS::Lambda::Function')).find(([, f]) => (f as Resource).Properties.Description === 'OneVisit SMS replies: ratings by SMS')![0];
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', TopicArn: { Ref: topicId }, Endpoint: { 'Fn::GetAtt': [handler, 'Arn'] }, RedrivePolicy: { deadLetterTargetArn: Match.anyValue() } });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: handler }, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: Match.anyValue() } } });
    expect(template.toJSON().Outputs.SmsRepliesTopic.Value).toEqual({ Ref: topicId });
  });

  it('signs officials in with Cognito: MFA, a strong password, one group per role', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) } });
    expect(resources(template, 'AWS::Cognito::UserPoolGroup').map((g) => g.Properties.GroupName).sort()).toEqual(['jurisdictionAdmin', 'officer', 'platformAdmin', 'windowOfficer']);
  });

  it('runs the sweep on a schedule, with a dead-letter queue', () => {
    const rule = resources(template, 'AWS::Events::Rule').find((r) => r.Properties.Description === 'Runs the OneVisit sweep');
    expect(rule!.Properties.ScheduleExpression).toBe('rate(5 minutes)');
    const sweep = Object.entries(template.findResources('AWS::Lambda::Function')).find(([, f]) => (f as Resource).Properties.Description?.startsWith('OneVisit sweep'))![0];
    expect(rule!.Properties.Targets[0]).toMatchObject({ Arn: { 'Fn::GetAtt': [sweep, 'Arn'] }, DeadLetterConfig: { Arn: expect.anything() }, RetryPolicy: { MaximumRetryAttempts: 2 } });
    template.hasResourceProperties('AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^OneVisit sweep'), ReservedConcurrentExecutions: 1 });
  });

  it('lets the outbox sender alone send SMS and, in production, e-mail from its own domain', () => {
    const statements = (t: Template) => resources(t, 'AWS::IAM::Policy').flatMap((p) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>);
    expect(statements(template).filter((s) => s.Action === 'sns:Publish')).toHaveLength(1);
    expect(statements(template).some((s) => s.Action === 'ses:SendEmail')).toBe(false);
    const ses = statements(prodTemplate).filter((s) => s.Action === 'ses:SendEmail');
    expect(ses).toHaveLength(1);
    expect(JSON.stringify(ses[0]!.Resource)).toContain('identity/zwfw.example.gov.cn');
  });

  it('alarms on API 5xx, throttles, sweep, outbox and SMS reply errors and dead letters; logs expire', () => {
    expect(resources(template, 'AWS::CloudWatch::Alarm').map((a) => a.Properties.AlarmDescription).sort()).toEqual([
      'API answered with 5xx',
      'API function throttled',
      'Outbox stream batches were given up on',
      'SMS replies were given up on',
      'Sweep runs could not be delivered',
      'Table throttled requests',
      'The SMS reply handler failed',
      'The outbox sender failed',
      'The sweep failed',
    ]);
    for (const alarm of resources(template, 'AWS::CloudWatch::Alarm')) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    for (const group of resources(template, 'AWS::Logs::LogGroup')) expect(group.Properties.RetentionInDays).toBe(30);
    for (const group of resources(prodTemplate, 'AWS::Logs::LogGroup')) expect(group.Properties.RetentionInDays).toBe(365);
  });

  it('matches the snapshot, asset hashes aside', () => {
    const json = JSON.stringify(template.toJSON(), null, 1).replace(/[0-9a-f]{64}/g, '<hash>');
    expect(json).toMatchSnapshot();
  });
});
