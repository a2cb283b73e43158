import type { CheckIssue, ConflictDecision, FileRef, LabelledChange } from '@onevisit/item-schemas';
import type { CloneOutcome, DownstreamClone, UpstreamBase, UpstreamStatus } from '@onevisit/functions/clones';
import type { CalendarRecord, DepartmentRecord as Department, Draft, ItemHead, ItemVersion, Jurisdiction, User } from '@onevisit/functions/records';
import type { CaseDetail, CaseRecord, CaseSearchEntry, QueueEntry } from '@onevisit/functions/cases';
import type { CaseSettings } from '@onevisit/functions/case-settings';
import type { OutboxMessage } from '@onevisit/functions/records';
import type { Figures, Grouping } from '@onevisit/functions/supervision';
import { loadSession } from './session';

/** The API, typed with the records it returns. Errors carry the API's bilingual message. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly message_en: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A change between versions, labelled and in words by the API. */
export type Change = LabelledChange;

export interface Claimable {
  itemId: string;
  name: string;
  department: string;
  itemType: string;
  version: number;
  cloned: boolean;
}

export type DepartmentWithOfficers = Department & { officers: Array<{ id: string; name: string }> };

export interface Unreachable {
  items: Array<{ itemId: string; name: string; department: string; reason: 'unknown' | 'noOfficer'; published: boolean }>;
  cases: Array<{ trackingNumber: string; itemName: string; departmentId: string; status: string; revision: number; receivedOn: string; reason: 'unknown' | 'noOfficer' }>;
}


export type { CaseSearchEntry };

export interface CaseSearch {
  number?: string;
  applicant?: string;
  itemId?: string;
  status?: string;
  department?: string;
  channel?: string;
  /** The number of the service window that took it. */
  window?: string;
  /** The case's own rating: good, poor, voided or none. */
  rating?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export interface EffectiveCalendar {
  own: CalendarRecord;
  effective: { version: string; lastOfficialYear: number; days: Array<{ date: string; kind: 'holiday' | 'workday'; name?: string }> };
}

/** The API's error body, or what can be said without one. */
function failure(status: number, body: unknown): ApiError {
  const e = (body ?? {}) as { code?: string; message?: string; message_en?: string; details?: unknown };
  return new ApiError(status, e.code ?? 'HTTP_ERROR', e.message ?? `请求失败(${status})`, e.message_en ?? `request failed (${status})`, e.details);
}

/** Called when the API says the sign-in is gone, so the app can show the sign-in page. */
let onSignedOut: () => void = () => undefined;
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export async function request<T>(method: string, path: string, options: { body?: unknown; ifMatch?: number; idempotencyKey?: string } = {}): Promise<{ data: T; etag: number | undefined }> {
  const token = loadSession()?.token;
  const response = await fetch(path, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.ifMatch === undefined ? {} : { 'if-match': `"${options.ifMatch}"` }),
      ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's error page, say: the status still tells what happened.
    json = undefined;
  }
  if (!response.ok) {
    if (response.status === 401) onSignedOut();
    throw failure(response.status, json);
  }
  const etag = response.headers.get('etag');
  return { data: json as T, etag: etag ? Number(etag.replace(/\D/g, '')) : undefined };
}

export const data = async <T>(promise: Promise<{ data: T }>) => (await promise).data;
const admin = (j: string) => `/api/admin/${j}`;

/** Sends a file as multipart form data (the browser sets the boundary). */
async function upload<T>(path: string, file: File): Promise<T> {
  const token = loadSession()?.token;
  const body = new FormData();
  body.set('file', file);
  const response = await fetch(path, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body });
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failure(response.status, json);
  return json as T;
}

/** A file the API answers with, as a blob (its routes need the bearer token, so a plain link cannot open them). */
async function blob(path: string): Promise<Blob> {
  const token = loadSession()?.token;
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw failure(response.status, await response.json().catch(() => undefined));
  return response.blob();
}

