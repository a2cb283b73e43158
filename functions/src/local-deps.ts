import { LocalTokens } from './auth';
import type { AppDeps } from './deps';
import { localFileStore, type LocalFileStore } from './files';
import { LocalOutbox } from './local-outbox';
import { LogChannel, OutboxSender, type Channel } from './notifier';
import { Calendars } from './per-jurisdiction/calendars';
import { CaseSettingsSource } from './per-jurisdiction/case-settings';
import type { Store } from './store/store';

/** The app's dependencies on one machine: files under the data folder, messages delivered to the outbox and the log, local tokens. */
export function localDeps(
  store: Store,
  options: { dataDir: string; secret: string; clock?: () => Date; quiet?: boolean; channel?: Channel },
): AppDeps & { devTokens: LocalTokens; files: LocalFileStore; outbox: LocalOutbox } {
  const tokens = new LocalTokens(options.secret);
  return {
    store,
    calendars: new Calendars(store),
    caseSettings: new CaseSettingsSource(store),
    files: localFileStore(options.dataDir),
    auth: tokens,
    devTokens: tokens,
    outbox: new LocalOutbox(store, new OutboxSender(store, options.channel ?? new LogChannel(options.quiet))),
    clock: options.clock ?? (() => new Date()),
    secret: options.secret,
  };
}
