import { describe, expect, it } from 'vitest';
import { checkFormSupport, runPublishChecks } from '../src';
import { templates } from '../src/templates';

const form = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });
const codes = (schema: Record<string, unknown>, ui: Record<string, unknown> = {}) => checkFormSupport(schema, ui).map((i) => `${i.code} ${i.path}`);

describe('forms the citizen page cannot take back exactly are refused at publish', () => {
  it('refuses branches chosen as you type, and says to use visibility conditions', () => {
    const schema = form({
      pay: { type: 'object', title: '付款方式', oneOf: [form({ card: { type: 'string' } }), form({ cash: { type: 'boolean' } })] },
      kind: { type: 'string', allOf: [{ minLength: 1 }] },
      extra: { type: 'object', properties: { a: { type: 'string' } }, dependencies: { a: form({ b: { type: 'string' } }) } },
    });
    expect(codes(schema)).toEqual(['FORM_BRANCHES /properties/pay/oneOf', 'FORM_BRANCHES /properties/kind/allOf', 'FORM_BRANCHES /properties/extra/dependencies']);
    expect(checkFormSupport(schema)[0]!.message).toContain('「付款方式」');
    expect(checkFormSupport(schema)[0]!.message).toContain('显示条件');
  });

  it('accepts choices written as oneOf/anyOf of constants and dependencies that only require fields', () => {
    const schema = form(
      {
        size: { type: 'string', oneOf: [{ const: 'S' }, { const: 'M' }] },
        colour: { type: 'string', anyOf: [{ enum: ['red'] }, { enum: ['blue'] }] },
        a: { type: 'string' },
        b: { type: 'string' },
      },
      { dependencies: { a: ['b'] } },
    );
    expect(codes(schema)).toEqual([]);
  });

  it('refuses keys the applicant names, fixed-position lists, lists of lists and fields without one type', () => {
    const schema = form({
      tags: { type: 'object', additionalProperties: { type: 'string' } },
      codes: { type: 'object', patternProperties: { '^x': { type: 'string' } } },
      pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] },
      grid: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
      either: { type: ['string', 'null'] },
      untyped: { title: '备注' },
      closed: { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } },
    });
    expect(codes(schema)).toEqual([
      'FORM_FREE_KEYS /properties/tags/additionalProperties',
      'FORM_FREE_KEYS /properties/codes/patternProperties',
      'FORM_FIXED_LIST /properties/pair/items',
      'FORM_LIST_OF_LISTS /properties/grid/items',
      'FORM_FIELD_TYPE /properties/either/type',
      'FORM_FIELD_TYPE /properties/untyped/type',
    ]);
  });

  it('refuses inputs that cannot post what was entered, and sliders or colours without a default', () => {
    const schema = form({
      at: { type: 'string', format: 'date-time' },
      scan: { type: 'string' },
      born: { type: 'string' },
      score: { type: 'integer', minimum: 0, maximum: 10 },
      tint: { type: 'string' },
      level: { type: 'integer', default: 5 },
    });
    const ui = { scan: { 'ui:widget': 'file' }, born: { 'ui:widget': 'alt-date' }, score: { 'ui:widget': 'range' }, tint: { 'ui:widget': 'color' }, level: { 'ui:widget': 'range' } };
    expect(codes(schema, ui)).toEqual([
      'FORM_WIDGET_UNSUPPORTED /properties/at/format',
      'FORM_WIDGET_UNSUPPORTED /properties/scan',
      'FORM_WIDGET_UNSUPPORTED /properties/born',
      'FORM_WIDGET_NEEDS_DEFAULT /properties/score/default',
      'FORM_WIDGET_NEEDS_DEFAULT /properties/tint/default',
    ]);
  });

  it('refuses inputs the page does not have, on groups too', () => {
    const schema = form({ rep: form({ name: { type: 'string' } }), code: { type: 'string' } });
    expect(codes(schema, { rep: { 'ui:widget': 'text' }, code: { 'ui:field': 'geo' } })).toEqual(['FORM_WIDGET_UNSUPPORTED /properties/rep', 'FORM_WIDGET_UNSUPPORTED /properties/code']);
  });

  it('bounds what would make validation quadratic: entries that must all differ', () => {
    const group = form({ name: { type: 'string' } });
    expect(codes(form({ a: { type: 'array', uniqueItems: true, items: group }, b: { type: 'array', uniqueItems: true, maxItems: 50, items: group }, c: { type: 'array', uniqueItems: true, items: { type: 'string' } } }))).toEqual(['FORM_UNIQUE_UNBOUNDED /properties/a/maxItems']);
  });

  it('refuses a required field nobody can fill in', () => {
    const schema = form({ fee: { type: 'number', readOnly: true }, code: { type: 'string', default: 'A' }, note: { type: 'string' } }, { required: ['fee', 'code', 'note'] });
    expect(codes(schema, { code: { 'ui:disabled': true }, note: { 'ui:widget': 'hidden' } })).toEqual(['FORM_LOCKED_NO_VALUE /properties/fee', 'FORM_LOCKED_NO_VALUE /properties/note']);
  });

  it('looks through $ref as the page does', () => {
    const schema = form({ billing: { $ref: '#/definitions/address' } }, { definitions: { address: form({ lines: { type: 'array', items: [{ type: 'string' }] } }) } });
    expect(codes(schema)).toEqual(['FORM_FIXED_LIST /properties/billing/properties/lines/items']);
  });

  it('finds nothing to refuse in the seeded templates, and publishing names the check', () => {
    for (const template of templates) expect(codes(template.form.schema, template.form.uiSchema), template.id).toEqual([]);
    const [first] = templates;
    const broken = { ...first, form: { ...first!.form, schema: form({ pair: { type: 'array', title: '坐标', items: [{ type: 'number' }] } }) } };
    const issue = runPublishChecks(broken).issues.find((i) => i.code === 'FORM_FIXED_LIST');
    expect(issue?.path).toBe('/form/schema/properties/pair/items');
    expect(issue?.message).toContain('「坐标」');
  });
});
