import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { COUNTER_SHARDS, counterUpdate, mergedRows } from './counter-updates';
import { backOff, conditionInput, record, TransactionConflict, type TableAccess } from './table-access';
import { writeGroups, type Waiting, type WriteGroups } from './write-groups';

/**
 * Groups of units (write-groups.ts) as TransactWriteItems, where the store has them: one
 * transaction per group, the units' counter rows summed into one addition per row. Each unit stays
 * all or none: one whose condition fails is refused alone (TransactionConflict) and the rest of
 * its transaction is sent again. One request at a time (a Lambda) is one unit per transaction;
 * many at once (a local server) share the store's per-transaction cost.
 */

/** Units in one transaction at most: each holds an item of up to 400 KB, and a transaction up to 4 MB and 100 writes. */
const MAX_UNITS = 8;
const MAX_IN_FLIGHT = 4;
/** How many times a transaction cancelled by another one in flight on the same records is tried. */
const TRANSACTION_ATTEMPTS = 6;

type Reasons = { Code?: string; Item?: Parameters<typeof unmarshall>[0] }[];

export function transactionBatches(table: TableAccess): WriteGroups {
  /** Sends units until each is settled: written, refused by its condition, or failed. */
  async function send(batch: Waiting[]): Promise<void> {
    for (let attempt = 1; batch.length > 0; attempt++) {
      const puts = batch.flatMap((w) => w.unit.puts);
      const adds = mergedRows(batch.flatMap((w) => w.unit.counts ?? []));
      // Another place of the rows at each attempt: transactions in other processes are adding to them too.
      const shard = Math.floor(Math.random() * COUNTER_SHARDS);
      try {
        await table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              ...puts.map(({ key, item, condition }) => ({ Put: { TableName: table.tableName, Item: { ...item, ...key }, ...conditionInput(condition) } })),
              ...adds.map((row) => ({ Update: counterUpdate(table.tableName, row, shard) })),
            ],
          }),
        );
        for (const w of batch) w.resolve();
        return;
      } catch (error) {
        const reasons = (error as { name?: string; CancellationReasons?: Reasons }).CancellationReasons;
        if ((error as { name?: string }).name !== 'TransactionCanceledException' || !reasons) {
          // Not a unit's condition (an item too large, say): each unit alone, so only its own fails.
          if (batch.length === 1) batch[0]!.reject(error);
          else await Promise.all(batch.map((w) => send([w])));
          return;
        }
        const refused = await refusals(batch, reasons);
        if (refused.size > 0) {
          batch = batch.filter((w) => !refused.has(w));
          attempt = 0;
          continue;
        }
        if (attempt === TRANSACTION_ATTEMPTS || !reasons.some((r) => r.Code === 'TransactionConflict')) {
          for (const w of batch) w.reject(error);
          return;
        }
        await backOff(attempt);
      }
    }
  }

  /** Refuses each unit a write of which failed its condition, with the record it found there; returns them. */
  async function refusals(batch: Waiting[], reasons: Reasons): Promise<Set<Waiting>> {
    const refused = new Set<Waiting>();
    let offset = 0;
    for (const w of batch) {
      const at = w.unit.puts.findIndex((_, i) => reasons[offset + i]?.Code === 'ConditionalCheckFailed');
      if (at >= 0) {
        const { key, condition } = w.unit.puts[at]!;
        const found = reasons[offset + at]!.Item;
        w.reject(new TransactionConflict(condition?.conflict ?? 'condition failed', found ? record(unmarshall(found)) : await table.get(key), at));
        refused.add(w);
      }
      offset += w.unit.puts.length;
    }
    return refused;
  }

  return writeGroups(send, { maxUnits: MAX_UNITS, maxInFlight: MAX_IN_FLIGHT });
}
