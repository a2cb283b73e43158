import { getUiOptions, type UiSchema } from '@rjsf/utils';
import { fieldType, isChoice, isMultipleChoice, widgetOf } from './form-options';
import { inlineRefs, RefExpansionError } from './form-refs';
import { jsonPointer } from './json-pointer';
import { bilingual, type Bilingual } from './messages';

/**
 * 申请页能原样收回的表单 / What the citizen page can take back exactly. A form may be valid JSON
 * Schema and still hold something a page posted without JavaScript cannot carry: branches chosen
 * as you type, keys the applicant names, fixed-position lists, widgets whose untouched value is
 * an answer nobody gave. Those are refused at publish, in words an official understands, with
 * what to use instead; everything else round-trips (form-post.ts).
 */

export type FormSupportCode =
  | 'FORM_BRANCHES'
  | 'FORM_FREE_KEYS'
  | 'FORM_FIXED_LIST'
  | 'FORM_LIST_OF_LISTS'
  | 'FORM_FIELD_TYPE'
  | 'FORM_WIDGET_UNSUPPORTED'
  | 'FORM_WIDGET_NEEDS_DEFAULT'
  | 'FORM_LOCKED_NO_VALUE'
  | 'FORM_TOO_MANY_FIELDS'
  | 'FORM_UNIQUE_UNBOUNDED';

export interface FormSupportIssue extends Bilingual {
  code: FormSupportCode;
  /** JSON Pointer inside the schema, through the fields as the page shows them. */
  path: string;
}

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Widgets whose post is read back exactly, by the type they draw. */
const ROUND_TRIP_WIDGETS: Record<string, readonly string[]> = {
  boolean: ['checkbox', 'radio', 'select', 'hidden'],
  string: ['text', 'textarea', 'password', 'email', 'uri', 'hostname', 'ipv4', 'ipv6', 'date', 'time', 'color', 'radio', 'select', 'hidden'],
  number: ['text', 'updown', 'range', 'radio', 'select', 'hidden'],
  integer: ['text', 'updown', 'range', 'radio', 'select', 'hidden'],
  array: ['select', 'checkboxes', 'hidden'],
};
/** Widgets that always post a value, so an untouched one answers for the applicant. */
const ALWAYS_POSTED = new Set(['color', 'range']);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);
/** Fields one form may hold once expanded: far beyond any real item, far below what slows a page. */
export const MAX_FORM_FIELDS = 1_000;
/** Entries a list of groups that must all differ may hold (checking them is quadratic). */
export const MAX_UNIQUE_GROUPS = 100;

