import type { AssistanceView, Letter } from '@onevisit/functions/assistance';
import type { CaseRecord } from '@onevisit/functions/cases';
import type { WindowQueueEntry } from '@onevisit/functions/delivery';
import type { DeskPerson, IdType } from '@onevisit/functions/window';
import { ApiError } from '../api';
import { loadSession } from '../session';

/** The window's 统一出件 and 帮办代办 calls; each act is sent with a key made once per dialog, so a retry is applied once. */

export type { AssistanceView, WindowQueueEntry };

async function call<T>(method: string, path: string, options: { json?: unknown; form?: FormData; key?: string } = {}): Promise<T> {
  const token = loadSession()?.token;
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(options.key ? { 'idempotency-key': options.key } : {}), ...(options.json === undefined ? {} : { 'content-type': 'application/json' }) };
  const response = await fetch(path, { method, headers, body: options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json)) });
  const json = (await response.json().catch(() => undefined)) as (T & { code?: string; message?: string; message_en?: string; details?: unknown }) | undefined;
  if (!response.ok) throw new ApiError(response.status, json?.code ?? 'HTTP_ERROR', json?.message ?? `请求失败(${response.status})`, json?.message_en ?? `request failed (${response.status})`, json?.details);
  return json as T;
}

const desk = (j: string) => `/api/window/${j}`;

export const deliveryApi = {
  queue: (j: string) => call<WindowQueueEntry[]>('GET', `${desk(j)}/delivery`),
  handOver: (j: string, n: string, body: { expectedRevision: number; recipient: { idType: IdType; idNumber: string; name: string; agent: boolean }; note?: string }, key: string) =>
    call<CaseRecord>('POST', `${desk(j)}/cases/${n}/handover`, { json: body, key }),
  post: (j: string, n: string, body: { expectedRevision: number; waybill: string; note?: string }, key: string) => call<CaseRecord>('POST', `${desk(j)}/cases/${n}/posting`, { json: body, key }),
  takeCorrection: (j: string, n: string, body: { expectedRevision: number; paper: string[]; response?: string }, key: string) => call<CaseRecord>('POST', `${desk(j)}/cases/${n}/corrections`, { json: body, key }),
  assistance: (j: string) => call<AssistanceView[]>('GET', `${desk(j)}/assistance`),
  record: (j: string, body: { kind: 'help' | 'proxy'; requester: DeskPerson; helper?: { name: string }; letter?: string; cases: string[]; note?: string }, key: string) =>
    call<AssistanceView>('POST', `${desk(j)}/assistance`, { json: body, key }),
  uploadLetter: (j: string, file: File) => {
    const form = new FormData();
    form.set('file', file);
    return call<Letter>('POST', `${desk(j)}/assistance/letters`, { form });
  },
  followUp: (j: string, id: string, body: { expectedRevision: number; reached: boolean; satisfied?: boolean; note?: string }, key: string) =>
    call<AssistanceView>('POST', `${desk(j)}/assistance/${id}/follow-up`, { json: body, key }),
};
