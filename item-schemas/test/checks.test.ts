import { describe, expect, it } from 'vitest';
import { checkCodes, runPublishChecks, type CheckCode, type DepartmentOnRecord, type ItemDefinitionInput } from '../src';
import { template } from './fixtures';

/** Each case breaks one rule of a valid template and names the issue the official must see. */
const cases: Array<[CheckCode, string, (item: ItemDefinitionInput, departments: DepartmentOnRecord[]) => void, string?]> = [
  ['APPLICANT_FIELD_UNKNOWN', '/form/applicantFields/name', (i) => { i.form.applicantFields = { name: 'nickname' }; }],
  ['DEPARTMENT_UNKNOWN', '/department', (i) => { i.department = { name: '示范市农业局', creditCode: '11370500MB1000003B' }; }],
  ['DEPARTMENT_NO_OFFICER', '/department', (_i, departments) => { departments[0]!.officers = 0; }],
  ['MODEL_INVALID', '/name', (i) => { i.name = ''; }],
  ['PROMISED_EXCEEDS_LEGAL', '/promisedLimit/value', (i) => { i.legalLimit = { value: 20, unit: 'workday' }; i.promisedLimit = { value: 30, unit: 'workday' }; i.steps = [{ id: 's', name: '审核', role: '科室', limitDays: 5 }]; }, '承诺时限(30个工作日)不能超过法定时限(20个工作日)'],
  ['IMMEDIATE_NEEDS_ZERO_PROMISE', '/promisedLimit/value', (i) => { i.caseType = 'immediate'; }],
  ['ZERO_PROMISE_NEEDS_IMMEDIATE', '/caseType', (i) => { i.promisedLimit = { value: 0, unit: 'workday' }; i.steps = [{ id: 's', name: '即办', role: '窗口', limitDays: 0 }]; i.deficiencyAcceptance = { enabled: false }; i.materials = i.materials!.filter((m) => m.necessity !== 'deferrable'); }],
  ['STEPS_EXCEED_PROMISED', '/steps', (i) => { i.steps![1]!.limitDays = 10; }, '各环节时限合计(13个工作日)超过承诺时限(5个工作日)'],
  ['SUPPLEMENT_EXCEEDS_PROMISED', '/deficiencyAcceptance/supplementDays', (i) => { i.deficiencyAcceptance = { enabled: true, supplementDays: 6 }; }],
  ['DEFERRABLE_KEY_MATERIAL', '/materials/3/necessity', (i) => { i.materials![3]!.key = true; }],
  ['DEFERRABLE_NOT_ENABLED', '/materials/3/necessity', (i) => { i.deficiencyAcceptance = { enabled: false }; }],
  ['PROMISE_REPLACEMENT_NOT_ENABLED', '/materials/3/promiseReplaceable', (i) => { i.notifyPromise = { enabled: false }; }],
  ['AUTO_APPROVE_NOT_ENABLED', '/steps/0/onTimeout', (i) => { i.steps![0]!.onTimeout = 'autoApprove'; }],
  ['SUPPLEMENT_DAYS_ZERO', '/deficiencyAcceptance/supplementDays', (i) => { i.deficiencyAcceptance = { enabled: true, supplementDays: 0 }; }],
  ['ZERO_VISITS_WINDOW_PICKUP', '/delivery', (i) => { i.maxVisits = 0; i.delivery = [{ method: 'window' }]; }],
  ['VISITS_REASON_MISSING', '/visitReason', (i) => { i.maxVisits = 2; }],
  ['ZERO_VISITS_NOT_REMOTE', '/maxVisits', (i) => { i.onlineDepth = ['1', '2', '3', '4']; }],
  ['ENTRUSTING_DEPARTMENT_MISSING', '/entrustingDepartment/name', (i) => { i.department.nature = '3'; }, '「实施主体性质」为受委托组织，请填写「委托部门」(以谁的名义办理)'],
  ['PLANNED_CANCEL_NOT_AFTER_EFFECTIVE', '/plannedCancelOn', (i) => { i.effectiveFrom = '2026-06-01'; i.plannedCancelOn = '2026-05-31'; }, '「计划取消日期」(2026-05-31)应晚于「计划生效日期」(2026-06-01)'],
  ['ONLINE_DEPTH_WITHOUT_CHANNEL', '/channels', (i) => { i.channels = ['1', '4']; }],
  ['ONLINE_CHANNEL_WITHOUT_DEPTH', '/onlineDepth', (i) => { i.onlineDepth = []; }],
  ['CROSS_REGION_NOT_REMOTE', '/crossRegion', (i) => { i.crossRegion = '2'; i.channels = ['1']; i.onlineDepth = ['1']; i.maxVisits = 1; i.visitReason = '现场核验'; }, '「通办范围」为跨省通办，但「办理形式」只能在本地办理：请增加网上办理或快递申请，或清空通办范围'],
  ['RESULT_NAME_MISSING', '/result/name', (i) => { delete i.result; }],
  ['DUPLICATE_ID', '/materials/1/id', (i) => { i.materials![1]!.id = i.materials![0]!.id; }],
  ['VISIBILITY_UNKNOWN_FIELD', '/form/visibleWhen/nickname', (i) => { i.form.visibleWhen = { nickname: { field: 'licenceType', op: 'eq', value: 'C' } }; }],
  ['CONDITION_UNKNOWN_FIELD', '/materials/4/when/field', (i) => { i.materials![4]!.when = { field: 'licenceKind', op: 'eq', value: 'C' }; }],
  ['CONDITION_OPERATOR_MISMATCH', '/materials/4/when/op', (i) => { i.materials![4]!.when = { field: 'hasProcessing', op: 'gt', value: 1 }; }],
  ['CONDITION_VALUE_INVALID', '/materials/4/when/value', (i) => { i.materials![4]!.when = { field: 'licenceType', op: 'eq', value: 'E' }; }, '条件中的值「E」不是字段「申请证类」可能的取值'],
  ['CONDITION_CYCLE', '/form/visibleWhen/contact', (i) => { i.form.visibleWhen = { contact: { field: 'mobile', op: 'isSet' }, mobile: { field: 'contact', op: 'isSet' } }; }],
  ['SCHEMA_ROOT_NOT_OBJECT', '/form/schema', (i) => { i.form.schema = { type: 'string' }; i.materials!.forEach((m) => delete m.when); }],
  ['SCHEMA_TOO_LARGE', '/form/schema', (i) => { (i.form.schema as any).description = 'x'.repeat(300_000); }],
  ['SCHEMA_TOO_DEEP', `/form/schema/properties/deep${'/properties/n'.repeat(16)}`, (i) => {
    let node: Record<string, unknown> = { type: 'string' };
    for (let d = 0; d < 20; d++) node = { type: 'object', properties: { n: node } };
    (i.form.schema as any).properties.deep = node;
  }],
  ['SCHEMA_REMOTE_REF', '/form/schema/properties/company/$ref', (i) => { (i.form.schema as any).properties.company = { $ref: 'https://example.org/company.json' }; }],
  ['SCHEMA_RECURSIVE_REF', '/form/schema/definitions/person', (i) => {
    (i.form.schema as any).definitions = { person: { type: 'object', properties: { parent: { $ref: '#/definitions/person' } } } };
  }],
  ['SCHEMA_UNKNOWN_FORMAT', '/form/schema/properties/company/format', (i) => { (i.form.schema as any).properties.company.format = 'cn-passport'; }],
  ['SCHEMA_UNSAFE_PATTERN', '/form/schema/properties/company/pattern', (i) => { (i.form.schema as any).properties.company.pattern = '^(a+)+$'; }],
  ['SCHEMA_INVALID', '/form/schema', (i) => { (i.form.schema as any).properties.company.minLength = 'three'; }],
  ['FORM_BRANCHES', '/form/schema/properties/company/anyOf', (i) => { (i.form.schema as any).properties.company.anyOf = [{ minLength: 2 }, { maxLength: 1 }]; }],
  ['FORM_FREE_KEYS', '/form/schema/additionalProperties', (i) => { (i.form.schema as any).additionalProperties = { type: 'string' }; }],
  ['FORM_FIXED_LIST', '/form/schema/properties/company/items', (i) => { (i.form.schema as any).properties.company = { type: 'array', items: [{ type: 'string' }] }; }],
  ['FORM_LIST_OF_LISTS', '/form/schema/properties/company/items', (i) => { (i.form.schema as any).properties.company = { type: 'array', items: { type: 'array', items: { type: 'string' } } }; }],
  ['FORM_FIELD_TYPE', '/form/schema/properties/company/type', (i) => { delete (i.form.schema as any).properties.company.type; }],
  ['FORM_WIDGET_UNSUPPORTED', '/form/schema/properties/company', (i) => { i.form.uiSchema = { ...i.form.uiSchema, company: { 'ui:widget': 'file' } }; }],
  ['FORM_WIDGET_NEEDS_DEFAULT', '/form/schema/properties/company/default', (i) => { i.form.uiSchema = { ...i.form.uiSchema, company: { 'ui:widget': 'color' } }; }],
  ['FORM_LOCKED_NO_VALUE', '/form/schema/properties/company', (i) => { (i.form.schema as any).properties.company.readOnly = true; }],
  ['FORM_TOO_MANY_FIELDS', '/form/schema', (i) => {
    for (let n = 0; n < 1000; n++) (i.form.schema as any).properties[`f${n}`] = { type: 'string' };
  }],
  ['FORM_UNIQUE_UNBOUNDED', '/form/schema/properties/company/maxItems', (i) => { (i.form.schema as any).properties.company = { type: 'array', uniqueItems: true, items: { type: 'object', properties: { a: { type: 'string' } } } }; }],
];

