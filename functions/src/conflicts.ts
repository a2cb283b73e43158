import { ConflictError } from './store/store';

/**
 * A conditional write that lost to another (the store's ConflictError) means something different
 * for each kind of record: a draft saved over another's edit, a case acted on twice, a retry that
 * stored the same case first. `lost` says what, from the record the store found there instead
 * (undefined when there was none): it throws the kind's error (draftConflict, caseChanged, …) or
 * returns what stands in for the write. Any other failure passes through.
 */
export async function onConflict<T, Found = unknown>(write: Promise<T>, lost: (found: Found | undefined) => T | Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return lost(error.existing as Found | undefined);
  }
}
