import { fieldType, isMultipleChoice } from './form-options';
import { inlineRefs } from './form-refs';

/**
 * 重复填写的一组 / Repeating groups on the citizen page: how many entries a list starts with, and
 * the 添加一项 / 删除 buttons that work without JavaScript (the GOV.UK "add another" pattern).
 */

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A repeating group: an array whose entries are entered one by one (not a multiple choice). */
function listItems(schema: Schema): Schema | undefined {
  return fieldType(schema) === 'array' && isObject(schema.items) && !isMultipleChoice(schema) ? schema.items : undefined;
}

/** 最少项数：必填的列表至少一项 / The fewest entries a list shows: its minItems, and at least one when required. */
export function listMinimum(schema: Schema, required: boolean): number {
  return Math.max(typeof schema.minItems === 'number' ? schema.minItems : 0, required ? 1 : 0);
}

/**
 * 渲染前补足每个列表的最少项数 / The answers to render with: each repeating group padded with blank
 * entries to its minimum, so a required list starts with an entry to fill in.
 */
export function withListEntries(schema: Schema, answers: unknown, required = false, depth = 0): unknown {
  if (depth > 32) return answers;
  if (depth === 0) schema = inlineRefs(schema);
  if (fieldType(schema) === 'object' && isObject(schema.properties)) {
    if (answers !== undefined && !isObject(answers)) return answers;
    const requiredKeys = Array.isArray(schema.required) ? schema.required : [];
    const next: Schema = { ...(answers ?? {}) };
    for (const [key, child] of Object.entries(schema.properties)) {
      if (!isObject(child)) continue;
      const value = withListEntries(child, next[key], requiredKeys.includes(key), depth + 1);
      if (value !== undefined) next[key] = value;
    }
    return answers === undefined && Object.keys(next).length === 0 ? undefined : next;
  }
  const items = listItems(schema);
  if (items && (answers === undefined || Array.isArray(answers))) {
    const list = [...((answers as unknown[] | undefined) ?? [])];
    while (list.length < listMinimum(schema, required)) list.push(fieldType(items) === 'object' ? {} : undefined);
    const entries = list.map((entry) => withListEntries(items, entry, false, depth + 1));
    return entries.length > 0 ? entries : answers;
  }
  return answers;
}

/**
 * 无脚本的「添加一项」「删除」：按钮提交 `add:investors` 或 `remove:investors:1`（路径以点分隔）/
 * A list button posted without JavaScript, applied to the answers: one more blank entry (up to
 * maxItems) or one fewer (down to the minimum). Anything else leaves the answers as they are.
 */
export function applyListAction(schema: Schema, answers: Record<string, unknown>, action: string): Record<string, unknown> {
  const [verb, path = '', at] = action.split(':');
  const steps = path.split('.');
  let node: Schema = schema;
  let required = false;
  schema = inlineRefs(schema);
  const root = withListEntries(schema, answers) as Record<string, unknown>;
  let holder: unknown = root;
  for (const step of steps.slice(0, -1)) {
    if (isObject(node.properties) && isObject(node.properties[step]) && isObject(holder)) node = node.properties[step];
    else if (/^\d+$/.test(step) && listItems(node) && Array.isArray(holder)) node = listItems(node)!;
    else return answers;
    holder = (holder as Record<string, unknown>)[step];
  }
  const key = steps[steps.length - 1]!;
  const list = isObject(node.properties) && isObject(node.properties[key]) ? node.properties[key] : undefined;
  required = Array.isArray(node.required) && node.required.includes(key);
  const items = list && listItems(list);
  if (!list || !items || !isObject(holder)) return answers;
  const entries = Array.isArray(holder[key]) ? [...(holder[key] as unknown[])] : [];
  if (verb === 'add' && (typeof list.maxItems !== 'number' || entries.length < list.maxItems)) {
    entries.push(withListEntries(items, fieldType(items) === 'object' ? {} : undefined, false, 1));
  } else if (verb === 'remove' && at !== undefined && /^\d+$/.test(at) && Number(at) < entries.length && entries.length > listMinimum(list, required)) {
    entries.splice(Number(at), 1);
  } else return answers;
  holder[key] = entries;
  return root;
}