export function checkFormSupport(schema: Schema, uiSchema: Schema = {}): FormSupportIssue[] {
  const issues: FormSupportIssue[] = [];
  let form: Schema;
  try {
    form = inlineRefs(schema);
  } catch (error) {
    if (!(error instanceof RefExpansionError)) throw error;
    return [{ code: 'FORM_BRANCHES', path: '', ...bilingual('表单引用的定义展开后过大，请减少重复引用', 'the form grows too large once its references are expanded; refer to definitions less often') }];
  }
  const add = (code: FormSupportCode, path: string[], zh: string, en: string) => issues.push({ code, path: jsonPointer(path), ...bilingual(zh, en) });

  let fields = 0;
  const walk = (node: Schema, ui: Schema, path: string[], name: string, required: boolean) => {
    const called = `「${name}」`;
    if (++fields === MAX_FORM_FIELDS + 1) {
      add('FORM_TOO_MANY_FIELDS', [], `表单字段过多(超过 ${MAX_FORM_FIELDS} 个)，请拆分事项或精简表单`, `the form has too many fields (over ${MAX_FORM_FIELDS}); split the item or simplify the form`);
    }
    if (ui['ui:field'] !== undefined || (node.type === 'object' && ui['ui:widget'] !== undefined)) {
      add('FORM_WIDGET_UNSUPPORTED', path, `${called}指定了申请页没有的填写方式(ui:field / ui:widget)`, `"${name}" names an input the application page does not have (ui:field / ui:widget)`);
      return;
    }
    const branching = ['oneOf', 'anyOf'].filter((k) => node[k] !== undefined && !isChoice(node));
    const conditional = ['allOf', 'if', 'then', 'else'].filter((k) => node[k] !== undefined);
    const dependent = isObject(node.dependencies) && Object.values(node.dependencies).some(isObject) ? ['dependencies'] : [];
    const keywords = [...branching, ...conditional, ...dependent];
    if (keywords.length > 0) {
      add('FORM_BRANCHES', [...path, keywords[0]!], `${called}按所填内容切换不同的填写项(${keywords.join('、')})，申请页在不运行脚本时无法切换；请改用字段的「显示条件」`,
        `"${name}" switches fields by what is entered (${keywords.join(', ')}), which the application page cannot do without scripts; use the fields' visibility conditions instead`);
      return;
    }
    const type = node.type;
    if (typeof type !== 'string' || !TYPES.has(type)) {
      add('FORM_FIELD_TYPE', [...path, 'type'], `${called}须注明一种类型(文字、数字、整数、是否、一组字段或列表)`,
        `"${name}" must state one type (string, number, integer, boolean, object or array)`);
      return;
    }
    const options = getUiOptions(ui as UiSchema);
    const widget = widgetOf(node, ui);
    const format = typeof node.format === 'string' ? node.format : undefined;
    const locked = node.readOnly === true || options.disabled === true || options.readonly === true || widget === 'hidden';
    if (locked && required && node.default === undefined && type !== 'object') {
      add('FORM_LOCKED_NO_VALUE', path, `${called}必填但申请人不能填写(只读、禁用或隐藏)，也没有默认值；请设默认值或允许填写`,
        `"${name}" is required but the applicant cannot fill it in (read-only, disabled or hidden) and it has no default; give it a default or let it be filled in`);
    }
    if (type === 'object') {
      if (node.patternProperties !== undefined || (node.additionalProperties !== undefined && node.additionalProperties !== false)) {
        add('FORM_FREE_KEYS', [...path, node.patternProperties !== undefined ? 'patternProperties' : 'additionalProperties'], `${called}允许申请人自拟项目名称，申请页不支持；请改用「重复填写的一组」(名称 + 内容)`,
          `"${name}" lets the applicant name their own entries, which the application page does not support; use a repeating group (name + value) instead`);
      }
      const requiredKeys = Array.isArray(node.required) ? node.required : [];
      for (const [key, child] of Object.entries(isObject(node.properties) ? node.properties : {})) {
        if (!isObject(child)) continue;
        walk(child, isObject(ui[key]) ? ui[key] : {}, [...path, 'properties', key], typeof child.title === 'string' ? child.title : key, requiredKeys.includes(key));
      }
      return;
    }
    if (format === 'date-time' || (typeof options.widget === 'string' && !(ROUND_TRIP_WIDGETS[type] ?? []).includes(options.widget))) {
      add('FORM_WIDGET_UNSUPPORTED', format === 'date-time' ? [...path, 'format'] : path, `${called}的填写方式(${format === 'date-time' ? '日期时间' : options.widget})申请页无法原样提交；日期时间请分为日期、时间两个字段，附件请在「材料」中设置`,
        `"${name}" uses an input (${format === 'date-time' ? 'date and time' : options.widget}) the application page cannot submit as entered; split a date and time into two fields, and ask for files as materials`);
      return;
    }
    if (ALWAYS_POSTED.has(widget) && node.default === undefined && !locked) {
      add('FORM_WIDGET_NEEDS_DEFAULT', [...path, 'default'], `${called}用${widget === 'color' ? '颜色选择' : '滑块'}填写，未动过也会提交一个值；请设默认值`,
        `"${name}" uses a ${widget === 'color' ? 'colour picker' : 'slider'}, which submits a value even when untouched; give it a default`);
    }
    if (type === 'array') {
      if (Array.isArray(node.items)) {
        add('FORM_FIXED_LIST', [...path, 'items'], `${called}是按位置固定的列表，申请页不支持；请改用「一组字段」`,
          `"${name}" is a list with a fixed field per position, which the application page does not support; use a group of fields instead`);
        return;
      }
      if (!isObject(node.items) || isMultipleChoice(node)) return;
      if (node.uniqueItems === true && fieldType(node.items) === 'object' && !(typeof node.maxItems === 'number' && node.maxItems <= MAX_UNIQUE_GROUPS)) {
        add('FORM_UNIQUE_UNBOUNDED', [...path, 'maxItems'], `${called}要求各项互不相同，须设最多项数(不超过 ${MAX_UNIQUE_GROUPS})`,
          `"${name}" requires every entry to differ, so it needs a maximum number of entries (at most ${MAX_UNIQUE_GROUPS})`);
      }
      if (fieldType(node.items) === 'array') {
        add('FORM_LIST_OF_LISTS', [...path, 'items'], `${called}的每一项本身又是列表，申请页不支持；请把内层列表放进一组字段中`,
          `each entry of "${name}" is itself a list, which the application page does not support; put the inner list inside a group`);
        return;
      }
      walk(node.items, isObject(ui.items) ? ui.items : {}, [...path, 'items'], name, false);
    }
  };
  walk(form, uiSchema, [], '申请表', false);
  return issues;
}
