import { join } from 'node:path';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { StageConfig } from './config';

export const repositoryRoot = join(import.meta.dirname, '../..');

/**
 * How every function is built: the repository's TypeScript bundled by the local esbuild (no
 * Docker) into one minified ES module with source maps, the AWS SDK included so the version is
 * the one tested; Node 22 on arm64. Each function has its own role and log group, so it holds
 * only what it is granted, and its logs expire.
 */
export function bundling(options: { docs: boolean }): NonNullable<NodejsFunctionProps['bundling']> {
  return {
    format: OutputFormat.ESM,
    target: 'node22',
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    externalModules: [],
    // React's production build for the pages (issue 15): its development checks are dead code here.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    forceDockerBundling: false,
    // CommonJS dependencies inside an ES module bundle need `require`.
    banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      // /docs serves Swagger UI's two files from the package, so they travel with the bundle.
      afterBundling: (inputDir: string, outputDir: string) => {
        if (!options.docs) return [];
        const from = join(inputDir, 'node_modules/swagger-ui-dist');
        const to = join(outputDir, 'node_modules/swagger-ui-dist');
        return [`mkdir -p "${to}"`, ...['package.json', 'swagger-ui.css', 'swagger-ui-bundle.js'].map((f) => `cp "${from}/${f}" "${to}/${f}"`)];
      },
    },
  };
}

export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
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
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(repositoryRoot, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(29),
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      role: this.role,
      logGroup,
      projectRoot: repositoryRoot,
      depsLockFilePath: join(repositoryRoot, 'package-lock.json'),
      environment: { NODE_ENV: 'production', NODE_OPTIONS: '--enable-source-maps', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...props.environment },
      bundling: bundling({ docs: props.servesDocs ?? false }),
    });
  }
}
