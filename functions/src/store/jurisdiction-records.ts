import type { CaseSettings } from '../cases/settings';
import type { CalendarRecord, DepartmentRecord, Jurisdiction, User } from '../records';
import { keys } from './keys';
import { ifAbsent, ifRevision, type TableAccess } from './table-access';

/** Jurisdictions and what each keeps for itself: departments, users, its calendar and its case settings. */

export type JurisdictionRecords = ReturnType<typeof jurisdictionRecords>;

export function jurisdictionRecords(table: TableAccess) {
  return {
    putJurisdiction(j: Jurisdiction): Promise<void> {
      return table.put(keys.jurisdictionRegistry(j.id), j);
    },

    getJurisdiction(id: string): Promise<Jurisdiction | undefined> {
      return table.get(keys.jurisdictionRegistry(id));
    },

    listJurisdictions(): Promise<Jurisdiction[]> {
      return table.partition(keys.jurisdictionRegistryPartition());
    },

    putDepartment(d: DepartmentRecord): Promise<void> {
      return table.put(keys.department(d.jurisdiction, d.id), d);
    },

    getDepartment(jurisdiction: string, id: string): Promise<DepartmentRecord | undefined> {
      return table.get(keys.department(jurisdiction, id));
    },

    listDepartments(jurisdiction: string): Promise<DepartmentRecord[]> {
      return table.partition(keys.departments(jurisdiction));
    },

    putUser(u: User): Promise<void> {
      return table.put(keys.user(u.jurisdiction, u.id), u);
    },

    getUser(jurisdiction: string, id: string): Promise<User | undefined> {
      return table.get(keys.user(jurisdiction, id));
    },

    deleteUser(jurisdiction: string, id: string): Promise<void> {
      return table.delete(keys.user(jurisdiction, id));
    },

    listUsers(jurisdiction: string): Promise<User[]> {
      return table.partition(keys.users(jurisdiction));
    },

    getCalendar(jurisdiction: string): Promise<CalendarRecord | undefined> {
      return table.get(keys.calendar(jurisdiction));
    },

    /** Saves the calendar over the revision read (0: none yet); a stale revision conflicts, carrying the calendar there. */
    saveCalendar(calendar: CalendarRecord, expectedRevision: number): Promise<void> {
      const conflict = 'stale calendar revision';
      return table.put(keys.calendar(calendar.jurisdiction), calendar, expectedRevision === 0 ? ifAbsent(conflict) : ifRevision(expectedRevision, conflict));
    },

    getCaseSettings(jurisdiction: string): Promise<CaseSettings | undefined> {
      return table.get(keys.caseSettings(jurisdiction));
    },

    putCaseSettings(jurisdiction: string, settings: CaseSettings): Promise<void> {
      return table.put(keys.caseSettings(jurisdiction), settings);
    },
  };
}
