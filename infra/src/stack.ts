import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, CfnUserPoolGroup, Mfa, OAuthScope, StringAttribute, UserPool } from 'aws-cdk-lib/aws-cognito';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { TABLE_INDEXES } from '@onevisit/functions/table';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';
import { Data } from './data';
import { Firewall } from './firewall';
import { AppFunction } from './functions';
import { Monitoring } from './monitoring';
import { Outbox } from './outbox';
import { SmsReplies } from './sms-replies';
import { acknowledge, acknowledgeBucketDeploymentHandler, acknowledgeStackFindings, RUNTIME_REASON } from './nag';
import { grantIndexQuery, grantItems } from './permissions';
import { Web } from './web';

/** OneVisit on AWS: what `npm start` runs on one machine, on serverless services (README: "On AWS"). */
export class OneVisitStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { stage: StageConfig }) {
    super(scope, id, props);
    const { stage } = props;
    const data = new Data(this, 'Data', stage);
    const monitoring = new Monitoring(this, 'Monitoring', stage);

    // Officials sign in here; their groups are their roles, custom attributes their scope.
    const officials = new UserPool(this, 'Officials', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      customAttributes: { jurisdiction: new StringAttribute({ minLen: 6, maxLen: 6, mutable: true }), department: new StringAttribute({ minLen: 18, maxLen: 18, mutable: true }) },
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
    });
    const groups = { platformAdmin: '平台管理员 / platform administrators', jurisdictionAdmin: '区划管理员 / jurisdiction administrators', windowOfficer: '综合窗口工作人员 / window officers', officer: '部门工作人员 / department officers' };
    for (const [groupName, description] of Object.entries(groups)) new CfnUserPoolGroup(this, `Group-${groupName}`, { userPoolId: officials.userPoolId, groupName, description });
    const signIn = officials.addDomain('SignIn', { cognitoDomain: { domainPrefix: stage.authDomainPrefix } });
    const editor = officials.addClient('Editor', {
      authFlows: { userSrp: true },
      oAuth: { flows: { authorizationCodeGrant: true }, scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE], callbackUrls: stage.signInCallbackUrls },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(8),
    });

    // Signs tracking secrets and upload tickets; rotating it would orphan those already issued.
    const appSecret = new Secret(this, 'AppSecret', { generateSecretString: { passwordLength: 64, excludePunctuation: true }, removalPolicy: stage.removalPolicy });

    const environment = {
      TABLE_NAME: data.table.tableName,
      FILES_BUCKET: data.materials.bucketName,
      COGNITO_USER_POOL_ID: officials.userPoolId,
      COGNITO_CLIENT_ID: editor.userPoolClientId,
      COGNITO_DOMAIN: signIn.baseUrl(),
      APP_SECRET_ARN: appSecret.secretArn,
      ...(stage.notifyFromEmail ? { NOTIFY_FROM_EMAIL: stage.notifyFromEmail } : {}),
    };
    // The API answers only what CloudFront forwards (and the WAF saw): CloudFront adds a header
    // with this generated value, which the function compares (functions/src/origin-verify.ts).
    // An HTTP API takes no WAF or resource policy, and turning its execute-api address off would
    // leave CloudFront nothing to call without a custom domain; a function URL behind origin
    // access control would drop the stage throttling. So the address stays, and answers 403.
    const originSecret = new Secret(this, 'OriginSecret', {
      description: `OneVisit ${stage.name}: the header CloudFront adds to what it forwards to the API`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: stage.removalPolicy,
    });
    const api = new AppFunction(this, 'Api', {
      entry: 'functions/src/lambda.ts',
      description: 'OneVisit API and citizen pages',
      servesDocs: true,
      stage,
      environment: { ...environment, ORIGIN_SECRET_ARN: originSecret.secretArn },
      removalPolicy: stage.removalPolicy,
    });
    const sweep = new AppFunction(this, 'Sweep', {
      entry: 'functions/src/sweep-lambda.ts',
      description: 'OneVisit sweep: deadlines, warnings, deemed approvals',
      stage,
      environment,
      timeout: Duration.minutes(5),
      // One sweep at a time: a slow run is never overtaken by the next.
      reservedConcurrency: 1,
      removalPolicy: stage.removalPolicy,
    });

    // Least privilege on the table: the API reads and writes tenant partitions (and removes
    // officers) and queries the department queues and the case search; the sweep reads rules,
    // writes cases and messages, and queries its index.
    grantItems(api.fn, data.table, ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'], ['J#*', 'PLATFORM#*']);
    grantIndexQuery(api.fn, data.table, [TABLE_INDEXES.byDepartment.name, TABLE_INDEXES.byJurisdiction.name]);
    grantItems(sweep.fn, data.table, ['GetItem', 'Query'], ['J#*', 'PLATFORM#*']);
    grantItems(sweep.fn, data.table, ['PutItem'], ['J#*']);
    grantIndexQuery(sweep.fn, data.table, [TABLE_INDEXES.byNextCheck.name]);
    for (const fn of [api.fn, sweep.fn]) appSecret.grantRead(fn);
    originSecret.grantRead(api.fn);
    api.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging'],
        resources: [data.materials.arnForObjects('uploads/*'), data.materials.arnForObjects('public/*')],
      }),
    );
    // Messages leave through the outbox's sender alone: the API and the sweep write them into cases.
    const outbox = new Outbox(this, 'Outbox', { stage, table: data.table, removalPolicy: stage.removalPolicy });
    // Replies to the SMS that invite a rating, from the two-way number's topic.
    const smsReplies = new SmsReplies(this, 'SmsReplies', { stage, table: data.table, environment, appSecret, removalPolicy: stage.removalPolicy });

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: stage.logRetentionDays, removalPolicy: stage.removalPolicy });
    const httpApi = new HttpApi(this, 'HttpApi', { description: `OneVisit ${stage.name}`, createDefaultStage: false, defaultIntegration: new HttpLambdaIntegration('App', api.fn) });
    new HttpStage(this, 'HttpStage', {
      httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: stage.throttle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.jsonWithStandardFields() },
    });

    // The sweep every few minutes; failed deliveries land in a queue an alarm watches.
    const deadLetters = new Queue(this, 'SweepDeadLetters', { enforceSSL: true, encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: Duration.days(14) });
    new Rule(this, 'SweepSchedule', {
      description: 'Runs the OneVisit sweep',
      schedule: Schedule.rate(Duration.minutes(stage.sweepEveryMinutes)),
      targets: [new LambdaFunction(sweep.fn, { deadLetterQueue: deadLetters, retryAttempts: 2, maxEventAge: Duration.minutes(stage.sweepEveryMinutes) })],
    });

    const web = new Web(this, 'Web', { stage, api: httpApi, logs: data.logs, originSecret, signIn: signIn.baseUrl() });
    web.distribution.attachWebAclId(new Firewall(this, 'Firewall', { stage }).webAclId);

    monitoring.alarm('Api5xx', 'API answered with 5xx', httpApi.metricServerError());
    monitoring.alarm('ApiThrottles', 'API function throttled', api.fn.metricThrottles());
    monitoring.alarm('TableThrottles', 'Table throttled requests', data.table.metric('ThrottledRequests', { statistic: 'Sum' }));
    monitoring.alarm('SweepErrors', 'The sweep failed', sweep.fn.metricErrors());
    monitoring.alarm('SweepDeadLetters', 'Sweep runs could not be delivered', deadLetters.metricApproximateNumberOfMessagesVisible());
    monitoring.alarm('OutboxErrors', 'The outbox sender failed', outbox.sender.fn.metricErrors());
    monitoring.alarm('OutboxDeadLetters', 'Outbox stream batches were given up on', outbox.deadLetters.metricApproximateNumberOfMessagesVisible());
    monitoring.alarm('SmsReplyErrors', 'The SMS reply handler failed', smsReplies.handler.fn.metricErrors());
    monitoring.alarm('SmsReplyDeadLetters', 'SMS replies were given up on', smsReplies.deadLetters.metricApproximateNumberOfMessagesVisible());

    new CfnOutput(this, 'Url', { value: `https://${web.distribution.distributionDomainName}`, description: 'OneVisit: /admin/ for officials, /apply/… for citizens' });
    new CfnOutput(this, 'UserPoolId', { value: officials.userPoolId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'SmsRepliesTopic', { value: smsReplies.topic.topicArn, description: 'Set as the two-way SMS destination of the number that sends the notices (短信评价)' });

    acknowledgeStackFindings(this);
    acknowledgeBucketDeploymentHandler(this, web.site);
    for (const queue of [deadLetters, outbox.deadLetters, smsReplies.deadLetters]) acknowledge(queue, 'AwsSolutions::AwsSolutions-SQS3', 'This queue is itself the dead-letter queue, watched by an alarm.');
    acknowledge(appSecret, 'AwsSolutions::AwsSolutions-SMG4', 'The app secret signs tracking secrets and upload tickets already issued; rotating it would invalidate them.');
    acknowledge(originSecret, 'AwsSolutions::AwsSolutions-SMG4', 'CloudFront reads the origin header at deployment and the function at start: a rotation is a redeployment, not a rotation schedule.');
    const materialsArn = `<${this.getLogicalId(data.materials.node.defaultChild as CfnBucket)}.Arn>`;
    for (const fn of [api, sweep, outbox.sender, smsReplies.handler]) acknowledge(fn.fn, 'AwsSolutions::AwsSolutions-L1', RUNTIME_REASON);
    acknowledge(outbox.sender.role, 'AwsSolutions::AwsSolutions-IAM5[Resource::*]', 'sns:Publish sends SMS to phone numbers, which have no ARN to name.');
    for (const prefix of ['uploads', 'public']) {
      acknowledge(api.role, `AwsSolutions::AwsSolutions-IAM5[Resource::${materialsArn}/${prefix}/*]`, `Materials are objects under ${prefix}/, each named per upload; the API reads and writes only there.`);
    }
  }
}
