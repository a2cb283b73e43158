/**
 * Every key in the table. Each partition key starts with the jurisdiction (tenant) it belongs
 * to, so IAM leading-keys conditions can isolate tenants. The exceptions belong to the platform:
 * the registry of jurisdictions, and the count of SMS per phone number and day (a number's cap
 * holds across every jurisdiction).
 */
const j = (jurisdiction: string) => `J#${jurisdiction}`;

export const SWEEP_SHARDS = 4;
/** The pending-messages index is spread over as many partitions as the sweep's. */
export const OUTBOX_SHARDS = SWEEP_SHARDS;
function shardOf(trackingNumber: string, shards = SWEEP_SHARDS): number {
  let h = 0;
  for (let i = 0; i < trackingNumber.length; i++) h = (h * 31 + trackingNumber.charCodeAt(i)) >>> 0;
  return h % shards;
}

export const keys = {
  jurisdictionRegistry: (id: string) => ({ pk: 'PLATFORM#JURISDICTIONS', sk: id }),
  jurisdictionRegistryPartition: () => 'PLATFORM#JURISDICTIONS',
  department: (jurisdiction: string, id: string) => ({ pk: `${j(jurisdiction)}#DEPARTMENTS`, sk: id }),
  departments: (jurisdiction: string) => `${j(jurisdiction)}#DEPARTMENTS`,
  user: (jurisdiction: string, id: string) => ({ pk: `${j(jurisdiction)}#USERS`, sk: id }),
  users: (jurisdiction: string) => `${j(jurisdiction)}#USERS`,
  itemHead: (jurisdiction: string, itemId: string) => ({ pk: `${j(jurisdiction)}#ITEMS`, sk: itemId }),
  itemHeads: (jurisdiction: string) => `${j(jurisdiction)}#ITEMS`,
  draft: (jurisdiction: string, itemId: string) => ({ pk: `${j(jurisdiction)}#ITEM#${itemId}`, sk: 'DRAFT' }),
  version: (jurisdiction: string, itemId: string, version: number) => ({
    pk: `${j(jurisdiction)}#ITEM#${itemId}`,
    sk: `V#${String(version).padStart(6, '0')}`,
  }),
  versions: (jurisdiction: string, itemId: string) => ({ pk: `${j(jurisdiction)}#ITEM#${itemId}`, skPrefix: 'V#' }),
  calendar: (jurisdiction: string) => ({ pk: `${j(jurisdiction)}#CALENDAR`, sk: 'OVERLAY' }),
  case: (jurisdiction: string, trackingNumber: string) => ({ pk: `${j(jurisdiction)}#CASE#${trackingNumber}`, sk: 'CASE' }),
  departmentQueue: (jurisdiction: string, departmentId: string) => `${j(jurisdiction)}#DEPT#${departmentId}`,
  departmentQueueSort: (due: string, trackingNumber: string) => `${due}#${trackingNumber}`,
  /** The service window's queue (统一出件, 补正 sent back to the window), in the departments' index: no department id looks like it. */
  windowQueue: (jurisdiction: string) => `${j(jurisdiction)}#WINDOW`,
  jurisdictionCases: (jurisdiction: string) => `${j(jurisdiction)}#CASES`,
  jurisdictionCaseSort: (receivedOn: string, trackingNumber: string) => `${receivedOn}#${trackingNumber}`,
  /** The sweep's partitions: a case's shard is fixed by its tracking number. */
  sweepShard: (trackingNumber: string) => `SWEEP#${shardOf(trackingNumber)}`,
  sweepShards: () => Array.from({ length: SWEEP_SHARDS }, (_, i) => `SWEEP#${i}`),
  sweepSort: (day: string, trackingNumber: string) => `${day}#${trackingNumber}`,
  /** Everything up to and including `day`. */
  sweepUpTo: (day: string) => `${day}#\uffff`,
  /** Cases with messages not yet delivered (their `outbox`), oldest message first. */
  pendingShard: (trackingNumber: string) => `OUTBOX#${shardOf(trackingNumber, OUTBOX_SHARDS)}`,
  pendingShards: () => Array.from({ length: OUTBOX_SHARDS }, (_, i) => `OUTBOX#${i}`),
  pendingSort: (at: string, trackingNumber: string) => `${at}#${trackingNumber}`,
  caseSettings: (jurisdiction: string) => ({ pk: `${j(jurisdiction)}#SETTINGS`, sk: 'CASES' }),
  outbox: (jurisdiction: string, day: string, sortKey: string) => ({ pk: `${j(jurisdiction)}#OUTBOX#${day}`, sk: sortKey }),
  outboxDay: (jurisdiction: string, day: string) => `${j(jurisdiction)}#OUTBOX#${day}`,
  inbox: (jurisdiction: string, recipient: string, sortKey: string) => ({ pk: `${j(jurisdiction)}#INBOX#${recipient}`, sk: sortKey }),
  inboxOf: (jurisdiction: string, recipient: string) => `${j(jurisdiction)}#INBOX#${recipient}`,
  idempotency: (jurisdiction: string, key: string) => ({ pk: `${j(jurisdiction)}#IDEMPOTENCY#${key}`, sk: 'KEY' }),
  dailySerial: (jurisdiction: string, yyyymmdd: string) => ({ pk: `${j(jurisdiction)}#SERIAL#${yyyymmdd}`, sk: 'SERIAL' }),
  smsCount: (phone: string, day: string) => ({ pk: `PLATFORM#SMS#${phone}`, sk: day }),
  /** Supervision counters: a partition per jurisdiction and month, a record per day, department and item. */
  counters: (jurisdiction: string, day: string, sortKey: string) => ({ pk: `${j(jurisdiction)}#STATS#${day.slice(0, 7)}`, sk: sortKey }),
  countersMonth: (jurisdiction: string, month: string) => `${j(jurisdiction)}#STATS#${month}`,
};

/** 帮办代办 requests: one partition per jurisdiction. */
export const assistanceKeys = {
  request: (jurisdiction: string, id: string) => ({ pk: `${j(jurisdiction)}#ASSISTANCE`, sk: id }),
  requests: (jurisdiction: string) => `${j(jurisdiction)}#ASSISTANCE`,
};

/** 一件事 (bundles): heads in one partition per jurisdiction, a bundle's draft and versions in its own; a parent case beside its number's case key. */
export const bundleKeys = {
  head: (jurisdiction: string, bundleId: string) => ({ pk: `${j(jurisdiction)}#BUNDLES`, sk: bundleId }),
  heads: (jurisdiction: string) => `${j(jurisdiction)}#BUNDLES`,
  draft: (jurisdiction: string, bundleId: string) => ({ pk: `${j(jurisdiction)}#BUNDLE#${bundleId}`, sk: 'DRAFT' }),
  version: (jurisdiction: string, bundleId: string, version: number) => ({ pk: `${j(jurisdiction)}#BUNDLE#${bundleId}`, sk: `V#${String(version).padStart(6, '0')}` }),
  parentCase: (jurisdiction: string, trackingNumber: string) => ({ pk: keys.case(jurisdiction, trackingNumber).pk, sk: 'BUNDLE' }),
};
