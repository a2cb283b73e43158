import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { StoredCase } from '../cases/record';
import { withoutTrackingCodes } from '../cases/tracking-code';
import type { OutboxMessage, PendingMessage } from '../records';
import { keys } from './keys';
import { TABLE_INDEXES } from './table';
import { ConflictError, isConditionFailure, type TableAccess } from './table-access';

/** Messages as table records: each day's outbox of a jurisdiction, and the in-site inboxes. */

export type MessageRecords = ReturnType<typeof messageRecords>;

/** A message as its outbox record keeps it: without the applicant's 查询码 (it went out in the message itself). */
const kept = <M extends PendingMessage>(m: M): M => ({ ...m, text: withoutTrackingCodes(m.text), ...(m.text_en === undefined ? {} : { text_en: withoutTrackingCodes(m.text_en) }) });

/** Where a message is kept in its day's outbox. */
const outboxKey = (m: PendingMessage) => keys.outbox(m.jurisdiction, shanghaiDateOf(new Date(m.at)), `${m.at}#${m.id}`);

export function messageRecords(table: TableAccess) {
  return {
    /** Records a message in the day's outbox and, for in-site messages, the recipient's inbox. Idempotent: the keys are the message's. */
    async recordMessage(message: OutboxMessage): Promise<void> {
      if (message.channel === 'inSite') await table.put(keys.inbox(message.jurisdiction, message.to, `${message.at}#${message.id}`), kept(message));
      await table.put(outboxKey(message), kept(message));
    },

    /**
     * Claims a message for delivery: recorded in its outbox as `sending` at `now`, unless it is
     * recorded already. A claim made before `staleBefore` is taken over: its sender stopped
     * before it could tell how the delivery went. Else says whether the message is in another
     * sender's hands (`sending`) or done (`settled`).
     */
    async claimMessage(message: PendingMessage, now: string, staleBefore: string): Promise<'claimed' | 'sending' | 'settled'> {
      const claim: OutboxMessage = { ...kept(message), status: 'sending', claimedAt: now };
      try {
        await table.put(outboxKey(message), claim, {
          expression: 'attribute_not_exists(pk) OR (#status = :sending AND #claimedAt < :stale)',
          values: { ':sending': 'sending', ':stale': staleBefore },
          conflict: 'message claimed',
        });
        return 'claimed';
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        return (error.existing as OutboxMessage | undefined)?.status === 'sending' ? 'sending' : 'settled';
      }
    },

    /**
     * Adds messages to an existing case's outbox without touching the rest of it (no revision
     * read, so it cannot conflict with an officer's action), putting the case in the pending
     * index if it was not. Idempotent by the messages' ids; the sender's claims keep a message
     * added again after it went out from going out twice. The case as it is afterwards.
     */
    async addMessages(c: Pick<StoredCase, 'jurisdiction' | 'trackingNumber'>, messages: readonly PendingMessage[]): Promise<StoredCase> {
      const index = TABLE_INDEXES.byPendingMessages;
      const oldest = messages.reduce((first, m) => (m.at < first ? m.at : first), messages[0]!.at);
      const base = {
        names: { '#outbox': 'outbox', '#ipk': index.pk, '#isk': index.sk } as Record<string, string>,
        values: { ':ipk': keys.pendingShard(c.trackingNumber), ':isk': keys.pendingSort(oldest, c.trackingNumber) } as Record<string, unknown>,
      };
      const inIndex = '#ipk = if_not_exists(#ipk, :ipk), #isk = if_not_exists(#isk, :isk)';
      const send = (update: string, condition: string, names: Record<string, string>, values: Record<string, unknown>) =>
        table.doc.send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: keys.case(c.jurisdiction, c.trackingNumber),
            UpdateExpression: `SET ${update}, ${inIndex}`,
            ConditionExpression: `attribute_exists(pk) AND ${condition}`,
            ExpressionAttributeNames: { ...base.names, ...names },
            ExpressionAttributeValues: { ...base.values, ...values },
            ReturnValues: 'ALL_NEW',
          }),
        );
      // An outbox map may be there (add to it) or not (make it); another write may change which between the two tries.
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const each = messages.map((m, i) => [`#m${i}`, `:m${i}`, m] as const);
          const added = await send(
            each.map(([name, value]) => `#outbox.${name} = ${value}`).join(', '),
            'attribute_exists(#outbox)',
            Object.fromEntries(each.map(([name, , m]) => [name, m.id])),
            Object.fromEntries(each.map(([, value, m]) => [value, m])),
          );
          return added.Attributes as StoredCase;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
        try {
          const made = await send('#outbox = :outbox', 'attribute_not_exists(#outbox)', {}, { ':outbox': Object.fromEntries(messages.map((m) => [m.id, m])) });
          return made.Attributes as StoredCase;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      throw new Error(`case ${c.trackingNumber} is missing, or its outbox kept changing`);
    },

    /** Records how a claimed delivery went, once: only the claim made at `claimedAt` may. */
    async settleMessage(message: PendingMessage, claimedAt: string, outcome: Pick<OutboxMessage, 'status' | 'error'>): Promise<void> {
      try {
        await table.update(outboxKey(message), { status: outcome.status, ...(outcome.error === undefined ? {} : { error: outcome.error }) }, {
          expression: '#status = :sending AND #claimedAt = :claimedAt',
          values: { ':sending': 'sending', ':claimedAt': claimedAt },
          conflict: 'message settled by another sender',
        });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    },

    /**
     * Counts one more SMS to a phone number on a day (Shanghai time), across every jurisdiction,
     * unless `cap` were counted already: false then. Atomic, so concurrent sends cannot overshoot.
     */
    async countSms(phone: string, day: string, cap: number): Promise<boolean> {
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: keys.smsCount(phone, day),
            UpdateExpression: 'ADD #n :one',
            ConditionExpression: 'attribute_not_exists(#n) OR #n < :cap',
            ExpressionAttributeNames: { '#n': 'n' },
            ExpressionAttributeValues: { ':one': 1, ':cap': cap },
          }),
        );
        return true;
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    /** A day's messages, newest first. */
    outboxOf(jurisdiction: string, day: string, limit = 200): Promise<OutboxMessage[]> {
      return table.newest(keys.outboxDay(jurisdiction, day), limit);
    },

    /** An inbox's newest messages. */
    inboxOf(jurisdiction: string, recipient: string, limit = 50): Promise<OutboxMessage[]> {
      return table.newest(keys.inboxOf(jurisdiction, recipient), limit);
    },
  };
}
