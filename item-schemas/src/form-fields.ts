import type { Scalar } from './model/condition';

/**
 * The fields of an intake form, read from its JSON Schema: what conditions may name, what
 * pickers offer, and the titles used in error messages.
 */

export interface FormField {
  /** Dotted path from the form root, e.g. `applicant.type`. */
  path: string;
  title: string;
  type?: string;
  format?: string;
  /** Allowed values of a single choice. */
  options?: Scalar[];
  /** Allowed values of each element of a multiple choice. */
  itemOptions?: Scalar[];
  /** What the applicant sees for each value of `options` or `itemOptions`, where the form names them. */
  optionTitles?: string[];
}

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Values a schema admits when it is a choice, with their titles: `enum`, or `oneOf`/`anyOf` of `const` (rjsf's labelled form). */
function choices(schema: Schema): { values: Scalar[]; titles: string[] } | undefined {
  if (Array.isArray(schema.enum)) return { values: schema.enum as Scalar[], titles: schema.enum.map(String) };
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length > 0 && alternatives.every((a) => isObject(a) && 'const' in a)) {
    const consts = alternatives as Schema[];
    return { values: consts.map((a) => a.const as Scalar), titles: consts.map((a) => (typeof a.title === 'string' ? a.title : String(a.const))) };
  }
  return undefined;
}

function typeOf(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') as string | undefined;
  return undefined;
}

/** Resolves a local `#/definitions/x` or `#/$defs/x` reference; anything else is left alone. */
function resolve(root: Schema, schema: Schema, seen: Set<string>): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || seen.has(ref)) return schema;
  seen.add(ref);
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[decodeURIComponent(part)] : undefined;
  return isObject(target) ? resolve(root, target, seen) : schema;
}

const MAX_DEPTH = 32;

export function formFields(root: Schema): FormField[] {
  const fields: FormField[] = [];
  const walk = (schema: Schema, prefix: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    const properties = resolve(root, schema, new Set()).properties;
    if (!isObject(properties)) return;
    for (const [name, raw] of Object.entries(properties)) {
      if (!isObject(raw)) continue;
      const child = resolve(root, raw, new Set());
      const path = prefix ? `${prefix}.${name}` : name;
      const field: FormField = { path, title: typeof child.title === 'string' ? child.title : name };
      const type = typeOf(child);
      if (type) field.type = type;
      if (typeof child.format === 'string') field.format = child.format;
      const options = choices(child);
      if (options) {
        field.options = options.values;
        field.optionTitles = options.titles;
      }
      if (type === 'array' && isObject(child.items)) {
        const itemOptions = choices(resolve(root, child.items, new Set()));
        if (itemOptions) {
          field.itemOptions = itemOptions.values;
          field.optionTitles = itemOptions.titles;
        }
      }
      fields.push(field);
      if (type === 'object') walk(child, path, depth + 1);
    }
  };
  walk(root, '', 0);
  return fields;
}

export function valueAt(answers: unknown, path: string): unknown {
  let value: unknown = answers;
  for (const part of path.split('.')) {
    if (!isObject(value)) return undefined;
    value = value[part];
  }
  return value;
}

export function withoutValueAt(answers: Schema, path: string): void {
  const parts = path.split('.');
  let parent: unknown = answers;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(parent)) return;
    parent = parent[part];
  }
  if (isObject(parent)) delete parent[parts.at(-1)!];
}
