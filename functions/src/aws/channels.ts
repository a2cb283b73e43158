import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Channel, Notification } from '../notifier';

/** A mainland mobile number as SNS wants it (E.164). */
const e164 = (mobile: string) => (mobile.startsWith('+') ? mobile : `+86${mobile}`);

/** SMS through SNS, e-mail through SES, behind the same interface as the local log channel. */
export class AwsChannel implements Channel {
  constructor(
    private readonly sns: SNSClient,
    private readonly ses: SESv2Client,
    /** A verified SES identity; without one, e-mails are recorded as failed. */
    private readonly fromAddress: string | undefined,
  ) {}

  async deliver(n: Notification): Promise<void> {
    if (n.channel === 'sms') {
      await this.sns.send(
        new PublishCommand({
          PhoneNumber: e164(n.to),
          Message: n.text,
          MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
        }),
      );
    } else if (n.channel === 'email') {
      if (!this.fromAddress) throw new Error('NOTIFY_FROM_EMAIL is not set: no sender for e-mail');
      await this.ses.send(
        new SendEmailCommand({
          FromEmailAddress: this.fromAddress,
          Destination: { ToAddresses: [n.to] },
          Content: {
            Simple: {
              Subject: { Data: n.trackingNumber ? `办件 ${n.trackingNumber}` : '政务服务通知', Charset: 'UTF-8' },
              Body: { Text: { Data: [n.text, n.text_en].filter(Boolean).join('\n\n'), Charset: 'UTF-8' } },
            },
          },
        }),
      );
    }
  }
}
