import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { channels } from './records';
import type { Store } from './store/store';

/** Messages to applicants and officers: SMS, e-mail or the in-site inbox. */

export interface Notification {
  jurisdiction: string;
  channel: (typeof channels)[number];
  /** A phone number, an e-mail address, or an inbox (`dept:<credit code>`, `admins`). */
  to: string;
  /** What the message is about, for the outbox page and audits. */
  topic: string;
  text: string;
  text_en?: string;
  trackingNumber?: string;
}

export interface Notifier {
  send(notification: Notification, at: Date): Promise<void>;
}

/** Where SMS and e-mail leave the system: the log locally, SNS and SES in AWS. */
export interface Channel {
  deliver(notification: Notification): Promise<void>;
}

/**
 * SMS a phone number may receive per day, across every application and jurisdiction. Anyone may
 * name any number in an anonymous form; beyond this its messages are withheld, so the service
 * cannot be used to flood a stranger's phone (issue 15).
 */
export const SMS_PER_NUMBER_PER_DAY = 5;

/** The number as dialled in China (13812345678), however it was written. */
const phoneKey = (to: string) => to.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');

/**
 * Every message is recorded in the jurisdiction's outbox with how its delivery went; a failed
 * or withheld SMS or e-mail never fails the action that caused it, and stays visible on the outbox page.
 */
export class Outbox implements Notifier {
  /** Numbers this process saw reach the cap, by day: counts only grow, so these skip the table (bounded, oldest out). */
  private readonly capped = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly channel: Channel,
    private readonly smsPerNumberPerDay = SMS_PER_NUMBER_PER_DAY,
  ) {}

  /** Whether one more SMS to this number today is within the cap (and counts it if so). */
  private async smsAllowed(to: string, at: Date): Promise<boolean> {
    const key = `${phoneKey(to)}|${shanghaiDateOf(at)}`;
    if (this.capped.has(key)) return false;
    if (await this.store.countSms(phoneKey(to), shanghaiDateOf(at), this.smsPerNumberPerDay)) return true;
    this.capped.add(key);
    if (this.capped.size > 10_000) this.capped.delete(this.capped.values().next().value!);
    return false;
  }

  async send(notification: Notification, at: Date): Promise<void> {
    let failure: string | undefined;
    let withheld: string | undefined;
    const cap = this.smsPerNumberPerDay;
    if (notification.channel === 'sms' && !(await this.smsAllowed(notification.to, at))) {
      withheld = `未发送：该号码今日已收到 ${cap} 条短信 / not sent: this number has had ${cap} messages today`;
    } else if (notification.channel !== 'inSite') {
      try {
        await this.channel.deliver(notification);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
        console.error(JSON.stringify({ type: 'notification-failed', to: notification.to, topic: notification.topic, error: failure }));
      }
    }
    await this.store.recordMessage({
      id: randomUUID(),
      at: at.toISOString(),
      ...notification,
      status: withheld ? 'withheld' : failure === undefined ? 'delivered' : 'failed',
      ...(withheld || failure ? { error: withheld ?? failure } : {}),
    });
  }
}

/** Local mode: SMS and e-mail are written to the log (the outbox page shows them too). */
export class LogChannel implements Channel {
  constructor(private readonly quiet = false) {}

  async deliver(notification: Notification): Promise<void> {
    if (!this.quiet) console.log(`[通知 ${notification.channel} → ${notification.to}] ${notification.text}`);
  }
}
