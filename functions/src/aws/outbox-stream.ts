import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StoredCase } from '../cases/record';
import type { OutboxSender } from '../notifier';
import type { Store } from '../store/store';

/**
 * The outbox's sender on AWS Lambda. The table's stream brings each case written with messages
 * in its outbox (the event source's filter passes only those); each is delivered through SNS
 * and SES and taken out of the outbox. A record that fails is reported, so Lambda retries the
 * batch from it (bisecting on error, a bounded number of times) and then hands it to the
 * dead-letter queue; the sender's claims make every retry send nothing twice. A schedule also
 * runs it over the pending-messages index, which delivers what the stream gave up on.
 */

type Event = DynamoDBStreamEvent | { source?: string };

/** The handler over a store and a sender: the stream's records, or a pass over the index. */
export function outboxHandler(store: Pick<Store, 'pendingCases'>, sender: OutboxSender) {
  const deliver = async (record: DynamoDBRecord) => {
    const image = record.dynamodb?.NewImage;
    if (record.eventName === 'REMOVE' || !image) return;
    const c = unmarshall(image as Parameters<typeof unmarshall>[0]) as StoredCase;
    if (c.outbox && Object.keys(c.outbox).length > 0) await sender.deliver(c);
  };
  return async (event: Event): Promise<DynamoDBBatchResponse | void> => {
    if (!('Records' in event)) {
      for await (const page of store.pendingCases()) await Promise.all(page.map((c) => sender.deliver(c)));
      return;
    }
    const results = await Promise.allSettled(event.Records.map(deliver));
    const failed = event.Records.filter((_, i) => results[i]!.status === 'rejected');
    for (const [i, result] of results.entries()) {
      if (result.status === 'rejected') console.error(JSON.stringify({ type: 'outbox-record-failed', sequence: event.Records[i]!.dynamodb?.SequenceNumber, error: String(result.reason) }));
    }
    return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })) };
  };
}
