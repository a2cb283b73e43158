import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { counterUpdate, mergedRows } from './counter-updates';
import { ifAbsent, keyOf, record, TransactionConflict, type TableAccess } from './table-access';
import { writeGroups, type Waiting, type WriteGroups } from './write-groups';

/**
 * Groups of units (write-groups.ts) on a store no other process writes (the embedded one,
 * StoreCapabilities.exclusive), which has no transactions: the conditions are checked here. No
 * other process writes the table, and write-groups keeps units under way off each other's
 * records, so a record read absent stays absent until its group writes it.
 *
 * A group is three requests whatever its size: one read of every record its units write; every
 * unit's first put in one batch write; then every second put (a submission's claim before its
 * case: a stop between the two leaves claims without cases, which a retry finishes, as with one
 * write at a time). Then the counter rows of the group, summed, one addition per row.
 *
 * Units may only require that their records be absent (ifAbsent): what a submission needs, and
 * what one read can tell.
 */

/** A batch write holds 25 puts. */
const MAX_UNITS = 25;
/**
 * The store answers on this process's own event loop: a second group under way would only split
 * the groups (submit bench: ratio 0.52–0.54 with two, 0.56–0.65 with one).
 */
const MAX_IN_FLIGHT = 1;
const ABSENT = ifAbsent('').expression;

export function exclusiveBatches(table: TableAccess): WriteGroups {
  async function send(group: Waiting[]): Promise<void> {
    const found = await table.getMany(group.flatMap((w) => w.unit.puts.map((p) => p.key)));
    const going: Waiting[] = [];
    for (const w of group) {
      const at = w.unit.puts.findIndex((p) => p.condition && found.has(keyOf(p.key)));
      if (at < 0) going.push(w);
      else w.reject(new TransactionConflict(w.unit.puts[at]!.condition!.conflict, record(found.get(keyOf(w.unit.puts[at]!.key))), at));
    }
    const places = Math.max(0, ...going.map((w) => w.unit.puts.length));
    for (let place = 0; place < places; place++) await table.putMany(going.flatMap((w) => w.unit.puts[place] ?? []));
    const adds = mergedRows(going.flatMap((w) => w.unit.counts ?? []));
    await Promise.all(adds.map((row) => table.doc.send(new UpdateCommand(counterUpdate(table.tableName, row)))));
    for (const w of going) w.resolve();
  }

  const groups = writeGroups(send, { maxUnits: MAX_UNITS, maxInFlight: MAX_IN_FLIGHT });
  return {
    write(unit) {
      const checked = unit.puts.find((p) => p.condition && p.condition.expression !== ABSENT);
      if (checked) return Promise.reject(new Error(`exclusiveBatches checks absence only, not ${checked.condition!.expression}`));
      return groups.write(unit);
    },
  };
}
