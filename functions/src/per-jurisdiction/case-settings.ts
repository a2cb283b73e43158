import { defaultCaseSettings, type CaseSettings } from '../cases/settings';
import type { Store } from '../store/store';
import { lineage, PerJurisdiction } from './cache';

/** A jurisdiction's case settings, else the nearest parent's, else the defaults; kept briefly, like calendars. */
export class CaseSettingsSource extends PerJurisdiction<CaseSettings> {
  constructor(store: Store) {
    super(async (jurisdiction) => {
      for (const id of await lineage(store, jurisdiction)) {
        const own = await store.getCaseSettings(id);
        if (own) return own;
      }
      return defaultCaseSettings;
    });
  }
}
