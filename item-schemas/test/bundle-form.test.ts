import { describe, expect, it } from 'vitest';
import { formFields, joinAnswers, mergedForm, proposeFieldMerge, runPublishChecks, splitAnswers, validateAnswers, bundleFigures, fieldTitle } from '../src';
import { bundleItemTemplates } from '../src/templates';
import { fromScratch, ownAnswers, restaurant, restaurantBase } from './bundle-fixtures';

/** 一表申请: the one form of 开办餐饮店, as the applicant fills it and as each department receives it. */

const bundle = restaurant();
const base = restaurantBase();
const form = mergedForm(bundle, base);
const fields = formFields(form.schema);
const titled = (title: string) => fields.filter((f) => fieldTitle(form.schema, f.path) === title);

describe('the seed 开办餐饮店', () => {
  it.each(bundleItemTemplates.map((t) => [t.name, t] as const))('base template %s passes every publish-time check', (_, t) => {
    expect(runPublishChecks(t).issues).toEqual([]);
  });

  it('bundles 企业设立登记, 食品经营许可, 公章刻制 and 供水报装, the first stage before the others', () => {
    expect(bundle.items.map((i) => base[i.key]!.name)).toEqual(['企业设立登记(多证合一)', '食品经营许可(餐饮服务)', '公章刻制备案', '供水报装']);
    expect(bundle.stages.map((s) => s.items)).toEqual([['company'], ['food', 'seal', 'water']]);
  });
});

describe('the proposed merge', () => {
  const proposal = proposeFieldMerge(bundle.items.map((i) => ({ key: i.key, item: base[i.key]! })));
  const byTitle = Object.fromEntries(proposal.map((c) => [c.title, c.map]));

  it('pairs the fields that ask the same of the same person or company across the items', () => {
    expect(byTitle['统一社会信用代码']).toEqual({ food: 'uscc', seal: 'uscc' });
    expect(byTitle['法定代表人身份证号码']).toEqual({ company: 'legalRepresentative.idCard', food: 'legalRepresentative.idCard', seal: 'legalRepresentative.idCard' });
    expect(byTitle['联系电话']).toEqual({ food: 'mobile', seal: 'mobile', water: 'mobile' });
    expect(byTitle['企业名称']).toEqual({ company: 'companyName', food: 'operatorName', seal: 'unitName', water: 'name' });
  });

  it("keeps apart what belongs to someone else: the 经办人, the 食品安全管理人员, the 法定代表人's own mobile", () => {
    const mapped = proposal.flatMap((c) => Object.entries(c.map).map(([k, p]) => `${k}.${p}`));
    expect(mapped).not.toContain('seal.agent.idCard');
    expect(mapped).not.toContain('seal.agent.mobile');
    expect(mapped).not.toContain('food.safetyManager.idCard');
    expect(mapped).not.toContain('company.legalRepresentative.mobile');
    // 住所 (where the company is registered) is not proposed as the 经营场所; the official may still merge them.
    expect(mapped).not.toContain('company.address');
  });

  it('is what the seed accepted', () => {
    for (const c of proposal) expect(bundle.fields.find((f) => f.key === c.key)?.map).toEqual(c.map);
  });
});

