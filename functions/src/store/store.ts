import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { assistanceRecords, type AssistanceRecords } from './assistance-records';
import { bundleRecords, type BundleRecords } from './bundle-records';
import type { StoreCapabilities } from './capabilities';
import { caseRecords, withIndexKeys, type CaseRecords } from './case-records';
import { itemRecords, type ItemRecords } from './item-records';
import { jurisdictionRecords, type JurisdictionRecords } from './jurisdiction-records';
import { messageRecords, type MessageRecords } from './message-records';
import { orderRecords, type OrderRecords } from './order-records';
import { ratingRecords, type RatingRecords } from './rating-records';
import { smsInvitationRecords, type SmsInvitationRecords } from './sms-invitation-records';
import { statsRecords, type StatsRecords } from './stats-records';
import { TableAccess } from './table-access';

export { caseItem, type CaseIndex, type CaseQuery, type IdempotencyClaim } from './case-records';
export { ConflictError } from './table-access';
export type { StoreCapabilities } from './capabilities';

/**
 * Every record OneVisit keeps, in one table: jurisdictions with their departments, users,
 * calendars and settings; items; 一件事 (bundles); cases; messages; supervision counters and 督办; 好差评 ratings and 短信评价 invitations; 帮办代办 requests. Each kind has its module over the table
 * (the methods below come from them); callers see one object.
 */
export interface Store extends JurisdictionRecords, ItemRecords, CaseRecords, MessageRecords, BundleRecords, StatsRecords, RatingRecords, SmsInvitationRecords, AssistanceRecords, OrderRecords {}

export class Store {
  private readonly table: TableAccess;
  readonly transactions: boolean;
  readonly exclusive: boolean;

  /** Without `capabilities`, a store with single-item writes only (what every store has). */
  constructor(client: DynamoDBClient, readonly tableName: string, capabilities: StoreCapabilities = { transactions: false }) {
    this.transactions = capabilities.transactions;
    this.exclusive = capabilities.exclusive ?? false;
    this.table = new TableAccess(client, tableName);
    const jurisdictions = jurisdictionRecords(this.table);
    Object.assign(this, jurisdictions, itemRecords(this.table), caseRecords(this.table, jurisdictions, capabilities), messageRecords(this.table), bundleRecords(this.table), statsRecords(this.table), ratingRecords(this.table), smsInvitationRecords(this.table), orderRecords(this.table), assistanceRecords(this.table));
  }

  /**
   * Creates the table when it does not exist yet (local mode; in AWS the stack owns it), rebuilds
   * one that lacks an index added since it was made, and waits until it is usable.
   */
  ensureTable(log?: (line: string) => void): Promise<void> {
    return this.table.ensure(withIndexKeys, log);
  }
}
