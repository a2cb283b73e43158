import fc from 'fast-check';
import { toForm, type BuilderField } from '../../admin-ui/src/form-builder/fields';

/**
 * Forms the form builder can produce (its palette: fields, groups, repeating groups, choices,
 * yes/no drawn by each widget an official may pick, visibility conditions) and answers valid for them, as a person could
 * give them on the page: groups left blank are absent, lists and multiple choices always present,
 * a yes/no check box always ticked or not.
 */

export type Schema = Record<string, unknown>;
export type Form = { schema: Schema; uiSchema: Schema; visibleWhen?: Record<string, { field: string; op: 'eq'; value: unknown }> };

const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,6}$/);
const label = fc.constantFrom('名称', '地址', '人数', '日期', '类型', '是否', 'Name');
const options = fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,4}$/), { minLength: 2, maxLength: 4 }).map((values) => values.map((value) => ({ value, label: `选项${value}` })));
const scalarKinds = ['text', 'textarea', 'number', 'date', 'choice', 'multichoice', 'boolean', 'idcard', 'uscc', 'mobile', 'email', 'address'] as const;

function fieldsOf(depth: number): fc.Arbitrary<BuilderField[]> {
  const scalar = fc.record({
    key,
    kind: fc.constantFrom(...scalarKinds),
    label,
    required: fc.boolean(),
    integer: fc.boolean(),
    options,
    lengths: fc.option(fc.record({ minLength: fc.integer({ min: 1, max: 3 }), maxLength: fc.integer({ min: 4, max: 30 }) }), { nil: undefined }),
  }).map(({ lengths, ...f }): BuilderField => ({ ...f, ...(f.kind === 'text' || f.kind === 'textarea' ? lengths : {}), ...(f.kind === 'number' ? { minimum: -1000, maximum: 1_000_000 } : {}) }));
  const nested: fc.Arbitrary<BuilderField> =
    depth >= 2
      ? scalar
      : fc.oneof(
          { weight: 4, arbitrary: scalar },
          { weight: 1, arbitrary: fc.record({ key, kind: fc.constantFrom('group' as const, 'repeat' as const), label, required: fc.boolean(), children: fc.constant(null) }).chain((f) => fieldsOf(depth + 1).map((children): BuilderField => ({ ...f, children }))) },
        );
  return fc.uniqueArray(nested, { minLength: 1, maxLength: 5, selector: (f) => f.key });
}

/** The builder's form, with each yes/no and single choice drawn by any widget an official may pick. */
export const builtForm: fc.Arbitrary<Form> = fc.tuple(fieldsOf(0), fc.infiniteStream(fc.constantFrom('radio', 'select', 'checkbox'))).map(([fields, widgets]) => {
  const form = toForm(fields) as Form;
  const pick = (schema: Schema, ui: Schema) => {
    for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      const own = (ui[name] ??= {}) as Schema;
      if (child.type === 'boolean') own['ui:widget'] = widgets.next().value;
      if (child.type === 'string' && Array.isArray(child.oneOf)) own['ui:widget'] = widgets.next().value === 'select' ? 'select' : 'radio';
      if (child.type === 'object') pick(child, own);
      if (child.type === 'array' && (child.items as Schema).type === 'object') pick(child.items as Schema, (own.items ??= {}) as Schema);
    }
  };
  pick(form.schema, form.uiSchema);
  return form;
});

const FORMAT_VALUES: Record<string, string[]> = {
  'cn-id-card': ['11010519491231002X', '440524188001010014'],
  'cn-uscc': ['91350100M000100Y43', '91370500MA3C000016'],
  'cn-mobile': ['13812345678', '19900001111'],
  email: ['wang@example.cn', 'a.b@gov.cn'],
  date: ['2026-01-31', '1999-12-01'],
};
const typed = (single: boolean) => fc.string({ unit: fc.constantFrom('王', '五', 'a', 'Z', '1', ' ', '-', '<', '&', '"', "'", '号', ...(single ? [] : ['\n'])), minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');

function answerFor(schema: Schema, ui: Schema, required: boolean): fc.Arbitrary<unknown> {
  const optional = (value: fc.Arbitrary<unknown>) => (required ? value : fc.option(value, { nil: undefined }));
  switch (schema.type) {
    case 'object':
      return objectAnswers(schema, ui).map((answers) => answers ?? (required ? {} : undefined));
    case 'array': {
      const items = schema.items as Schema;
      if (schema.uniqueItems) {
        const values = (items.oneOf as Schema[]).map((o) => o.const);
        return fc.subarray(values, { minLength: required ? 1 : 0 });
      }
      // An entry left wholly unanswered (even one of choices alone, which post nothing) keeps its place.
      return fc.array(objectAnswers(items, (ui.items ?? {}) as Schema).map((a) => a ?? {}), { minLength: required ? 1 : 0, maxLength: 3 });
    }
    case 'boolean':
      return ui['ui:widget'] === 'checkbox' ? fc.boolean() : optional(fc.boolean());
    case 'number':
      return optional(fc.double({ min: -1000, max: 1_000_000, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0) && (n === 0 || Math.abs(n) >= 1e-130)));
    case 'integer':
      return optional(fc.integer({ min: -1000, max: 1_000_000 }));
    default: {
      if (Array.isArray(schema.oneOf)) return optional(fc.constantFrom(...(schema.oneOf as Schema[]).map((o) => o.const)));
      if (typeof schema.format === 'string') return optional(fc.constantFrom(...FORMAT_VALUES[schema.format]!));
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
      const max = typeof schema.maxLength === 'number' ? schema.maxLength : 12;
      return optional(typed(ui['ui:widget'] !== 'textarea').filter((s) => [...s].length >= min && [...s].length <= max));
    }
  }
}

/** A group's answers; an unanswered group is absent (a required one empty), as the page gives it. */
function objectAnswers(schema: Schema, ui: Schema): fc.Arbitrary<Record<string, unknown> | undefined> {
  const required = new Set((schema.required ?? []) as string[]);
  const entries = Object.entries(schema.properties as Record<string, Schema>).map(([name, child]) =>
    answerFor(child, (ui[name] ?? {}) as Schema, required.has(name)).map((value) => [name, value] as const),
  );
  return fc.tuple(...entries).map((pairs) => {
    const answers = Object.fromEntries(pairs.filter(([, value]) => value !== undefined));
    return Object.keys(answers).length > 0 ? answers : undefined;
  });
}

/** A later top-level field shown only when an earlier yes/no or choice has some value (the builder's visibility conditions). */
const withConditions = (form: Form): fc.Arbitrary<Form> => {
  const keys = Object.keys(form.schema.properties as Schema);
  const deciders = keys.filter((k) => { const s = (form.schema.properties as Record<string, Schema>)[k]!; return s.type === 'boolean' || Array.isArray(s.oneOf); });
  if (deciders.length === 0) return fc.constant(form);
  return fc.constantFrom(...deciders).chain((field) => {
    const decider = (form.schema.properties as Record<string, Schema>)[field]!;
    const later = keys.slice(keys.indexOf(field) + 1);
    if (later.length === 0) return fc.constant(form);
    return fc.tuple(fc.subarray(later), fc.constantFrom(...(decider.oneOf as Schema[]).map((o) => o.const)))
      .map(([shown, value]) => ({ ...form, visibleWhen: Object.fromEntries(shown.map((k) => [k, { field, op: 'eq' as const, value }])) }));
  });
};

export const formWithAnswers = builtForm.chain(withConditions).chain((form) => objectAnswers(form.schema, form.uiSchema).map((answers) => ({ form, answers: answers ?? {} })));

