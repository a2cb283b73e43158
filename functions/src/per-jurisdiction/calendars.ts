import { nationalCalendar, type WorkCalendar } from '@onevisit/item-schemas';
import { lineage, PerJurisdiction } from './cache';
import type { Store } from '../store/store';

/**
 * Each jurisdiction's effective calendar: the national one, overlaid by the days of every
 * jurisdiction from the top down to it (a county inherits its city's days). Built calendars
 * are kept briefly; a save drops them (`invalidate`).
 */
export class Calendars extends PerJurisdiction<WorkCalendar> {
  constructor(store: Store) {
    super(async (jurisdiction) => {
      let calendar = nationalCalendar();
      for (const id of (await lineage(store, jurisdiction)).reverse()) {
        const own = await store.getCalendar(id);
        if (own && (own.overlay.days?.length || own.overlay.officialYears?.length)) calendar = calendar.overlay(own.overlay, `${id}r${own.revision}`);
      }
      return calendar;
    });
  }
}
