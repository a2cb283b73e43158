import { describe, expect, it } from 'vitest';
import { conditionWords, fileTypeWords, formFields, materialWords, ZMaterial, neededWhenWords, type Condition } from '../src';

/** Conditions said to applicants: field and option titles, never the keys in the model. */
const fields = formFields({
  type: 'object',
  properties: {
    onlineSales: { type: 'boolean', title: '是否网络经营' },
    companyType: {
      type: 'string',
      title: '企业类型',
      oneOf: [
        { const: 'llc', title: '有限责任公司' },
        { const: 'jsc', title: '股份有限公司' },
        { const: 'sole', title: '个人独资企业' },
      ],
    },
    scope: { type: 'array', title: '经营项目', items: { type: 'string', enum: ['预包装食品', '散装食品'] }, uniqueItems: true },
    investment: { type: 'number', title: '投资额(万元)' },
    opening: { type: 'string', format: 'date', title: '开业日期' },
    applicant: { type: 'object', title: '申请人', properties: { licence: { type: 'string', title: '原许可证编号' } } },
  },
});

const zh = (c: Condition) => conditionWords(c, fields);
const en = (c: Condition) => conditionWords(c, fields, 'en');

describe('conditions in words', () => {
  it('says a yes/no answer as 是 or 否', () => {
    expect(neededWhenWords({ field: 'onlineSales', op: 'eq', value: true }, fields)).toBe('「是否网络经营」为「是」时需要');
    expect(zh({ field: 'onlineSales', op: 'eq', value: false })).toBe('「是否网络经营」为「否」');
    expect(en({ field: 'onlineSales', op: 'eq', value: true })).toBe('“是否网络经营” is “yes”');
  });

  it('names a choice by its option title, not its code', () => {
    expect(zh({ field: 'companyType', op: 'eq', value: 'llc' })).toBe('「企业类型」为「有限责任公司」');
    expect(zh({ field: 'companyType', op: 'ne', value: 'sole' })).toBe('「企业类型」不为「个人独资企业」');
    expect(zh({ field: 'companyType', op: 'in', value: ['llc', 'jsc'] })).toBe('「企业类型」为「有限责任公司」或「股份有限公司」');
    expect(zh({ field: 'companyType', op: 'notIn', value: ['llc', 'jsc'] })).toBe('「企业类型」不为「有限责任公司」、「股份有限公司」中的任何一项');
    expect(zh({ field: 'scope', op: 'contains', value: '散装食品' })).toBe('「经营项目」选择了「散装食品」');
    expect(en({ field: 'companyType', op: 'in', value: ['llc', 'jsc', 'sole'] })).toBe('“企业类型” is “有限责任公司”, “股份有限公司” or “个人独资企业”');
  });

  it('says whether a field is answered, sizes and dates', () => {
    expect(zh({ field: 'applicant.licence', op: 'isSet' })).toBe('已填写「原许可证编号」');
    expect(zh({ field: 'applicant.licence', op: 'isNotSet' })).toBe('未填写「原许可证编号」');
    expect(en({ field: 'applicant.licence', op: 'isSet' })).toBe('“原许可证编号” is answered');
    expect(zh({ field: 'investment', op: 'gte', value: 5000 })).toBe('「投资额(万元)」不少于5000');
    expect(zh({ field: 'opening', op: 'lt', value: '2026-01-01' })).toBe('「开业日期」早于「2026-01-01」');
    expect(en({ field: 'investment', op: 'gt', value: 100 })).toBe('“投资额(万元)” is more than 100');
  });

  it('combines all, any and not, negating in words rather than with a bare 非', () => {
    const both: Condition = { all: [{ field: 'onlineSales', op: 'eq', value: true }, { any: [{ field: 'companyType', op: 'eq', value: 'llc' }, { field: 'investment', op: 'gt', value: 100 }] }] };
    expect(zh(both)).toBe('「是否网络经营」为「是」且（「企业类型」为「有限责任公司」或「投资额(万元)」大于100）');
    expect(en(both)).toBe('“是否网络经营” is “yes” and (“企业类型” is “有限责任公司” or “投资额(万元)” is more than 100)');
    expect(zh({ not: { field: 'companyType', op: 'in', value: ['llc'] } })).toBe('「企业类型」不为「有限责任公司」');
    expect(zh({ not: { field: 'applicant.licence', op: 'isSet' } })).toBe('未填写「原许可证编号」');
    // Not all = any one not; not any = none of them.
    expect(zh({ not: { all: [{ field: 'onlineSales', op: 'eq', value: true }, { field: 'scope', op: 'contains', value: '散装食品' }] } })).toBe('「是否网络经营」不为「是」或「经营项目」未选择「散装食品」');
    expect(en({ not: { any: [{ field: 'companyType', op: 'eq', value: 'llc' }, { field: 'investment', op: 'gte', value: 10 }] } })).toBe('“企业类型” is not “有限责任公司” and “投资额(万元)” is less than 10');
    expect(neededWhenWords({ any: [{ field: 'companyType', op: 'eq', value: 'jsc' }, { field: 'onlineSales', op: 'eq', value: true }] }, fields, 'en')).toBe('Needed when “企业类型” is “股份有限公司” or “是否网络经营” is “yes”');
  });

  it('says one field of an either-or once, listing its choices', () => {
    const scope = (value: string) => ({ field: 'scope', op: 'contains' as const, value });
    const shown: Condition = { any: [{ field: 'onlineSales', op: 'eq', value: false }, scope('预包装食品'), scope('散装食品'), { field: 'companyType', op: 'eq', value: 'llc' }, { field: 'companyType', op: 'eq', value: 'jsc' }] };
    expect(zh(shown)).toBe('「是否网络经营」为「否」，或「经营项目」选择了「预包装食品」或「散装食品」，或「企业类型」为「有限责任公司」或「股份有限公司」');
    expect(en(shown)).toBe('“是否网络经营” is “no”, or “经营项目” includes “预包装食品” or “散装食品”, or “企业类型” is “有限责任公司” or “股份有限公司”');
    expect(zh({ any: [scope('预包装食品'), scope('散装食品')] })).toBe('「经营项目」选择了「预包装食品」或「散装食品」');
    // None of them: the same field's choices, all excluded.
    expect(zh({ not: { any: [scope('预包装食品'), scope('散装食品')] } })).toBe('「经营项目」未选择「预包装食品」、「散装食品」中的任何一项');
    // Both chosen is not one of them chosen: said part by part.
    expect(zh({ all: [scope('预包装食品'), scope('散装食品')] })).toBe('「经营项目」选择了「预包装食品」且「经营项目」选择了「散装食品」');
  });

  it('lists three choices with 、 before the last 或', () => {
    expect(zh({ field: 'companyType', op: 'in', value: ['llc', 'jsc', 'sole'] })).toBe('「企业类型」为「有限责任公司」、「股份有限公司」或「个人独资企业」');
  });

  it('never shows a key, even for a field the form lacks', () => {
    expect(zh({ field: 'noSuchField', op: 'eq', value: 'x' })).not.toContain('noSuchField');
  });
});

