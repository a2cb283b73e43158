import { Duration, Fn } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { editorDist, scriptDist } from '@onevisit/functions/admin-ui-build';
import { ORIGIN_HEADER } from '@onevisit/functions/origin-verify';
import type { StageConfig } from './config';

/**
 * The Content-Security-Policy of the files CloudFront serves from the bucket, as the local server
 * sends the editor's (functions/src/security-headers.ts): scripts only from here, which may
 * evaluate (ajv compiles the answer checks with `new Function`) but never run inline; styles also
 * inline (antd writes its CSS-in-JS at run time into a static index.html, which no per-response
 * nonce reaches); never framed. The editor also calls the hosted sign-in (`signIn`) to trade its
 * code for tokens.
 */
export function editorPolicy(signIn: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${signIn}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * One address for everything: CloudFront serves the editor (/admin/) and the citizen page script
 * (/citizen/) from a private bucket through origin access control, with the security headers the
 * app sends on its own responses, and sends the rest — the API, the citizen pages (/apply/,
 * /track, /receipt/), the docs — to the HTTP API, uncached, with the origin header the API
 * requires (functions/src/origin-verify.ts).
 */
export class Web extends Construct {
  readonly distribution: Distribution;
  readonly site: Bucket;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; api: HttpApi; logs: IBucket; originSecret: ISecret; signIn: string }) {
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
    // The headers match what the local server sends (hono's secureHeaders and the editor's policy).
    const siteHeaders = new ResponseHeadersPolicy(this, 'SiteHeaders', {
      comment: `OneVisit ${props.stage.name}: the editor and the citizen page script`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: editorPolicy(props.signIn), override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(180), includeSubdomains: true, override: true },
        xssProtection: { protection: false, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
          { header: 'Cross-Origin-Resource-Policy', value: 'same-origin', override: true },
          { header: 'X-Permitted-Cross-Domain-Policies', value: 'none', override: true },
        ],
      },
    });
    const fromSite = (pages: boolean): BehaviorOptions => ({
      origin: siteOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: siteHeaders,
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
        // The value is resolved from Secrets Manager at deployment (a dynamic reference) and is in
        // the distribution's configuration, where only the account's operators read it.
        origin: new HttpOrigin(apiHost, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY, customHeaders: { [ORIGIN_HEADER]: props.originSecret.secretValue.unsafeUnwrap() } }),
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
