import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredCase } from '../cases/record';
import type { CounterRow } from '../supervision/counter-rows';
import type { CaseRatingFilter } from '../ratings/case-rating-filter';
import { keys } from './keys';
import type { JurisdictionRecords } from './jurisdiction-records';
import { TABLE_INDEXES } from './table';
import { exclusiveBatches } from './exclusive-batches';
import type { StoreCapabilities } from './capabilities';
import { transactionBatches } from './transaction-batches';
import { ConflictError, ifAbsent, ifRevision, isConditionFailure, record, TransactionConflict, type TableAccess } from './table-access';

/** Cases as table records, with their daily serials and idempotency keys. */

/** Where a case is indexed: its department's queue while open, the sweep's index while something is ahead. */
export interface CaseIndex {
  queueDue?: string;
  /** Queued at the service window rather than with its department. */
  atWindow?: boolean;
  nextCheck?: string;
}

/** A case as a table item, with the index keys its state calls for. */
export function caseItem(c: StoredCase, index: CaseIndex): Record<string, unknown> {
  const queue = TABLE_INDEXES.byDepartment;
  const sweep = TABLE_INDEXES.byNextCheck;
  const all = TABLE_INDEXES.byJurisdiction;
  const pending = TABLE_INDEXES.byPendingMessages;
  const oldest = Object.values(c.outbox ?? {}).reduce<string | undefined>((first, m) => (first === undefined || m.at < first ? m.at : first), undefined);
  return {
    ...c,
    ...keys.case(c.jurisdiction, c.trackingNumber),
    ...(oldest ? { [pending.pk]: keys.pendingShard(c.trackingNumber), [pending.sk]: keys.pendingSort(oldest, c.trackingNumber) } : {}),
    [all.pk]: keys.jurisdictionCases(c.jurisdiction),
    [all.sk]: keys.jurisdictionCaseSort(c.receivedOn, c.trackingNumber),
    ...(index.queueDue ? { [queue.pk]: index.atWindow ? keys.windowQueue(c.jurisdiction) : keys.departmentQueue(c.jurisdiction, c.departmentId), [queue.sk]: keys.departmentQueueSort(index.queueDue, c.trackingNumber) } : {}),
    ...(index.nextCheck ? { [sweep.pk]: keys.sweepShard(c.trackingNumber), [sweep.sk]: keys.sweepSort(index.nextCheck, c.trackingNumber) } : {}),
  };
}

/** A record as written before the case search index existed, with the keys that index needs. */
export function withIndexKeys(item: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const all = TABLE_INDEXES.byJurisdiction;
  const { jurisdiction, receivedOn, trackingNumber } = item;
  if (item.sk?.S !== 'CASE' || item[all.pk] || !jurisdiction?.S || !receivedOn?.S || !trackingNumber?.S) return item;
  if (item.pk?.S !== keys.case(jurisdiction.S, trackingNumber.S).pk) return item;
  return { ...item, [all.pk]: { S: keys.jurisdictionCases(jurisdiction.S) }, [all.sk]: { S: keys.jurisdictionCaseSort(receivedOn.S, trackingNumber.S) } };
}

/** What a case search asks for: a range of receipt days and optional filters. */
export interface CaseQuery {
  from: string;
  to: string;
  statuses?: readonly string[];
  itemId?: string;
  department?: string;
  applicant?: string;
  channel?: string;
  /** The number of the service window that took it. */
  window?: string;
  rating?: CaseRatingFilter;
}

/** The case's own rating as a filter: 好评 1–3, 差评 4–5 that stand, those voided on 复核, none. */
const ratingConditions: Record<CaseRatingFilter, string> = {
  good: '#rating.#level <= :goodUpTo',
  poor: '#rating.#level > :goodUpTo AND attribute_not_exists(#rating.#voided)',
  voided: 'attribute_exists(#rating.#voided)',
  none: 'attribute_not_exists(#rating)',
};

/** Where a query over an index stopped: the table's keys and the index's. */
function cursorOf(item: Record<string, unknown>, index: { pk: string; sk: string }): Record<string, string> {
  return Object.fromEntries(['pk', 'sk', index.pk, index.sk].map((k) => [k, String(item[k])]));
}

/** An idempotency key's claim: the tracking number it stands for, and the request that made it. */
export interface IdempotencyClaim {
  trackingNumber: string;
  requestHash: string;
}

