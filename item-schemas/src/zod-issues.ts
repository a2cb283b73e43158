import { z } from 'zod';
import { bilingual, type Bilingual } from './messages';

/** A schema violation at a JSON Pointer, in Chinese and English. */
export interface FieldIssue extends Bilingual {
  path: string;
}

const zh = z.locales.zhCN().localeError!;

export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * zod issues as bilingual messages. Messages written into the model read "中文 / English";
 * zod's own messages are English and are translated with its Chinese locale.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const parts = issue.message.split(' / ');
    const text = parts.length === 2 ? bilingual(parts[0]!, parts[1]!) : bilingual(translate(issue), issue.message);
    return { path: jsonPointer(issue.path), ...text };
  });
}

function translate(issue: z.core.$ZodIssue): string {
  const message = zh(issue as unknown as Parameters<typeof zh>[0]);
  return typeof message === 'string' ? message : (message?.message ?? issue.message);
}
