import { nationalCalendar, type WorkCalendar } from '@onevisit/item-schemas';
import type { Store } from './store/store';

/**
 * Each jurisdiction's effective calendar: the national one, overlaid by the days of every
 * jurisdiction from the top down to it (a county inherits its city's days). Built calendars
 * are kept briefly; a jurisdiction's own saves drop its cache at once.
 */
export class Calendars {
  private readonly cache = new Map<string, { calendar: WorkCalendar; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 60_000,
  ) {}

  async forJurisdiction(jurisdiction: string, now = Date.now()): Promise<WorkCalendar> {
    const cached = this.cache.get(jurisdiction);
    if (cached && cached.until > now) return cached.calendar;
    const chain: string[] = [];
    for (let id: string | undefined = jurisdiction; id && chain.length < 8; ) {
      chain.unshift(id);
      id = (await this.store.getJurisdiction(id))?.parent;
    }
    let calendar = nationalCalendar();
    for (const id of chain) {
      const own = await this.store.getCalendar(id);
      if (own && (own.overlay.days?.length || own.overlay.officialYears?.length)) calendar = calendar.overlay(own.overlay, `${id}r${own.revision}`);
    }
    this.cache.set(jurisdiction, { calendar, until: now + this.ttlMs });
    return calendar;
  }

  /** A jurisdiction's days changed: it and everything below it must be rebuilt. */
  invalidate(): void {
    this.cache.clear();
  }
}
