/** Dotted paths into a definition (or a material, or an entry of a list), as the layout's columns name them. */

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Paths split once: each column's is asked for on every row. */
const split = new Map<string, string[]>();
const keysOf = (path: string) => split.get(path) ?? split.set(path, path.split('.')).get(path)!;

export function getPath(from: unknown, path: string): unknown {
  let at = from;
  for (const key of keysOf(path)) {
    if (!isBag(at)) return undefined;
    at = at[key];
  }
  return at;
}

export function setPath(into: Bag, path: string, value: unknown): void {
  const keys = keysOf(path);
  let at = into;
  for (const key of keys.slice(0, -1)) {
    if (!isBag(at[key])) at[key] = {};
    at = at[key] as Bag;
  }
  at[keys[keys.length - 1]!] = value;
}

/** The object without keys whose value is undefined or an object left empty that way; undefined if nothing is left. */
export function pruneEmpty(value: Bag): Bag | undefined {
  const kept: Bag = {};
  for (const [key, v] of Object.entries(value)) {
    const pruned = isBag(v) ? pruneEmpty(v) : v;
    if (pruned !== undefined) kept[key] = pruned;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}
