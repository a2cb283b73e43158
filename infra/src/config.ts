import { RemovalPolicy } from 'aws-cdk-lib';

/**
 * Everything that differs between stages, in one typed place. `npm run synth -- --context
 * stage=prod` (or `deploy`) picks a stage; dev is the default.
 */
export interface StageConfig {
  name: 'dev' | 'prod';
  /** What happens to the table, buckets and user pool when the stack goes. */
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
  /** HTTP API throttling, for the whole API. */
  throttle: { rateLimit: number; burstLimit: number };
  sweepEveryMinutes: number;
  logRetentionDays: 7 | 30 | 90 | 180 | 365 | 731 | 1827 | 3653;
  /** Origins allowed to POST uploads straight to the materials bucket (the site's own address). */
  uploadOrigins: string[];
  /** Where the hosted sign-in returns officials to. */
  signInCallbackUrls: string[];
  /** Prefix of the Cognito hosted sign-in domain. */
  authDomainPrefix: string;
  /** A verified SES identity to send e-mail from; without it e-mails are recorded as failed. */
  notifyFromEmail?: string;
  /** Who is told when an alarm goes off. */
  alarmEmail?: string;
  /** Days an upload no case took is kept before the bucket deletes it. */
  stagedUploadDays: number;
  /** A CloudFront web ACL made in us-east-1, for a stack deployed in another region (infra/src/firewall.ts). */
  webAclArn?: string;
}

export const stages: Record<StageConfig['name'], StageConfig> = {
  dev: {
    name: 'dev',
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    throttle: { rateLimit: 50, burstLimit: 100 },
    sweepEveryMinutes: 5,
    logRetentionDays: 30,
    uploadOrigins: ['*'],
    signInCallbackUrls: ['http://localhost:3000/admin/'],
    authDomainPrefix: 'onevisit-dev',
    stagedUploadDays: 3,
  },
  prod: {
    name: 'prod',
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    throttle: { rateLimit: 500, burstLimit: 1000 },
    sweepEveryMinutes: 5,
    logRetentionDays: 365,
    uploadOrigins: ['https://zwfw.example.gov.cn'],
    signInCallbackUrls: ['https://zwfw.example.gov.cn/admin/'],
    authDomainPrefix: 'onevisit-prod',
    notifyFromEmail: 'noreply@zwfw.example.gov.cn',
    alarmEmail: 'ops@zwfw.example.gov.cn',
    stagedUploadDays: 7,
  },
};

export function stageNamed(name: unknown): StageConfig {
  const stage = stages[(name ?? 'dev') as StageConfig['name']];
  if (!stage) throw new Error(`unknown stage ${String(name)}; use one of ${Object.keys(stages).join(', ')}`);
  return stage;
}
