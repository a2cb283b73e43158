import { Unzip, UnzipInflate } from 'fflate';
import { importUnreadable } from './imports-errors';

/**
 * A workbook is a zip: 10 MB of it can inflate to gigabytes (a sheet of one repeated string
 * compresses a thousandfold), and the workbook reader keeps the shared strings in memory. So
 * before it is read, the file is inflated once here, counting and keeping nothing, and refused
 * at the first byte past the bound: what the entries really inflate to, whatever their headers
 * claim.
 */

/** All of a workbook inflated: a national-layout file of 5,000 items is a few tens of MB. */
export const INFLATED_LIMIT = 200 * 1024 * 1024;

class TooLarge extends Error {}

/** Refuses a zip that inflates past `limit` bytes, or that cannot be inflated. */
export function checkInflatedSize(bytes: Uint8Array, limit = INFLATED_LIMIT): void {
  let inflated = 0;
  const unzip = new Unzip((entry) => {
    entry.ondata = (error, chunk) => {
      if (error) throw error;
      inflated += chunk.length;
      if (inflated > limit) throw new TooLarge();
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const CHUNK = 64 * 1024;
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
  } catch (error) {
    if (error instanceof TooLarge) {
      const mb = limit / 1024 / 1024;
      throw importUnreadable(`工作簿解压后超过 ${mb} MB`, `the workbook inflates to more than ${mb} MB`);
    }
    throw importUnreadable('工作簿无法解压', 'the workbook cannot be unzipped');
  }
}
