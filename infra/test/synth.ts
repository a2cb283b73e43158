import { App, Validations } from 'aws-cdk-lib';
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