describe('the merged form', () => {
  it('asks 统一社会信用代码, 法定代表人身份证号码 and 联系电话 once each', () => {
    expect(titled('统一社会信用代码')).toHaveLength(1);
    expect(fields.filter((f) => f.format === 'cn-uscc')).toHaveLength(1);
    expect(titled('法定代表人身份证号码')).toHaveLength(1);
    expect(fields.filter((f) => f.format === 'cn-id-card' && /法定代表人/.test(fieldTitle(form.schema, f.path)))).toHaveLength(1);
    expect(titled('联系电话')).toHaveLength(1);
    expect(titled('企业名称')).toHaveLength(1);
  });

  it('asks the scenario first, then the shared questions, then each item\'s own under its name', () => {
    const order = form.uiSchema['ui:order'] as string[];
    expect(order.slice(0, 4)).toEqual(['hasLicence', 'foodTypes', 'needSeal', 'needWater']);
    const groups = fields.filter((f) => !f.path.includes('.') && f.type === 'object').map((f) => f.title);
    expect(groups).toEqual(['企业设立登记(多证合一)', '食品经营许可(餐饮服务)', '公章刻制备案', '供水报装']);
    // 经营项目 is the scenario question; the licence's own 经营项目 is not asked again.
    expect(titled('经营项目')).toHaveLength(1);
  });

  it('shows an item\'s questions only when the item applies', () => {
    // Only prepackaged food (备案, no licence), a licence held, seals wanted: only 公章刻制 applies.
    const sealOnly = validateAnswers(form, { hasLicence: true, foodTypes: ['packaged'], needSeal: true, needWater: false, food: { mainBusiness: 'restaurant' }, seal: {} });
    expect(sealOnly.answers.food).toBeUndefined();
    const asked = sealOnly.errors.map((e) => e.message);
    expect(asked).toContain('请填写「统一社会信用代码」');
    expect(asked).toContain('请填写「刻制印章种类」');
    expect(asked).not.toContain('请填写「经营场所」');
    expect(asked).not.toContain('请填写「主体业态」');
    expect(asked).not.toContain('请填写「经营范围」');
    // With nothing to apply for, nothing is asked beyond the scenario.
    expect(validateAnswers(form, { hasLicence: true, foodTypes: ['packaged'], needSeal: false, needWater: false }).errors).toEqual([]);
  });

  it('does not ask the 统一社会信用代码 of a company registered in the same application, and asks it of one that exists', () => {
    const merged = joinAnswers(bundle, fromScratch, ownAnswers);
    expect(validateAnswers(form, merged)).toMatchObject({ valid: true, errors: [] });
    expect(validateAnswers(form, merged).answers.uscc).toBeUndefined();
    const existing: Record<string, unknown> = { ...merged, hasLicence: true };
    delete existing.uscc;
    expect(validateAnswers(form, existing).errors.map((e) => e.message)).toEqual(['请填写「统一社会信用代码」']);
  });

  it('names the applicant by the shared questions', () => {
    expect(form.applicantFields).toEqual({ name: 'entityName', idNumber: 'legalRepIdCard', mobile: 'mobile' });
  });
});

describe('splitting the answers', () => {
  it('gives each department the answers under its own item\'s keys, and they pass its own form', () => {
    const split = splitAnswers(bundle, joinAnswers(bundle, fromScratch, ownAnswers));
    expect(split).toEqual(ownAnswers);
    for (const [key, answers] of Object.entries(split)) expect(validateAnswers(base[key]!.form, answers).errors).toEqual([]);
  });

  it('round-trips: joined and split again, every item gets back what it was told', () => {
    const merged = joinAnswers(bundle, fromScratch, ownAnswers);
    expect(joinAnswers(bundle, fromScratch, splitAnswers(bundle, merged))).toEqual(merged);
  });

  it('makes no case for an item that does not apply', () => {
    const split = splitAnswers(bundle, { ...joinAnswers(bundle, fromScratch, ownAnswers), hasLicence: true, needWater: false });
    expect(Object.keys(split)).toEqual(['food', 'seal']);
  });

  it('leaves the 统一社会信用代码 out of stage 2 until the 营业执照 is issued', () => {
    const valid = validateAnswers(form, joinAnswers(bundle, fromScratch, ownAnswers)).answers;
    const split = splitAnswers(bundle, valid);
    expect(split.food!.uscc).toBeUndefined();
    expect(splitAnswers(bundle, { ...valid, uscc: '91370500MA3C000029' }).food!.uscc).toBe('91370500MA3C000029');
  });
});

describe('what one application saves', () => {
  it('asks fewer questions and documents than the four items one by one', () => {
    expect(bundleFigures(bundle, base, { ...joinAnswers(bundle, fromScratch, ownAnswers) })).toEqual({
      items: 4,
      fieldsAsked: 28,
      fieldsSeparately: 36,
      materialsAsked: 8,
      materialsSeparately: 11,
    });
  });
});
