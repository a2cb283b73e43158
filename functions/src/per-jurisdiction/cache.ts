import type { Store } from '../store/store';

/**
 * Values worked out per jurisdiction (its calendar, its case settings), kept briefly. Lower levels
 * inherit from higher ones, so a save anywhere drops them all.
 */
export class PerJurisdiction<T> {
  private readonly cache = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly load: (jurisdiction: string) => Promise<T>,
    private readonly ttlMs = 60_000,
  ) {}

  async forJurisdiction(jurisdiction: string): Promise<T> {
    const now = Date.now();
    const cached = this.cache.get(jurisdiction);
    if (cached && cached.until > now) return cached.value;
    const value = await this.load(jurisdiction);
    this.cache.set(jurisdiction, { value, until: now + this.ttlMs });
    return value;
  }

  invalidate(): void {
    this.cache.clear();
  }
}

/** A jurisdiction and those above it, nearest first (at most eight levels). */
export async function lineage(store: Store, jurisdiction: string): Promise<string[]> {
  const chain: string[] = [];
  for (let id: string | undefined = jurisdiction; id && chain.length < 8; id = (await store.getJurisdiction(id))?.parent) chain.push(id);
  return chain;
}
