import { describe, expect, it } from 'vitest';
import { bundleChecks, bundlePromise, unfilledCodes, type BundleDefinitionInput } from '../src';
import { publishedHeads, restaurant, restaurantBase, restaurantInput } from './bundle-fixtures';

/** What stops a 一件事 from being published, as the official publishing it reads it. */

const base = restaurantBase();
const check = (input: unknown, b = base, heads = publishedHeads()) => bundleChecks(input, b, heads).issues;
const edit = (change: (b: BundleDefinitionInput) => void) => {
  const input = restaurantInput();
  change(input);
  return input;
};

describe('the seed 开办餐饮店', () => {
  it('passes every check', () => {
    expect(check(restaurantInput())).toEqual([]);
  });
});

describe('the combined promise', () => {
  it('adds the stages up, each at its longest item: 1 + max(5, 1, 9) = 10 working days', () => {
    const p = bundlePromise(restaurant(), base);
    expect(p.stages.map((s) => s.promised)).toEqual([1, 9]);
    expect(p.promised).toBe(10);
    // Legal: 3 for the registration, then the licence's 10 (公章刻制 and 供水报装 have no legal limit: their promise stands in).
    expect(p.stages.map((s) => s.legal)).toEqual([3, 10]);
    expect(p.legal).toBe(13);
  });

  it('counts a second stage after the first: moving 食品经营许可 to a stage of its own adds its 5 days', () => {
    const three = restaurant();
    three.stages = [{ items: ['company'] }, { items: ['seal', 'water'] }, { items: ['food'] }];
    expect(bundlePromise(three, base).promised).toBe(1 + 9 + 5);
  });

  it('refuses a bundle over 60 working days with the words of 行政许可法 第四十二条第二款', () => {
    const slow = restaurantBase();
    slow.water!.promisedLimit = { value: 60, unit: 'workday' };
    slow.water!.steps = [{ ...slow.water!.steps[0]!, limitDays: 60 }];
    const issues = check(restaurantInput(), slow);
    expect(issues.map((i) => i.code)).toEqual(['BUNDLE_PROMISE_EXCEEDS_JOINT_LIMIT']);
    expect(issues[0]!.message).toContain('各阶段承诺办结时限合计 61 个工作日');
    expect(issues[0]!.message).toContain(
      '《中华人民共和国行政许可法》第四十二条第二款：行政许可采取统一办理或者联合办理、集中办理的，办理的时间不得超过四十五日；四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日。',
    );
    expect(issues[0]!.message).toContain('即使延长，合计也不得超过 60 个工作日');
    expect(issues[0]!.message_en).toContain('Article 42(2)');
  });

  it('refuses a promise beyond 45 working days even within 60: the extension is approved case by case', () => {
    const slow = restaurantBase();
    slow.water!.promisedLimit = { value: 45, unit: 'workday' };
    const [issue] = check(restaurantInput(), slow);
    expect(issue!.message).toContain('合计 46 个工作日');
    expect(issue!.message).toContain('延长须在办理中逐件批准，不能预先承诺');
  });
});

