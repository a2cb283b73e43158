import { compileForm } from './answers';
import { checkCondition, visibilityOrder } from './conditions';
import type { TimeLimit } from './deadlines';
import { formFields } from './form-fields';
import { bilingual } from './messages';
import type { Condition } from './model/condition';
import { ZItemDefinition, type ItemDefinition } from './model/item';
import { migrateDefinition } from './model/migrations';
import { checkFormSchema } from './schema-safety';
import { checkFormSupport } from './form-support';
import { itemFieldTitle } from './json-schema';
import { asWorkdays, exceedsLimit, stepsWorkdays } from './time-limits';
import { describeIssues } from './zod-issues';
import { englishTitle } from './english-titles';
import { departmentIssues, type DepartmentOnRecord } from './department-checks';
import { elementIssues } from './element-checks';
import type { CheckIssue } from './check-codes';

export { checkCodes, type CheckCode, type CheckIssue } from './check-codes';

/**
 * Publish-time checks (DOMAIN.md §1): an item that fails any of them cannot be published.
 * Each issue has a stable code, the JSON Pointer of the field at fault, and a message an
 * official understands, in Chinese and English.
 */


export interface CheckResult {
  /** The parsed definition (defaults applied) when the model itself is valid. */
  item?: ItemDefinition;
  issues: CheckIssue[];
}

function modelIssues(input: unknown): CheckResult {
  const parsed = ZItemDefinition.safeParse(migrateDefinition(input), { reportInput: true });
  if (parsed.success) return { item: parsed.data, issues: [] };
  return {
    issues: describeIssues(parsed.error.issues).map((issue) => {
      // Name the field: "「办件类型」请填写", not just "请填写".
      const title = itemFieldTitle(issue.path);
      return title
        ? { code: 'MODEL_INVALID', path: issue.path, message: `「${title}」${issue.message}`, message_en: `"${englishTitle(title)}": ${issue.message_en}` }
        : { code: 'MODEL_INVALID', ...issue };
    }),
  };
}

const unitZh = (l: TimeLimit) => (l.unit === 'workday' ? '个工作日' : '个自然日');
const unitEn = (l: TimeLimit) => (l.unit === 'workday' ? 'working days' : 'calendar days');
const describeZh = (l: TimeLimit) => `${l.value}${unitZh(l)}`;
const describeEn = (l: TimeLimit) => `${l.value} ${unitEn(l)}`;

