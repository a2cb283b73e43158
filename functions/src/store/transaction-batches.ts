import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CounterRow } from '../supervision/counter-rows';
import { COUNTER_SHARDS, counterUpdate, mergedRows } from './counter-updates';
import { conditionInput, record, TransactionConflict, type Condition, type Key, type TableAccess } from './table-access';

/**
 * Writes that must be all or none (a submission's idempotency claim, its case and the counters
 * it adds), as TransactWriteItems where the store has them.
 *
 * Group commit: a unit goes out at once while fewer than MAX_IN_FLIGHT transactions are under
 * way; units that come meanwhile wait and go out together, up to MAX_UNITS in one transaction,
 * their counter rows summed into one addition per row. Each unit stays all or none and settles
 * as its own write would: a unit whose condition fails is refused alone (TransactionConflict)
 * and the rest of its transaction is sent again. One request at a time (a Lambda) is one unit per
 * transaction, as before; many at once (a local server) share the store's per-transaction cost.
 */

/** A put and the condition it is made under. */
export interface ConditionalPut {
  key: Key;
  item: object;
  condition?: Condition;
}

/** One caller's writes, all or none. */
export interface TransactionUnit {
  puts: readonly ConditionalPut[];
  counts?: readonly CounterRow[];
}

/** Units in one transaction at most: each holds an item of up to 400 KB, and a transaction up to 4 MB and 100 writes. */
const MAX_UNITS = 8;
const MAX_IN_FLIGHT = 4;
/** How many times a transaction cancelled by another one in flight on the same records is tried. */
const TRANSACTION_ATTEMPTS = 6;

interface Waiting {
  unit: TransactionUnit;
  resolve: () => void;
  reject: (error: unknown) => void;
}

type Reasons = { Code?: string; Item?: Parameters<typeof unmarshall>[0] }[];

const keyOf = (key: Key) => `${key.pk}\u0000${key.sk}`;

export function transactionBatches(table: TableAccess): { write(unit: TransactionUnit): Promise<void> } {
  const queue: Waiting[] = [];
  let inFlight = 0;

  /** The next units to send: in arrival order, none writing a record another of them writes (DynamoDB refuses that). */
  function take(): Waiting[] {
    const taken: Waiting[] = [];
    const written = new Set<string>();
    for (let i = 0; i < queue.length && taken.length < MAX_UNITS; ) {
      const puts = queue[i]!.unit.puts.map((p) => keyOf(p.key));
      if (puts.some((k) => written.has(k))) {
        i++;
        continue;
      }
      for (const k of puts) written.add(k);
      taken.push(...queue.splice(i, 1));
    }
    return taken;
  }

  function pump(): void {
    while (inFlight < MAX_IN_FLIGHT && queue.length > 0) {
      inFlight++;
      void send(take()).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

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
        await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * (0.5 + Math.random())));
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

  return {
    write: (unit) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ unit, resolve, reject });
        pump();
      }),
  };
}
