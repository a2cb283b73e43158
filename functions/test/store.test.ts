import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { runPublishChecks } from '@onevisit/item-schemas';
import { templates } from '@onevisit/item-schemas/templates';
import type { StoredCase } from '../src/cases/record';
import { summaryOf, type Draft, type ItemVersion, type PendingMessage } from '../src/records';
import { SERIAL_BLOCK } from '../src/store/case-records';
import { ConflictError, Store } from '../src/store/store';
import { startTestStore } from './test-store';

/** The store's guarantees, on dynalite and (npm run test:conformance) on AWS's DynamoDB Local. */
const dynamo = await startTestStore();
afterAll(() => dynamo.close());
const store = new Store(dynamo.client, 'onevisit-store');
await store.ensureTable();
await store.ensureTable(); // a second start finds the table

const J = '990100';
const definition = runPublishChecks(templates[0]).item!;
const draft = (itemId: string, revision = 1): Draft => ({ jurisdiction: J, itemId, revision, definition: { ...definition, id: itemId }, updatedAt: '2026-03-02T00:00:00Z', updatedBy: 'test' });
/** Writes one record as a crashed operation would have left it. */
const rawPut = (key: { pk: string; sk: string }, value: object) =>
  DynamoDBDocumentClient.from(dynamo.client).send(new PutCommand({ TableName: store.tableName, Item: { ...value, ...key }, ConditionExpression: 'attribute_not_exists(pk)' }));
const version = (itemId: string, n: number): ItemVersion => ({ jurisdiction: J, itemId, version: n, publishedAt: `2026-03-0${n}T00:00:00Z`, publishedBy: 'test', definition: { ...definition, id: itemId } });

describe('drafts', () => {
  it('save only over the expected revision, so one of two concurrent saves wins', async () => {
    await store.createItem(draft('d1'), 'd1');
    const results = await Promise.allSettled([store.saveDraft(draft('d1', 2), 1, 'a'), store.saveDraft(draft('d1', 2), 1, 'b')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')!.reason).toBeInstanceOf(ConflictError);
    expect((await store.getHead(J, 'd1'))!.draftRevision).toBe(2);
  });

  it('complete an item whose creation stopped after the draft was written', async () => {
    const stopped = draft('d2');
    await rawPut({ pk: `J#${J}#ITEM#d2`, sk: 'DRAFT' }, stopped);
    expect(await store.getHead(J, 'd2')).toBeUndefined();
    await expect(store.createItem(stopped, 'd2')).resolves.toMatchObject({ itemId: 'd2', state: 'draft' });
    await expect(store.createItem(stopped, 'd2')).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('publishing', () => {
  it('moves the head only from the version it expects', async () => {
    await store.createItem(draft('p1'), 'p1');
    await store.publish(version('p1', 1), summaryOf(definition), 0, 'published');
    await expect(store.publish(version('p1', 2), summaryOf(definition), 0, 'published')).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getHead(J, 'p1'))!.version).toBe(1);
  });

  it('adopts a version left behind by a publish that stopped before moving the head', async () => {
    await store.createItem(draft('p2'), 'p2');
    await store.publish(version('p2', 1), summaryOf(definition), 0, 'published');
    // Version 2 written, head never moved: the next attempt conflicts but leaves the head on version 2.
    await rawPut({ pk: `J#${J}#ITEM#p2`, sk: 'V#000002' }, version('p2', 2));
    await expect(store.publish(version('p2', 2), summaryOf(definition), 1, 'published')).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getHead(J, 'p2'))!.version).toBe(2);
    expect((await store.listVersions(J, 'p2')).map((v) => v.version)).toEqual([1, 2]);
  });

  it('changes state only from the states allowed', async () => {
    await expect(store.setState(J, 'p1', 'published', ['suspended'], 'now')).rejects.toBeInstanceOf(ConflictError);
    expect((await store.setState(J, 'p1', 'suspended', ['published'], 'now')).state).toBe('suspended');
  });
});

describe('cases', () => {
  it('hands out distinct serials under concurrency, each process from a block of its own', async () => {
    const other = new Store(dynamo.client, store.tableName);
    const [mine, theirs] = await Promise.all([store, other].map((s) => Promise.all(Array.from({ length: 40 }, () => s.nextSerial(J, '20260302')))));
    expect(new Set([...mine!, ...theirs!]).size).toBe(80);
    // One block each: numbers in order within a process, the rest of each block never issued by another.
    expect([mine!, theirs!].map((serials) => [Math.min(...serials), Math.max(...serials)]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [1, 40],
      [SERIAL_BLOCK + 1, SERIAL_BLOCK + 40],
    ]);
  });

  it('lets one claimant have an idempotency key and tells the others what it claimed', async () => {
    const claims = await Promise.all(['A', 'B', 'C'].map((t) => store.claimIdempotencyKey(J, 'key-1', { trackingNumber: t, requestHash: 'h' })));
    const winners = claims.filter((c) => c === undefined);
    expect(winners).toHaveLength(1);
    const seen = new Set(claims.filter(Boolean).map((c) => c!.trackingNumber));
    expect(seen.size).toBe(1);
  });

  it('reads a long partition across pages', async () => {
    const big = 'x'.repeat(60_000);
    for (let i = 0; i < 20; i++) await store.putDepartment({ id: `DEPT${String(i).padStart(14, '0')}`, jurisdiction: '990122', name: big, nature: '1' });
    expect((await store.listDepartments('990122')).length).toBe(20);
  });
});

describe('a conflict', () => {
  it('carries the record the write found instead, without its keys', async () => {
    await store.createItem(draft('c1'), 'c1');
    await store.saveDraft(draft('c1', 2), 1, 'c1');
    const stale = await store.saveDraft(draft('c1', 2), 1, 'c1').catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).existing).toEqual(draft('c1', 2));
    const again = await store.createItem(draft('c1'), 'c1').catch((error: unknown) => error);
    expect((again as ConflictError).existing).toMatchObject({ itemId: 'c1', draftRevision: 2 });
  });

  it('takes the record DynamoDB returns with the failure, reading nothing more (dynalite returns none)', async () => {
    await store.claimIdempotencyKey(J, 'key-2', { trackingNumber: 'A', requestHash: 'h' });
    const reads: string[] = [];
    dynamo.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'GetItemCommand') reads.push(context.commandName);
        try {
          return await next(args);
        } catch (error) {
          if ((error as Error).name === 'ConditionalCheckFailedException') Object.assign(error as object, { Item: marshall({ pk: 'p', sk: 's', trackingNumber: 'returned', requestHash: 'h' }) });
          throw error;
        }
      },
      { step: 'initialize', name: 'returns-old-item' },
    );
    try {
      expect(await store.claimIdempotencyKey(J, 'key-2', { trackingNumber: 'B', requestHash: 'h' })).toEqual({ trackingNumber: 'returned', requestHash: 'h' });
      expect(reads).toEqual([]);
    } finally {
      dynamo.client.middlewareStack.remove('returns-old-item');
    }
  });

  it('carries nothing when there was no record', async () => {
    const missing = await store.setState(J, 'none', 'published', ['draft'], 'now').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ConflictError);
    expect((missing as ConflictError).existing).toBeUndefined();
  });
});

