import type { ImportProblem, ImportRow } from '@onevisit/item-schemas/exchange';
import { ApiError } from '../api';
import { loadSession } from '../session';

/** The import and export routes of the national element layout, as the import page uses them. */

export interface ImportReport {
  dryRun: boolean;
  format: 'xlsx' | 'csv' | 'json';
  counts: Record<'rows' | ImportRow['action'], number>;
  rows: ImportRow[];
  problems: ImportProblem[];
  notes: Array<{ message: string; message_en: string }>;
}

export interface ImportProgress {
  phase: 'plan' | 'write';
  done: number;
  total: number;
}

const authorization = (): Record<string, string> => {
  const token = loadSession()?.token;
  return token ? { authorization: `Bearer ${token}` } : {};
};

const refusal = (status: number, body: unknown) => {
  const e = (body ?? {}) as { code?: string; message?: string; message_en?: string };
  return new ApiError(status, e.code ?? 'HTTP_ERROR', e.message ?? `请求失败(${status})`, e.message_en ?? `request failed (${status})`);
};

/**
 * Sends the file (and, for CSV, the materials file) and reads the answer line by line: progress
 * as the server plans and writes the rows, then the report.
 */
export async function runImport(jurisdiction: string, files: { file: File; materials?: File }, dryRun: boolean, onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
  const body = new FormData();
  body.set('file', files.file);
  if (files.materials) body.set('materials', files.materials);
  const response = await fetch(`/api/admin/${jurisdiction}/imports?dryRun=${dryRun}`, { method: 'POST', headers: { ...authorization(), accept: 'application/x-ndjson' }, body });
  if (!response.ok || !response.body) throw refusal(response.status, await response.json().catch(() => undefined));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffered += value ?? '';
    const lines = buffered.split('\n');
    buffered = done ? '' : lines.pop()!;
    for (const line of lines.filter((l) => l.trim())) {
      const message = JSON.parse(line) as { progress?: ImportProgress; report?: ImportReport; error?: unknown };
      if (message.progress) onProgress(message.progress);
      if (message.report) return message.report;
      if (message.error) throw refusal(500, message.error);
    }
    if (done) throw refusal(502, undefined);
  }
}

/** Downloads an export through the bearer-token route and saves it under the name the server gives. */
export async function downloadExport(jurisdiction: string, query: { format: 'xlsx' | 'csv' | 'json'; sheet?: 'items' | 'materials'; items?: string[] }): Promise<void> {
  const params = new URLSearchParams({ format: query.format, ...(query.sheet ? { sheet: query.sheet } : {}), ...(query.items?.length ? { items: query.items.join(',') } : {}) });
  const response = await fetch(`/api/admin/${jurisdiction}/exports?${params}`, { headers: authorization() });
  if (!response.ok) throw refusal(response.status, await response.json().catch(() => undefined));
  const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name ? decodeURIComponent(name) : `export.${query.format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
