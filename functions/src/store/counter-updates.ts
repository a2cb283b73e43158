import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CounterName } from '../supervision/counters';
import { rowId, type CounterRow } from '../supervision/counter-rows';
import { keys } from './keys';

/**
 * A counter row as one atomic addition (UpdateItem with ADD), and rows merged by their place:
 * additions that come together go out as one update per row, the sum of theirs.
 */

export const counterAttribute = (counter: CounterName) => `n_${counter}`;

/**
 * Places a row's counts may be kept in. Transactions that write the same item at the same time
 * cancel each other (TransactionConflict), and every submission of a day to one item adds to the
 * same row: a submission's transaction adds to one of these at random, the readers sum them
 * (shard 0 is the row's own key, where plain additions and a rebuild write).
 */
export const COUNTER_SHARDS = 8;

export const counterKey = (row: CounterRow, shard = 0) => keys.counters(row.jurisdiction, row.day, `${row.day}#${row.departmentId}#${row.itemId}${shard ? `#${shard}` : ''}`);

/** The UpdateItem adding a row's counts to what is kept in one of its places (its describing attributes set alongside). */
export function counterUpdate(tableName: string, row: CounterRow, shard = 0): UpdateCommandInput & { UpdateExpression: string } {
  const counts = Object.entries(row.counts) as [CounterName, number][];
  return {
    TableName: tableName,
    Key: counterKey(row, shard),
    UpdateExpression: `SET #day = :day, #jurisdiction = :jurisdiction, #departmentId = :departmentId, #itemId = :itemId ADD ${counts.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
    ExpressionAttributeNames: { '#day': 'day', '#jurisdiction': 'jurisdiction', '#departmentId': 'departmentId', '#itemId': 'itemId', ...Object.fromEntries(counts.map(([name], i) => [`#c${i}`, counterAttribute(name)])) },
    ExpressionAttributeValues: { ':day': row.day, ':jurisdiction': row.jurisdiction, ':departmentId': row.departmentId, ':itemId': row.itemId, ...Object.fromEntries(counts.map(([, value], i) => [`:c${i}`, value])) },
  };
}

/** Rows summed by their place; counts that cancel out, and rows left with none, are dropped. */
export function mergedRows(rows: readonly CounterRow[]): CounterRow[] {
  const merged = new Map<string, CounterRow>();
  for (const row of rows) {
    const id = rowId(row);
    const into = merged.get(id) ?? merged.set(id, { ...row, counts: {} }).get(id)!;
    for (const [name, value] of Object.entries(row.counts) as [CounterName, number][]) {
      const sum = (into.counts[name] ?? 0) + value;
      if (sum === 0) delete into.counts[name];
      else into.counts[name] = sum;
    }
  }
  return [...merged.values()].filter((r) => Object.keys(r.counts).length > 0);
}

/**
 * Additions coalesced while one is under way: the first goes out at once; those that come
 * meanwhile wait for it and then go out together, one update per row. Each caller's promise
 * settles when the updates holding its counts are done (rejecting if one failed), so every count
 * is added exactly once and before its caller goes on, as with an update of its own.
 */
export function coalescedAdds(send: (rows: CounterRow[]) => Promise<void>): (rows: readonly CounterRow[]) => Promise<void> {
  let waiting: { rows: CounterRow[]; settle: { resolve: () => void; reject: (error: unknown) => void }[] } | undefined;
  let running = false;
  const next = async (): Promise<void> => {
    while (waiting) {
      const taken = waiting;
      waiting = undefined;
      try {
        await send(mergedRows(taken.rows));
        for (const s of taken.settle) s.resolve();
      } catch (error) {
        for (const s of taken.settle) s.reject(error);
      }
    }
    running = false;
  };
  return (rows) =>
    new Promise<void>((resolve, reject) => {
      waiting ??= { rows: [], settle: [] };
      waiting.rows.push(...rows);
      waiting.settle.push({ resolve, reject });
      if (!running) {
        running = true;
        void next();
      }
    });
}
