import { answerBounds, definedAnswers } from './answer-bounds';
import { visibleAnswers } from './conditions';
import { formFields } from './form-fields';
import { customFormats } from './formats';
import { bilingual, type Bilingual } from './messages';
import type { IntakeForm } from './model/form';

/**
 * Answers judged against an item's intake form by any JSON Schema engine, and what it finds said
 * in words: ajv on the server (answers.ts), an interpreter in the page script, which may not
 * evaluate code. Visibility counts (hidden fields neither count nor fail); errors name the field
 * by its title, in Chinese and English, the same wherever they are found.
 */

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A schema node, through a local $ref (#/definitions/…, #/$defs/…) if it is one. */
function followed(root: Node, node: unknown): Node | undefined {
  if (!isNode(node)) return undefined;
  if (typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  let at: unknown = root;
  for (const part of node.$ref.slice(2).split('/')) at = isNode(at) ? at[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))] : undefined;
  return isNode(at) ? at : undefined;
}

/**
 * A field inside a repeating group's entries, which the form's field list names only as the group:
 * the group's title, the entry's number and the field's title (股东第2项的姓名或名称).
 */
function titleInEntry(schema: Node, field: string): string | undefined {
  let node: Node | undefined = schema;
  let group: string | undefined;
  let said = '';
  for (const part of field.split('.')) {
    if (!node) return undefined;
    if (/^\d+$/.test(part)) {
      group = `${said}第${Number(part) + 1}项`;
      node = followed(schema, node.items);
      continue;
    }
    node = followed(schema, isNode(node.properties) ? node.properties[part] : undefined);
    if (typeof node?.title === 'string') said = node.title;
  }
  return group && node && typeof node.title === 'string' ? `${group}的${node.title}` : undefined;
}

/**
 * Each field's title as an error names it: a title the form gives more than one field (姓名 under
 * both 转让方 and 受让方) is said with its group's (受让方的姓名), so a list of errors tells them apart.
 */
function fieldTitles(schema: Node): Map<string, string> {
  const fields = formFields(schema);
  const titles = new Map(fields.map((f) => [f.path, f.title]));
  const uses = new Map<string, number>();
  for (const f of fields) uses.set(f.title, (uses.get(f.title) ?? 0) + 1);
  return new Map(
    fields.map((f) => {
      const group = titles.get(f.path.slice(0, Math.max(0, f.path.lastIndexOf('.'))));
      return [f.path, group && uses.get(f.title)! > 1 ? `${group}的${f.title}` : f.title];
    }),
  );
}

/** A schema error as ajv reports it (an ajv ErrorObject is one); the page script's engine reports the same. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

/** An engine: the errors of `answers` under `schema`, none when they are valid. */
export type SchemaCheck = (schema: Record<string, unknown>, answers: Record<string, unknown>) => readonly SchemaError[];

export interface AnswerError extends Bilingual {
  /** Dotted path of the field at fault ('' for the whole form). */
  field: string;
  code: string;
}

const formatNames: Record<string, readonly [string, string]> = {
  date: ['日期(YYYY-MM-DD)', 'date (YYYY-MM-DD)'],
  'date-time': ['日期时间', 'date and time'],
  time: ['时间', 'time'],
  email: ['电子邮箱', 'e-mail address'],
  uri: ['网址', 'URL'],
  ...Object.fromEntries(Object.entries(customFormats).map(([k, f]) => [k, [f.zh, f.en] as const])),
};

const typeNames: Record<string, readonly [string, string]> = {
  string: ['文本', 'text'],
  number: ['数字', 'a number'],
  integer: ['整数', 'a whole number'],
  boolean: ['是或否', 'yes or no'],
  array: ['列表', 'a list'],
  object: ['一组字段', 'a group of fields'],
};

