import { shanghaiDateOf } from '@onevisit/item-schemas';
import type { channels, OutboxMessage, PendingMessage } from './records';
import type { StoredCase } from './cases/record';
import type { Store } from './store/store';

/**
 * Messages to applicants and officers: SMS, e-mail or the in-site inbox. A change to a case
 * writes the messages it sends into the case itself (its `outbox`), in the same item write; a
 * sender delivers them afterwards (from the table's stream in AWS, a poller locally) and
 * records each in the jurisdiction's outbox with how its delivery went.
 */

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

/** Where SMS and e-mail leave the system: the log locally, SNS and SES in AWS. */
export interface Channel {
  deliver(notification: Notification): Promise<void>;
}

/** Told of every case written with messages to send: locally, the poller delivers them at once; in AWS the stream does. */
export interface MessageQueue {
  written(c: StoredCase): void;
}

/**
 * SMS a phone number may receive per day, across every application and jurisdiction. Anyone may
 * name any number in an anonymous form; beyond this its messages are withheld, so the service
 * cannot be used to flood a stranger's phone (issue 15).
 */
export const SMS_PER_NUMBER_PER_DAY = 5;

/** The topic of an SMS answering one the number sent (ratings/sms-replies.ts). */
export const SMS_ANSWER_TOPIC = 'ratingReply';
/** The topic of the message telling a rater their 差评's fix (ratings/fix-notice.ts). */
export const FIX_REPORTED_TOPIC = 'poorFedBack';

/**
 * SMS the cap does not hold back: answers to a number's own SMS (they reach no stranger), and the
 * report of a 差评's fix to the person who gave it (sent only when an official reports one; a
 * conversation about one 差评 went past the cap on a single day).
 */
const UNCAPPED_TOPICS: ReadonlySet<string> = new Set([SMS_ANSWER_TOPIC, FIX_REPORTED_TOPIC]);

/**
 * How long a sender's claim on a message stands. A sender that stopped after claiming (a crash,
 * a function timeout) leaves the message `sending`; after this another takes it over and sends
 * it again: delivery is at least once at the channel, the outcome recorded once.
 */
export const CLAIM_LEASE_MS = 60_000;

/** The number as dialled in China (13812345678), however it was written. */
export const phoneKey = (to: string) => to.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');

type SenderStore = Pick<Store, 'claimMessage' | 'settleMessage' | 'recordMessage' | 'countSms' | 'messagesSent' | 'inviteBySms'>;

/**
 * Delivers the messages in cases' outboxes, each once: a message is claimed in the day's outbox
 * (a conditional write on its id), delivered, and its outcome recorded over the claim, so a
 * stream batch delivered twice or a poller restarted sends nothing twice. A failed or withheld
 * SMS or e-mail never fails anything else, and stays visible on the outbox page.
 */
export class OutboxSender {
  /** Numbers this process saw reach the cap, by day: counts only grow, so these skip the table (bounded, oldest out). */
  private readonly capped = new Set<string>();

  constructor(
    private readonly store: SenderStore,
    private readonly channel: Channel,
    private readonly smsPerNumberPerDay = SMS_PER_NUMBER_PER_DAY,
  ) {}

  /** Delivers what a case's outbox holds and takes out of it what is done. */
  async deliver(c: Pick<StoredCase, 'jurisdiction' | 'trackingNumber' | 'outbox'>): Promise<void> {
    const messages = Object.values(c.outbox ?? {});
    const done = await Promise.all(messages.map((m) => this.send(m)));
    await this.store.messagesSent(c, messages.filter((_, i) => done[i]).map((m) => m.id));
  }

  /** Delivers one message unless it was already; false while another sender has it in hand. */
  async send(message: PendingMessage): Promise<boolean> {
    // In-site messages are delivered by being recorded, under keys of their own: again is the same.
    if (message.channel === 'inSite') {
      await this.store.recordMessage({ ...message, status: 'delivered' });
      return true;
    }
    const now = Date.now();
    const claimedAt = new Date(now).toISOString();
    const claim = await this.store.claimMessage(message, claimedAt, new Date(now - CLAIM_LEASE_MS).toISOString());
    if (claim !== 'claimed') return claim === 'settled';
    const outcome = await this.outcomeOf(message);
    // Recorded before the outcome: a sender stopped in between sends again and records again, the same record.
    if (outcome.status === 'delivered' && message.invites && message.trackingNumber) await this.store.inviteBySms(phoneKey(message.to), message.jurisdiction, message.trackingNumber, message.at, message.invites);
    await this.store.settleMessage(message, claimedAt, outcome);
    return true;
  }

  private async outcomeOf(message: PendingMessage): Promise<Pick<OutboxMessage, 'status' | 'error'>> {
    const cap = this.smsPerNumberPerDay;
    if (message.channel === 'sms' && !UNCAPPED_TOPICS.has(message.topic) && !(await this.smsAllowed(message.to, new Date(message.at)))) {
      return { status: 'withheld', error: `未发送：该号码今日已收到 ${cap} 条短信 / not sent: this number has had ${cap} messages today` };
    }
    try {
      await this.channel.deliver(message);
      return { status: 'delivered' };
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      console.error(JSON.stringify({ type: 'notification-failed', to: message.to, topic: message.topic, error: failure }));
      return { status: 'failed', error: failure };
    }
  }

  /** Whether one more SMS to this number on the message's day is within the cap (and counts it if so). */
  private async smsAllowed(to: string, at: Date): Promise<boolean> {
    const key = `${phoneKey(to)}|${shanghaiDateOf(at)}`;
    if (this.capped.has(key)) return false;
    if (await this.store.countSms(phoneKey(to), shanghaiDateOf(at), this.smsPerNumberPerDay)) return true;
    this.capped.add(key);
    if (this.capped.size > 10_000) this.capped.delete(this.capped.values().next().value!);
    return false;
  }
}

/** Local mode: SMS and e-mail are written to the log (the outbox page shows them too, 查询码 masked). */
export class LogChannel implements Channel {
  constructor(private readonly quiet = false) {}

  async deliver(notification: Notification): Promise<void> {
    if (!this.quiet) console.log(`[通知 ${notification.channel} → ${notification.to}] ${notification.text}`);
  }
}
