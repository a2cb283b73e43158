import { afterAll, describe, expect, it } from 'vitest';
import { exclusiveBatches } from '../src/store/exclusive-batches';
import { Store } from '../src/store/store';
import { ifAbsent, ifRevision, TableAccess, TransactionConflict } from '../src/store/table-access';
import { startTestStore } from './test-store';

/**
 * Writes grouped and checked in this process, for a store only it writes (the embedded one):
 * what one conditional write at a time would do, in three requests per group.
 */

const dynamo = await startTestStore();
afterAll(() => dynamo.close());
const TABLE = 'onevisit-exclusive-batches';
await new Store(dynamo.client, TABLE).ensureTable();
const table = new TableAccess(dynamo.client, TABLE);
const groups = exclusiveBatches(table);

const claim = (n: string) => ({ key: { pk: `CLAIM#${n}`, sk: 'KEY' }, item: { claimedBy: n }, condition: ifAbsent('already exists') });
const record = (n: string) => ({ key: { pk: `CASE#${n}`, sk: 'CASE' }, item: { n }, condition: ifAbsent('case exists') });

/** Sends the clients' requests, counting them by kind. */
function counted(): { counts: Map<string, number>; stop(): void } {
  const counts = new Map<string, number>();
  const name = `count-${Math.random()}`;
  dynamo.client.middlewareStack.add(
    (next, context) => (args) => {
      const command = (context as { commandName: string }).commandName;
      counts.set(command, (counts.get(command) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name },
  );
  return { counts, stop: () => dynamo.client.middlewareStack.remove(name) };
}

describe('groups checked in this process', () => {
  it('writes the units that come together in one read and one write per place', async () => {
    await groups.write({ puts: [claim('warm'), record('warm')] });
    // Its group is done with once its units are answered and the turn after.
    await new Promise((resolve) => setImmediate(resolve));
    const requests = counted();
    // The first goes out alone; the 20 that come meanwhile wait for it, then go out together.
    await Promise.all(Array.from({ length: 21 }, (_, i) => groups.write({ puts: [claim(`a${i}`), record(`a${i}`)] })));
    requests.stop();
    expect(Object.fromEntries(requests.counts)).toEqual({ BatchGetItemCommand: 2, BatchWriteItemCommand: 4 });
    const all = await table.getMany(Array.from({ length: 21 }, (_, i) => [claim(`a${i}`).key, record(`a${i}`).key]).flat());
    expect(all.size).toBe(42);
  });

  it('refuses alone a unit whose record is there, with that record, writing none of its puts', async () => {
    await groups.write({ puts: [claim('b1'), record('b1')] });
    const again = [groups.write({ puts: [claim('b2'), record('b1')] }), groups.write({ puts: [claim('b3'), record('b3')] })];
    const [refused, written] = await Promise.allSettled(again);
    expect(written!.status).toBe('fulfilled');
    const error = (refused as PromiseRejectedResult).reason as TransactionConflict;
    expect(error).toBeInstanceOf(TransactionConflict);
    expect([error.at, error.message, error.existing]).toEqual([1, 'case exists', { n: 'b1' }]);
    // Nothing of the refused unit was written: its claim is still free.
    expect(await table.get(claim('b2').key)).toBeUndefined();
    expect(await table.get(record('b3').key)).toEqual({ n: 'b3' });
  });

  it('lets one of many units claiming one record at once through, the others finding it', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => groups.write({ puts: [{ ...claim('c'), item: { claimedBy: `c${i}` } }, record(`c${i}`)] })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    for (const r of results.filter((r) => r.status === 'rejected')) expect(((r as PromiseRejectedResult).reason as TransactionConflict).existing).toEqual({ claimedBy: `c${winner}` });
    expect((await table.getMany(Array.from({ length: 10 }, (_, i) => record(`c${i}`).key))).size).toBe(1);
  });

  it('refuses a condition it cannot check from a read, writing nothing', async () => {
    await expect(groups.write({ puts: [{ ...record('d'), condition: ifRevision(1, 'changed') }] })).rejects.toThrow(/checks absence only/);
    expect(await table.get(record('d').key)).toBeUndefined();
  });
});
