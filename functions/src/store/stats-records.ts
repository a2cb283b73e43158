import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { counterNames, type CounterName } from '../supervision/counters';
import type { CounterRow } from '../supervision/counter-rows';
import { keys } from './keys';
import type { TableAccess } from './table-access';
import { coalescedAdds, counterAttribute, counterKey, counterUpdate, mergedRows } from './counter-updates';

/**
 * The supervision counters (supervision/counter-rows.ts): a partition per jurisdiction and
 * month, a record per day, department and item (in up to COUNTER_SHARDS places, counter-updates.ts),
 * each counter an attribute of its own (`n_` and its name) so that a case's move adds to it
 * atomically (ADD), whatever else adds at the same time.
 */

export type StatsRecords = ReturnType<typeof statsRecords>;

/** The months (YYYY-MM) a period of days touches, first to last. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (let m = `${year}-${String(month).padStart(2, '0')}`; m <= last; m = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(m);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

const rowOf = (item: Record<string, unknown>): CounterRow => ({
  day: item.day as string,
  jurisdiction: item.jurisdiction as string,
  departmentId: item.departmentId as string,
  itemId: item.itemId as string,
  counts: Object.fromEntries(counterNames.flatMap((name) => (typeof item[counterAttribute(name)] === 'number' && item[counterAttribute(name)] !== 0 ? [[name, item[counterAttribute(name)]]] : []))),
});

export function statsRecords(table: TableAccess) {
  return {
    /**
     * Adds each row's counts to what is kept (rows of several jurisdictions may come together).
     * Additions sent while others are under way are coalesced, one update per row (counter-updates.ts).
     */
    addCounts: coalescedAdds(async (rows) => {
      await Promise.all(rows.map((row) => table.doc.send(new UpdateCommand(counterUpdate(table.tableName, row)))));
    }),

    /** The rows of a jurisdiction's days from `from` to `to`, each place's shards summed: a query per month, whatever the number of cases. */
    async readCounts(jurisdiction: string, from: string, to: string): Promise<{ rows: CounterRow[]; reads: number }> {
      const rows: CounterRow[] = [];
      let reads = 0;
      for (const month of monthsOf(from, to)) {
        let start: Record<string, unknown> | undefined;
        do {
          const page = await table.doc.send(
            new QueryCommand({
              TableName: table.tableName,
              KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
              ExpressionAttributeValues: { ':pk': keys.countersMonth(jurisdiction, month), ':from': from, ':to': `${to}#\uffff` },
              ExclusiveStartKey: start,
            }),
          );
          reads++;
          for (const item of page.Items ?? []) rows.push(rowOf(item));
          start = page.LastEvaluatedKey;
        } while (start);
      }
      return { rows: mergedRows(rows), reads };
    },

    /** Replaces the rows of the given months with `rows` (a rebuild): rows kept there and not in `rows` are removed. */
    async replaceCounts(jurisdiction: string, months: readonly string[], rows: readonly CounterRow[]): Promise<void> {
      const kept = new Set(rows.map((r) => counterKey(r).sk));
      for (const month of months) {
        const pk = keys.countersMonth(jurisdiction, month);
        // The keys as stored (records read through the table come without them).
        let start: Record<string, unknown> | undefined;
        const stale: string[] = [];
        do {
          const page = await table.doc.send(new QueryCommand({ TableName: table.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ProjectionExpression: 'sk', ExclusiveStartKey: start }));
          for (const item of page.Items ?? []) if (!kept.has(item.sk as string)) stale.push(item.sk as string);
          start = page.LastEvaluatedKey;
        } while (start);
        await Promise.all(stale.map((sk) => table.delete({ pk, sk })));
      }
      await Promise.all(
        rows.map((row) => table.put(counterKey(row), { day: row.day, jurisdiction: row.jurisdiction, departmentId: row.departmentId, itemId: row.itemId, ...Object.fromEntries(Object.entries(row.counts).map(([name, v]) => [counterAttribute(name as CounterName), v])) })),
      );
    },
  };
}
