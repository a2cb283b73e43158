/**
 * Reads whose answer may stand a moment in this process (item and bundle heads as applications
 * take them, a jurisdiction's list of heads). Each is kept as the promise of its read, so the
 * requests that come while it is read, or after it expired all at once, share one read instead
 * of each sending its own. Bounded (the oldest go first); a failed read is not kept; `forget`
 * drops one at once (a write here changed it).
 */
export function briefReads<T>(ms: number, size: number) {
  const kept = new Map<string, { answer: Promise<T>; until: number }>();
  return {
    read(key: string, read: () => Promise<T>): Promise<T> {
      const known = kept.get(key);
      if (known && known.until > Date.now()) return known.answer;
      const entry = { answer: read(), until: Date.now() + ms };
      kept.delete(key);
      if (kept.size >= size) kept.delete(kept.keys().next().value!);
      kept.set(key, entry);
      entry.answer.catch(() => {
        if (kept.get(key) === entry) kept.delete(key);
      });
      return entry.answer;
    },
    forget(key: string): void {
      kept.delete(key);
    },
  };
}