export const api = {
  uploadPublicFile: (j: string, file: File) => upload<FileRef>(`${admin(j)}/files`, file),
  authConfig: () => data(request<{ mode: 'local' } | { mode: 'hosted'; domain: string; clientId: string }>('GET', '/api/auth/config')),
  users: () => data(request<User[]>('GET', '/api/dev/users')),
  signIn: (jurisdiction: string, userId: string) => data(request<{ token: string; user: User }>('POST', '/api/dev/sign-in', { body: { jurisdiction, userId } })),
  jurisdictions: () => data(request<Jurisdiction[]>('GET', '/api/jurisdictions')),
  items: (j: string) => data(request<ItemHead[]>('GET', `${admin(j)}/items`)),
  departments: (j: string) => data(request<DepartmentWithOfficers[]>('GET', `${admin(j)}/departments`)),
  saveDepartment: (j: string, id: string, body: { name: string; nature?: Department['nature'] }) => data(request<DepartmentWithOfficers>('PUT', `${admin(j)}/departments/${id}`, { body })),
  addOfficer: (j: string, department: string, name: string) => data(request<User>('POST', `${admin(j)}/departments/${department}/officers`, { body: { name } })),
  removeOfficer: (j: string, department: string, userId: string) => data(request<undefined>('DELETE', `${admin(j)}/departments/${department}/officers/${encodeURIComponent(userId)}`)),
  supervision: (j: string, q: { from: string; to: string; groupBy: Grouping; counties: boolean }) =>
    data(request<Figures & { reads: number; names: Record<string, string> }>('GET', `${admin(j)}/supervision?from=${q.from}&to=${q.to}&groupBy=${q.groupBy}&counties=${q.counties ? 1 : 0}`)),
  rebuildCounters: (j: string, write: boolean) => data(request<{ cases: number; rows: number; differences: number; written: boolean }>('POST', `${admin(j)}/supervision/rebuild?write=${write ? 1 : 0}`)),
  unreachable: (j: string) => data(request<Unreachable>('GET', `${admin(j)}/unreachable`)),
  reassign: (j: string, trackingNumber: string, body: { department: string; reason: string; expectedRevision: number }) => data(request<CaseRecord>('POST', `${admin(j)}/cases/${trackingNumber}/reassign`, { body })),
  searchCases: (query: CaseSearch) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
    return data(request<{ cases: CaseSearchEntry[]; cursor?: string }>('GET', `/api/cases?${params}`));
  },
  createItem: (j: string, body: { itemId: string; templateId?: string; copyOf?: string; definition?: Record<string, unknown> }) =>
    data(request<{ head: ItemHead; draft: Draft }>('POST', `${admin(j)}/items`, { body })),
  draft: (j: string, itemId: string) => data(request<Draft>('GET', `${admin(j)}/items/${itemId}/draft`)),
  saveDraft: (j: string, itemId: string, revision: number, definition: Record<string, unknown>) =>
    data(request<Draft>('PUT', `${admin(j)}/items/${itemId}/draft`, { body: definition, ifMatch: revision })),
  checks: (j: string, itemId: string) => data(request<{ revision: number; issues: CheckIssue[] }>('POST', `${admin(j)}/items/${itemId}/checks`)),
  publish: (j: string, itemId: string, revision: number, changeNote?: string) =>
    data(request<ItemVersion>('POST', `${admin(j)}/items/${itemId}/publish`, { body: changeNote ? { changeNote } : {}, ifMatch: revision })),
  versions: (j: string, itemId: string) => data(request<Array<Omit<ItemVersion, 'definition'>>>('GET', `${admin(j)}/items/${itemId}/versions`)),
  diff: (j: string, itemId: string, from: number, to: number) => data(request<Change[]>('GET', `${admin(j)}/items/${itemId}/diff?from=${from}&to=${to}`)),
  changeState: (j: string, itemId: string, action: 'suspend' | 'resume' | 'cancel') => data(request<ItemHead>('POST', `${admin(j)}/items/${itemId}/${action}`)),
  calendar: (j: string, year: number) => data(request<EffectiveCalendar>('GET', `${admin(j)}/calendar?year=${year}`)),
  saveCalendar: (j: string, revision: number, overlay: CalendarRecord['overlay']) =>
    data(request<CalendarRecord & { recomputedCases: number }>('PUT', `${admin(j)}/calendar`, { body: overlay, ifMatch: revision })),
  claimable: (j: string) => data(request<Claimable[]>('GET', `${admin(j)}/claimable`)),
  clone: (j: string, itemIds: string[]) => data(request<{ results: CloneOutcome[] }>('POST', `${admin(j)}/clones`, { body: { itemIds } })),
  upstream: (j: string, itemId: string) => data(request<UpstreamStatus>('GET', `${admin(j)}/items/${itemId}/upstream`)),
  upstreamBase: (j: string, itemId: string) => data(request<UpstreamBase>('GET', `${admin(j)}/items/${itemId}/upstream/base`)),
  acceptUpstream: (j: string, itemId: string, revision: number, version: number, decisions: Record<string, ConflictDecision>) =>
    data(request<Draft>('POST', `${admin(j)}/items/${itemId}/upstream/accept`, { body: { version, decisions }, ifMatch: revision })),
  deferUpstream: (j: string, itemId: string, version: number) => data(request<ItemHead>('POST', `${admin(j)}/items/${itemId}/upstream/defer`, { body: { version } })),
  delegate: (j: string, itemId: string, to: string) => data(request<CloneOutcome>('POST', `${admin(j)}/items/${itemId}/delegate`, { body: { to } })),
  merge: (j: string, itemId: string, sources: string[]) => data(request<ItemHead>('POST', `${admin(j)}/items/${itemId}/merge`, { body: { sources } })),
  downstream: (j: string) => data(request<DownstreamClone[]>('GET', `${admin(j)}/downstream`)),
  caseSettings: (j: string) => data(request<CaseSettings>('GET', `${admin(j)}/case-settings`)),
  saveCaseSettings: (j: string, settings: CaseSettings) => data(request<CaseSettings>('PUT', `${admin(j)}/case-settings`, { body: settings })),
  outbox: (j: string, day: string) => data(request<OutboxMessage[]>('GET', `${admin(j)}/outbox?day=${day}`)),
  queue: () => data(request<QueueEntry[]>('GET', '/api/officer/queue')),
  inbox: () => data(request<OutboxMessage[]>('GET', '/api/officer/inbox')),
  caseDetail: (trackingNumber: string) => data(request<CaseDetail>('GET', `/api/officer/cases/${trackingNumber}`)),
  /** One action, sent with a key of its own so a retried request is applied once. */
  act: (trackingNumber: string, action: { type: string; expectedRevision: number } & Record<string, unknown>, idempotencyKey: string) =>
    data(request<CaseRecord>('POST', `/api/officer/cases/${trackingNumber}/actions`, { body: action, idempotencyKey })),
  /** A case's upload as a blob (the file route needs the bearer token, so a plain link cannot open it). */
  caseFile: (trackingNumber: string, key: string) => blob(`/api/officer/cases/${trackingNumber}/file?key=${encodeURIComponent(key)}`),
  /** The supervision figures as a workbook. */
  supervisionWorkbook: (j: string, q: { from: string; to: string; groupBy: Grouping; counties: boolean }) => blob(`${admin(j)}/supervision.xlsx?from=${q.from}&to=${q.to}&groupBy=${q.groupBy}&counties=${q.counties ? 1 : 0}`),
  runSweep: () => data(request<{ changed: number; warnings: number; actions: number }>('POST', '/api/dev/sweep')),
};
