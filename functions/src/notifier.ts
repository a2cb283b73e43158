import { randomUUID } from 'node:crypto';
import type { channels } from './records';
import type { Store } from './store/store';

/** Messages to applicants and officers: SMS, e-mail or the in-site inbox. */

// The routes document the outbox with this schema from here; records own it.
export { outboxMessage } from './records';

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
 * Every message is recorded in the jurisdiction's outbox with how its delivery went; a failed
 * SMS or e-mail never fails the action that caused it, and stays visible on the outbox page.
 */
export class Outbox implements Notifier {
  constructor(
    private readonly store: Store,
    private readonly channel: Channel,
  ) {}

  async send(notification: Notification, at: Date): Promise<void> {
    let failure: string | undefined;
    if (notification.channel !== 'inSite') {
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
      status: failure === undefined ? 'delivered' : 'failed',
      ...(failure === undefined ? {} : { error: failure }),
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
