/**
 * Answers from a form posted without JavaScript. The citizen form is rendered by
 * react-jsonschema-form with bracketed names (`root[transferee][name]`, `root[crops][]`), and its
 * choice widgets post the option's index, not its value. This reads the posted fields back into
 * answers of the schema's types; what cannot be read is left for validation to report.
 */

type Schema = Record<string, unknown>;
export type PostedFields = Record<string, string | string[]>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The values a choice offers, in the order the widget lists them (the index it posts). */
function optionValues(schema: Schema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length > 0 && alternatives.every((a) => isObject(a) && 'const' in a)) {
    return alternatives.map((a) => (a as Schema).const);
  }
  return undefined;
}

function scalar(schema: Schema, raw: string): unknown {
  const options = optionValues(schema);
  if (options) {
    const index = /^\d+$/.test(raw) ? Number(raw) : -1;
    return index < options.length && index >= 0 ? options[index] : raw;
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'number' || type === 'integer') {
    const n = Number(raw.trim());
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  // A lone checkbox posts "on" when ticked.
  if (type === 'boolean') return raw === 'true' || raw === 'on' ? true : raw === 'false' ? false : raw;
  return raw;
}

function read(schema: Schema, name: string, fields: PostedFields, depth: number): unknown {
  if (depth > 32) return undefined;
  if (schema.type === 'object' && isObject(schema.properties)) {
    const value: Schema = {};
    for (const [key, child] of Object.entries(schema.properties)) {
      if (!isObject(child)) continue;
      const v = read(child, `${name}[${key}]`, fields, depth + 1);
      if (v !== undefined) value[key] = v;
    }
    return Object.keys(value).length > 0 ? value : undefined;
  }
  if (schema.type === 'array' && isObject(schema.items)) {
    const items = schema.items;
    if (optionValues(items)) {
      const posted = fields[`${name}[]`];
      const list = (Array.isArray(posted) ? posted : posted === undefined ? [] : [posted]).map((raw) => scalar(items, raw));
      return list.length > 0 ? list : undefined;
    }
    // 按编号顺序读回每一项（空项也保留位置） / Entries in the order of their numbers; a blank entry keeps its place.
    const indexes = new Set<number>();
    for (const key of Object.keys(fields)) {
      if (!key.startsWith(`${name}[`)) continue;
      const index = /^\[(\d{1,3})\]/.exec(key.slice(name.length))?.[1];
      if (index !== undefined && Number(index) < 500) indexes.add(Number(index));
    }
    const entries = [...indexes].sort((a, b) => a - b).map((i) => read(items, `${name}[${i}]`, fields, depth + 1) ?? (items.type === 'object' ? {} : undefined));
    return entries.length > 0 ? entries : undefined;
  }
  const posted = fields[name];
  const raw = Array.isArray(posted) ? posted[0] : posted;
  return raw === undefined || raw === '' ? undefined : scalar(schema, raw);
}

export function answersFromPost(schema: Schema, fields: PostedFields, root = 'root'): Record<string, unknown> {
  const answers = read(schema, root, fields, 0);
  return isObject(answers) ? answers : {};
}

/** A repeating group: an array whose entries are entered one by one (not a multiple choice). */
function listItems(schema: Schema): Schema | undefined {
  return schema.type === 'array' && isObject(schema.items) && !optionValues(schema.items) ? schema.items : undefined;
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
  if (schema.type === 'object' && isObject(schema.properties)) {
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
    while (list.length < listMinimum(schema, required)) list.push(items.type === 'object' ? {} : undefined);
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
    entries.push(withListEntries(items, items.type === 'object' ? {} : undefined));
  } else if (verb === 'remove' && at !== undefined && /^\d+$/.test(at) && Number(at) < entries.length && entries.length > listMinimum(list, required)) {
    entries.splice(Number(at), 1);
  } else return answers;
  holder[key] = entries;
  return root;
}
