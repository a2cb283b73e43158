import { AssetHashType, Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundle, repositoryRoot } from './bundling';
import type { StageConfig } from './config';

/** What every function's environment holds besides the stack's settings (production React, readable stack traces). */
export const FUNCTION_ENVIRONMENT = { NODE_ENV: 'production', NODE_OPTIONS: '--enable-source-maps', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } as const;

/**
 * A function of the app: its entry bundled as bundling.ts says (the bundle is the asset, hashed by
 * its output), on Node 22 and arm64, with its own role and log group, so it holds only what it
 * is granted, and its logs expire.
 */
export class AppFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;

  constructor(
    scope: Construct,
    id: string,
    props: { entry: string; description: string; servesDocs?: boolean; stage: StageConfig; environment: Record<string, string>; memorySize?: number; timeout?: Duration; reservedConcurrency?: number; removalPolicy: RemovalPolicy },
  ) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.stage.logRetentionDays, removalPolicy: props.removalPolicy });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `${props.description} (${props.stage.name})` });
    logGroup.grantWrite(this.role);
    const docs = props.servesDocs ?? false;
    const code = Code.fromAsset(repositoryRoot, {
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Bundled on this machine; the image is only named because CDK requires a fallback.
        image: Runtime.NODEJS_22_X.bundlingImage,
        // What is built, stated where CDK looks: it caches bundles within a synthesis by these
        // options, and cannot see inside tryBundle (without it, every function got the first's).
        environment: { ENTRY: props.entry, API_REFERENCE: String(docs) },
        local: {
          tryBundle: (outputDir) => {
            bundle(props.entry, outputDir, { docs });
            return true;
          },
        },
      },
    });
    this.fn = new LambdaFunction(this, 'Function', {
      code,
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(29),
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      role: this.role,
      logGroup,
      environment: { ...FUNCTION_ENVIRONMENT, ...props.environment },
    });
  }
}