describe('publish-time checks', () => {
  it('cover every check code with a failing example', () => {
    // FORM_RENDER_FAILED comes from the server, which renders the page (functions/test/items.test.ts).
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(checkCodes.filter((code) => code !== 'FORM_RENDER_FAILED')));
  });

  it.each(cases)('%s at %s', (code, path, breakIt, message) => {
    const item = template('crop-seed-licence');
    const departments = [{ id: item.department.creditCode, name: item.department.name, officers: 1 }];
    breakIt(item, departments);
    const issues = runPublishChecks(item, { departments }).issues;
    const issue = issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.path).toBe(path);
    expect(issue!.message).toMatch(/\p{Script=Han}/u);
    expect(issue!.message_en).toMatch(/[a-z]{3}/);
    if (message) expect(issue!.message).toBe(message);
  });

  it('pass a valid item with no issue and return it with defaults applied', () => {
    const result = runPublishChecks(template('crop-seed-licence'));
    expect(result.issues).toEqual([]);
    expect(result.item?.uploadLimitMb).toBe(20);
  });

  it('count parallel steps (联办) once, at the longest', () => {
    const item = template('gov-investment-project');
    expect(runPublishChecks(item).issues).toEqual([]);
    item.steps![1]!.parallelGroup = undefined; // now sequential: 20+15+20+15+15 = 85 > 70
    expect(runPublishChecks(item).issues.map((i) => i.code)).toEqual(['STEPS_EXCEED_PROMISED']);
  });

  it('accept 零跑动 with window pickup when the result can also come by post or electronically', () => {
    const item = template('crop-seed-licence');
    item.maxVisits = 0;
    item.delivery = [{ method: 'window' }, { method: 'post' }];
    expect(runPublishChecks(item).issues).toEqual([]);
    item.delivery = [{ method: 'window' }];
    expect(runPublishChecks(item).issues.map((i) => i.code)).toEqual(['ZERO_VISITS_WINDOW_PICKUP']);
  });

  it('compare limits of different units in working days', () => {
    const item = template('crop-seed-licence');
    item.legalLimit = { value: 7, unit: 'natural' }; // about 5 working days
    expect(runPublishChecks(item).issues).toEqual([]);
    item.legalLimit = { value: 6, unit: 'natural' };
    expect(runPublishChecks(item).issues.map((i) => i.code)).toEqual(['PROMISED_EXCEEDS_LEGAL']);
  });

  it('give model errors in Chinese and English', () => {
    const item = template('crop-seed-licence') as any;
    item.department.creditCode = '11370500MB10000020';
    const issue = runPublishChecks(item).issues[0]!;
    expect(issue).toMatchObject({ code: 'MODEL_INVALID', path: '/department/creditCode', message: '「实施主体统一社会信用代码」统一社会信用代码不正确', message_en: '"Implementing department credit code": invalid unified social credit code' });
  });
});