describe('the mapping', () => {
  it('refuses merging fields of different kinds, naming both by their titles, never their keys', () => {
    const input = edit((b) => {
      b.fields!.find((f) => f.key === 'premises')!.map.water = 'dailyUse';
    });
    const issues = check(input);
    expect(issues.map((i) => i.code)).toEqual(['BUNDLE_MAPPING_INCOMPATIBLE']);
    expect(issues[0]).toMatchObject({
      path: '/fields/5/map/water',
      message: '合并问题「经营场所」不能同时填写「食品经营许可(餐饮服务)」的「经营场所」和「供水报装」的「预计日用水量(立方米)」：「食品经营许可(餐饮服务)」的「经营场所」填写文本，「供水报装」的「预计日用水量(立方米)」填写数字',
    });
    expect(issues[0]!.message_en).toContain('"预计日用水量(立方米)" of "供水报装" takes a number');
    for (const key of ['premises', 'dailyUse', 'water', 'food']) expect(issues[0]!.message).not.toContain(key);
  });

  it('refuses a 统一社会信用代码 merged with a mobile number', () => {
    const input = edit((b) => {
      const mobile = b.fields!.find((f) => f.key === 'mobile')!;
      mobile.map = { seal: 'mobile', food: 'legalRepresentative.idCard' };
      b.fields = b.fields!.filter((f) => f.key !== 'legalRepIdCard');
    });
    const [issue] = check(input);
    expect(issue!.message).toBe(
      '合并问题「联系电话」不能同时填写「公章刻制备案」的「联系电话」和「食品经营许可(餐饮服务)」的「法定代表人(负责人) 身份证号码」：「公章刻制备案」的「联系电话」填写手机号码，「食品经营许可(餐饮服务)」的「法定代表人(负责人) 身份证号码」填写居民身份证号码',
    );
  });

  it('refuses answering one field from two merged fields', () => {
    const input = edit((b) => {
      b.fields!.push({ key: 'phone', title: '电话', map: { water: 'mobile' } });
    });
    const [issue] = check(input);
    expect(issue).toMatchObject({ code: 'BUNDLE_MAPPING_FIELD_TWICE', message: '「供水报装」的「手机号码」已由合并问题「联系电话」填写，不能再对应「电话」' });
  });

  it('refuses filling a field from a result that comes later', () => {
    const input = edit((b) => {
      b.fields!.find((f) => f.key === 'uscc')!.fromResultOf = 'water';
    });
    expect(check(input).map((i) => i.code)).toEqual(['BUNDLE_RESULT_STAGE_ORDER', 'BUNDLE_RESULT_STAGE_ORDER']);
  });

  it('refuses asking the applicant for the 统一社会信用代码 that the first stage\'s 营业执照 will carry', () => {
    const merged = edit((b) => {
      delete b.fields!.find((f) => f.key === 'uscc')!.fromResultOf;
    });
    expect(check(merged)).toEqual([
      {
        code: 'BUNDLE_RESULT_NOT_FILLED',
        path: '/fields/4/fromResultOf',
        message:
          '合并问题「统一社会信用代码」(「食品经营许可(餐饮服务)」的「统一社会信用代码」、「公章刻制备案」的「统一社会信用代码」)要由申请人填写，但申请人要等「企业设立登记(多证合一)」办结、领到「营业执照」后才有这个代码。请在“合并问题”中把它的“怎样填写”选为“由「企业设立登记(多证合一)」办结后自动填入”(不办理「企业设立登记(多证合一)」的申请人仍会被询问)',
        message_en: expect.stringContaining('the merged question "统一社会信用代码" ("统一社会信用代码" of "食品经营许可(餐饮服务)", "统一社会信用代码" of "公章刻制备案") is asked of the applicant'),
      },
    ]);
    // Not merged: the items asking it on their own are named together, to be filled in from the result at once.
    const apart = edit((b) => {
      b.fields = b.fields!.filter((f) => f.key !== 'uscc');
    });
    const issues = check(apart);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['BUNDLE_RESULT_NOT_FILLED', '/fields']]);
    expect(issues[0]!.message).toMatch(/^「食品经营许可\(餐饮服务\)」的「统一社会信用代码」、「公章刻制备案」的「统一社会信用代码」要由申请人填写.*请在“合并问题”中把它们改为“由「企业设立登记\(多证合一\)」办结后自动填入”/);
    expect(issues[0]!.message).not.toMatch(/uscc|company|food|seal/);
    expect(unfilledCodes({ ...restaurant(), fields: [] }, base)).toEqual([
      { asked: [{ item: 'food', path: 'uscc' }, { item: 'seal', path: 'uscc' }], producer: 'company' },
    ]);
  });

  it('asks the code of the applicant when no earlier stage issues one', () => {
    const together = edit((b) => {
      delete b.fields!.find((f) => f.key === 'uscc')!.fromResultOf;
      b.stages = [{ items: ['company', 'food', 'seal', 'water'] }];
    });
    expect(check(together).map((i) => i.code)).not.toContain('BUNDLE_RESULT_NOT_FILLED');
    const noLicence = restaurantBase();
    delete noLicence.company!.result;
    const unissued = edit((b) => {
      delete b.fields!.find((f) => f.key === 'uscc')!.fromResultOf;
    });
    expect(check(unissued, noLicence)).toEqual([]);
  });

  it('refuses a scenario question keyed as an item group', () => {
    const input = edit((b) => {
      (b.scenario.schema.properties as Record<string, unknown>).water = { type: 'boolean', title: '是否用水' };
    });
    expect(check(input).map((i) => i.message)).toEqual(['情形问题「是否用水」的标识与一个事项分组相同，请换一个标识']);
  });

  it('says a field gone from the pinned version is gone, without its key', () => {
    const input = edit((b) => {
      b.fields!.find((f) => f.key === 'premises')!.map.water = 'installAddress';
    });
    const [issue] = check(input);
    expect(issue).toMatchObject({ code: 'BUNDLE_MAPPING_UNKNOWN_FIELD', message: '合并问题「经营场所」对应的「供水报装」字段在其第 1 版中不存在，请重新选择' });
  });
});

describe('the base items', () => {
  it('needs at least two', () => {
    const input = edit((b) => {
      b.items = b.items.slice(0, 1);
      b.stages = [{ items: ['company'] }];
      b.fields = [];
      b.materials = [];
    });
    expect(check(input).map((i) => i.message)).toEqual(['一件事至少需要两个基础事项']);
  });

  it('must each be published and taking applications', () => {
    const heads = { ...publishedHeads(), seal: { state: 'suspended' as const, version: 1 }, water: { state: 'published' as const, version: 0 } };
    expect(check(restaurantInput(), base, heads).map((i) => i.message)).toEqual([
      '「公章刻制备案」已挂起，不受理申请：请恢复它，或从一件事中移除',
      '「供水报装」尚未发布：请先在事项清单中发布它',
    ]);
  });

  it('must each run in exactly one stage', () => {
    const input = edit((b) => {
      b.stages = [{ items: ['company', 'food'] }, { items: ['food', 'seal'] }];
      b.fields!.find((f) => f.key === 'uscc')!.fromResultOf = undefined;
    });
    expect(check(input).map((i) => i.message)).toEqual(['「食品经营许可(餐饮服务)」已在第 1 阶段，不能再列入第 2 阶段', '「供水报装」没有安排在任何办理阶段']);
  });

  it('must each be handled by the lead or a cooperating department', () => {
    const input = edit((b) => {
      b.cooperatingDepartments = b.cooperatingDepartments!.filter((d) => d.name !== '示范市公安局');
    });
    expect(check(input).map((i) => i.message)).toEqual(['「公章刻制备案」由示范市公安局办理，请把它列为牵头部门或配合部门']);
  });

  it('apply on conditions over the scenario questions only', () => {
    const input = edit((b) => {
      b.items[3]!.when = { field: 'companyType', op: 'eq', value: 'llc' };
    });
    const [issue] = check(input);
    expect(issue).toMatchObject({ code: 'BUNDLE_CONDITION_INVALID', path: '/items/3/when/field' });
    expect(issue!.message).toContain('「供水报装」的适用情形：');
  });
});

describe('the definition itself', () => {
  it('is checked against the model first, in Chinese and English', () => {
    const issues = check({ ...restaurantInput(), name: '' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'MODEL_INVALID', path: '/name' });
  });
});
