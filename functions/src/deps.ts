import type { Authenticator, LocalTokens } from './auth';
import type { ClientAddress } from './client-address';
import type { FileStore } from './files';
import type { MessageQueue } from './notifier';
import type { Calendars } from './per-jurisdiction/calendars';
import type { CaseSettingsSource } from './per-jurisdiction/case-settings';
import type { RateLimitSettings } from './rate-limits';
import type { Store } from './store/store';

/** Everything the app needs from its host. Each host (local server, Lambda) builds these. */
export interface AppDeps {
  store: Store;
  calendars: Calendars;
  caseSettings: CaseSettingsSource;
  files: FileStore;
  auth: Authenticator;
  /** Told of cases written with messages to send (local mode); in AWS the table's stream delivers them. */
  outbox?: MessageQueue;
  /** The current instant; tests inject a fixed or moving clock. */
  clock: () => Date;
  /** Present only in local mode: the demo sign-in picker issues tokens with it. */
  devTokens?: LocalTokens;
  /** In AWS: where officials sign in (the Cognito hosted page) and the editor's client id there. */
  hostedSignIn?: { domain: string; clientId: string };
  /** Secret for tracking-secret hashes and upload tickets. */
  secret: string;
  /** Who sent a request (client-address.ts); without it every request counts as one client. */
  clientAddress?: ClientAddress;
  /** Rate limits other than the defaults (rate-limits.ts), e.g. raised for a benchmark. */
  rateLimits?: RateLimitSettings;
}
