import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { OutboxMessage } from '../records';
import { keys } from './keys';
import type { TableAccess } from './table-access';

/** Messages as table records: each day's outbox of a jurisdiction, and the in-site inboxes. */

export type MessageRecords = ReturnType<typeof messageRecords>;

export function messageRecords(table: TableAccess) {
  return {
    /** Records a message in the day's outbox and, for in-site messages, the recipient's inbox. */
    async recordMessage(message: OutboxMessage): Promise<void> {
      const sortKey = `${message.at}#${message.id}`;
      const day = shanghaiDateOf(new Date(message.at));
      await table.put(keys.outbox(message.jurisdiction, day, sortKey), message);
      if (message.channel === 'inSite') await table.put(keys.inbox(message.jurisdiction, message.to, sortKey), message);
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
