import { Aws, CfnCondition, CfnOutput, Fn } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { StageConfig } from './config';

/**
 * WAF in front of everything CloudFront serves: per-address rate rules, counted across every
 * function instance (the app's own limits, functions/src/rate-limits.ts, count per instance).
 * Generous, because a 政务服务中心 puts its applicants, kiosks and officers behind one address;
 * the app's per-item windows and the SMS cap do the fine work. A web ACL for CloudFront can only
 * be made in us-east-1: deployed elsewhere, the stack uses the stage's `webAclArn` (one made
 * there) or goes without (then it has no WebAcl output).
 */

/** Requests per address in any five minutes. */
export const WAF_LIMITS = {
  /** Citizen page posts and secret lookups: POST /apply/…, /track…, /receipt/…. */
  citizenPages: 1500,
  /** The public API's writes and lookups: POST /api/items/…, /api/track/…. */
  citizenApi: 1500,
  /** Everything from one address, officers' work included. */
  everything: 12000,
} as const;
const WINDOW_SECONDS = 300;

type Statement = CfnWebACL.StatementProperty;
const startsWith = (path: string): Statement => ({
  byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'STARTS_WITH', searchString: path, textTransformations: [{ priority: 0, type: 'NONE' }] },
});
const isPost: Statement = { byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: 'POST', textTransformations: [{ priority: 0, type: 'NONE' }] } };
const and = (...statements: Statement[]): Statement => ({ andStatement: { statements } });
const or = (...statements: Statement[]): Statement => ({ orStatement: { statements } });

const words = { zh: '操作过于频繁，请 5 分钟后再试', en: 'Too many requests; try again in 5 minutes.' };

export class Firewall extends Construct {
  /** What the distribution names as its web ACL (a token; empty where none is attached). */
  readonly webAclId: string;

  constructor(scope: Construct, id: string, props: { stage: StageConfig }) {
    super(scope, id);
    if (props.stage.webAclArn) {
      this.webAclId = props.stage.webAclArn;
      new CfnOutput(scope, 'WebAcl', { value: props.stage.webAclArn, description: 'The web ACL in front of CloudFront' });
      return;
    }
    const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: `onevisit-${props.stage.name}-${name}` });
    const rule = (name: string, priority: number, limit: number, body: string, scopeDownStatement?: Statement): CfnWebACL.RuleProperty => ({
      name,
      priority,
      statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP', evaluationWindowSec: WINDOW_SECONDS, ...(scopeDownStatement ? { scopeDownStatement } : {}) } },
      action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: body, responseHeaders: [{ name: 'retry-after', value: String(WINDOW_SECONDS) }] } } },
      visibilityConfig: visibility(name),
    });
    const acl = new CfnWebACL(this, 'Acl', {
      scope: 'CLOUDFRONT',
      description: `OneVisit ${props.stage.name}: rate limits per address`,
      defaultAction: { allow: {} },
      visibilityConfig: visibility('acl'),
      customResponseBodies: {
        page: { contentType: 'TEXT_HTML', content: `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>请稍后再试 / Please try again later</title><p>${words.zh}</p><p lang="en">${words.en}</p></html>` },
        json: { contentType: 'APPLICATION_JSON', content: JSON.stringify({ code: 'TOO_MANY_REQUESTS', message: words.zh, message_en: words.en }) },
      },
      rules: [
        rule('CitizenPages', 0, WAF_LIMITS.citizenPages, 'page', or(and(isPost, startsWith('/apply/')), startsWith('/track'), startsWith('/receipt/'))),
        rule('CitizenApi', 1, WAF_LIMITS.citizenApi, 'json', or(and(isPost, startsWith('/api/items/')), startsWith('/api/track/'))),
        rule('Everything', 2, WAF_LIMITS.everything, 'page'),
      ],
    });
    const inUsEast1 = new CfnCondition(this, 'InUsEast1', { expression: Fn.conditionEquals(Aws.REGION, 'us-east-1') });
    acl.cfnOptions.condition = inUsEast1;
    this.webAclId = Fn.conditionIf(inUsEast1.logicalId, acl.attrArn, Aws.NO_VALUE).toString();
    // Only where the ACL is made: elsewhere the stack has no WebAcl output (README, On AWS).
    new CfnOutput(scope, 'WebAcl', { value: acl.attrArn, description: 'The web ACL in front of CloudFront', condition: inUsEast1 });
  }
}
