import type { ErrorSchema } from '@rjsf/utils';

/** The server's answer errors, each put at its field in the form (rjsf's error schema). */
export function errorSchemaOf(details: unknown): ErrorSchema {
  const schema: Record<string, unknown> = {};
  for (const e of Array.isArray(details) ? (details as Array<{ field?: string; message?: string }>) : []) {
    let node = schema;
    for (const part of (e.field ?? '').split('.').filter(Boolean)) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(e.message ?? '');
  }
  return schema as ErrorSchema;
}
