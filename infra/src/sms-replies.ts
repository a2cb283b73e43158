import { Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from './config';
import { AppFunction } from './functions';
import { grantItems } from './permissions';

/** The service that receives SMS on the deployment's two-way number and publishes each to the topic. */
const SMS_SERVICE = 'sms-voice.amazonaws.com';

/**
 * 短信评价 replies (functions/src/aws/sms-replies.ts): the deployment's two-way SMS number (AWS
 * End User Messaging SMS; its two-way destination is set to `topic`, an output of the stack)
 * publishes each reply to the topic, which invokes the handler. A reply the handler fails on is
 * retried by Lambda, then goes to a dead-letter queue an alarm watches; the handling is
 * idempotent by the reply's id. The topic is encrypted with a key of its own, which the SMS
 * service may use: the AWS-managed SNS key admits no other service.
 */
export class SmsReplies extends Construct {
  readonly topic: Topic;
  readonly handler: AppFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; table: TableV2; environment: Record<string, string>; appSecret: ISecret; removalPolicy: RemovalPolicy }) {
    super(scope, id);
    const account = Stack.of(this).account;
    const key = new Key(this, 'Key', { description: 'OneVisit: encrypts the SMS replies topic', enableKeyRotation: true, removalPolicy: props.removalPolicy });
    key.grant(new ServicePrincipal(SMS_SERVICE, { conditions: { StringEquals: { 'aws:SourceAccount': account } } }), 'kms:GenerateDataKey*', 'kms:Decrypt');
    this.topic = new Topic(this, 'Inbound', { displayName: 'OneVisit SMS replies', enforceSSL: true, masterKey: key });
    this.topic.addToResourcePolicy(
      new PolicyStatement({ actions: ['sns:Publish'], principals: [new ServicePrincipal(SMS_SERVICE)], resources: [this.topic.topicArn], conditions: { StringEquals: { 'aws:SourceAccount': account } } }),
    );

    this.deadLetters = new Queue(this, 'DeadLetters', { enforceSSL: true, encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: Duration.days(14) });
    this.handler = new AppFunction(this, 'Handler', {
      entry: 'functions/src/aws/sms-replies.ts',
      description: 'OneVisit SMS replies: ratings by SMS',
      stage: props.stage,
      environment: props.environment,
      memorySize: 512,
      timeout: Duration.seconds(30),
      removalPolicy: props.removalPolicy,
    });
    const fn = this.handler.fn;
    fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new SqsDestination(this.deadLetters) });
    this.topic.addSubscription(new LambdaSubscription(fn, { deadLetterQueue: this.deadLetters }));

    // The case, its rating, the 差评's counters and messages (J#…); the number's invitations; the
    // jurisdictions' registry, for settings a county inherits.
    grantItems(fn, props.table, ['GetItem', 'PutItem', 'UpdateItem', 'Query'], ['J#*', 'PLATFORM#SMSRATE#*', 'PLATFORM#JURISDICTIONS']);
    props.appSecret.grantRead(fn);
  }
}
