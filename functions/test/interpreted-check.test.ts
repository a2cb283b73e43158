import { runPublishChecks, validateAnswers, type IntakeForm } from '@onevisit/item-schemas';
import { validateAnswersWith } from '@onevisit/item-schemas/rules';
import { bundleItemTemplates, templates } from '@onevisit/item-schemas/templates';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretedCheck } from '../src/citizen/script/interpreted-check';

/**
 * The apply page's script finds mistakes with an interpreter (no `new Function`, so the page's
 * policy allows no evaluation) and says them with the server's words: for any answers, it says
 * exactly what the server's ajv says, in the same order (the page shows a field's first mistake).
 */
const inBrowser = (form: IntakeForm, answers: unknown) => validateAnswersWith(interpretedCheck, form, answers).errors;
const onServer = (form: IntakeForm, answers: unknown) => validateAnswers(form, answers).errors;

const forms = [...templates, ...bundleItemTemplates].map((t) => ({ id: String(t.id), form: runPublishChecks(t).item!.form }));

type Schema = Record<string, unknown>;
const GOOD_ID = '11010519491231002X';
const strings = fc.constantFrom('', ' ', 'x', '张三', GOOD_ID, '11010519491231002Y', '91350100M000100Y43', '91350100M000100Y44', '13812345678', '1234', '100000', '2024-02-30', '2024-02-29', 'a@b.cn', 'https://x.cn', 'x'.repeat(300));
const odd = fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e9, '', 'x', [], {});

/** Answers shaped like the schema, often wrong: missing fields, wrong types, values out of range. */
function answersFor(root: Schema, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') schema = schema.$ref.slice(2).split('/').reduce<Schema>((s, step) => s[step] as Schema, root);
  const own = (() => {
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    if (schema.type === 'object' && depth < 4) {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return fc.record(Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, answersFor(root, s, depth + 1)])), { requiredKeys: [] });
    }
    if (schema.type === 'array' && depth < 4) return fc.array(answersFor(root, (schema.items ?? {}) as Schema, depth + 1), { maxLength: 4 });
    if (schema.type === 'string') return strings;
    if (schema.type === 'number' || schema.type === 'integer') return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    if (schema.type === 'boolean') return fc.boolean();
    return odd;
  })();
  return fc.oneof({ arbitrary: own, weight: 5 }, { arbitrary: odd, weight: 1 });
}

describe('the page script says what the server says', () => {
  it.each(forms)('for any answers to $id', ({ form }) => {
    const schema = form.schema as Schema;
    fc.assert(
      fc.property(answersFor(schema, schema), (answers) => {
        expect(inBrowser(form, answers)).toEqual(onServer(form, answers));
      }),
      { numRuns: 300 },
    );
  });

  const form = (properties: Schema, extra: Schema = {}): IntakeForm => ({ schema: { type: 'object', properties, ...extra }, uiSchema: {}, visibleWhen: {}, applicantFields: {} }) as IntakeForm;
  const keywords: Array<[string, IntakeForm, unknown[]]> = [
    ['lengths and patterns', form({ code: { type: 'string', title: '编号', minLength: 3, maxLength: 5, pattern: '^[A-Z]+$' } }, { required: ['code'] }), [{}, { code: 'a' }, { code: 'abcdefg' }, { code: 'ABC' }, { code: 'AB' }, { code: 3 }]],
    ['numbers', form({ n: { type: 'integer', title: '人数', minimum: 1, maximum: 10, multipleOf: 2 }, r: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } }), [{ n: 0 }, { n: 11 }, { n: 3 }, { n: 1.5 }, { r: 0 }, { r: 1 }, { r: 0.5, n: 4 }, { n: 'x' }]],
    ['formats', form({ d: { type: 'string', format: 'date' }, e: { type: 'string', format: 'email' }, u: { type: 'string', format: 'uri' }, t: { type: 'string', format: 'time' }, c: { type: 'string', format: 'cn-uscc' }, p: { type: 'string', format: 'cn-postcode' } }), [{ d: '2024-02-30', e: 'a@', u: 'x', t: '25:00', c: '1', p: '12' }, { d: '2024-02-29', e: 'a@b.cn', u: 'https://x.cn', t: '12:00:00Z', c: '91350100M000100Y43', p: '100000' }, { t: '12:00:00' }]],
    ['lists', form({ l: { type: 'array', title: '股东', minItems: 1, maxItems: 2, uniqueItems: true, items: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 2 } } } } }), [{ l: [] }, { l: [{ name: 'a' }, {}, { name: 'bb' }] }, { l: [{ name: 'ab' }, { name: 'ab' }] }, { l: 'x' }]],
    ['choices', form({ k: { type: 'string', enum: ['a', 'b'] }, c: { const: 'yes' }, m: { type: 'array', items: { type: 'string', enum: ['x', 'y'] } } }), [{ k: 'z', c: 'no', m: ['x', 'q'] }, { k: 'a', c: 'yes', m: [] }]],
    ['alternatives and conditions', form({ a: { anyOf: [{ type: 'string', minLength: 2 }, { type: 'number' }] }, o: { oneOf: [{ type: 'string' }, { type: 'string', maxLength: 3 }] }, kind: { type: 'string' }, detail: { type: 'string' } }, { if: { properties: { kind: { const: 'other' } }, required: ['kind'] }, then: { required: ['detail'] }, else: { properties: { detail: { maxLength: 2 } } }, allOf: [{ properties: { a: { not: { const: 'zz' } } } }] }), [{ a: 'x', o: 'ab', kind: 'other' }, { a: 'zz', o: 'abcd', detail: 'long' }, { a: true }]],
    ['references and closed groups', form({ rep: { $ref: '#/definitions/person' } }, { definitions: { person: { type: 'object', title: '代理人', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 2 }, idCard: { type: 'string', format: 'cn-id-card' } } } }, dependencies: { rep: ['kind'] } }), [{ rep: {} }, { rep: { name: 'a', idCard: '1' } }, { rep: { name: 'ab', idCard: GOOD_ID } }]],
  ];
  it.each(keywords)('%s', (_, form, cases) => {
    for (const answers of cases) {
      const expected = onServer(form, answers);
      expect(inBrowser(form, answers), JSON.stringify(answers)).toEqual(expected);
    }
    expect(cases.some((answers) => onServer(form, answers).length > 0)).toBe(true);
  });
});
