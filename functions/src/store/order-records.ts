import type { StoredOrder } from '../supervision/orders';
import type { TableAccess } from './table-access';

/**
 * 督办 as table records: a partition per jurisdiction (J#…#SUPERVISION), an order per case and
 * number (ORDER#{trackingNumber}#{seq}), so a jurisdiction's list is one query and a case's
 * orders a prefix of it. An order is written once (its number not yet taken) and answered once
 * (no answer yet): two administrators raising at once, or two officers answering, cannot both win.
 */

export type OrderRecords = ReturnType<typeof orderRecords>;

const partitionOf = (jurisdiction: string) => `J#${jurisdiction}#SUPERVISION`;
const sortOf = (trackingNumber: string, seq?: number) => `ORDER#${trackingNumber}#${seq === undefined ? '' : String(seq).padStart(4, '0')}`;
const keyOf = (jurisdiction: string, trackingNumber: string, seq: number) => ({ pk: partitionOf(jurisdiction), sk: sortOf(trackingNumber, seq) });

export function orderRecords(table: TableAccess) {
  return {
    /** Every order of the jurisdiction, by case and number. */
    listOrders(jurisdiction: string): Promise<StoredOrder[]> {
      return table.queryAll<StoredOrder>({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :order)', ExpressionAttributeValues: { ':pk': partitionOf(jurisdiction), ':order': 'ORDER#' } });
    },

    /** A case's orders, first raised first. */
    caseOrders(jurisdiction: string, trackingNumber: string): Promise<StoredOrder[]> {
      return table.queryAll<StoredOrder>({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :case)', ExpressionAttributeValues: { ':pk': partitionOf(jurisdiction), ':case': sortOf(trackingNumber) }, ConsistentRead: true });
    },

    getOrder(jurisdiction: string, trackingNumber: string, seq: number): Promise<StoredOrder | undefined> {
      return table.get<StoredOrder>(keyOf(jurisdiction, trackingNumber, seq));
    },

    /** Written under a number not yet taken; one raced to it throws ConflictError carrying the order there. */
    putOrder(order: StoredOrder): Promise<void> {
      return table.put(keyOf(order.jurisdiction, order.trackingNumber, order.seq), order, { expression: 'attribute_not_exists(pk)', conflict: 'order number taken' });
    },

    /** The answer, given to an order not yet answered; otherwise ConflictError carrying the order as it is. */
    answerOrder(order: StoredOrder, answer: NonNullable<StoredOrder['answer']>): Promise<StoredOrder> {
      return table.update<StoredOrder>(keyOf(order.jurisdiction, order.trackingNumber, order.seq), { answer }, { expression: 'attribute_exists(pk) AND attribute_not_exists(#answer)', conflict: 'order answered' });
    },
  };
}
