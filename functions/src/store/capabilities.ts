/** What the store behind the client can do, said where the client is made. */
export interface StoreCapabilities {
  /**
   * TransactWriteItems: AWS DynamoDB and DynamoDB Local have it, the embedded store (dynalite)
   * does not. With it, a submission's idempotency claim and its case are one write.
   */
  transactions: boolean;
  /**
   * Only this Store writes the table (the embedded store, reachable by this process alone): its
   * conditions can be checked in this process, and submissions written in groups
   * (exclusive-batches.ts). Never for a table another process or Store object writes.
   */
  exclusive?: boolean;
}
