import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';

/**
 * Table access spelled out: named actions, never `dynamodb:*`; the table and the named indexes,
 * never `index/*`; and only partitions whose key starts with the given prefixes (every tenant's
 * partition starts with its jurisdiction, `J#…`; the registry of jurisdictions is `PLATFORM#…`).
 */
export function grantItems(grantee: IGrantable, table: TableV2, actions: string[], leadingKeys: string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: actions.map((a) => `dynamodb:${a}`),
      resources: [table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys } },
    }),
  );
}

export function grantIndexQuery(grantee: IGrantable, table: TableV2, indexNames: string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: indexNames.map((name) => `${table.tableArn}/index/${name}`) }));
}