function limitIssues(item: ItemDefinition): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const { legalLimit: legal, promisedLimit: promised } = item;
  if (legal) {
    if (exceedsLimit(promised, legal)) {
      issues.push({
        code: 'PROMISED_EXCEEDS_LEGAL',
        path: '/promisedLimit/value',
        ...bilingual(
          `承诺时限(${describeZh(promised)})不能超过法定时限(${describeZh(legal)})`,
          `the promised limit (${describeEn(promised)}) cannot exceed the legal limit (${describeEn(legal)})`,
        ),
      });
    }
  }
  if (item.caseType === 'immediate' && promised.value !== 0) {
    issues.push({
      code: 'IMMEDIATE_NEEDS_ZERO_PROMISE',
      path: '/promisedLimit/value',
      ...bilingual(`即办件的承诺时限应为 0，当前为${describeZh(promised)}`, `an item decided on the spot has a promised limit of 0, not ${describeEn(promised)}`),
    });
  }
  if (item.caseType === 'promised' && promised.value === 0) {
    issues.push({
      code: 'ZERO_PROMISE_NEEDS_IMMEDIATE',
      path: '/caseType',
      ...bilingual('承诺时限为 0 的事项应设为即办件', 'an item with a promised limit of 0 must be decided on the spot (即办件)'),
    });
  }
  const total = stepsWorkdays(item.steps);
  if (total > asWorkdays(promised)) {
    // A clone's steps are the level above's and locked: the county can only lengthen its promise.
    issues.push(
      item.upstream
        ? {
            code: 'STEPS_EXCEED_PROMISED',
            path: '/promisedLimit/value',
            ...bilingual(
              `办理环节由上级设定，承诺办结时限不能短于各环节时限合计(${total}个工作日)，当前为${describeZh(promised)}`,
              `the steps are set by the level above: the promised limit cannot be shorter than their total (${total} working days); it is ${describeEn(promised)}`,
            ),
          }
        : {
            code: 'STEPS_EXCEED_PROMISED',
            path: '/steps',
            ...bilingual(
              `各环节时限合计(${total}个工作日)超过承诺时限(${describeZh(promised)})`,
              `the steps add up to ${total} working days, more than the promised limit (${describeEn(promised)})`,
            ),
          },
    );
  }
  const deficiency = item.deficiencyAcceptance;
  if (deficiency.enabled && deficiency.supplementDays > asWorkdays(promised)) {
    issues.push({
      code: 'SUPPLEMENT_EXCEEDS_PROMISED',
      path: '/deficiencyAcceptance/supplementDays',
      ...bilingual(
        `容缺补交期限(${deficiency.supplementDays}个工作日)不能超过承诺时限(${describeZh(promised)})`,
        `the supplement deadline (${deficiency.supplementDays} working days) cannot exceed the promised limit (${describeEn(promised)})`,
      ),
    });
  }
  // A material "supplied later" within 0 days is not later: 容缺 needs at least a day.
  if (deficiency.enabled && deficiency.supplementDays < 1) {
    issues.push({
      code: 'SUPPLEMENT_DAYS_ZERO',
      path: '/deficiencyAcceptance/supplementDays',
      ...bilingual(
        '实行容缺受理时，补交期限至少为 1 个工作日(0 天等于不能后补)',
        'with 容缺 acceptance on, allow at least 1 working day to supply a material later (0 days is not later)',
      ),
    });
  }
  // 零跑动 promises no visit; a result that can only be collected at the window needs one.
  const methods = new Set(item.delivery.map((d) => d.method));
  if (item.maxVisits === 0 && methods.has('window') && methods.size === 1) {
    issues.push({
      code: 'ZERO_VISITS_WINDOW_PICKUP',
      path: '/delivery',
      ...bilingual(
        '到办事现场次数为 0(零跑动)，但办理结果只能窗口领取，申请人仍要到现场一次：请增加邮寄或电子证照等送达方式，或把到现场次数改为 1 并说明原因',
        'no visit is promised (零跑动), but the result can only be collected at the window, so the applicant would have to come: add delivery by post or an electronic certificate, or set the visits to 1 and say why',
      ),
    });
  }
  if (item.maxVisits > 0 && !item.visitReason) {
    issues.push({
      code: 'VISITS_REASON_MISSING',
      path: '/visitReason',
      ...bilingual(`需到现场 ${item.maxVisits} 次，请说明必须到现场的原因`, `applicants must come ${item.maxVisits} time(s): state why`),
    });
  }
  return issues;
}

function materialAndStepIssues(item: ItemDefinition): CheckIssue[] {
  const issues: CheckIssue[] = [];
  item.materials.forEach((m, i) => {
    if (m.necessity !== 'deferrable') return;
    if (m.key) {
      issues.push({
        code: 'DEFERRABLE_KEY_MATERIAL',
        path: `/materials/${i}/necessity`,
        ...bilingual(`「${m.name}」是关键材料，不能容缺后补`, `"${m.name}" is a key material and cannot be supplied later`),
      });
    }
    if (!item.deficiencyAcceptance.enabled) {
      issues.push({
        code: 'DEFERRABLE_NOT_ENABLED',
        path: `/materials/${i}/necessity`,
        ...bilingual(`「${m.name}」设为容缺，但本事项未实行容缺受理`, `"${m.name}" may be supplied later, but the item does not accept deficiencies (容缺受理)`),
      });
    }
  });
  if (!item.notifyPromise.enabled) {
    item.materials.forEach((m, i) => {
      if (m.promiseReplaceable)
        issues.push({
          code: 'PROMISE_REPLACEMENT_NOT_ENABLED',
          path: `/materials/${i}/promiseReplaceable`,
          ...bilingual(`「${m.name}」可告知承诺替代，但本事项未实行告知承诺制`, `"${m.name}" may be replaced by a promise, but the item does not adopt 告知承诺`),
        });
    });
  }
  if (!item.autoApproveOnTimeout) {
    item.steps.forEach((s, i) => {
      if (s.onTimeout === 'autoApprove')
        issues.push({
          code: 'AUTO_APPROVE_NOT_ENABLED',
          path: `/steps/${i}/onTimeout`,
          ...bilingual(`环节「${s.name}」设为超时默认，但本事项未实行超时默认`, `the step "${s.name}" is deemed approved on timeout, but the item does not adopt 超时默认`),
        });
    });
  }
  for (const [list, label] of [
    ['materials', ['材料', 'material']],
    ['steps', ['环节', 'step']],
  ] as const) {
    const seen = new Set<string>();
    item[list].forEach((entry, i) => {
      if (seen.has(entry.id))
        issues.push({
          code: 'DUPLICATE_ID',
          path: `/${list}/${i}/id`,
          ...bilingual(`${label[0]}标识「${entry.id}」重复`, `the ${label[1]} id "${entry.id}" is used twice`),
        });
      seen.add(entry.id);
    });
  }
  return issues;
}

