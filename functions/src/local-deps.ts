import { join } from 'node:path';
import { LocalTokens } from './auth';
import { Calendars } from './calendars';
import type { AppDeps } from './deps';
import { localFileStore } from './files';
import { LocalOutbox } from './notifier';
import type { Store } from './store/store';

/** The app's dependencies on one machine: files and outbox under the data folder, local tokens. */
export function localDeps(store: Store, options: { dataDir: string; secret: string; clock?: () => Date; quiet?: boolean }): AppDeps & { devTokens: LocalTokens } {
  const tokens = new LocalTokens(options.secret);
  return {
    store,
    calendars: new Calendars(store),
    files: localFileStore(options.dataDir),
    auth: tokens,
    devTokens: tokens,
    notifier: new LocalOutbox(join(options.dataDir, 'outbox.jsonl'), options.quiet),
    clock: options.clock ?? (() => new Date()),
    secret: options.secret,
  };
}
