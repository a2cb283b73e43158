import type { AppDeps } from '../deps';
import type { StoredCase } from './record';

/**
 * Who else hears that a case moved, whichever way it moved (an officer's action, the applicant's,
 * the deadline sweep's): a 一件事's parent starts its next stage when its item's case is decided.
 * Listeners are added when the app is built (one each, however many apps a process builds); one
 * that fails leaves the case as saved, and its work is done again on the next move or read.
 */
type Listener = (deps: AppDeps, moved: StoredCase) => Promise<void>;

const listeners = new Set<Listener>();

export function onCaseMoved(listener: Listener): void {
  listeners.add(listener);
}

export async function caseMoved(deps: AppDeps, moved: StoredCase): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener(deps, moved);
    } catch (error) {
      console.error('[办件变动 case moved] failed', moved.trackingNumber, error);
    }
  }
}
