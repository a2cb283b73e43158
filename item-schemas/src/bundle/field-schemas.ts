import equal from 'fast-deep-equal';
import { inlineRefs } from '../form-refs';
import { customFormats } from '../formats';

/**
 * One question for several base items' fields: the canonical field's schema is the strictest
 * of theirs, so any answer to it is a valid answer to each. Fields that cannot share an answer
 * (different kinds, different choices, contradicting lengths) are incompatible, and the reason
 * is said in words.
 */

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema of the field at a dotted path (local references expanded), if the form has one there. */
export function fieldSchemaAt(root: Schema, path: string): Schema | undefined {
  let node: unknown = inlineRefs(root);
  for (const part of path.split('.')) {
    const properties = isObject(node) ? node.properties : undefined;
    node = isObject(properties) ? properties[part] : undefined;
  }
  return isObject(node) ? node : undefined;
}

const typeOf = (s: Schema) => (typeof s.type === 'string' ? s.type : Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') as string | undefined) : undefined);

/** The values of a choice (enum, or oneOf/anyOf of const), sorted for comparison. */
function choiceValues(s: Schema): unknown[] | undefined {
  if (Array.isArray(s.enum)) return [...s.enum].map(String).sort();
  const alternatives = s.oneOf ?? s.anyOf;
  if (Array.isArray(alternatives) && alternatives.length > 0 && alternatives.every((a) => isObject(a) && 'const' in a)) return alternatives.map((a) => String((a as Schema).const)).sort();
  return undefined;
}

const kindWords: Record<string, readonly [string, string]> = {
  string: ['文本', 'text'],
  number: ['数字', 'a number'],
  integer: ['整数', 'a whole number'],
  boolean: ['是或否', 'yes or no'],
  array: ['多选项', 'a multiple choice'],
  object: ['一组字段', 'a group of fields'],
};

/** What kind of answer a field takes, in words: 统一社会信用代码, 手机号码, 文本, 数字 … */
export function answerKindWords(s: Schema): { zh: string; en: string } {
  const format = typeof s.format === 'string' ? customFormats[s.format as keyof typeof customFormats] : undefined;
  if (format) return { zh: format.zh, en: format.en };
  if (choiceValues(s)) return { zh: '单选项', en: 'a single choice' };
  const [zh, en] = kindWords[typeOf(s) ?? ''] ?? ['未知类型', 'an unknown kind'];
  return { zh, en };
}

export type Incompatibility =
  | { reason: 'notSingle' }
  | { reason: 'kind' }
  | { reason: 'choices' }
  | { reason: 'pattern' }
  | { reason: 'bounds' };

export type FieldMerge = { schema: Schema } | Incompatibility;

const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'] as const;
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'] as const;

/** A field one answer can fill: a single value, or a multiple choice of fixed options. */
function single(s: Schema): boolean {
  const type = typeOf(s);
  if (type === 'object' || type === undefined) return false;
  if (type !== 'array') return true;
  return isObject(s.items) && choiceValues(s.items) !== undefined;
}

/**
 * The strictest schema of several fields, the first one's presentation (title, choices' titles,
 * description) kept; or why they cannot be one field.
 */
export function mergeFieldSchemas(schemas: readonly Schema[]): FieldMerge {
  const first = schemas[0];
  if (!first) return { reason: 'notSingle' };
  if (!schemas.every(single)) return { reason: 'notSingle' };
  const types = new Set(schemas.map(typeOf));
  // A whole number answers a number field too.
  const type = types.size === 1 ? typeOf(first) : types.size === 2 && types.has('integer') && types.has('number') ? 'integer' : undefined;
  if (!type) return { reason: 'kind' };
  const formats = new Set(schemas.map((s) => s.format).filter((f) => f !== undefined));
  if (formats.size > 1) return { reason: 'kind' };
  const choiceOf = (s: Schema) => (type === 'array' ? choiceValues(s.items as Schema) : choiceValues(s));
  const choices = schemas.map(choiceOf).filter((c) => c !== undefined);
  if (choices.some((c) => !equal(c, choices[0]))) return { reason: 'choices' };
  const patterns = new Set(schemas.map((s) => s.pattern).filter((p) => p !== undefined));
  if (patterns.size > 1) return { reason: 'pattern' };
  // The presentation comes from the first field that offers the choices, if any does.
  const base = schemas.find((s) => choiceOf(s) !== undefined) ?? first;
  const merged: Schema = { ...base, type };
  if (formats.size === 1) merged.format = [...formats][0];
  if (patterns.size === 1) merged.pattern = [...patterns][0];
  for (const key of LOWER) {
    const values = schemas.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) merged[key] = Math.max(...values);
  }
  for (const key of UPPER) {
    const values = schemas.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) merged[key] = Math.min(...values);
  }
  if (schemas.some((s) => s.uniqueItems === true)) merged.uniqueItems = true;
  const contradicts = (lo: string, hi: string) => typeof merged[lo] === 'number' && typeof merged[hi] === 'number' && (merged[lo] as number) > (merged[hi] as number);
  if (contradicts('minLength', 'maxLength') || contradicts('minimum', 'maximum') || contradicts('minItems', 'maxItems')) return { reason: 'bounds' };
  // Defaults belonged to each item's form; the merged question starts empty.
  delete merged.default;
  return { schema: merged };
}

/** Why two fields cannot be one question, in words, naming each by its title. */
export function incompatibilityWords(
  why: Incompatibility,
  a: { words: { zh: string; en: string }; schema: Schema },
  b: { words: { zh: string; en: string }; schema: Schema },
): { zh: string; en: string } {
  const [ka, kb] = [answerKindWords(a.schema), answerKindWords(b.schema)];
  switch (why.reason) {
    case 'notSingle': {
      const group = !single(a.schema) ? a : b;
      return { zh: `${group.words.zh}是一组字段或列表，只能合并单项填写的字段`, en: `${group.words.en} is a group or a list; only single answers can be merged` };
    }
    case 'kind':
      return { zh: `${a.words.zh}填写${ka.zh}，${b.words.zh}填写${kb.zh}`, en: `${a.words.en} takes ${ka.en}, ${b.words.en} takes ${kb.en}` };
    case 'choices':
      return { zh: `${a.words.zh}和${b.words.zh}的可选项不同`, en: `${a.words.en} and ${b.words.en} offer different choices` };
    case 'pattern':
      return { zh: `${a.words.zh}和${b.words.zh}的格式要求不同`, en: `${a.words.en} and ${b.words.en} require different patterns` };
    case 'bounds':
      return { zh: `${a.words.zh}和${b.words.zh}的长度或取值范围互相矛盾`, en: `the lengths or ranges of ${a.words.en} and ${b.words.en} contradict each other` };
  }
}
