import isDeepStrictEqual from 'fast-deep-equal';
import { conditionWords } from './condition-words';
import { formFields, type FormField } from './form-fields';
import { customFormats } from './formats';
import { labelled, renamed, within, type LabelledChange, type Place } from './labelled-change';
import { shapeOf } from './model-nodes';
import type { Condition } from './model/condition';
import { ZIntakeForm } from './model/form';
import { noWords, titleWords, type Words } from './value-words';

/**
 * Changes to an intake form, field by field and named by the fields' titles: a field added
 * with its kind and whether it is required, a field's choices, rules, display or visibility
 * condition changed. The form is JSON Schema the officials never see as such.
 */

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const none = noWords;

interface FormVersion {
  schema: Schema;
  ui: Schema;
  visibleWhen: Record<string, Condition>;
  applicantFields: Record<string, unknown>;
  fields: Map<string, FormField>;
  required: Set<string>;
}

function read(form: unknown): FormVersion {
  const f = isObject(form) ? form : {};
  const schema = isObject(f.schema) ? f.schema : {};
  const list = formFields(schema);
  return {
    schema,
    ui: isObject(f.uiSchema) ? f.uiSchema : {},
    visibleWhen: (isObject(f.visibleWhen) ? f.visibleWhen : {}) as Record<string, Condition>,
    applicantFields: isObject(f.applicantFields) ? f.applicantFields : {},
    fields: new Map(list.map((field) => [field.path, field])),
    required: requiredPaths(schema),
  };
}

/** A local `#/…` reference followed (once per name), as the form renderer does. */
function resolve(root: Schema, node: Schema): Schema {
  const seen = new Set<string>();
  let current = node;
  while (typeof current.$ref === 'string' && current.$ref.startsWith('#/') && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    let target: unknown = root;
    for (const part of current.$ref.slice(2).split('/')) target = isObject(target) ? target[decodeURIComponent(part)] : undefined;
    if (!isObject(target)) break;
    current = target;
  }
  return current;
}

function schemaAt(root: Schema, path: string): Schema {
  let node: Schema = root;
  for (const part of path.split('.')) {
    const properties = resolve(root, node).properties;
    const next = isObject(properties) ? properties[part] : undefined;
    if (!isObject(next)) return {};
    node = resolve(root, next);
  }
  return node;
}

function requiredPaths(root: Schema): Set<string> {
  const out = new Set<string>();
  const walk = (node: Schema, prefix: string, depth: number) => {
    if (depth > 32) return;
    const resolved = resolve(root, node);
    if (Array.isArray(resolved.required)) for (const name of resolved.required) if (typeof name === 'string') out.add(prefix + name);
    if (!isObject(resolved.properties)) return;
    for (const [name, child] of Object.entries(resolved.properties)) if (isObject(child)) walk(child, `${prefix}${name}.`, depth + 1);
  };
  walk(root, '', 0);
  return out;
}

const uiAt = (ui: Schema, path: string): Schema => {
  let node: unknown = ui;
  for (const part of path.split('.')) node = isObject(node) ? node[part] : undefined;
  return isObject(node) ? Object.fromEntries(Object.entries(node).filter(([k]) => k.startsWith('ui:'))) : {};
};

const textFormats: Record<string, Words> = {
  date: { zh: '日期', en: 'date' },
  'date-time': { zh: '日期和时间', en: 'date and time' },
  email: { zh: '电子邮箱', en: 'e-mail address' },
  ...Object.fromEntries(Object.entries(customFormats).map(([k, f]) => [k, { zh: f.zh, en: f.en }])),
};

/** What kind of field it is, as the form builder's palette names it. */
function kindWords(field: FormField, ui: Schema): Words {
  if (field.type === 'boolean') return { zh: '是/否', en: 'yes or no' };
  if (field.itemOptions) return { zh: '多项选择', en: 'multiple choice' };
  if (field.options) return { zh: '单项选择', en: 'single choice' };
  switch (field.type) {
    case 'number':
      return { zh: '数字', en: 'number' };
    case 'integer':
      return { zh: '整数', en: 'whole number' };
    case 'object':
      return { zh: '分组', en: 'group' };
    case 'array':
      return { zh: '可重复的一组', en: 'repeating group' };
    default:
      if (field.format) return textFormats[field.format] ?? { zh: '文字', en: 'text' };
      return ui['ui:widget'] === 'textarea' ? { zh: '多行文字', en: 'long text' } : { zh: '文字', en: 'text' };
  }
}

const optionWords = (field: FormField | undefined): Words => {
  // A yes/no field's 是 and 否 are its kind, not choices someone wrote.
  const titles = field?.type === 'boolean' ? [] : (field?.optionTitles ?? []);
  return { zh: titles.join('、'), en: titles.join(', ') };
};

