import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { OutboxSender } from '../notifier';
import { AwsChannel } from './channels';
import { outboxHandler } from './outbox-stream';
import { storeFromEnvironment } from './table-environment';

/** The outbox's sender on AWS Lambda (outbox-stream.ts): the table's stream and a schedule invoke it. */
const store = storeFromEnvironment();
export const handler = outboxHandler(store, new OutboxSender(store, new AwsChannel(new SNSClient({}), new SESv2Client({}), process.env.NOTIFY_FROM_EMAIL)));
