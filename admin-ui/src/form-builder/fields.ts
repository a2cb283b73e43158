import { z } from 'zod';

/**
 * What an official builds in the form builder: a list of fields, each of a kind from the
 * palette. It turns into the JSON Schema + uiSchema the item stores (toForm), and back
 * (fromForm) so any stored form, templates included, can be edited. Constructs the builder
 * does not offer are kept as they are, as an "advanced" field.
 */

export const fieldKinds = [
  'text',
  'textarea',
  'number',
  'date',
  'choice',
  'multichoice',
  'boolean',
  'idcard',
  'uscc',
  'mobile',
  'email',
  'address',
  'group',
  'repeat',
  'advanced',
] as const;
export type FieldKind = (typeof fieldKinds)[number];

const option = z.object({ value: z.string().min(1), label: z.string().min(1) });

export type BuilderField = {
  key: string;
  kind: FieldKind;
  label: string;
  help?: string;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  /** Whole numbers only (a count of people, say). */
  integer?: boolean;
  /** A number that must be greater than this (e.g. an area greater than 0). */
  exclusiveMinimum?: number;
  maximum?: number;
  options?: Array<z.infer<typeof option>>;
  /** Fields inside a group or a repeating group. */
  children?: BuilderField[];
  /** An advanced field's schema and uiSchema, kept verbatim. */
  raw?: { schema: Record<string, unknown>; ui?: Record<string, unknown> };
};

export const ZBuilderField: z.ZodType<BuilderField> = z.lazy(() =>
  z.object({
    key: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    kind: z.enum(fieldKinds),
    label: z.string(),
    help: z.string().optional(),
    required: z.boolean(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(1).optional(),
    minimum: z.number().optional(),
    integer: z.boolean().optional(),
    exclusiveMinimum: z.number().optional(),
    maximum: z.number().optional(),
    options: z.array(option).optional(),
    children: z.array(ZBuilderField).optional(),
    raw: z.object({ schema: z.record(z.string(), z.unknown()), ui: z.record(z.string(), z.unknown()).optional() }).optional(),
  }),
);

type Schema = Record<string, unknown>;

const FORMAT_KINDS: Partial<Record<FieldKind, string>> = { idcard: 'cn-id-card', uscc: 'cn-uscc', mobile: 'cn-mobile', email: 'email', date: 'date' };

function numberLimits(source: { minimum?: unknown; exclusiveMinimum?: unknown; maximum?: unknown }) {
  const limits: Pick<BuilderField, 'minimum' | 'exclusiveMinimum' | 'maximum'> = {};
  if (typeof source.minimum === 'number') limits.minimum = source.minimum;
  if (typeof source.exclusiveMinimum === 'number') limits.exclusiveMinimum = source.exclusiveMinimum;
  if (typeof source.maximum === 'number') limits.maximum = source.maximum;
  return limits;
}

function fieldSchema(field: BuilderField): { schema: Schema; ui: Schema } {
  const base: Schema = { title: field.label, ...(field.help ? { description: field.help } : {}) };
  const ui: Schema = {};
  const lengths = { ...(field.minLength !== undefined ? { minLength: field.minLength } : {}), ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}) };
  switch (field.kind) {
    case 'text':
    case 'address':
      if (field.kind === 'address') ui['ui:placeholder'] = '省 市 县(区) 街道 门牌号';
      return { schema: { ...base, type: 'string', ...lengths }, ui };
    case 'textarea':
      return { schema: { ...base, type: 'string', ...lengths }, ui: { 'ui:widget': 'textarea' } };
    case 'number':
      return { schema: { ...base, type: field.integer ? 'integer' : 'number', ...numberLimits(field) }, ui };
    case 'date':
    case 'idcard':
    case 'uscc':
    case 'mobile':
    case 'email':
      return { schema: { ...base, type: 'string', format: FORMAT_KINDS[field.kind] }, ui };
    case 'boolean':
      return { schema: { ...base, type: 'boolean', oneOf: [{ const: true, title: '是' }, { const: false, title: '否' }] }, ui: { 'ui:widget': 'radio' } };
    case 'choice':
      return { schema: { ...base, type: 'string', oneOf: (field.options ?? []).map((o) => ({ const: o.value, title: o.label })) }, ui: { 'ui:widget': 'radio' } };
    case 'multichoice':
      return {
        schema: { ...base, type: 'array', uniqueItems: true, items: { type: 'string', oneOf: (field.options ?? []).map((o) => ({ const: o.value, title: o.label })) }, ...(field.required ? { minItems: 1 } : {}) },
        ui: { 'ui:widget': 'checkboxes' },
      };
    case 'group': {
      const inner = toForm(field.children ?? []);
      return { schema: { ...base, ...inner.schema }, ui: inner.uiSchema };
    }
    case 'repeat': {
      const inner = toForm(field.children ?? []);
      return { schema: { ...base, type: 'array', items: inner.schema, ...(field.required ? { minItems: 1 } : {}) }, ui: { items: inner.uiSchema } };
    }
    case 'advanced':
      return { schema: field.raw?.schema ?? {}, ui: field.raw?.ui ?? {} };
  }
}