describe('messages in a case’s outbox', () => {
  const c = { jurisdiction: J, trackingNumber: '990100-20260302-000900', receivedOn: '2026-03-02', departmentId: 'D', revision: 1 } as StoredCase;
  const message = (id: string): PendingMessage => ({ id, jurisdiction: J, at: '2026-03-02T02:00:00.000Z', channel: 'sms', to: '13812345678', topic: 'received', text: '已收到' });
  const pending = async () => {
    const found: string[] = [];
    for await (const page of store.pendingCases()) found.push(...page.map((p) => p.trackingNumber));
    return found;
  };

  it('are claimed by one sender, settled once, and taken over only after a stopped sender’s lease', async () => {
    const m = message('m-claim');
    const claims = await Promise.all(['a', 'b', 'c'].map(() => store.claimMessage(m, '2026-03-02T02:00:05.000Z', '2026-03-02T01:59:05.000Z')));
    expect(claims.filter((claim) => claim === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim === 'sending')).toHaveLength(2);
    // Still within its lease: nobody else takes it; past it, one does, and only that claim may settle.
    expect(await store.claimMessage(m, '2026-03-02T02:00:30.000Z', '2026-03-02T01:59:30.000Z')).toBe('sending');
    expect(await store.claimMessage(m, '2026-03-02T02:01:30.000Z', '2026-03-02T02:00:30.000Z')).toBe('claimed');
    await store.settleMessage(m, '2026-03-02T02:00:05.000Z', { status: 'failed', error: 'late' });
    await store.settleMessage(m, '2026-03-02T02:01:30.000Z', { status: 'delivered' });
    await store.settleMessage(m, '2026-03-02T02:01:30.000Z', { status: 'failed', error: 'again' });
    expect(await store.claimMessage(m, '2026-03-02T03:00:00.000Z', '2026-03-02T02:59:00.000Z')).toBe('settled');
    expect((await store.outboxOf(J, '2026-03-02')).filter((o) => o.id === 'm-claim')).toEqual([expect.objectContaining({ status: 'delivered', claimedAt: '2026-03-02T02:01:30.000Z' })]);
  });

  it('leave the case, and the case the pending index once it has none; messages written meanwhile stay', async () => {
    await store.saveCase({ ...c, outbox: { a: message('a'), b: message('b') } }, 'new', {});
    expect(await pending()).toEqual([c.trackingNumber]);
    // Another write added c while a and b went out.
    await store.saveCase({ ...c, revision: 2, outbox: { a: message('a'), b: message('b'), c: message('c') } }, 1, {});
    await store.messagesSent(c, ['a', 'b']);
    expect(Object.keys((await store.getCase(J, c.trackingNumber))!.outbox!)).toEqual(['c']);
    expect(await pending()).toEqual([c.trackingNumber]);
    await store.messagesSent(c, ['c']);
    expect((await store.getCase(J, c.trackingNumber))!.outbox).toBeUndefined();
    expect(await pending()).toEqual([]);
    // A second report of the same delivery changes nothing.
    await store.messagesSent(c, ['c']);
    expect(await store.getCase(J, c.trackingNumber)).toMatchObject({ trackingNumber: c.trackingNumber, revision: 2 });
  });

  it('leave no case in the pending index with an outbox emptied a message at a time', async () => {
    const d = { ...c, trackingNumber: '990100-20260302-000901' };
    await store.saveCase({ ...d, outbox: { a: message('a'), b: message('b') } }, 'new', {});
    await store.messagesSent(d, ['a', 'gone']);
    await store.messagesSent(d, ['b', 'gone']);
    // The second took out the last message: the outbox and the index keys go with it.
    expect((await store.getCase(J, d.trackingNumber))!.outbox).toBeUndefined();
    expect(await pending()).not.toContain(d.trackingNumber);
    // A poller coming after with nothing to take out changes nothing.
    await store.messagesSent(d, []);
    expect(await pending()).not.toContain(d.trackingNumber);
  });
});