describe('the national elements', () => {
  const issuesOf = (change: (item: ItemDefinitionInput) => void) => {
    const item = template('crop-seed-licence');
    change(item);
    return runPublishChecks(item).issues.map((i) => i.code);
  };

  it('ask an entrusted power for its 委托部门, by the department\'s nature or the power\'s source, and accept it named', () => {
    expect(issuesOf((i) => { i.powerSource = 'entrustedSameLevel'; })).toEqual(['ENTRUSTING_DEPARTMENT_MISSING']);
    expect(issuesOf((i) => { i.department.nature = '3'; i.entrustingDepartment = { name: '示范市农业农村局' }; })).toEqual([]);
  });

  it('refuse a cancellation planned on the day it takes effect, and accept one after', () => {
    expect(issuesOf((i) => { i.effectiveFrom = '2026-06-01'; i.plannedCancelOn = '2026-06-01'; })).toEqual(['PLANNED_CANCEL_NOT_AFTER_EFFECTIVE']);
    expect(issuesOf((i) => { i.effectiveFrom = '2026-06-01'; i.plannedCancelOn = '2026-06-02'; })).toEqual([]);
  });

  it('accept 零跑动 by post without full online handling, and enquiries online at a window-only item', () => {
    expect(issuesOf((i) => { i.channels = ['1', '4']; i.onlineDepth = ['1']; })).toEqual([]);
    expect(issuesOf((i) => { i.channels = ['1']; i.onlineDepth = ['1']; i.maxVisits = 1; i.visitReason = '现场核验'; })).toEqual([]);
  });

  it('refuse online receipt or acceptance without an online channel, not only 全程网办', () => {
    expect(issuesOf((i) => { i.channels = ['1']; i.onlineDepth = ['1', '2', '3']; i.maxVisits = 1; i.visitReason = '现场核验'; })).toEqual(['ONLINE_DEPTH_WITHOUT_CHANNEL']);
  });

  it('accept 通办 by post, and ask only a 行政许可 for its result', () => {
    expect(issuesOf((i) => { i.crossRegion = '4'; i.channels = ['1', '4']; i.onlineDepth = ['1']; })).toEqual([]);
    expect(issuesOf((i) => { i.itemType = '07'; delete i.result; })).toEqual([]);
  });
});

describe('material file types', () => {
  it('accept only documents and images an officer can open safely, named in words', () => {
    const item = template('crop-seed-licence');
    item.materials![0]!.acceptedTypes = ['application/xml' as never];
    const issue = runPublishChecks(item).issues.find((i) => i.path === '/materials/0/acceptedTypes/0');
    expect(issue?.code).toBe('MODEL_INVALID');
    expect(issue?.message).toContain('允许的文件类型');
  });
});