export type CaseRecords = ReturnType<typeof caseRecords>;

/** How many serials a process reserves at a time. */
export const SERIAL_BLOCK = 50;

export function caseRecords(table: TableAccess, jurisdictions: Pick<JurisdictionRecords, 'listDepartments'>, capabilities: StoreCapabilities) {
  /** This process's unused serials per jurisdiction and day, and the reservations under way. */
  const serialBlocks = new Map<string, { next: number; last: number }>();
  const reservations = new Map<string, Promise<void>>();
  /** Claims with their cases, in groups: as transactions, or checked here on a store only this process writes. */
  const groups = capabilities.transactions ? transactionBatches(table) : capabilities.exclusive ? exclusiveBatches(table) : undefined;

  /** Reserves the next SERIAL_BLOCK serials of a day; returns the last of them. */
  const reserveSerials = async (jurisdiction: string, yyyymmdd: string): Promise<number> => {
    const result = await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.dailySerial(jurisdiction, yyyymmdd),
        UpdateExpression: 'ADD #n :block',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':block': SERIAL_BLOCK },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes!.n);
  };

  /**
   * Claims an idempotency key for a tracking number. Returns the claim already there, if any,
   * so a retry finds the case the first attempt created (or was creating).
   */
  const claimIdempotencyKey = async (jurisdiction: string, key: string, claim: IdempotencyClaim): Promise<IdempotencyClaim | undefined> => {
    const put = { key: keys.idempotency(jurisdiction, key), item: claim, condition: ifAbsent('already exists') };
    try {
      // Checked in this process, a claim waits for the submissions under way with its key.
      await (capabilities.exclusive && groups ? groups.write({ puts: [put] }) : table.put(put.key, put.item, put.condition));
      return undefined;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return error.existing as IdempotencyClaim;
    }
  };

  /** Open cases in a queue of the departments' index, soonest due first. */
  const queued = (pk: string): Promise<StoredCase[]> => {
    const index = TABLE_INDEXES.byDepartment;
    return table.queryAll({
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.pk },
      ExpressionAttributeValues: { ':pk': pk },
    });
  };
  const departmentQueue = (jurisdiction: string, departmentId: string) => queued(keys.departmentQueue(jurisdiction, departmentId));
  /** Cases waiting at the service window: results to hand over or post, 补正 sent back to it. */
  const windowQueue = (jurisdiction: string) => queued(keys.windowQueue(jurisdiction));

  return {
    /**
     * The next serial of the day for a jurisdiction, unique under concurrency: taken from a block
     * this process reserved with one atomic counter update (SERIAL_BLOCK at a time), so most
     * cases cost no write for their number. Numbers a process reserved and did not use before it
     * stopped are never issued (tracking-number.ts).
     */
    async nextSerial(jurisdiction: string, yyyymmdd: string): Promise<number> {
      const id = `${jurisdiction}#${yyyymmdd}`;
      for (;;) {
        const block = serialBlocks.get(id);
        if (block && block.next <= block.last) return block.next++;
        let reserving = reservations.get(id);
        if (!reserving) {
          reserving = reserveSerials(jurisdiction, yyyymmdd)
            .then((last) => {
              for (const other of serialBlocks.keys()) if (other.startsWith(`${jurisdiction}#`)) serialBlocks.delete(other);
              serialBlocks.set(id, { next: last - SERIAL_BLOCK + 1, last });
            })
            .finally(() => reservations.delete(id));
          reservations.set(id, reserving);
        }
        await reserving;
      }
    },

    claimIdempotencyKey,

    /**
     * Writes a new case and the claim of the idempotency key it was sent with, each only if
     * absent. A key claimed already comes back, nothing written (a retry, or another request
     * under the same key); a case there already throws ConflictError carrying it, and leaves no
     * claim of its own. With transactions both are one TransactWriteItems, with the counter rows
     * the case adds (`counts`: added exactly once, with the case or not at all); on a store only
     * this process writes, they go in a group of submissions checked here (exclusive-batches.ts),
     * `counts` just after; otherwise the claim goes first and is taken back if the case is refused
     * (a stop between the two leaves the claim alone, for the retry to finish its case), and
     * `counts` are left to the caller.
     */
    async saveClaimedCase(c: StoredCase, index: CaseIndex, claim: { key: string; requestHash: string }, counts: readonly CounterRow[] = []): Promise<IdempotencyClaim | undefined> {
      const claimKey = keys.idempotency(c.jurisdiction, claim.key);
      const claimed: IdempotencyClaim = { trackingNumber: c.trackingNumber, requestHash: claim.requestHash };
      const caseWrite = { key: keys.case(c.jurisdiction, c.trackingNumber), item: caseItem(c, index), condition: ifAbsent('case exists') };
      if (!groups) {
        const earlier = await claimIdempotencyKey(c.jurisdiction, claim.key, claimed);
        if (earlier) return earlier;
        try {
          await table.put(caseWrite.key, caseWrite.item, caseWrite.condition);
          return undefined;
        } catch (error) {
          // Claims are never rewritten: the one there is this write's own, taken back unless the
          // case there is this key's (a retry finishing the case it found missing stored it first).
          if (error instanceof ConflictError && (error.existing as StoredCase | undefined)?.idempotencyKey !== claim.key) await table.delete(claimKey);
          throw error;
        }
      }
      try {
        await groups.write({ puts: [{ key: claimKey, item: claimed, condition: ifAbsent('already exists') }, caseWrite], counts });
        return undefined;
      } catch (error) {
        if (error instanceof TransactionConflict && error.at === 0) return error.existing as IdempotencyClaim;
        throw error;
      }
    },

    /**
     * Writes a case: a new one only if absent, a changed one only over the revision it was read
     * at (`expectedRevision`), so two officers acting at once cannot both succeed; the conflict
     * carries the case there. Open cases sit in their department's queue; cases with a next
     * check sit in the sweep's index.
     */
    saveCase(c: StoredCase, expectedRevision: number | 'new', index: CaseIndex): Promise<void> {
      const condition = expectedRevision === 'new' ? ifAbsent('case exists') : ifRevision(expectedRevision, 'case changed');
      return table.put(keys.case(c.jurisdiction, c.trackingNumber), caseItem(c, index), condition);
    },

    getCase(jurisdiction: string, trackingNumber: string): Promise<StoredCase | undefined> {
      return table.get(keys.case(jurisdiction, trackingNumber));
    },

    departmentQueue,

    windowQueue,

    /** Cases with messages not delivered yet, a page at a time, each read consistently (the index holds keys only). */
    async *pendingCases(): AsyncGenerator<StoredCase[]> {
      for await (const page of table.queryShards(TABLE_INDEXES.byPendingMessages, keys.pendingShards())) {
        // A few reads at a time, however long the page of keys.
        for (let i = 0; i < page.items.length; i += 8) {
          const found = await Promise.all(page.items.slice(i, i + 8).map((item) => table.get<StoredCase>({ pk: String(item.pk), sk: String(item.sk) })));
          const cases = found.filter((c): c is StoredCase => c !== undefined);
          if (cases.length) yield cases;
        }
      }
    },

    /**
     * Takes delivered messages out of a case's outbox; the case leaves the pending index when
     * they were all it had. Another write may have added messages meanwhile, or put back ones
     * read before they went out: those stay (the sender finds the latter already recorded).
     */
    async messagesSent(c: Pick<StoredCase, 'jurisdiction' | 'trackingNumber'>, ids: readonly string[]): Promise<void> {
      const index = TABLE_INDEXES.byPendingMessages;
      const names = { '#outbox': 'outbox', ...Object.fromEntries(ids.map((id, i) => [`#m${i}`, id])) };
      const each = ids.map((_, i) => `#outbox.#m${i}`);
      const send = (input: { update: string; condition: string; names: Record<string, string>; values?: Record<string, unknown> }) =>
        table.doc.send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: keys.case(c.jurisdiction, c.trackingNumber),
            UpdateExpression: input.update,
            ConditionExpression: input.condition,
            ExpressionAttributeNames: input.names,
            ...(input.values ? { ExpressionAttributeValues: input.values } : {}),
          }),
        );
      try {
        // With no ids, this takes a case whose outbox others emptied out of the index.
        await send({
          update: 'REMOVE #outbox, #ipk, #isk',
          condition: ['size(#outbox) = :n', ...each.map((path) => `attribute_exists(${path})`)].join(' AND '),
          names: { ...names, '#ipk': index.pk, '#isk': index.sk },
          values: { ':n': ids.length },
        });
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if (ids.length === 0) return;
        try {
          await send({ update: `REMOVE ${each.join(', ')}`, condition: 'attribute_exists(#outbox)', names });
          // Another sender took out the rest meanwhile: an outbox left empty leaves the pending index too.
          await send({ update: 'REMOVE #outbox, #ipk, #isk', condition: 'size(#outbox) = :none', names: { '#outbox': 'outbox', '#ipk': index.pk, '#isk': index.sk }, values: { ':none': 0 } });
        } catch (again) {
          if (!isConditionFailure(again)) throw again;
        }
      }
    },

    /** Open cases of a jurisdiction: every department's queue and the window's. */
    async openCases(jurisdiction: string): Promise<StoredCase[]> {
      const departments = await jurisdictions.listDepartments(jurisdiction);
      return (await Promise.all([...departments.map((d) => departmentQueue(jurisdiction, d.id)), windowQueue(jurisdiction)])).flat();
    },

    /**
     * Cases the sweep must look at by `day`, one shard at a time, a page at a time: only these are
     * read, never the rest of the table.
     */
    async *casesToCheck(day: string): AsyncGenerator<StoredCase[]> {
      const pages = table.queryShards(TABLE_INDEXES.byNextCheck, keys.sweepShards(), { sortCondition: '#sk <= :upTo', values: { ':upTo': keys.sweepUpTo(day) } });
      for await (const page of pages) if (page.items.length) yield page.items.map((item) => record<StoredCase>(item)!);
    },

    /**
     * A jurisdiction's cases received between two days, newest first, that match the filters: at
     * most `limit` of them, reading at most `maxRead` cases; `cursor` continues where it stopped.
     */
    async searchCases(jurisdiction: string, query: CaseQuery, page: { limit: number; maxRead: number; cursor?: Record<string, string> }): Promise<{ cases: StoredCase[]; cursor?: Record<string, string> }> {
      const index = TABLE_INDEXES.byJurisdiction;
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':from': `${query.from}#`, ':to': `${query.to}#\uffff` };
      const filters: string[] = [];
      if (query.statuses?.length) {
        names['#status'] = 'status';
        filters.push(`#status IN (${query.statuses.map((status, i) => ((values[`:s${i}`] = status), `:s${i}`)).join(', ')})`);
      }
      for (const [attribute, value] of [['itemId', query.itemId], ['departmentId', query.department], ['channel', query.channel]] as const) {
        if (value === undefined) continue;
        names[`#${attribute}`] = attribute;
        values[`:${attribute}`] = value;
        filters.push(`#${attribute} = :${attribute}`);
      }
      if (query.window) {
        Object.assign(names, { '#window': 'window', '#desk': 'window', '#number': 'number' });
        values[':window'] = query.window;
        filters.push('#window.#desk.#number = :window');
      }
      if (query.rating) {
        const condition = ratingConditions[query.rating];
        for (const name of ['rating', 'level', 'voided']) if (condition.includes(`#${name}`)) names[`#${name}`] = name;
        if (condition.includes(':goodUpTo')) values[':goodUpTo'] = 3;
        filters.push(`(${condition})`);
      }
      if (query.applicant) {
        Object.assign(names, { '#applicant': 'applicant', '#name': 'name', '#idNumber': 'idNumber' });
        values[':applicant'] = query.applicant;
        filters.push('(contains(#applicant.#name, :applicant) OR #applicant.#idNumber = :applicant)');
      }
      const found: StoredCase[] = [];
      const pages = table.queryShards(index, [keys.jurisdictionCases(jurisdiction)], {
        sortCondition: '#sk BETWEEN :from AND :to',
        ...(filters.length ? { filter: filters.join(' AND ') } : {}),
        names,
        values,
        newestFirst: true,
        start: page.cursor,
        pageSize: 200,
        maxRead: page.maxRead,
      });
      let start: Record<string, unknown> | undefined;
      for await (const result of pages) {
        for (const item of result.items) {
          found.push(record<StoredCase>(item)!);
          // Full before the page ends: continue right after the last case returned.
          if (found.length === page.limit) return { cases: found, cursor: cursorOf(item, index) };
        }
        start = result.next;
      }
      return { cases: found, ...(start ? { cursor: start as Record<string, string> } : {}) };
    },
  };
}
