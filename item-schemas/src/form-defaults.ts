import { fieldType } from './form-options';
import { inlineRefs } from './form-refs';

/**
 * 空白申请表的预填值 / What a blank application starts with: each field's `default`, groups
 * gathered from their fields. Only the first page has them: once the applicant has answered, a
 * field they cleared stays clear.
 */

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function defaults(schema: Schema, depth: number): unknown {
  if (schema.default !== undefined || depth > 32) return schema.default;
  if (fieldType(schema) !== 'object' || !isObject(schema.properties)) return undefined;
  const value: Schema = {};
  for (const [key, child] of Object.entries(schema.properties)) {
    const v = isObject(child) ? defaults(child, depth + 1) : undefined;
    if (v !== undefined) value[key] = v;
  }
  return Object.keys(value).length > 0 ? value : undefined;
}

export function defaultAnswers(schema: Schema): Record<string, unknown> {
  const value = defaults(inlineRefs(schema), 0);
  return isObject(value) ? structuredClone(value) : {};
}