describe('materials in words', () => {
  const item = { deficiencyAcceptance: { enabled: true, supplementDays: 3, onMissed: 'suspend' as const }, notifyPromise: { enabled: false } };

  it('tells counts, form, source, 容缺 with its days and consequence, and 免交 with its source', () => {
    const permit = ZMaterial.parse({ id: 'permit', name: '食品经营许可证', kind: 'original', originals: 1, copies: 2, form: 'paper', source: '20', sourceDescription: '市场监管部门', necessity: 'deferrable', when: { field: 'onlineSales', op: 'eq', value: true } });
    expect(materialWords(item, permit, fields)).toEqual({
      when: '「是否网络经营」为「是」时需要',
      copies: '原件 1 份、复印件 2 份',
      form: '纸质',
      source: '政府部门核发(市场监管部门)',
      later: '可容缺受理：可先提交申请，在提交后 3 个工作日内补交；逾期未补交的，中止办理，补交后恢复',
    });
    expect(materialWords({ ...item, deficiencyAcceptance: { ...item.deficiencyAcceptance, onMissed: 'reject' } }, permit, fields, 'en').later).toContain('the application is not accepted');
    const licence = ZMaterial.parse({ id: 'licence', name: '营业执照', kind: 'copy', form: 'electronic', necessity: 'required', shared: { provider: '市场监管部门电子营业执照' } });
    expect(materialWords(item, licence, fields)).toMatchObject({ copies: '复印件 1 份', form: '电子', source: '申请人自备', shared: '免交：由市场监管部门电子营业执照共享获取，无需提交' });
  });

  it('names file types as people know them', () => {
    expect(fileTypeWords(['application/pdf', 'image/jpeg', 'image/png'])).toBe('PDF、JPG、PNG');
    expect(fileTypeWords(['application/pdf', 'image/x-foo'], 'en')).toBe('PDF, FOO');
  });
});
