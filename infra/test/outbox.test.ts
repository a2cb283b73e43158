import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthStack } from './synth';

/** The outbox on AWS: the table's stream, the sender it feeds, its retries and its dead-letter queue. */

const template = Template.fromStack(synthStack('dev').stack);
type Resource = { Type: string; Properties: Record<string, any> };
const resources = (type: string) => Object.entries(template.findResources(type)) as Array<[string, Resource]>;
const [senderId] = resources('AWS::Lambda::Function').find(([, f]) => f.Properties.Description?.startsWith('OneVisit outbox'))!;
const statementsOf = (roleRef: string) =>
  resources('AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(roleRef))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Array<Record<string, any>>);

describe('the outbox', () => {
  it('streams each write’s new image from the table', () => {
    const [table] = resources('AWS::DynamoDB::GlobalTable').map(([, t]) => t);
    expect(table!.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
  });

  it('feeds the sender only writes that left messages in a case, retrying a failed batch split in two, a bounded number of times, then to a dead-letter queue', () => {
    const mappings = resources('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const mapping = mappings[0]![1];
    expect(mapping!.Properties).toMatchObject({
      FunctionName: { Ref: senderId },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 6 * 3600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ dynamodb: { NewImage: { gsi4pk: { S: [{ exists: true }] } } } }) }] },
    });
    const queue = mapping!.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
    expect(template.toJSON().Resources[queue]).toMatchObject({ Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 14 * 24 * 3600 } });
    expect(resources('AWS::CloudWatch::Alarm').some(([, a]) => JSON.stringify(a.Properties.Dimensions ?? []).includes(queue))).toBe(true);
  });

  it('runs the sender on a schedule too, for what the stream gave up on, well within a claim’s lease', () => {
    const replay = resources('AWS::Events::Rule').find(([, r]) => r.Properties.Description === 'Delivers outbox messages the stream gave up on');
    expect(replay![1].Properties).toMatchObject({ ScheduleExpression: 'rate(5 minutes)', Targets: [{ Arn: { 'Fn::GetAtt': [senderId, 'Arn'] } }] });
    expect(template.toJSON().Resources[senderId].Properties.Timeout).toBe(30);
  });

  it('lets the sender read the stream, claim and record messages in tenants’ partitions, count SMS and record the rating invitations they make, query the pending index and publish SMS; nothing more', () => {
    const role = template.toJSON().Resources[senderId].Properties.Role['Fn::GetAtt'][0];
    const statements = statementsOf(role);
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'sns:Publish', 'sqs:SendMessage']),
    );
    expect(actions).not.toContain('dynamodb:DeleteItem');
    expect(JSON.stringify(statements)).toContain('/index/gsi4');
    const leading = statements.filter((s) => s.Condition).map((s) => s.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']);
    expect(leading).toEqual([['J#*'], ['PLATFORM#SMS#*', 'PLATFORM#SMSRATE#*']]);
  });
});
