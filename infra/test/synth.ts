import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stages, type StageConfig } from '../src/config';
import { OneVisitStack } from '../src/stack';

/**
 * The stack synthesized as `npm run synth` does, cdk-nag included (synthesis throws on any
 * unacknowledged finding). Unit tests skip bundling; the bundled-functions test does not.
 */
export function synthStack(stage: StageConfig['name'], options: { bundle?: boolean; outdir?: string } = {}) {
  const app = new App({ ...(options.bundle ? {} : { context: { 'aws:cdk:bundling-stacks': [] } }), ...(options.outdir ? { outdir: options.outdir } : {}) });
  const stack = new OneVisitStack(app, `OneVisit-${stage}`, { stage: stages[stage] });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const assembly = app.synth();
  return { app, stack, assembly };
}

/** The bundled entry (index.mjs) of the function with this description, in a synthesized assembly. */
export function bundleOf(assembly: CloudAssembly, stackName: string, description: string): string {
  const resources = assembly.getStackByName(stackName).template.Resources as Record<string, { Type: string; Properties: { Description?: string; Code?: { S3Key?: string } } }>;
  const fn = Object.values(resources).find((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Description === description);
  if (!fn?.Properties.Code?.S3Key) throw new Error(`no bundled function described as ${description}`);
  return join(assembly.directory, `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`, 'index.mjs');
}
