import { valueAt, withoutValueAt, type FormField } from './form-fields';
import { bilingual, type Bilingual } from './messages';
import type { Comparison, Condition, Scalar } from './model/condition';
import { operators } from './model/operators';
import type { IntakeForm } from './model/form';

/**
 * Evaluating and checking conditions. The same functions run in the browser (live checklist,
 * field visibility) and on the server (the rules of record).
 */

/** An answer given: not empty text, not an empty list. */
export const isAnswered = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

function compare(c: Comparison, actual: unknown): boolean {
  const expected = c.value;
  switch (c.op) {
    case 'isSet':
      return isAnswered(actual);
    case 'isNotSet':
      return !isAnswered(actual);
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual as Scalar);
    case 'notIn':
      return !(Array.isArray(expected) && expected.includes(actual as Scalar));
    case 'contains':
      return Array.isArray(actual) && actual.includes(expected);
    default: {
      // Ordering compares numbers with numbers and strings (dates) with strings, nothing else.
      if (typeof actual !== typeof expected || (typeof actual !== 'number' && typeof actual !== 'string')) return false;
      const [a, b] = [actual as number | string, expected as number | string];
      return c.op === 'gt' ? a > b : c.op === 'gte' ? a >= b : c.op === 'lt' ? a < b : a <= b;
    }
  }
}

export function evaluate(condition: Condition, answers: unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, answers));
  if ('not' in condition) return !evaluate(condition.not, answers);
  return compare(condition, valueAt(answers, condition.field));
}

/** Every field a condition reads. */
export function fieldsOf(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(fieldsOf);
  if ('any' in condition) return condition.any.flatMap(fieldsOf);
  if ('not' in condition) return fieldsOf(condition.not);
  return [condition.field];
}

export interface ConditionIssue extends Bilingual {
  code: 'CONDITION_UNKNOWN_FIELD' | 'CONDITION_OPERATOR_MISMATCH' | 'CONDITION_VALUE_INVALID';
  /** JSON Pointer relative to the condition. */
  path: string;
}

const typeOfScalar = (v: Scalar) => (typeof v === 'number' ? 'number' : typeof v);

function scalarFits(field: FormField, value: Scalar, options = field.options): boolean {
  if (options) return options.includes(value);
  const type = field.type === 'integer' ? 'number' : field.type;
  return type === undefined || type === 'array' || type === typeOfScalar(value);
}

function checkComparison(c: Comparison, field: FormField, at: string): ConditionIssue[] {
  const label = `「${field.title}」`;
  const opZh = operators[c.op][0];
  const mismatch = (zh: string, en: string): ConditionIssue[] => [
    { code: 'CONDITION_OPERATOR_MISMATCH', path: `${at}/op`, ...bilingual(zh, en) },
  ];
  const badValue = (value: Scalar, index?: number): ConditionIssue => ({
    code: 'CONDITION_VALUE_INVALID',
    path: `${at}/value${index === undefined ? '' : `/${index}`}`,
    ...bilingual(
      `条件中的值「${String(value)}」不是字段${label}可能的取值`,
      `the value "${String(value)}" is not a possible answer of the field "${field.title}"`,
    ),
  });
  const oneValue = (): ConditionIssue[] => {
    if (c.value === undefined || Array.isArray(c.value))
      return [{ code: 'CONDITION_VALUE_INVALID', path: `${at}/value`, ...bilingual(`“${opZh}”需要一个值`, `"${c.op}" needs one value`) }];
    return scalarFits(field, c.value) ? [] : [badValue(c.value)];
  };
  switch (c.op) {
    case 'isSet':
    case 'isNotSet':
      return [];
    case 'contains':
      if (field.type !== 'array') return mismatch(`字段${label}不是多选项，不能使用“${opZh}”`, `"${field.title}" is not a multiple choice; "contains" does not apply`);
      if (c.value === undefined || Array.isArray(c.value)) return [{ code: 'CONDITION_VALUE_INVALID', path: `${at}/value`, ...bilingual('“包含”需要一个值', '"contains" needs one value') }];
      return scalarFits(field, c.value, field.itemOptions) ? [] : [badValue(c.value)];
    case 'in':
    case 'notIn':
      if (!Array.isArray(c.value) || c.value.length === 0)
        return [{ code: 'CONDITION_VALUE_INVALID', path: `${at}/value`, ...bilingual(`“${opZh}”需要至少一个值`, `"${c.op}" needs a list of values`) }];
      return c.value.flatMap((v, i) => (scalarFits(field, v) ? [] : [badValue(v, i)]));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (!['number', 'integer', 'string'].includes(field.type ?? ''))
        return mismatch(`字段${label}不能比较大小`, `"${field.title}" cannot be compared by size`);
      return oneValue();
    default:
      return oneValue();
  }
}

/** Checks a condition against the form's fields: every field exists and every value fits it. */
export function checkCondition(condition: Condition, fields: ReadonlyMap<string, FormField>, at = ''): ConditionIssue[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => checkCondition(c, fields, `${at}/all/${i}`));
  if ('any' in condition) return condition.any.flatMap((c, i) => checkCondition(c, fields, `${at}/any/${i}`));
  if ('not' in condition) return checkCondition(condition.not, fields, `${at}/not`);
  const field = fields.get(condition.field);
  if (!field)
    return [
      {
        code: 'CONDITION_UNKNOWN_FIELD',
        path: `${at}/field`,
        ...bilingual(`条件引用的字段「${condition.field}」在申请表单中不存在`, `the condition names the field "${condition.field}", which the form does not have`),
      },
    ];
  return checkComparison(condition, field, at);
}

/**
 * Fields in an order where each comes after the fields its visibility depends on, and the
 * fields caught in a dependency cycle (which the publish-time checks reject).
 */
export function visibilityOrder(visibleWhen: IntakeForm['visibleWhen']): { order: string[]; cyclic: string[] } {
  const order: string[] = [];
  const cyclic = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (field: string, stack: string[]) => {
    const seen = state.get(field);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      for (const f of stack.slice(stack.indexOf(field))) cyclic.add(f);
      return;
    }
    state.set(field, 'visiting');
    const condition = visibleWhen[field];
    // A field depends on the conditions of the fields it reads and of its enclosing groups.
    const deps = condition ? fieldsOf(condition) : [];
    for (const dep of deps) for (const prefix of prefixes(dep)) if (prefix in visibleWhen) visit(prefix, [...stack, field]);
    state.set(field, 'done');
    if (condition) order.push(field);
  };
  for (const field of Object.keys(visibleWhen)) visit(field, []);
  return { order, cyclic: [...cyclic] };
}

function prefixes(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * The answers as the rules see them: a hidden field's answer does not count, and is dropped.
 * Returns a copy and the hidden fields' paths.
 */
export function visibleAnswers(form: Pick<IntakeForm, 'visibleWhen'>, answers: Record<string, unknown>): {
  answers: Record<string, unknown>;
  hidden: string[];
} {
  const copy = structuredClone(answers);
  const hidden: string[] = [];
  for (const field of visibilityOrder(form.visibleWhen).order) {
    if (hidden.some((h) => field.startsWith(`${h}.`))) continue;
    if (!evaluate(form.visibleWhen[field]!, copy)) {
      hidden.push(field);
      withoutValueAt(copy, field);
    }
  }
  return { answers: copy, hidden };
}
