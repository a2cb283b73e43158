import type { CounterRow } from '../supervision/counter-rows';
import { keyOf, type Condition, type Key } from './table-access';

/**
 * Group commit for writes that must be all or none (a submission's idempotency claim, its case
 * and the counters it adds): a unit goes out at once while fewer than `maxInFlight` groups are
 * under way; units that come meanwhile wait and go out together, up to `maxUnits` in a group.
 * How a group is written is the store's (transaction-batches.ts, exclusive-batches.ts); each unit
 * settles as its own write would.
 *
 * No record is written by two units under way at once: a unit whose record another unit in
 * flight writes waits for it (DynamoDB refuses one record twice in a request, and a store
 * checked in this process must not let two writers past the same check).
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

export interface Waiting {
  unit: TransactionUnit;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface WriteGroups {
  write(unit: TransactionUnit): Promise<void>;
}

export function writeGroups(send: (group: Waiting[]) => Promise<void>, limits: { maxUnits: number; maxInFlight: number }): WriteGroups {
  const queue: Waiting[] = [];
  /** The records of the units under way. */
  const busy = new Set<string>();
  let inFlight = 0;

  /** The next units to send, in arrival order, none writing a record under way or taken already. */
  function take(): Waiting[] {
    const taken: Waiting[] = [];
    for (let i = 0; i < queue.length && taken.length < limits.maxUnits; ) {
      const puts = queue[i]!.unit.puts.map((p) => keyOf(p.key));
      if (puts.some((k) => busy.has(k))) {
        i++;
        continue;
      }
      for (const k of puts) busy.add(k);
      taken.push(...queue.splice(i, 1));
    }
    return taken;
  }

  function pump(): void {
    while (inFlight < limits.maxInFlight && queue.length > 0) {
      const group = take();
      if (group.length === 0) return;
      inFlight++;
      void send(group)
        .catch((error: unknown) => {
          for (const w of group) w.reject(error);
        })
        .finally(() => {
          for (const w of group) for (const p of w.unit.puts) busy.delete(keyOf(p.key));
          inFlight--;
          pump();
        });
    }
  }

  return {
    write: (unit) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ unit, resolve, reject });
        pump();
      }),
  };
}