/** Length, size and count limits and a pattern, as a sentence. */
function rulesWords(s: Schema): Words {
  const zh: string[] = [];
  const en: string[] = [];
  const range = (min: unknown, max: unknown, unitZh: string, unitEn: string, verbZh = '') => {
    const lo = typeof min === 'number' ? min : undefined;
    const hi = typeof max === 'number' ? max : undefined;
    if (lo !== undefined && hi !== undefined) {
      zh.push(`${verbZh}${lo} 至 ${hi} ${unitZh}`.trim());
      en.push(`${lo} to ${hi} ${unitEn}`.trim());
    } else if (lo !== undefined) {
      zh.push(`至少${verbZh} ${lo} ${unitZh}`.trim());
      en.push(`at least ${lo} ${unitEn}`.trim());
    } else if (hi !== undefined) {
      zh.push(`至多${verbZh} ${hi} ${unitZh}`.trim());
      en.push(`at most ${hi} ${unitEn}`.trim());
    }
  };
  range(s.minLength, s.maxLength, '个字', 'characters');
  range(s.minimum, s.maximum, '', '');
  range(s.minItems, s.maxItems, '项', 'items', '选');
  if (typeof s.exclusiveMinimum === 'number') (zh.push(`大于 ${s.exclusiveMinimum}`), en.push(`more than ${s.exclusiveMinimum}`));
  if (typeof s.exclusiveMaximum === 'number') (zh.push(`小于 ${s.exclusiveMaximum}`), en.push(`less than ${s.exclusiveMaximum}`));
  if (typeof s.pattern === 'string') (zh.push(`须符合规则 ${s.pattern}`), en.push(`must match ${s.pattern}`));
  return { zh: zh.join('；'), en: en.join('; ') };
}

