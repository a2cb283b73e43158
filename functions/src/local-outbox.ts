import type { StoredCase } from './cases/record';
import type { MessageQueue, OutboxSender } from './notifier';
import type { Store } from './store/store';

/**
 * Local mode's delivery of the messages cases are written with: a case just written is
 * delivered right after the request that wrote it (not within it), and a poller reads the
 * pending-messages index at start and on a timer, so what a stopped process left undelivered,
 * or a claim whose sender stopped, is delivered after all. The sender's claims make every pass
 * safe to repeat.
 */
export class LocalOutbox implements MessageQueue {
  /** Cases written since the last pass, by tracking number (the latest write wins). */
  private readonly written_ = new Map<string, StoredCase>();
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Pick<Store, 'pendingCases'>,
    private readonly sender: OutboxSender,
  ) {}

  written(c: StoredCase): void {
    this.written_.set(`${c.jurisdiction}/${c.trackingNumber}`, c);
    this.deliverSoon();
  }

  private deliverSoon(): void {
    if (this.running) return;
    this.running = this.deliverWritten().finally(() => {
      this.running = undefined;
      // Written after the last round looked, before this one ended.
      if (this.written_.size > 0) this.deliverSoon();
    });
  }

  private async deliverWritten(): Promise<void> {
    // After the request's own work: the answer does not wait for its messages.
    await new Promise((resolve) => setImmediate(resolve));
    const batch: StoredCase[] = [];
    while (this.written_.size > 0) {
      const [key, c] = this.written_.entries().next().value!;
      this.written_.delete(key);
      batch.push(c);
      if (batch.length === AT_ONCE || this.written_.size === 0) await this.deliverAll(batch.splice(0));
    }
  }

  /** Delivers every case the pending-messages index holds. */
  async poll(): Promise<void> {
    for await (const page of this.store.pendingCases()) {
      for (let i = 0; i < page.length; i += AT_ONCE) await this.deliverAll(page.slice(i, i + AT_ONCE));
    }
  }

  private deliverAll(cases: StoredCase[]): Promise<unknown> {
    return Promise.all(cases.map((c) => this.sender.deliver(c).catch(report)));
  }

  /** Until every case written so far is delivered (or has failed to be, and waits for the poller). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Polls now and every `seconds`. */
  async start(seconds: number): Promise<void> {
    await this.poll().catch(report);
    this.timer = setInterval(() => void this.poll().catch(report), seconds * 1000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.drain();
  }
}

/**
 * Cases delivered at a time: the messages of a burst of submissions go out a few at a time, so
 * delivery never crowds the store the requests themselves are using.
 */
const AT_ONCE = 8;

const report = (error: unknown) => console.error('[消息发送 outbox] failed', error);
