import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Messages to applicants and officers: SMS, e-mail or the in-site inbox. */
export interface Notification {
  channel: 'sms' | 'email' | 'inSite';
  /** A phone number, an e-mail address, or a user id for the inbox. */
  to: string;
  /** What the message is about, for the outbox page and audits. */
  topic: string;
  text: string;
  trackingNumber?: string;
}

export interface Notifier {
  send(notification: Notification, at: Date): Promise<void>;
}

/** Local mode: every message goes to an outbox file (one JSON line each) and, unless quiet, the log. */
export class LocalOutbox implements Notifier {
  constructor(
    readonly file: string,
    private readonly quiet = false,
  ) {}

  async send(notification: Notification, at: Date): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify({ at: at.toISOString(), ...notification })}\n`);
    if (!this.quiet) console.log(`[通知 ${notification.channel} → ${notification.to}] ${notification.text}`);
  }
}

/** Until a deployment sets up SMS and e-mail, messages are written to the function's log. */
export class LogNotifier implements Notifier {
  async send(notification: Notification, at: Date): Promise<void> {
    console.log(JSON.stringify({ type: 'notification', at: at.toISOString(), ...notification }));
  }
}
