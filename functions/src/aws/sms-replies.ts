import type { SNSEvent } from 'aws-lambda';
import { ApiError } from '../errors';
import { ZInboundSms, type SmsReplyOutcome } from '../ratings/sms-invitations';
import { replyBySms } from '../ratings/sms-replies';
import { depsFromEnvironment } from './environment';

/**
 * 短信评价 on AWS Lambda: the two-way SMS number publishes each reply it receives to a topic
 * (AWS End User Messaging's inbound message, or a gateway adapter sending the same JSON), which
 * invokes this function. A reply that cannot be read or is refused is logged and dropped (a
 * retry would be refused again); anything else throws, so Lambda retries it, and the handling is
 * idempotent by the reply's id. What each record came to is returned too (SNS ignores it; logs
 * and tests read it).
 */
const deps = await depsFromEnvironment();

export const handler = async (event: SNSEvent): Promise<Array<SmsReplyOutcome['outcome'] | 'unreadable' | 'refused'>> => {
  const outcomes: Array<SmsReplyOutcome['outcome'] | 'unreadable' | 'refused'> = [];
  for (const record of event.Records) {
    let body: unknown;
    try {
      body = JSON.parse(record.Sns.Message);
    } catch {
      body = undefined;
    }
    const inbound = ZInboundSms.safeParse(body);
    if (!inbound.success) {
      console.warn(JSON.stringify({ type: 'sms-reply-unreadable', messageId: record.Sns.MessageId, issues: inbound.error.issues.map((i) => i.path.join('.')) }));
      outcomes.push('unreadable');
      continue;
    }
    try {
      const outcome = await replyBySms(deps, inbound.data);
      console.log(JSON.stringify({ type: 'sms-reply', id: inbound.data.inboundMessageId, outcome: outcome.outcome, trackingNumber: outcome.trackingNumber }));
      outcomes.push(outcome.outcome);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      console.warn(JSON.stringify({ type: 'sms-reply-refused', id: inbound.data.inboundMessageId, code: error.code }));
      outcomes.push('refused');
    }
  }
  return outcomes;
};
