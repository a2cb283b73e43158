import { Fn } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { editorDist, scriptDist } from '@onevisit/functions/admin-ui-build';
import type { StageConfig } from './config';

/**
 * One address for everything: CloudFront serves the editor (/admin/) and the citizen page script
 * (/citizen/) from a private bucket through origin access control, and sends the rest — the API,
 * the citizen pages (/apply/, /track, /receipt/), the docs — to the HTTP API, uncached.
 */
export class Web extends Construct {
  readonly distribution: Distribution;
  readonly site: Bucket;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; api: HttpApi; logs: IBucket }) {
    super(scope, id);
    const site = (this.site = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: props.stage.removalPolicy,
    }));
    const siteOrigin = S3BucketOrigin.withOriginAccessControl(site);
    // Addresses inside the single-page editor are pages of it, served by its index.
    const spa = new CloudFrontFunction(this, 'EditorPages', {
      code: FunctionCode.fromInline(
        "function handler(event) { var r = event.request; var last = r.uri.substring(r.uri.lastIndexOf('/') + 1); if (r.uri === '/admin' || last.indexOf('.') === -1) { r.uri = '/admin/index.html'; } return r; }",
      ),
    });
    const fromSite = (pages: boolean): BehaviorOptions => ({
      origin: siteOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      compress: true,
      ...(pages ? { functionAssociations: [{ function: spa, eventType: FunctionEventType.VIEWER_REQUEST }] } : {}),
    });
    // The API's host name, from its endpoint https://{id}.execute-api.{region}.amazonaws.com.
    const apiHost = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `OneVisit ${props.stage.name}`,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: props.logs,
      logFilePrefix: 'cdn/',
      defaultBehavior: {
        origin: new HttpOrigin(apiHost, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
      additionalBehaviors: { '/admin*': fromSite(true), '/citizen/*': fromSite(false) },
    });

    new BucketDeployment(this, 'Editor', {
      // CloudFront compresses on its own: the local server's precompressed copies stay behind.
      sources: [Source.asset(editorDist, { exclude: ['**/*.br', '**/*.gz'] })],
      destinationBucket: site,
      destinationKeyPrefix: 'admin/',
      distribution: this.distribution,
      distributionPaths: ['/admin*'],
    });
    new BucketDeployment(this, 'CitizenScript', {
      sources: [Source.asset(scriptDist, { exclude: ['*.br', '*.gz'] })],
      destinationBucket: site,
      destinationKeyPrefix: 'citizen/',
      distribution: this.distribution,
      distributionPaths: ['/citizen/*'],
    });
  }
}
