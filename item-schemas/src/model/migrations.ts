import { MODEL_VERSION } from './model-version';

/**
 * Definitions written with an older model, read as the current one. Each step takes a definition
 * of its version to the next and works key by key, so it also reads a county's overrides (a
 * partial definition). A step only rewrites how a meaning is written, never the meaning: a
 * published version migrated still says what the cases filed under it were told.
 */

type Raw = Record<string, unknown>;

const steps: Record<number, (definition: Raw) => Raw> = {
  /**
   * 1 → 2: 行政备案 moves from 21 (the public-service range) to 11 (local power extensions); 网办深度
   * becomes the set of services offered online, each old level the set that reads as that level
   * with what the levels below it offer.
   */
  1: (definition) => {
    const next = { ...definition };
    if (next.itemType === '21') next.itemType = '11';
    if (typeof next.onlineDepth === 'string') next.onlineDepth = LEVEL_TO_SERVICES[next.onlineDepth] ?? [];
    return next;
  },
};

const LEVEL_TO_SERVICES: Record<string, string[]> = {
  '1': ['1'],
  '2': ['1', '2', '3'],
  '3': ['1', '2', '3', '4'],
  '4': ['1', '2', '3', '4', '5'],
};

/** The model version a stored definition (or overrides) was written with. */
export function modelVersionOf(definition: unknown): number {
  const version = (definition as Raw | null)?.modelVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
}

/** Whether a definition was written with an older model. */
export const needsMigration = (definition: unknown): boolean =>
  typeof definition === 'object' && definition !== null && modelVersionOf(definition) < MODEL_VERSION;

/**
 * The definition in the current model. Anything that is not an object, or is already current,
 * comes back as it was (the same object), so reading current data costs nothing.
 */
export function migrateDefinition<T>(definition: T): T {
  if (!needsMigration(definition)) return definition;
  let current = definition as Raw;
  for (let version = modelVersionOf(current); version < MODEL_VERSION; version++) current = steps[version]!(current);
  return { ...current, modelVersion: MODEL_VERSION } as T;
}
