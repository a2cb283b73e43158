import { Token, Validations, type Stack } from 'aws-cdk-lib';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

/**
 * The AwsSolutions findings this stack accepts, each with its reason. cdk-nag runs as a validation
 * plugin at synthesis (infra/src/app.ts, infra/test/stack.test.ts): any other finding stops it.
 */
const stackWide: Array<[string, string]> = [
  ['AwsSolutions::AwsSolutions-COG8', 'The Plus feature plan is a paid add-on each deployment decides on; MFA is required for every official.'],
  ['AwsSolutions::AwsSolutions-APIG4', 'The API authorises every request itself (Cognito tokens verified with aws-jwt-verify); citizen routes and pages are public by design.'],
  ['AwsSolutions::AwsSolutions-CFR1', 'Government services are for everyone; no geographic restriction.'],
  ['AwsSolutions::AwsSolutions-CFR4', 'The default CloudFront certificate is used until a deployment adds its own domain and certificate (then TLS 1.2+ applies).'],
];

export function acknowledge(construct: IConstruct, id: string, reason: string): void {
  Validations.of(construct).acknowledge({ id, reason });
}

export function acknowledgeStackFindings(stack: Stack): void {
  for (const [id, reason] of stackWide) acknowledge(stack, id, reason);
}

/** Node 22 is the runtime the bundle is built and tested for. */
export const RUNTIME_REASON = 'Node.js 22 is the runtime the bundle targets and the tests run; moving to the next LTS is a deliberate, tested change.';

/**
 * CDK's own BucketDeployment handler (it copies the editor's files at deploy time): its managed
 * policy, its wildcards over the asset bucket and the site bucket, and its runtime are CDK's.
 */
export function acknowledgeBucketDeploymentHandler(stack: Stack, site: Bucket): void {
  const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) return;
  const reason = 'CDK-managed BucketDeployment handler, used only while deploying the editor files to their own bucket.';
  const siteArn = `<${stack.getLogicalId(site.node.defaultChild as CfnBucket)}.Arn>/*`;
  // The bootstrap asset bucket, as the finding names it: placeholders where the stack is environment-agnostic.
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const assets = `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*`;
  const wildcards = ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*', 'Resource::*', `Resource::${siteArn}`, `Resource::${assets}`];
  acknowledge(handler, 'AwsSolutions::AwsSolutions-L1', reason);
  acknowledge(handler, 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason);
  for (const finding of wildcards) acknowledge(handler, `AwsSolutions::AwsSolutions-IAM5[${finding}]`, reason);
}
