import { checkCondition, visibilityOrder } from '../conditions';
import { checkFormSupport } from '../form-support';
import { bilingual } from '../messages';
import { checkFormSchema } from '../schema-safety';
import { describeIssues } from '../zod-issues';
import { fieldsByPath, type BaseVersions } from './base';
import type { BundleIssue } from './check-codes';
import { mergedForm } from './form';
import { fieldMappingIssues, materialIssues } from './mapping-checks';
import { ZBundleDefinition, type BundleDefinition } from './model';
import { bundlePromise } from './promise';
import { unfilledCodeIssues } from './result-fills';

export { bundleCheckCodes, type BundleCheckCode, type BundleIssue } from './check-codes';

/**
 * Publish-time checks of a 一件事, in words an official understands: at least two base items,
 * each published and accepting applications; each in one stage; scenario questions and
 * applicability conditions that hold together; every base item's department taking part; the
 * one form and one checklist sound, a code an earlier item issues never asked of the applicant;
 * the promise within the law's limit for joint handling.
 */

/** A base item's head as the checks need it: its state and latest published version (0 = never). */
export interface BaseHead {
  state: 'draft' | 'published' | 'suspended' | 'cancelled';
  version: number;
  /** The item's name as its draft has it: an item never published has no version to take it from. */
  name?: string;
}

export interface BundleCheckResult {
  bundle?: BundleDefinition;
  issues: BundleIssue[];
}

function itemIssues(bundle: BundleDefinition, base: BaseVersions, heads: Readonly<Record<string, BaseHead | undefined>>): BundleIssue[] {
  const issues: BundleIssue[] = [];
  if (bundle.items.length < 2)
    issues.push({ code: 'BUNDLE_TOO_FEW_ITEMS', path: '/items', ...bilingual('一件事至少需要两个基础事项', 'a bundle needs at least two base items') });
  const seen = new Set<string>();
  bundle.items.forEach((ref, i) => {
    const at = `/items/${i}`;
    const name = base[ref.key]?.name ?? heads[ref.key]?.name ?? ref.itemId;
    for (const id of [`key:${ref.key}`, `item:${ref.jurisdiction}/${ref.itemId}`]) {
      if (seen.has(id)) issues.push({ code: 'BUNDLE_DUPLICATE_ITEM', path: at, ...bilingual(`「${name}」在本一件事中出现了两次`, `"${name}" is in this bundle twice`) });
      seen.add(id);
    }
    const head = heads[ref.key];
    if (head && head.version === 0) {
      issues.push({ code: 'BUNDLE_ITEM_NOT_PUBLISHED', path: `${at}/version`, ...bilingual(`「${name}」尚未发布：请先在事项清单中发布它`, `"${name}" is not published yet: publish it in the catalogue first`) });
      return;
    }
    if (!base[ref.key] || !head || head.version < ref.version) {
      const exists = base[ref.key] !== undefined;
      issues.push({
        code: exists ? 'BUNDLE_ITEM_NOT_PUBLISHED' : 'BUNDLE_ITEM_UNAVAILABLE',
        path: `${at}/version`,
        ...bilingual(`「${name}」第 ${ref.version} 版${exists ? '尚未发布' : '不存在'}：请选择已发布的版本`, `version ${ref.version} of "${name}" is ${exists ? 'not published' : 'not found'}: choose a published version`),
      });
    } else if (head.state !== 'published') {
      const [zh, en] = head.state === 'suspended' ? ['已挂起', 'suspended'] : head.state === 'cancelled' ? ['已取消', 'cancelled'] : ['尚未发布', 'not published'];
      issues.push({ code: 'BUNDLE_ITEM_NOT_ACCEPTING', path: at, ...bilingual(`「${name}」${zh}，不受理申请：请恢复它，或从一件事中移除`, `"${name}" is ${en} and takes no applications: resume it or remove it from the bundle`) });
    }
  });
  return issues;
}

function stageIssues(bundle: BundleDefinition, base: BaseVersions): BundleIssue[] {
  const issues: BundleIssue[] = [];
  const keys = new Set(bundle.items.map((i) => i.key));
  const placed = new Map<string, number>();
  bundle.stages.forEach((stage, s) => {
    stage.items.forEach((key, j) => {
      const name = base[key]?.name;
      if (!keys.has(key)) issues.push({ code: 'BUNDLE_STAGE_UNKNOWN_ITEM', path: `/stages/${s}/items/${j}`, ...bilingual(`第 ${s + 1} 阶段列出的事项不在本一件事中`, `stage ${s + 1} lists an item that is not in this bundle`) });
      else if (placed.has(key))
        issues.push({ code: 'BUNDLE_ITEM_STAGED_TWICE', path: `/stages/${s}/items/${j}`, ...bilingual(`「${name}」已在第 ${placed.get(key)! + 1} 阶段，不能再列入第 ${s + 1} 阶段`, `"${name}" is already in stage ${placed.get(key)! + 1}, not also in stage ${s + 1}`) });
      else placed.set(key, s);
    });
  });
  bundle.items.forEach((ref, i) => {
    if (!placed.has(ref.key)) {
      const name = base[ref.key]?.name ?? ref.itemId;
      issues.push({ code: 'BUNDLE_ITEM_NOT_STAGED', path: `/items/${i}`, ...bilingual(`「${name}」没有安排在任何办理阶段`, `"${name}" is in no stage`) });
    }
  });
  return issues;
}

