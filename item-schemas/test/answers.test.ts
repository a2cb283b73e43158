import { describe, expect, it } from 'vitest';
import { compileForm, runPublishChecks, validateAnswers } from '../src';
import { template } from './fixtures';

const form = runPublishChecks(template('real-estate-transfer')).item!.form;
const valid = {
  reason: 'sale',
  certificateNumber: '示房权证第 001 号',
  location: '示范市人民路 1 号',
  transferor: { name: '张三', idCard: '11010519491231002X' },
  transferee: { name: '李四', idCard: '440524188001010014', mobile: '13812345678' },
  price: 120,
};

describe('validating answers', () => {
  it('accepts valid answers', () => {
    expect(validateAnswers(form, valid)).toMatchObject({ valid: true, errors: [] });
  });

  it('names each wrong field by its title, in Chinese and English', () => {
    const result = validateAnswers(form, { ...valid, transferee: { name: '李四', idCard: '440524188001010015', mobile: '1234' } });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      { field: 'transferee.idCard', code: 'format', message: '「受让方的身份证号码」不是有效的居民身份证号码', message_en: '"受让方的身份证号码" is not a valid resident ID card number' },
      { field: 'transferee.mobile', code: 'format', message: '「手机号码」不是有效的手机号码', message_en: '"手机号码" is not a valid mobile number' },
    ]);
  });

  it('names a field inside a repeating group by the group, the entry and the field, never by its key', () => {
    const company = runPublishChecks(template('company-registration')).item!.form;
    const errors = validateAnswers(company, { investors: [{ name: '张三', idNumber: '11010519491231002X', capital: 50 }, {}] }).errors.filter((e) => e.field.startsWith('investors.'));
    expect(errors.map((e) => e.message)).toEqual(['请填写「股东(投资人)第2项的姓名或名称」', '请填写「股东(投资人)第2项的证件号码」', '请填写「股东(投资人)第2项的认缴出资(万元)」']);
  });

  it('names a field by its group where another group has a field of the same title, and only then', () => {
    const errors = validateAnswers(form, { ...valid, transferor: {}, transferee: {} }).errors;
    expect(errors.map((e) => e.message)).toEqual(['请填写「转让方的姓名」', '请填写「转让方的身份证号码」', '请填写「受让方的姓名」', '请填写「受让方的身份证号码」', '请填写「手机号码」']);
  });

  it('reports missing required fields at the field', () => {
    const { reason: _, ...withoutReason } = valid;
    const result = validateAnswers(form, withoutReason);
    expect(result.errors).toContainEqual(expect.objectContaining({ field: 'reason', code: 'required', message: '请填写「转移原因」' }));
  });

  it('ignores and drops the answer of a hidden field', () => {
    // 成交价格 shows only for sales: for a gift a wrong price neither fails nor counts.
    const result = validateAnswers(form, { ...valid, reason: 'gift', price: -5 });
    expect(result.valid).toBe(true);
    expect(result.answers).not.toHaveProperty('price');
    expect(validateAnswers(form, { ...valid, price: -5 }).errors[0]).toMatchObject({ field: 'price', code: 'minimum' });
  });

  it('rejects answers that are not an object', () => {
    expect(validateAnswers(form, ['sale']).errors[0]).toMatchObject({ field: '', code: 'type' });
  });

  it('compiles a schema once and reuses it', () => {
    expect(compileForm(form.schema)).toBe(compileForm(form.schema));
  });
});

describe('answers out of bounds are refused before any schema check', () => {
  const form = { schema: { type: 'object', properties: { note: { type: 'string' }, n: { type: 'number' }, list: { type: 'array', items: { type: 'string' } } } }, uiSchema: {}, visibleWhen: {}, applicantFields: {} };

  it.each([
    ['a number the store cannot hold', { n: 1e200 }, 'n', '数值超出可保存的范围'],
    ['a denormal number', { n: 5e-324 }, 'n', '数值超出可保存的范围'],
    ['a 900 KB string', { note: 'x'.repeat(900_000) }, 'note', '内容过长'],
    ['10,000 entries', { list: Array.from({ length: 10_000 }, () => 'a') }, 'list', '项数过多'],
    ['answers nested 10,000 deep', { note: JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) }, '', '嵌套过深'],
  ])('%s', (_, answers, field, message) => {
    const result = validateAnswers(form, answers);
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.field.startsWith(field)).toBe(true);
    expect(result.errors[0]!.message).toContain(message);
  });

  it('drops keys the form does not define, at any depth', () => {
    const nested = { schema: { type: 'object', properties: { rep: { type: 'object', properties: { name: { type: 'string' } } } } }, uiSchema: {}, visibleWhen: {}, applicantFields: {} };
    const result = validateAnswers(nested, { rep: { name: '王五', junk: 'x' }, extra: 'y'.repeat(1000) });
    expect(result.valid).toBe(true);
    expect(result.answers).toEqual({ rep: { name: '王五' } });
  });
});
