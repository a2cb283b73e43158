import type { FormField } from './form-fields';
import type { Comparison, Condition, Scalar } from './model/condition';

/**
 * A condition said in words for applicants and officials (一次告知): fields by their titles and
 * choices by their option titles, never by keys — 「转移原因」为「买卖」. Pure and free of zod, so
 * the server pages, the editor's preview and the page script can all use it.
 */

export type WordsLang = 'zh' | 'en';

type Fields = readonly FormField[] | ReadonlyMap<string, FormField>;

const quote = (text: string, lang: WordsLang) => (lang === 'zh' ? `「${text}」` : `“${text}”`);

/** What the applicant sees for a value: the option's title, 是/否 for a yes/no, else the value itself. */
function valueWords(field: FormField | undefined, value: Scalar, lang: WordsLang): string {
  const options = field?.options ?? field?.itemOptions;
  const index = options?.indexOf(value) ?? -1;
  if (index >= 0 && field?.optionTitles?.[index] !== undefined) return quote(field.optionTitles[index], lang);
  if (typeof value === 'boolean') return quote(value ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no', lang);
  return typeof value === 'number' ? String(value) : quote(value, lang);
}

/** Alternatives joined as a reader says them: 「A」、「B」或「C」, “A”, “B” or “C”. */
function either(words: string[], lang: WordsLang, joiner: { zh: string; en: string }): string {
  if (words.length <= 2) return words.join(lang === 'zh' ? joiner.zh : ` ${joiner.en} `);
  return lang === 'zh' ? `${words.slice(0, -1).join('、')}${joiner.zh}${words.at(-1)}` : `${words.slice(0, -1).join(', ')} ${joiner.en} ${words.at(-1)}`;
}

const listOf = (value: Comparison['value']): Scalar[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Size comparisons; dates read as earlier and later. The negation of each is its opposite. */
const ordering = {
  gt: { zh: ['大于', '晚于'], en: ['is more than', 'is after'], opposite: 'lte' },
  gte: { zh: ['不少于', '不早于'], en: ['is at least', 'is on or after'], opposite: 'lt' },
  lt: { zh: ['小于', '早于'], en: ['is less than', 'is before'], opposite: 'gte' },
  lte: { zh: ['不超过', '不晚于'], en: ['is at most', 'is on or before'], opposite: 'gt' },
} as const;

function comparisonWords(c: Comparison, field: FormField | undefined, lang: WordsLang, negated: boolean): string {
  const zh = lang === 'zh';
  // A field the form does not have (the publish checks refuse it) is still never named by its key.
  const name = field ? quote(field.title, lang) : zh ? '相关填写项' : 'a related answer';
  const values = listOf(c.value).map((v) => valueWords(field, v, lang));
  const one = values[0] ?? (zh ? '「」' : '“”');
  const positive = !negated;
  switch (c.op) {
    case 'eq':
    case 'ne': {
      const is = (c.op === 'eq') === positive;
      return zh ? `${name}${is ? '为' : '不为'}${one}` : `${name} ${is ? 'is' : 'is not'} ${one}`;
    }
    case 'in':
    case 'notIn': {
      const is = (c.op === 'in') === positive;
      if (is) return zh ? `${name}为${either(values, lang, { zh: '或', en: 'or' })}` : `${name} is ${either(values, lang, { zh: '', en: 'or' })}`;
      if (values.length <= 1) return zh ? `${name}不为${one}` : `${name} is not ${one}`;
      return zh ? `${name}不为${values.join('、')}中的任何一项` : `${name} is none of ${values.join(', ')}`;
    }
    case 'contains':
      // Several choices come from one field's any-of (see `merged`): chose one of them, or none.
      if (values.length > 1 && positive) return zh ? `${name}选择了${either(values, lang, { zh: '或', en: '' })}` : `${name} includes ${either(values, lang, { zh: '', en: 'or' })}`;
      if (values.length > 1) return zh ? `${name}未选择${values.join('、')}中的任何一项` : `${name} includes none of ${values.join(', ')}`;
      return zh ? `${name}${positive ? '选择了' : '未选择'}${one}` : `${name} ${positive ? 'includes' : 'does not include'} ${one}`;
    case 'isSet':
    case 'isNotSet': {
      const set = (c.op === 'isSet') === positive;
      return zh ? `${set ? '已填写' : '未填写'}${name}` : `${name} is ${set ? 'answered' : 'not answered'}`;
    }
    default: {
      const op = negated ? ordering[c.op].opposite : c.op;
      const date = field?.format === 'date' ? 1 : 0;
      return zh ? `${name}${ordering[op].zh[date]}${one}` : `${name} ${ordering[op].en[date]} ${one}`;
    }
  }
}

const MERGEABLE = new Set<Comparison['op']>(['eq', 'contains']);

/**
 * The parts of an either-or, one field's choices said once: 「经营项目」选择了「热」或「经营项目」
 * 选择了「冷」 is one phrase, 「经营项目」选择了「热」或「冷」 (and, negated, none of them). Each
 * merged phrase takes the place of the first of its parts. `merged` tells whether any were.
 */
function mergeChoices(parts: readonly Condition[]): { parts: Condition[]; merged: boolean } {
  const out: Condition[] = [];
  const at = new Map<string, number>();
  let merged = false;
  for (const p of parts) {
    const single = 'field' in p && MERGEABLE.has(p.op) && !Array.isArray(p.value) && p.value !== undefined;
    const key = single ? `${p.op}|${p.field}` : undefined;
    const i = key === undefined ? undefined : at.get(key);
    if (i === undefined || !('field' in p)) {
      if (key !== undefined) at.set(key, out.length);
      out.push(p);
      continue;
    }
    const first = out[i] as Comparison;
    out[i] = { field: first.field, op: first.op === 'eq' ? 'in' : 'contains', value: [...listOf(first.value), ...listOf(p.value)] };
    merged = true;
  }
  return { parts: out, merged };
}

function words(condition: Condition, fields: ReadonlyMap<string, FormField>, lang: WordsLang, negated: boolean, nested: boolean): string {
  if ('not' in condition) return words(condition.not, fields, lang, !negated, nested);
  if ('all' in condition || 'any' in condition) {
    const given = 'all' in condition ? condition.all : condition.any;
    if (given.length === 1) return words(given[0]!, fields, lang, negated, nested);
    // Not all of them = any one not; not any of them = none (De Morgan), so negations stay readable.
    const every = 'all' in condition !== negated;
    // One field's choices merge where the parts are alternatives (or, negated, all excluded).
    const { parts, merged } = every === negated ? mergeChoices(given) : { parts: [...given], merged: false };
    if (parts.length === 1) return words(parts[0]!, fields, lang, negated, nested);
    // A merged phrase has its own 或 inside: clauses are then set apart by a comma.
    const joiner = lang === 'zh' ? `${merged ? '，' : ''}${every ? '且' : '或'}` : `${merged ? ',' : ''} ${every ? 'and' : 'or'} `;
    const joined = parts.map((p) => words(p, fields, lang, negated, true)).join(joiner);
    return nested ? (lang === 'zh' ? `（${joined}）` : `(${joined})`) : joined;
  }
  return comparisonWords(condition, fields.get(condition.field), lang, negated);
}

/** The condition in words, e.g. 「是否网络经营」为「是」, “企业类型” is “有限责任公司” or “股份有限公司”. */
export function conditionWords(condition: Condition, fields: Fields, lang: WordsLang = 'zh'): string {
  const byPath = fields instanceof Map ? fields : new Map((fields as readonly FormField[]).map((f) => [f.path, f]));
  return words(condition, byPath, lang, false, false);
}

/** When a material is needed, in words: 「是否网络经营」为「是」时需要. */
export function neededWhenWords(condition: Condition, fields: Fields, lang: WordsLang = 'zh'): string {
  const said = conditionWords(condition, fields, lang);
  return lang === 'zh' ? `${said}时需要` : `Needed when ${said}`;
}

/** When a form field is asked, in words, for pages that show every field: 「是否网络经营」为「是」时填写. */
export function filledWhenWords(condition: Condition, fields: Fields, lang: WordsLang = 'zh'): string {
  const said = conditionWords(condition, fields, lang);
  return lang === 'zh' ? `${said}时填写` : `Fill in when ${said}`;
}
