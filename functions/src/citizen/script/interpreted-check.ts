import { dereference, format, validate, type OutputUnit, type Schema } from '@cfworker/json-schema';
import { fullFormats } from 'ajv-formats/dist/formats';
import { customFormats, type SchemaCheck, type SchemaError } from '@onevisit/item-schemas/rules';

/**
 * The page script's JSON Schema engine: @cfworker/json-schema, which interprets a schema where ajv
 * compiles it into code (`new Function`), so the apply page's policy need not allow evaluation.
 * Its errors are put in ajv's terms for item-schemas' answer-errors.ts, which says them in words
 * as it does on the server; the server's ajv stays the validator of record.
 */

// The server's formats, the same functions (ajv-formats' full set and the Chinese identifiers), in the
// interpreter's table, which it consults for strings; ajv-formats' number formats (int32…) are left to the server.
for (const [name, known] of Object.entries({ ...fullFormats, ...Object.fromEntries(Object.entries(customFormats).map(([n, f]) => [n, f.validate])) })) {
  const check = known instanceof RegExp || typeof known === 'function' ? known : typeof known === 'object' && known.type !== 'number' ? known.validate : undefined;
  if (check instanceof RegExp) format[name] = (value: string) => check.test(value);
  else if (typeof check === 'function') format[name] = (value: string) => (check as (value: string) => unknown)(value) === true;
  else delete format[name];
}

/** Errors that only say a subschema failed, with the subschema's own errors after them: ajv reports those alone. */
const WRAPPERS = new Set(['properties', 'patternProperties', 'items', 'additionalItems', 'prefixItems', '$ref', '$recursiveRef', 'dependentSchemas', 'unevaluatedProperties', 'unevaluatedItems']);

/** The number a limit keyword's message ends with: `String is too short (1 < 2).`, `3 is less than 5.` */
const LIMIT = /([^ (]+?)\)?\.$/;
/** The name a message quotes: `…required property "name".`, `…format "cn-id-card".`, `Property "x" does not…` */
const QUOTED = /"(.*?)"/;

function quoted(message: string): string {
  return QUOTED.exec(message)?.[1] ?? '';
}

/** `#/a/0/b` (each step URI-encoded) as ajv's `/a/0/b`. */
function pointer(location: string): string {
  return location.slice(1).split('/').map(decodeURIComponent).join('/');
}

function params(unit: OutputUnit): Record<string, unknown> {
  switch (unit.keyword) {
    case 'required':
      return { missingProperty: quoted(unit.error) };
    case 'type':
      return { type: /Expected "(.*)"\.$/.exec(unit.error)?.[1]?.split('", "').join(',') ?? '' };
    case 'format':
      return { format: quoted(unit.error) };
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
    case 'multipleOf': {
      const limit = Number(LIMIT.exec(unit.error)?.[1]);
      return { limit, ...(unit.keyword === 'multipleOf' ? { multipleOf: limit } : {}) };
    }
    default:
      return {};
  }
}

/** What a location (`#/a/$ref/b`, each step URI-encoded) names in `root`, following the form's local references. */
function valueAt(root: unknown, location: string): unknown {
  let node = root;
  for (const step of location.split('/').slice(1).map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (typeof node !== 'object' || node === null) return undefined;
    const next = (node as Record<string, unknown>)[step];
    node = step === '$ref' && typeof next === 'string' && next.startsWith('#') ? valueAt(root, next) : next;
  }
  return node;
}

const SCALAR_TYPES: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  integer: (v) => typeof v === 'number' && v % 1 === 0,
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
};

/**
 * ajv compares the entries of a list of plain values (its items typed string, number…) only among
 * those of the right type, where the interpreter compares them all: [1.5, 1.5] in a list of texts
 * is a wrong type twice for ajv, not a duplicate.
 */
function duplicatesAsAjv(schema: unknown, data: unknown, unit: OutputUnit): boolean {
  const items = valueAt(schema, unit.keywordLocation.replace(/\/uniqueItems$/, '/items')) as { type?: unknown } | undefined;
  const types = items?.type === undefined ? [] : [items.type].flat();
  if (types.length === 0 || types.some((t) => !(String(t) in SCALAR_TYPES))) return true;
  const list = valueAt(data, unit.instanceLocation);
  if (!Array.isArray(list)) return true;
  const typed = list.filter((v) => types.some((t) => SCALAR_TYPES[String(t)]!(v)));
  // Several types: ajv tells the text "1" from the number 1.
  return new Set(typed.map((v) => (typeof v === 'string' ? `${v}_` : v))).size < typed.length;
}

/** The interpreter's output for `data` under `schema`, in ajv's terms. */
export function ajvTerms(units: readonly OutputUnit[], schema: unknown, data: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const at = { instancePath: pointer(unit.instanceLocation), schemaPath: unit.keywordLocation };
    if (WRAPPERS.has(unit.keyword)) continue;
    if (unit.keyword === 'uniqueItems' && !duplicatesAsAjv(schema, data, unit)) continue;
    if (unit.keyword === 'additionalProperties') {
      // `additionalProperties: false` is one error at the object for ajv; a schema there, its own errors only.
      if (units[i + 1]?.keyword !== 'false') continue;
      errors.push({ keyword: 'additionalProperties', ...at, params: { additionalProperty: quoted(unit.error) } });
      i++;
    } else if (unit.keyword === 'dependencies') {
      // A list of properties is a check of its own; a schema there reports its own errors.
      if (/does not have/.test(unit.error)) errors.push({ keyword: 'dependencies', ...at, params: {} });
    } else {
      errors.push({ keyword: unit.keyword === 'false' ? 'false schema' : unit.keyword, ...at, params: params(unit) });
    }
  }
  return errors;
}

const lookups = new WeakMap<object, { schema: Schema; lookup: ReturnType<typeof dereference> }>();

/**
 * Checks answers as ajv does on the server (draft-07, all errors, keywords beside `$ref` applied as
 * ajv 8 applies them, which the interpreter does from draft 2019-09 on).
 */
export const interpretedCheck: SchemaCheck = (formSchema, answers) => {
  let prepared = lookups.get(formSchema);
  if (!prepared) {
    const { $id: _id, $schema: _dialect, ...schema } = formSchema;
    prepared = { schema: schema as Schema, lookup: dereference(schema as Schema) };
    lookups.set(formSchema, prepared);
  }
  // As JSON: a property left undefined is absent for ajv, and the interpreter refuses undefined.
  const data = JSON.parse(JSON.stringify(answers)) as unknown;
  const result = validate(data, prepared.schema, '2019-09', prepared.lookup, false);
  return result.valid ? [] : ajvTerms(result.errors, prepared.schema, data);
};
