import { inlineRefs } from './form-refs';
import { bilingual, type Bilingual } from './messages';

/**
 * 答案的边界 / What any set of answers must stay within before a schema is even consulted: the
 * store's number range (DynamoDB holds magnitudes from 1e-130 to below 1e126), nesting, string
 * length and entry counts. Checked first and in one linear pass, so nothing an anonymous
 * applicant sends can make validation, storage or rendering slow or fail.
 */

export const ANSWER_LIMITS = { maxDepth: 24, maxString: 20_000, maxEntries: 1_000, maxNodes: 20_000 } as const;

export interface BoundsError extends Bilingual {
  field: string;
  code: 'bounds';
}

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether the store can hold the number as it is: DynamoDB refuses magnitudes outside
 * 1e-130…1e126, and its document client refuses any beyond Number.MAX_SAFE_INTEGER (it could
 * not write them back exactly).
 */
export function storableNumber(n: number): boolean {
  const size = Math.abs(n);
  return Number.isFinite(n) && (size === 0 || (size >= 1e-130 && size <= Number.MAX_SAFE_INTEGER));
}

/** The first way the answers leave their bounds, or none. */
export function answerBounds(answers: unknown): BoundsError[] {
  let nodes = 0;
  const out = (field: string, zh: string, en: string): BoundsError[] => [{ field, code: 'bounds', ...bilingual(zh, en) }];
  const walk = (value: unknown, path: string[], depth: number): BoundsError[] => {
    const field = path.join('.');
    if (++nodes > ANSWER_LIMITS.maxNodes) return out('', '申请内容过多', 'the application holds too many answers');
    if (depth > ANSWER_LIMITS.maxDepth) return out(field, '申请内容嵌套过深', 'the answers nest too deeply');
    if (typeof value === 'string' && value.length > ANSWER_LIMITS.maxString) return out(field, `内容过长(超过 ${ANSWER_LIMITS.maxString} 个字符)`, `too long (over ${ANSWER_LIMITS.maxString} characters)`);
    if (typeof value === 'number' && !storableNumber(value)) return out(field, '数值超出可保存的范围', 'the number is out of the range that can be stored');
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : isObject(value) ? Object.entries(value) : [];
    if (entries.length > ANSWER_LIMITS.maxEntries) return out(field, `项数过多(超过 ${ANSWER_LIMITS.maxEntries} 项)`, `too many entries (over ${ANSWER_LIMITS.maxEntries})`);
    for (const [key, child] of entries) {
      const problem = walk(child, [...path, key], depth + 1);
      if (problem.length > 0) return problem;
    }
    return [];
  };
  return walk(answers, [], 0);
}

/**
 * 只保留表单定义的字段 / The answers with only what the form defines: keys no field declares are
 * dropped, so a case never stores what nobody asked for.
 */
export function definedAnswers(schema: Schema, answers: Record<string, unknown>): Record<string, unknown> {
  const keep = (node: Schema, value: unknown): unknown => {
    if (isObject(value) && isObject(node.properties)) {
      const properties = node.properties;
      return Object.fromEntries(Object.entries(value).filter(([key]) => isObject(properties[key])).map(([key, v]) => [key, keep(properties[key] as Schema, v)]));
    }
    if (Array.isArray(value) && isObject(node.items)) return value.map((entry) => keep(node.items as Schema, entry));
    return value;
  };
  return keep(inlineRefs(schema), answers) as Record<string, unknown>;
}