function scenarioIssues(bundle: BundleDefinition, base: BaseVersions): BundleIssue[] {
  const issues: BundleIssue[] = checkFormSchema(bundle.scenario.schema).map((i) => ({ code: 'BUNDLE_SCENARIO_INVALID' as const, path: `/scenario/schema${i.path}`, message: i.message, message_en: i.message_en }));
  if (issues.length > 0) return issues;
  const fields = fieldsByPath(bundle.scenario.schema);
  bundle.items.forEach((ref, i) => {
    if (!ref.when) return;
    const name = base[ref.key]?.name ?? ref.itemId;
    for (const c of checkCondition(ref.when, fields, `/items/${i}/when`))
      issues.push({ code: 'BUNDLE_CONDITION_INVALID', path: c.path, ...bilingual(`「${name}」的适用情形：${c.message}`, `when "${name}" applies: ${c.message_en}`) });
  });
  return issues;
}

function departmentIssues(bundle: BundleDefinition, base: BaseVersions): BundleIssue[] {
  const taking = new Set([bundle.leadDepartment.creditCode, ...bundle.cooperatingDepartments.map((d) => d.creditCode)]);
  return bundle.items.flatMap((ref, i) => {
    const item = base[ref.key];
    if (!item || taking.has(item.department.creditCode)) return [];
    return [
      {
        code: 'BUNDLE_DEPARTMENT_NOT_LISTED' as const,
        path: `/items/${i}`,
        ...bilingual(`「${item.name}」由${item.department.name}办理，请把它列为牵头部门或配合部门`, `"${item.name}" is handled by ${item.department.name}: list it as the lead or a cooperating department`),
      },
    ];
  });
}

function promiseIssues(bundle: BundleDefinition, base: BaseVersions): BundleIssue[] {
  const p = bundlePromise(bundle, base);
  if (p.promised > p.jointLimit) {
    const beyond = p.promised > p.jointLimit + p.jointExtension;
    return [
      {
        code: 'BUNDLE_PROMISE_EXCEEDS_JOINT_LIMIT',
        path: '/stages',
        ...bilingual(
          `各阶段承诺办结时限合计 ${p.promised} 个工作日，超过联合办理的法定时限。《中华人民共和国行政许可法》第四十二条第二款：行政许可采取统一办理或者联合办理、集中办理的，办理的时间不得超过四十五日；四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日。${beyond ? '即使延长，合计也不得超过 60 个工作日。' : '延长须在办理中逐件批准，不能预先承诺。'}请缩短承诺时限，或把可以同时办理的事项放在同一阶段`,
          `the stages' promised limits add up to ${p.promised} working days, beyond the legal limit for joint handling. Administrative Licensing Law, Article 42(2): a licence handled jointly, in one place or by one body must be decided within 45 days; if it cannot be, the head of the people's government at that level may extend it by 15 days. ${beyond ? 'Even extended, the total may not exceed 60 working days.' : 'An extension is approved case by case, never promised in advance.'} Shorten the promises, or put items that can run together in one stage`,
        ),
      },
    ];
  }
  if (p.promised > p.legal)
    return [
      {
        code: 'BUNDLE_PROMISE_EXCEEDS_LEGAL',
        path: '/stages',
        ...bilingual(`各阶段承诺办结时限合计 ${p.promised} 个工作日，超过各事项法定时限合计(${p.legal} 个工作日)`, `the stages' promised limits add up to ${p.promised} working days, more than their legal limits (${p.legal} working days)`),
      },
    ];
  return [];
}

function formIssues(bundle: BundleDefinition, base: BaseVersions): BundleIssue[] {
  const form = mergedForm(bundle, base);
  const issues: BundleIssue[] = checkFormSupport(form.schema, form.uiSchema).map((i) => ({ code: 'BUNDLE_FORM_UNSUPPORTED', path: '/scenario', message: `合并后的申请表：${i.message}`, message_en: `the merged form: ${i.message_en}` }));
  if (visibilityOrder(form.visibleWhen).cyclic.length > 0)
    issues.push({ code: 'BUNDLE_FORM_UNSUPPORTED', path: '/scenario/visibleWhen', ...bilingual('合并后的申请表中，字段的显示条件互相依赖，无法确定先显示哪一个', 'in the merged form, fields are shown on conditions that depend on each other in a circle') });
  return issues;
}

/**
 * Every check of a bundle. `base` holds the pinned version of each base item by its key;
 * `heads` the state of each base item now.
 */
export function bundleChecks(input: unknown, base: BaseVersions, heads: Readonly<Record<string, BaseHead | undefined>>): BundleCheckResult {
  const parsed = ZBundleDefinition.safeParse(input, { reportInput: true });
  if (!parsed.success) return { issues: describeIssues(parsed.error.issues).map((i) => ({ code: 'MODEL_INVALID', ...i })) };
  const bundle = parsed.data;
  const loaded = Object.fromEntries(bundle.items.filter((i) => base[i.key]).map((i) => [i.key, base[i.key]!]));
  const structural = [...itemIssues(bundle, loaded, heads), ...stageIssues(bundle, loaded), ...scenarioIssues(bundle, loaded)];
  const mapping = [...fieldMappingIssues(bundle, loaded), ...unfilledCodeIssues(bundle, loaded), ...materialIssues(bundle, loaded)];
  const whole = structural.length + mapping.length === 0 ? [...formIssues(bundle, loaded), ...promiseIssues(bundle, loaded)] : promiseIssues(bundle, loaded);
  return { bundle, issues: [...structural, ...departmentIssues(bundle, loaded), ...mapping, ...whole] };
}