export function toForm(fields: readonly BuilderField[]): { schema: Schema; uiSchema: Schema } {
  const properties: Schema = {};
  const uiSchema: Schema = { 'ui:order': fields.map((f) => f.key) };
  for (const field of fields) {
    const { schema, ui } = fieldSchema(field);
    properties[field.key] = schema;
    if (Object.keys(ui).length > 0) uiSchema[field.key] = ui;
  }
  const required = fields.filter((f) => f.required).map((f) => f.key);
  return { schema: { type: 'object', properties, ...(required.length ? { required } : {}) }, uiSchema };
}

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function options(schema: Schema): BuilderField['options'] {
  if (Array.isArray(schema.oneOf) && schema.oneOf.every((o) => isObject(o) && 'const' in o)) {
    return (schema.oneOf as Schema[]).map((o) => ({ value: String(o.const), label: String(o.title ?? o.const) }));
  }
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => ({ value: String(v), label: String(v) }));
  return undefined;
}

const BUILDER_KEYS = new Set(['type', 'title', 'description', 'minLength', 'maxLength', 'minimum', 'exclusiveMinimum', 'maximum', 'format', 'oneOf', 'enum', 'items', 'uniqueItems', 'minItems', 'properties', 'required']);

function fromField(key: string, schema: Schema, ui: Schema, required: boolean): BuilderField {
  const common = { key, label: typeof schema.title === 'string' ? schema.title : key, required, ...(typeof schema.description === 'string' ? { help: schema.description } : {}) };
  const advanced = (): BuilderField => ({ ...common, kind: 'advanced', raw: { schema, ...(Object.keys(ui).length ? { ui } : {}) } });
  if (Object.keys(schema).some((k) => !BUILDER_KEYS.has(k))) return advanced();
  const lengths = { ...(typeof schema.minLength === 'number' ? { minLength: schema.minLength } : {}), ...(typeof schema.maxLength === 'number' ? { maxLength: schema.maxLength } : {}) };
  switch (schema.type) {
    case 'string': {
      const choices = options(schema);
      if (choices) return { ...common, kind: 'choice', options: choices };
      const byFormat = (Object.entries(FORMAT_KINDS) as Array<[FieldKind, string]>).find(([, f]) => f === schema.format);
      if (byFormat) return { ...common, kind: byFormat[0] };
      if (schema.format !== undefined) return advanced();
      if (ui['ui:widget'] === 'textarea') return { ...common, kind: 'textarea', ...lengths };
      return { ...common, kind: ui['ui:placeholder'] === '省 市 县(区) 街道 门牌号' ? 'address' : 'text', ...lengths };
    }
    case 'number':
    case 'integer':
      return { ...common, kind: 'number', ...(schema.type === 'integer' ? { integer: true } : {}), ...numberLimits(schema) };
    case 'boolean':
      return { ...common, kind: 'boolean' };
    case 'object': {
      const inner = fromForm(schema, ui);
      return inner ? { ...common, kind: 'group', children: inner } : advanced();
    }
    case 'array': {
      if (!isObject(schema.items)) return advanced();
      const choices = options(schema.items);
      if (choices && schema.items.type === 'string') return { ...common, kind: 'multichoice', options: choices };
      if (schema.items.type === 'object') {
        const inner = fromForm(schema.items, isObject(ui.items) ? ui.items : {});
        if (inner) return { ...common, kind: 'repeat', children: inner };
      }
      return advanced();
    }
    default:
      return advanced();
  }
}

/** The builder's fields for a stored form, in display order; undefined if the root is not an object form. */
export function fromForm(schema: Schema, uiSchema: Schema = {}): BuilderField[] | undefined {
  if (schema.type !== 'object' || !isObject(schema.properties)) return undefined;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const keys = Object.keys(schema.properties);
  const order = Array.isArray(uiSchema['ui:order']) ? (uiSchema['ui:order'] as string[]).filter((k) => keys.includes(k)) : [];
  const ordered = [...order, ...keys.filter((k) => !order.includes(k))];
  return ordered.map((key) => {
    const child = schema.properties as Record<string, unknown>;
    const fieldUi = isObject(uiSchema[key]) ? (uiSchema[key] as Schema) : {};
    return fromField(key, isObject(child[key]) ? (child[key] as Schema) : {}, fieldUi, required.has(key));
  });
}

/** A key not used yet among the fields, for a newly added field. */
export function newFieldKey(fields: readonly BuilderField[], kind: FieldKind): string {
  const used = new Set(fields.map((f) => f.key));
  for (let n = 1; ; n++) {
    const key = `${kind}${n}`;
    if (!used.has(key)) return key;
  }
}
