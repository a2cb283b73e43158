import { describe, expect, it } from 'vitest';
import { formFields, runPublishChecks, validateAnswers } from '@onevisit/item-schemas';
import { templates } from '@onevisit/item-schemas/templates';
import { fromForm, newFieldKey, toForm, type BuilderField } from '../src/form-builder/fields';

const fields: BuilderField[] = [
  { key: 'name', kind: 'text', label: '姓名', required: true, minLength: 2, maxLength: 20 },
  { key: 'idCard', kind: 'idcard', label: '身份证号码', required: true },
  { key: 'kind', kind: 'choice', label: '申请人类型', required: true, options: [{ value: 'person', label: '个人' }, { value: 'company', label: '企业' }] },
  { key: 'crops', kind: 'multichoice', label: '作物', required: false, options: [{ value: 'wheat', label: '小麦' }] },
  { key: 'agreed', kind: 'boolean', label: '是否同意', required: false, help: '请仔细阅读' },
  { key: 'note', kind: 'textarea', label: '说明', required: false },
  { key: 'area', kind: 'number', label: '面积', required: false, exclusiveMinimum: 0, maximum: 1000 },
  { key: 'staff', kind: 'number', label: '人数', required: false, integer: true, minimum: 1 },
  { key: 'address', kind: 'address', label: '地址', required: false },
  { key: 'phone', kind: 'mobile', label: '手机', required: true },
  { key: 'start', kind: 'date', label: '开始日期', required: false },
  { key: 'code', kind: 'uscc', label: '统一社会信用代码', required: false },
  { key: 'rep', kind: 'group', label: '法定代表人', required: false, children: [{ key: 'name', kind: 'text', label: '姓名', required: true }] },
  { key: 'owners', kind: 'repeat', label: '股东', required: true, children: [{ key: 'name', kind: 'text', label: '姓名', required: true }, { key: 'share', kind: 'number', label: '出资', required: false }] },
];

describe('the form builder model', () => {
  it('turns fields into JSON Schema + uiSchema and back unchanged', () => {
    const form = toForm(fields);
    expect(fromForm(form.schema, form.uiSchema)).toEqual(fields);
  });

  it('produces a form the publish-time checks accept and the runtime validates', () => {
    const form = toForm(fields);
    const item = { ...structuredClone(templates[0]!), form: { schema: form.schema, uiSchema: form.uiSchema } };
    item.materials = [];
    expect(runPublishChecks(item).issues).toEqual([]);
    const result = validateAnswers({ schema: form.schema, uiSchema: form.uiSchema, visibleWhen: {}, applicantFields: {} }, { name: '张', idCard: '11010519491231002X', kind: 'other', phone: '13812345678', owners: [] });
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'minLength'],
      ['kind', 'oneOf'],
      ['owners', 'minItems'],
    ]);
    expect(formFields(form.schema).find((f) => f.path === 'kind')?.options).toEqual(['person', 'company']);
  });

  it.each(templates.map((t) => [t.name, t] as const))('reads the form of %s with every field editable', (_, template) => {
    const read = fromForm(template.form.schema as Record<string, unknown>, (template.form.uiSchema ?? {}) as Record<string, unknown>)!;
    expect(read.map((f) => f.key)).toEqual(Object.keys((template.form.schema as { properties: object }).properties).sort((a, b) => read.findIndex((f) => f.key === a) - read.findIndex((f) => f.key === b)));
    expect(read.filter((f) => f.kind === 'advanced')).toEqual([]);
  });

  it('keeps a construct it does not offer as an advanced field, verbatim', () => {
    const schema = { type: 'object', properties: { code: { type: 'string', title: '编号', pattern: '^[A-Z]{2}\\d{4}$' } } };
    const [field] = fromForm(schema)!;
    expect(field).toMatchObject({ kind: 'advanced', label: '编号' });
    expect(toForm([field!]).schema).toEqual({ type: 'object', properties: schema.properties });
  });

  it('names new fields after their kind without clashing', () => {
    expect(newFieldKey([{ key: 'text1', kind: 'text', label: '', required: false }], 'text')).toBe('text2');
  });
});
