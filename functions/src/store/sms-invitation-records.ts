import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SmsInvitation } from '../ratings/sms-invitations';
import type { PendingMessage } from '../records';
import { ifRevision, type TableAccess } from './table-access';

/**
 * 短信评价 invitations: a partition per phone number (as dialled in China), a record per case the
 * number was invited to rate. A reply is read against its own number's partition alone.
 */
const smsRatingKeys = {
  partition: (phone: string) => `PLATFORM#SMSRATE#${phone}`,
  invitation: (phone: string, jurisdiction: string, trackingNumber: string) => ({ pk: `PLATFORM#SMSRATE#${phone}`, sk: `${jurisdiction}#${trackingNumber}` }),
};

export type SmsInvitationRecords = ReturnType<typeof smsInvitationRecords>;
type Invites = NonNullable<PendingMessage['invites']>;

export function smsInvitationRecords(table: TableAccess) {
  return {
    /**
     * Records that `phone` was invited at `at` to rate the case, or to judge the fix of its 差评.
     * Idempotent; a later invitation for the same case (decided, then delivered; then the fix)
     * moves its time on and keeps the conversation.
     */
    async inviteBySms(phone: string, jurisdiction: string, trackingNumber: string, at: string, to: Invites): Promise<void> {
      // Asked to judge a fix: which 差评's (the case's or the window service's) the next reply judges.
      const judging = to === 'rating' ? undefined : to === 'judgement' ? 'case' : 'window';
      await table.doc.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: smsRatingKeys.invitation(phone, jurisdiction, trackingNumber),
          UpdateExpression: `SET #phone = :phone, #jurisdiction = :jurisdiction, #trackingNumber = :number, #invitedAt = :at, #revision = if_not_exists(#revision, :zero) + :one${judging ? ', #judging = :at, #judgingTarget = :target' : ''}`,
          ExpressionAttributeNames: { '#phone': 'phone', '#jurisdiction': 'jurisdiction', '#trackingNumber': 'trackingNumber', '#invitedAt': 'invitedAt', '#revision': 'revision', ...(judging ? { '#judging': 'judging', '#judgingTarget': 'judgingTarget' } : {}) },
          ExpressionAttributeValues: { ':phone': phone, ':jurisdiction': jurisdiction, ':number': trackingNumber, ':at': at, ':zero': 0, ':one': 1, ...(judging ? { ':target': judging } : {}) },
        }),
      );
    },

    /** Every invitation of a number. */
    smsInvitations(phone: string): Promise<SmsInvitation[]> {
      return table.partition<SmsInvitation>(smsRatingKeys.partition(phone));
    },

    /** An invitation's conversation moved on, over the revision read (ConflictError if another reply moved it first). */
    async saveSmsInvitation(invitation: SmsInvitation, expectedRevision: number): Promise<void> {
      await table.put(smsRatingKeys.invitation(invitation.phone, invitation.jurisdiction, invitation.trackingNumber), invitation, ifRevision(expectedRevision, 'the invitation changed meanwhile'));
    },
  };
}
