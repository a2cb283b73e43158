import type { Assistance } from '../assistance/records';
import { assistanceKeys } from './keys';
import { ifAbsent, ifRevision, type TableAccess } from './table-access';

/** 帮办代办 requests as table records: one partition per jurisdiction, each written once, then over the revision read. */

export type AssistanceRecords = ReturnType<typeof assistanceRecords>;

export function assistanceRecords(table: TableAccess) {
  return {
    getAssistance(jurisdiction: string, id: string): Promise<Assistance | undefined> {
      return table.get<Assistance>(assistanceKeys.request(jurisdiction, id));
    },

    listAssistance(jurisdiction: string): Promise<Assistance[]> {
      return table.partition<Assistance>(assistanceKeys.requests(jurisdiction));
    },

    /** A new record; one there already (a retry under the same key) conflicts, carrying it. */
    putAssistance(record: Assistance): Promise<void> {
      return table.put(assistanceKeys.request(record.jurisdiction, record.id), record, ifAbsent('already exists'));
    },

    /** Saved over the revision read; a stale one conflicts, carrying the record there. */
    saveAssistance(record: Assistance, expectedRevision: number): Promise<void> {
      return table.put(assistanceKeys.request(record.jurisdiction, record.id), record, ifRevision(expectedRevision, 'assistance changed'));
    },
  };
}
