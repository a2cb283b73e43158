import { randomUUID } from 'node:crypto';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { AwsChannel } from '../src/aws/channels';
import { OutboxSender, type Channel, type Notification } from '../src/notifier';
import { harness } from './harness';

const h = await harness({ seed: false });

/** Real SDK clients whose requests stop before the network: what each would have sent. */
function captured<T extends SNSClient | SESv2Client>(client: T) {
  const sent: Array<{ command: string; input: Record<string, any> }> = [];
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      sent.push({ command: context.commandName!, input: args.input as Record<string, any> });
      return { output: { $metadata: {} }, response: {} } as never;
    },
    { step: 'initialize', name: 'capture' },
  );
  return sent;
}

const aws = { region: 'cn-north-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const message: Notification = { jurisdiction: '990100', channel: 'sms', to: '13812345678', topic: 'accepted', text: '您的申请已受理', text_en: 'Your application was accepted', trackingNumber: '990100-20260302-000001' };

describe('the AWS channels', () => {
  it('send SMS through SNS as a transactional message to the +86 number', async () => {
    const sns = new SNSClient(aws);
    const sent = captured(sns);
    await new AwsChannel(sns, new SESv2Client(aws), undefined).deliver(message);
    expect(sent).toEqual([
      { command: 'PublishCommand', input: { PhoneNumber: '+8613812345678', Message: '您的申请已受理', MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } } } },
    ]);
  });

  it('send e-mail through SES from the configured sender, both languages in the body', async () => {
    const ses = new SESv2Client(aws);
    const sent = captured(ses);
    await new AwsChannel(new SNSClient(aws), ses, 'noreply@gov.example').deliver({ ...message, channel: 'email', to: 'li@example.com' });
    expect(sent[0]!.command).toBe('SendEmailCommand');
    expect(sent[0]!.input).toMatchObject({ FromEmailAddress: 'noreply@gov.example', Destination: { ToAddresses: ['li@example.com'] } });
    expect(sent[0]!.input.Content.Simple.Body.Text.Data).toBe('您的申请已受理\n\nYour application was accepted');
  });

  it('refuse e-mail when no sender is configured', async () => {
    await expect(new AwsChannel(new SNSClient(aws), new SESv2Client(aws), undefined).deliver({ ...message, channel: 'email', to: 'li@example.com' })).rejects.toThrow('NOTIFY_FROM_EMAIL');
  });
});

describe('the outbox', () => {
  it('records every message with how its delivery went; a failed SMS fails nothing else', async () => {
    const broken: Channel = { deliver: async () => Promise.reject(new Error('SMS gateway unavailable')) };
    const sender = new OutboxSender(h.store, broken);
    const at = '2026-03-02T02:00:00.000Z';
    expect(await sender.send({ ...message, id: randomUUID(), at })).toBe(true);
    expect(await sender.send({ ...message, id: randomUUID(), at, channel: 'inSite', to: 'dept:12370500MB1000007L', topic: 'warning' })).toBe(true);
    const day = await h.store.outboxOf('990100', '2026-03-02');
    expect(day).toContainEqual(expect.objectContaining({ channel: 'sms', status: 'failed', error: 'SMS gateway unavailable' }));
    expect(day).toContainEqual(expect.objectContaining({ channel: 'inSite', status: 'delivered' }));
    expect(await h.store.inboxOf('990100', 'dept:12370500MB1000007L')).toHaveLength(1);
  });
});
