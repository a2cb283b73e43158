import { Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TABLE_INDEXES } from '@onevisit/functions/table';
import type { StageConfig } from './config';
import { AppFunction } from './functions';
import { grantIndexQuery, grantItems } from './permissions';

/** How often the sender reads the pending-messages index for what the stream gave up on. */
const REPLAY_EVERY = Duration.minutes(5);

/**
 * The outbox's delivery (functions/src/aws/outbox-sender.ts): a write that puts messages in a
 * case's outbox reaches the sender through the table's stream; the sender sends them (SNS, SES),
 * records each in the day's outbox and takes it out of the case. A batch that fails is retried
 * (split in two on error, a bounded number of times, for a bounded age), then its place in the
 * stream goes to a dead-letter queue an alarm watches; the schedule then delivers its messages
 * from the pending-messages index. The sender's claims make every retry send nothing twice.
 */
export class Outbox extends Construct {
  readonly sender: AppFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; table: TableV2; removalPolicy: RemovalPolicy }) {
    super(scope, id);
    const { stage, table } = props;
    this.sender = new AppFunction(this, 'Sender', {
      entry: 'functions/src/aws/outbox-sender.ts',
      description: 'OneVisit outbox: delivers the messages cases are written with',
      stage,
      environment: { TABLE_NAME: table.tableName, ...(stage.notifyFromEmail ? { NOTIFY_FROM_EMAIL: stage.notifyFromEmail } : {}) },
      memorySize: 512,
      // Well within a claim's lease (CLAIM_LEASE_MS, 60 s), so no other sender takes over a live one.
      timeout: Duration.seconds(30),
      removalPolicy: props.removalPolicy,
    });
    const fn = this.sender.fn;

    this.deadLetters = new Queue(this, 'DeadLetters', { enforceSSL: true, encryption: QueueEncryption.SQS_MANAGED, retentionPeriod: Duration.days(14) });
    fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        // Only writes that left messages in a case's outbox: the case is then in the pending index.
        filters: [FilterCriteria.filter({ dynamodb: { NewImage: { [TABLE_INDEXES.byPendingMessages.pk]: { S: FilterRule.exists() } } } })],
      }),
    );
    new Rule(this, 'Replay', {
      description: 'Delivers outbox messages the stream gave up on',
      schedule: Schedule.rate(REPLAY_EVERY),
      targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
    });

    // Claims and outcomes in the outboxes and inboxes, cases' outboxes emptied (J#…); the SMS count per number (PLATFORM#SMS#…) and the rating invitations an SMS sent makes (PLATFORM#SMSRATE#…).
    grantItems(fn, table, ['GetItem', 'PutItem', 'UpdateItem'], ['J#*']);
    grantItems(fn, table, ['UpdateItem'], ['PLATFORM#SMS#*', 'PLATFORM#SMSRATE#*']);
    grantIndexQuery(fn, table, [TABLE_INDEXES.byPendingMessages.name]);
    // SMS goes to phone numbers, which have no ARN to name.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    if (stage.notifyFromEmail) {
      const domain = stage.notifyFromEmail.split('@')[1]!;
      fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: domain })] }));
    }
  }
}
