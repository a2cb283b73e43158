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
    const entries: unknown[] = [];
    for (let i = 0; i < 500; i++) {
      const prefix = `${name}[${i}]`;
      if (!Object.keys(fields).some((k) => k === prefix || k.startsWith(`${prefix}[`))) break;
      entries.push(read(items, prefix, fields, depth + 1) ?? {});
    }
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
