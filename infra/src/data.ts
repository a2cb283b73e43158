import { Duration } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { projectionOf, TABLE_INDEXES } from '@onevisit/functions/table';
import { STAGED } from '@onevisit/functions/s3-files';
import type { StageConfig } from './config';

/** What OneVisit keeps: the one table, the materials bucket, and the bucket access logs go to. */
export class Data extends Construct {
  readonly table: TableV2;
  readonly materials: Bucket;
  readonly logs: Bucket;

  constructor(scope: Construct, id: string, stage: StageConfig) {
    super(scope, id);
    // The same keys and indexes the store creates locally (functions/src/store/table.ts).
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
      globalSecondaryIndexes: Object.values(TABLE_INDEXES).map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.pk, type: AttributeType.STRING },
        sortKey: { name: index.sk, type: AttributeType.STRING },
        projectionType: ProjectionType[projectionOf(index)],
      })),
      // The outbox's sender reads what each write left in a case's outbox from here (outbox.ts).
      dynamoStream: StreamViewType.NEW_IMAGE,
    });

    this.logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront writes its logs with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(stage.logRetentionDays) }],
      removalPolicy: stage.removalPolicy,
    });

    this.materials = new Bucket(this, 'Materials', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'materials/',
      removalPolicy: stage.removalPolicy,
      // Browsers POST uploads straight to the bucket with a presigned policy.
      cors: [{ allowedMethods: [HttpMethods.POST], allowedOrigins: stage.uploadOrigins, allowedHeaders: ['*'], maxAge: 3000 }],
      lifecycleRules: [
        { id: 'abandoned-uploads', tagFilters: { [STAGED.key]: STAGED.value }, expiration: Duration.days(stage.stagedUploadDays) },
        { id: 'incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'old-versions', noncurrentVersionExpiration: Duration.days(30) },
      ],
    });
  }
}