function describe(error: SchemaError, title: string): Bilingual {
  const p = error.params;
  const t = `「${title}」`;
  const q = `"${title}"`;
  switch (error.keyword) {
    case 'required':
      return bilingual(`请填写${t}`, `${q} is required`);
    case 'type': {
      const [zh, en] = typeNames[String(p.type)] ?? [String(p.type), String(p.type)];
      return bilingual(`${t}应为${zh}`, `${q} must be ${en}`);
    }
    case 'minLength':
      return bilingual(`${t}至少需要 ${p.limit} 个字符`, `${q} needs at least ${p.limit} characters`);
    case 'maxLength':
      return bilingual(`${t}不能超过 ${p.limit} 个字符`, `${q} must not exceed ${p.limit} characters`);
    case 'minimum':
    case 'exclusiveMinimum':
      return bilingual(`${t}不能小于 ${p.limit}`, `${q} must be at least ${p.limit}`);
    case 'maximum':
    case 'exclusiveMaximum':
      return bilingual(`${t}不能大于 ${p.limit}`, `${q} must be at most ${p.limit}`);
    case 'minItems':
      return bilingual(`${t}至少需要 ${p.limit} 项`, `${q} needs at least ${p.limit} entries`);
    case 'maxItems':
      return bilingual(`${t}不能超过 ${p.limit} 项`, `${q} allows at most ${p.limit} entries`);
    case 'uniqueItems':
      return bilingual(`${t}中有重复项`, `${q} has duplicate entries`);
    case 'pattern':
      return bilingual(`${t}格式不正确`, `${q} is not in the expected form`);
    case 'format': {
      const [zh, en] = formatNames[String(p.format)] ?? [String(p.format), String(p.format)];
      return bilingual(`${t}不是有效的${zh}`, `${q} is not a valid ${en}`);
    }
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      return bilingual(`${t}不是可选的值`, `${q} is not one of the allowed choices`);
    case 'additionalProperties':
      return bilingual(`${t}含有表单未定义的内容「${p.additionalProperty}」`, `${q} has "${p.additionalProperty}", which the form does not define`);
    default:
      return bilingual(`${t}填写不正确`, `${q} is not valid`);
  }
}

function fieldOf(error: SchemaError): string {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') parts.push(String((error.params as { missingProperty: string }).missingProperty));
  return parts.join('.');
}

/** Keywords that only summarise errors already reported for the branches they combine. */
const SUMMARY_KEYWORDS = new Set(['if', 'then', 'else', 'allOf']);

export interface AnswersResult {
  valid: boolean;
  errors: AnswerError[];
  /** The answers that count: hidden fields and keys the form does not define removed. */
  answers: Record<string, unknown>;
}

export function validateAnswersWith(check: SchemaCheck, form: IntakeForm, answers: unknown): AnswersResult {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return {
      valid: false,
      answers: {},
      errors: [{ field: '', code: 'type', ...bilingual('申请内容应为一组字段', 'the answers must be an object of fields') }],
    };
  }
  // Bounds first, in one linear pass: nothing sent can make the schema's checks slow.
  const bounds = answerBounds(answers);
  if (bounds.length > 0) return { valid: false, errors: bounds, answers: {} };
  const visible = visibleAnswers(form, definedAnswers(form.schema, answers as Record<string, unknown>));
  const found = check(form.schema, visible.answers);
  if (found.length === 0) return { valid: true, errors: [], answers: visible.answers };
  const titles = fieldTitles(form.schema);
  const underHidden = (field: string) => visible.hidden.some((h) => field === h || field.startsWith(`${h}.`));
  const errors: AnswerError[] = [];
  const seen = new Set<string>();
  for (const error of found) {
    // Errors inside a oneOf/anyOf branch explain why each alternative failed: the choice's own error says it once.
    if (SUMMARY_KEYWORDS.has(error.keyword) || /\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath)) continue;
    const field = fieldOf(error);
    if (underHidden(field) || seen.has(`${field}|${error.keyword}`)) continue;
    seen.add(`${field}|${error.keyword}`);
    const title = titles.get(field.replace(/\.\d+(?=\.|$)/g, '')) ?? titleInEntry(form.schema, field) ?? (field.split('.').at(-1) || '申请内容');
    errors.push({ field, code: error.keyword, ...describe(error, title) });
  }
  return { valid: errors.length === 0, errors, answers: visible.answers };
}