function formIssues(item: ItemDefinition): CheckIssue[] {
  const schemaIssues = checkFormSchema(item.form.schema).map((i) => ({ ...i, path: `/form/schema${i.path}` }));
  if (schemaIssues.length > 0) return schemaIssues;
  try {
    compileForm(item.form.schema);
  } catch (error) {
    return [
      {
        code: 'SCHEMA_INVALID',
        path: '/form/schema',
        ...bilingual(`表单结构无效：${(error as Error).message}`, `the form schema is invalid: ${(error as Error).message}`),
      },
    ];
  }
  const issues: CheckIssue[] = checkFormSupport(item.form.schema, item.form.uiSchema).map((i) => ({ ...i, path: `/form/schema${i.path}` }));
  const fields = new Map(formFields(item.form.schema).map((f) => [f.path, f]));
  const conditionIssues = (condition: Condition, at: string) =>
    checkCondition(condition, fields).forEach((i) => issues.push({ ...i, path: `${at}${i.path}` }));
  item.materials.forEach((m, i) => m.when && conditionIssues(m.when, `/materials/${i}/when`));
  for (const [field, condition] of Object.entries(item.form.visibleWhen)) {
    const at = `/form/visibleWhen/${field}`;
    if (!fields.has(field)) {
      issues.push({
        code: 'VISIBILITY_UNKNOWN_FIELD',
        path: at,
        ...bilingual(`设置了显示条件的字段「${field}」在申请表单中不存在`, `the field "${field}" has a visibility condition but is not in the form`),
      });
    }
    conditionIssues(condition, at);
  }
  for (const [role, path] of Object.entries(item.form.applicantFields)) {
    if (path === undefined || fields.get(path)?.type === 'string') continue;
    issues.push({
      code: 'APPLICANT_FIELD_UNKNOWN',
      path: `/form/applicantFields/${role}`,
      ...bilingual(`用作申请人信息的字段「${path}」不是申请表单中的文字字段`, `the applicant field "${path}" is not a text field of the form`),
    });
  }
  for (const field of visibilityOrder(item.form.visibleWhen).cyclic) {
    issues.push({
      code: 'CONDITION_CYCLE',
      path: `/form/visibleWhen/${field}`,
      ...bilingual(
        `字段「${fields.get(field)?.title ?? field}」的显示条件循环依赖(互相决定是否显示)`,
        `the visibility of "${fields.get(field)?.title ?? field}" depends on itself through other fields`,
      ),
    });
  }
  return issues;
}

/**
 * Runs every publish-time check on an item definition as written (defaults not yet applied).
 * Given the jurisdiction's departments, it also checks that the cases will reach someone.
 */
export function runPublishChecks(input: unknown, context: { departments?: readonly DepartmentOnRecord[] } = {}): CheckResult {
  const parsed = modelIssues(input);
  if (!parsed.item) return parsed;
  const item = parsed.item;
  const reach = context.departments ? departmentIssues(item, context.departments) : [];
  return { item, issues: [...reach, ...limitIssues(item), ...elementIssues(item), ...materialAndStepIssues(item), ...formIssues(item)] };
}
