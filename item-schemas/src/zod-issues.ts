import { z } from 'zod';
import { jsonPointer } from './json-pointer';
import { bilingual, type Bilingual } from './messages';

/** A schema violation at a JSON Pointer, in Chinese and English. */
export interface FieldIssue extends Bilingual {
  path: string;
}

const zh = z.locales.zhCN().localeError!;

/**
 * zod issues as bilingual messages. Messages written into the model read "中文 / English";
 * zod's own messages are English and are translated with its Chinese locale.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const parts = issue.message.split(' / ');
    const missing = 'input' in issue && issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
    const text = parts.length === 2 ? bilingual(parts[0]!, parts[1]!) : bilingual(translate(issue), missing ? 'required' : issue.message);
    return { path: jsonPointer(issue.path), ...text };
  });
}

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组字段',
  record: '一组字段',
  date: '日期',
};

/** Chinese for the issues people meet most; zod's own Chinese locale for the rest. */
function translate(issue: z.core.$ZodIssue): string {
  // With reportInput, a missing value is recognisable whatever the schema wanted.
  if ('input' in issue && issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return '请填写';
  const i = issue as z.core.$ZodIssue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; expected?: string; values?: unknown[]; keys?: string[] };
  switch (i.code) {
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) === 1 ? '不能为空' : `至少需要 ${i.minimum} 个字符`;
      if (i.origin === 'array' || i.origin === 'set') return `至少需要 ${i.minimum} 项`;
      if (i.origin === 'number' || i.origin === 'bigint') return `不能小于 ${i.minimum}`;
      break;
    case 'too_big':
      if (i.origin === 'string') return `不能超过 ${i.maximum} 个字符`;
      if (i.origin === 'array' || i.origin === 'set') return `不能超过 ${i.maximum} 项`;
      if (i.origin === 'number' || i.origin === 'bigint') return `不能大于 ${i.maximum}`;
      break;
    case 'invalid_type':
      return `应为${typeNames[i.expected ?? ''] ?? i.expected}`;
    case 'invalid_value':
      return `只能是以下之一：${(i.values ?? []).map((v) => JSON.stringify(v)).join('、')}`;
    case 'unrecognized_keys':
      return `含有不认识的字段：${(i.keys ?? []).join('、')}`;
  }
  const message = zh(issue as unknown as Parameters<typeof zh>[0]);
  return typeof message === 'string' ? message : (message?.message ?? issue.message);
}
