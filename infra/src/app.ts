import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ensureAdminUiBuilt } from '@onevisit/functions/admin-ui-build';
import { stageNamed } from './config';
import { OneVisitStack } from './stack';

/**
 * The CDK app: `npm run synth` (offline, no credentials needed) and `npm run deploy`. The editor
 * is built first when missing or stale, because its files are part of the deployment.
 */
ensureAdminUiBuilt();
const app = new App();
const stage = stageNamed(app.node.tryGetContext('stage'));
const stack = new OneVisitStack(app, `OneVisit-${stage.name}`, {
  stage,
  description: `OneVisit (最多跑一次), ${stage.name}`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Tags.of(stack).add('app', 'onevisit');
Tags.of(stack).add('stage', stage.name);
// cdk-nag's AwsSolutions rules run at synthesis: an unacknowledged finding stops it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