const widgets: Record<string, Words> = {
  radio: { zh: '单选按钮', en: 'radio buttons' },
  select: { zh: '下拉列表', en: 'drop-down list' },
  checkboxes: { zh: '复选框', en: 'checkboxes' },
  textarea: { zh: '多行文本框', en: 'text area' },
  hidden: { zh: '隐藏', en: 'hidden' },
};
const widgetWords = (ui: Schema): Words => {
  const w = ui['ui:widget'];
  return typeof w === 'string' ? (widgets[w] ?? { zh: w, en: w }) : none;
};
const textOf = (v: unknown): Words => (typeof v === 'string' ? { zh: v, en: v } : none);
const yesNo = (v: boolean): Words => (v ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' });

function conditionOf(form: FormVersion, path: string): Words {
  const condition = form.visibleWhen[path];
  if (!condition) return none;
  const list = [...form.fields.values()];
  try {
    return { zh: conditionWords(condition, list), en: conditionWords(condition, list, 'en') };
  } catch {
    return { zh: '(条件)', en: '(a condition)' };
  }
}

/** A field as a line: its kind and choices, required or not, its rules and when it shows. */
function fieldSummary(form: FormVersion, field: FormField): Words {
  const ui = uiAt(form.ui, field.path);
  const kind = kindWords(field, ui);
  const options = optionWords(field);
  const parts: Words[] = [
    options.zh ? { zh: `${kind.zh}（${options.zh}）`, en: `${kind.en} (${options.en})` } : kind,
    form.required.has(field.path) ? { zh: '必填', en: 'required' } : { zh: '选填', en: 'optional' },
    rulesWords(schemaAt(form.schema, field.path)),
  ];
  const shown = conditionOf(form, field.path);
  if (shown.zh) parts.push({ zh: `${shown.zh}时显示`, en: `shown when ${shown.en}` });
  const kept = parts.filter((p) => p.zh);
  return { zh: kept.map((p) => p.zh).join('，'), en: kept.map((p) => p.en).join(', ') };
}

/** 「申请人 › 姓名」: a field named with the groups it sits in. */
function fieldName(form: FormVersion, path: string): string {
  const parts = path.split('.');
  return parts.map((_, i) => form.fields.get(parts.slice(0, i + 1).join('.'))?.title ?? '').filter(Boolean).join(' › ');
}

const pointer = (base: string, path: string) => `${base}/schema${path.split('.').map((p) => `/properties/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;

/** The order fields are shown in: the uiSchema's order first, the rest as the schema lists them. */
function displayOrder(form: FormVersion): string[] {
  const top = [...form.fields.keys()].filter((p) => !p.includes('.'));
  const order = Array.isArray(form.ui['ui:order']) ? (form.ui['ui:order'] as unknown[]).filter((k): k is string => typeof k === 'string' && top.includes(k)) : [];
  return [...order, ...top.filter((p) => !order.includes(p))];
}

export function formChanges(before: unknown, after: unknown, at: Place): LabelledChange[] {
  const b = read(before);
  const a = read(after);
  const out: LabelledChange[] = [];
  const push = (place: Place, x: Words, y: Words) => {
    const change = labelled(place, x, y);
    if (change) out.push(change);
    return !!change;
  };

  // The order of the fields the applicant goes through.
  const common = (list: string[], other: FormVersion) => list.filter((p) => other.fields.has(p));
  if (!isDeepStrictEqual(common(displayOrder(b), a), common(displayOrder(a), b))) {
    const titles = (form: FormVersion) => displayOrder(form).map((p) => form.fields.get(p)!.title);
    const place = { ...at, before: `${at.before}/uiSchema/ui:order`, after: `${at.after}/uiSchema/ui:order`, trail: renamed(at.trail, { zh: '申请表单的字段顺序', en: 'Order of the form’s fields' }) };
    const change = labelled(place, { zh: titles(b).join('、'), en: titles(b).join(', ') }, { zh: titles(a).join('、'), en: titles(a).join(', ') });
    if (change) out.push({ ...change, kind: 'changed' });
  }

  const fieldPlace = (path: string, form: FormVersion, suffix = ''): Place => {
    const name = fieldName(form, path);
    return { before: pointer(at.before, path) + suffix, after: pointer(at.after, path) + suffix, trail: renamed(at.trail, { zh: `申请表单字段「${name}」`, en: `Form field “${name}”` }) };
  };

  for (const [path, field] of b.fields) {
    if (!a.fields.has(path)) push(fieldPlace(path, b), fieldSummary(b, field), none);
  }
  for (const [path, field] of a.fields) {
    const old = b.fields.get(path);
    if (!old) {
      push(fieldPlace(path, a), none, fieldSummary(a, field));
      continue;
    }
    const base = fieldPlace(path, a);
    const attribute = (zh: string, en: string, suffix: string): Place => ({ ...base, before: pointer(at.before, path) + suffix, after: pointer(at.after, path) + suffix, trail: [...base.trail, { zh, en }] });
    const [rawB, rawA] = [schemaAt(b.schema, path), schemaAt(a.schema, path)];
    const [uiB, uiA] = [uiAt(b.ui, path), uiAt(a.ui, path)];
    let said = false;
    said = push(attribute('字段名称', 'Field name', '/title'), textOf(old.title), textOf(field.title)) || said;
    said = push(attribute('类型', 'Kind', '/type'), kindWords(old, uiB), kindWords(field, uiA)) || said;
    said = push(attribute('选项', 'Choices', ''), optionWords(old), optionWords(field)) || said;
    said = push(attribute('必填', 'Required', '/required'), yesNo(b.required.has(path)), yesNo(a.required.has(path))) || said;
    said = push(attribute('说明', 'Description', '/description'), textOf(rawB.description), textOf(rawA.description)) || said;
    said = push(attribute('填写规则', 'Rules', ''), rulesWords(rawB), rulesWords(rawA)) || said;
    said = push(attribute('显示方式', 'Shown as', ''), widgetWords(uiB), widgetWords(uiA)) || said;
    said = push(attribute('提示文字', 'Placeholder', ''), textOf(uiB['ui:placeholder']), textOf(uiA['ui:placeholder'])) || said;
    said = push(attribute('帮助说明', 'Help', ''), textOf(uiB['ui:help']), textOf(uiA['ui:help'])) || said;
    const conditionPlace = { ...attribute('显示条件', 'Shown when', ''), before: `${at.before}/visibleWhen/${path}`, after: `${at.after}/visibleWhen/${path}` };
    said = push(conditionPlace, conditionOf(b, path), conditionOf(a, path)) || said;
    const own = (s: Schema) => ({ ...s, properties: undefined, required: undefined });
    if (!said && (!isDeepStrictEqual(own(rawB), own(rawA)) || !isDeepStrictEqual(uiB, uiA))) {
      push(attribute('其他设置', 'Other settings', ''), { zh: '(原设置)', en: '(as before)' }, { zh: '(已修改)', en: '(changed)' });
    }
  }

  // Which fields name the applicant in notices and searches.
  const applicantNode = ZIntakeForm.shape.applicantFields;
  const group = within(at, 'applicantFields', titleWords(applicantNode));
  for (const [key, node] of Object.entries(shapeOf(applicantNode) ?? {})) {
    const title = (form: FormVersion): Words => {
      const path = form.applicantFields[key];
      if (typeof path !== 'string' || !path) return none;
      const name = form.fields.has(path) ? fieldName(form, path) : '';
      return name ? { zh: `「${name}」`, en: `“${name}”` } : { zh: '(表单中没有的字段)', en: '(a field not in the form)' };
    };
    push(within(group, key, titleWords(node)), title(b), title(a));
  }

  // Anything else about the form as a whole (its title, description, other settings).
  const rest = (form: FormVersion) => [{ ...form.schema, properties: undefined, required: undefined }, Object.fromEntries(Object.entries(form.ui).filter(([k]) => k.startsWith('ui:') && k !== 'ui:order'))];
  if (!isDeepStrictEqual(rest(b), rest(a))) {
    push({ ...at, trail: [...at.trail, { zh: '其他设置', en: 'Other settings' }] }, { zh: '(原设置)', en: '(as before)' }, { zh: '(已修改)', en: '(changed)' });
  }
  return out;
}
