import { knownFormats } from './answers';
import { jsonPointer } from './json-pointer';
import { bilingual, type Bilingual } from './messages';
import { analysePattern, type PatternVerdict } from '#pattern-analysis';

/**
 * Admin-authored form schemas are untrusted input. Before one is compiled it must stay inside
 * the supported subset: bounded size and depth, only local non-recursive `$ref`s, known
 * formats, and regular expressions that cannot backtrack catastrophically.
 */

export const SCHEMA_LIMITS = {
  maxBytes: 256 * 1024,
  maxDepth: 16,
  maxPatternLength: 500,
  /** recheck gives up on one pattern after this long (and again after three times as long); giving up refuses it. */
  patternTimeoutMs: 1000,
  /** No pattern analysis starts after this long, so one form's check ends within budget + 4 × timeout. */
  patternBudgetMs: 5000,
} as const;

export type SchemaIssueCode =
  | 'SCHEMA_ROOT_NOT_OBJECT'
  | 'SCHEMA_TOO_LARGE'
  | 'SCHEMA_TOO_DEEP'
  | 'SCHEMA_REMOTE_REF'
  | 'SCHEMA_RECURSIVE_REF'
  | 'SCHEMA_UNKNOWN_FORMAT'
  | 'SCHEMA_UNSAFE_PATTERN'
  | 'SCHEMA_INVALID';

export interface SchemaIssue extends Bilingual {
  code: SchemaIssueCode;
  /** JSON Pointer inside the schema. */
  path: string;
}

type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keywords whose values are schemas (or maps/arrays of them), so nesting is counted through them. */
const SCHEMA_KEYWORDS = new Set([
  'properties', 'patternProperties', 'definitions', '$defs', 'items', 'additionalItems', 'additionalProperties',
  'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'dependencies',
]);

export function checkFormSchema(schema: Node): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const add = (code: SchemaIssueCode, path: string[], zh: string, en: string) =>
    issues.push({ code, path: jsonPointer(path), ...bilingual(zh, en) });

  const size = JSON.stringify(schema).length;
  if (size > SCHEMA_LIMITS.maxBytes) {
    add('SCHEMA_TOO_LARGE', [], `表单结构过大(${Math.ceil(size / 1024)} KB)，上限为 ${SCHEMA_LIMITS.maxBytes / 1024} KB`,
      `the form schema is too large (${Math.ceil(size / 1024)} KB; the limit is ${SCHEMA_LIMITS.maxBytes / 1024} KB)`);
    return issues;
  }
  if (schema.type !== 'object' || !isObject(schema.properties)) {
    add('SCHEMA_ROOT_NOT_OBJECT', [], '表单结构的根须为含字段(properties)的对象', 'the form schema must be an object with properties');
  }

  const formats = new Set(knownFormats());
  const run: PatternRun = { deadline: Date.now() + SCHEMA_LIMITS.patternBudgetMs, verdicts: new Map() };
  const refs = new Map<string, string[]>(); // definition pointer → local refs inside it
  const walk = (node: unknown, path: string[], depth: number, definition: string | undefined) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...path, String(i)], depth, definition));
    if (!isObject(node)) return;
    if (depth > SCHEMA_LIMITS.maxDepth) {
      add('SCHEMA_TOO_DEEP', path, `表单嵌套层级超过 ${SCHEMA_LIMITS.maxDepth} 层`, `the form nests deeper than ${SCHEMA_LIMITS.maxDepth} levels`);
      return;
    }
    if (typeof node.$ref === 'string') {
      if (!/^#\/(definitions|\$defs)\/[^/]+$/.test(node.$ref)) {
        add('SCHEMA_REMOTE_REF', [...path, '$ref'], `不支持引用「${node.$ref}」：只能引用本表单 definitions 中的定义`,
          `the reference "${node.$ref}" is not supported: only this form's own definitions may be referenced`);
      } else if (definition) {
        refs.get(definition)!.push(node.$ref);
      }
    }
    if (typeof node.format === 'string' && !formats.has(node.format)) {
      add('SCHEMA_UNKNOWN_FORMAT', [...path, 'format'], `不支持的格式「${node.format}」`, `the format "${node.format}" is not supported`);
    }
    const found: Array<[string, string[]]> = [];
    if (typeof node.pattern === 'string') found.push([node.pattern, [...path, 'pattern']]);
    if (isObject(node.patternProperties)) for (const key of Object.keys(node.patternProperties)) found.push([key, [...path, 'patternProperties', key]]);
    for (const [pattern, at] of found) checkPattern(pattern, at, add, run);
    for (const [key, value] of Object.entries(node)) {
      if (!SCHEMA_KEYWORDS.has(key)) continue;
      const mapOfSchemas = ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies'].includes(key);
      if (mapOfSchemas && isObject(value)) {
        for (const [name, child] of Object.entries(value)) {
          const isDefinition = path.length === 0 && (key === 'definitions' || key === '$defs');
          const owner = isDefinition ? `#/${key}/${name}` : definition;
          if (isDefinition) refs.set(owner!, []);
          walk(child, [...path, key, name], depth + 1, owner);
        }
      } else {
        walk(value, [...path, key], depth + 1, definition);
      }
    }
  };
  walk(schema, [], 0, undefined);

  for (const start of refs.keys()) {
    if (reaches(refs, start, start)) {
      add('SCHEMA_RECURSIVE_REF', start.slice(1).split('/').slice(1), `定义「${start}」递归引用了自身`, `the definition "${start}" refers to itself`);
    }
  }
  return issues;
}

/** One form's pattern analysis: a shared deadline, and each distinct pattern analysed once. */
interface PatternRun {
  deadline: number;
  verdicts: Map<string, PatternVerdict>;
}

function checkPattern(pattern: string, at: string[], add: (code: SchemaIssueCode, path: string[], zh: string, en: string) => void, run: PatternRun) {
  try {
    new RegExp(pattern, 'u');
  } catch {
    add('SCHEMA_INVALID', at, `正则表达式「${pattern}」无效`, `the regular expression "${pattern}" is invalid`);
    return;
  }
  const shown = pattern.slice(0, 60);
  if (pattern.length > SCHEMA_LIMITS.maxPatternLength) {
    add('SCHEMA_UNSAFE_PATTERN', at, `正则表达式「${shown}」过长(超过 ${SCHEMA_LIMITS.maxPatternLength} 个字符)，请简化`,
      `the regular expression "${shown}" is longer than ${SCHEMA_LIMITS.maxPatternLength} characters; simplify it`);
    return;
  }
  let verdict = run.verdicts.get(pattern);
  if (!verdict) {
    if (Date.now() > run.deadline) {
      add('SCHEMA_UNSAFE_PATTERN', at, `表单中的正则表达式过多，「${shown}」未能在时限内确认安全，请减少或简化`,
        `the form holds too many regular expressions to check in time; "${shown}" could not be confirmed safe: use fewer or simpler ones`);
      return;
    }
    verdict = analysePattern(pattern, SCHEMA_LIMITS.patternTimeoutMs);
    run.verdicts.set(pattern, verdict);
  }
  if (verdict.status === 'vulnerable') {
    add('SCHEMA_UNSAFE_PATTERN', at, `正则表达式「${shown}」可能导致系统卡顿，请简化`,
      `the regular expression "${shown}" could stall the system (${verdict.complexity} backtracking); simplify it`);
  } else if (verdict.status === 'unknown') {
    add('SCHEMA_UNSAFE_PATTERN', at, `正则表达式「${shown}」过于复杂，无法确认安全，请简化`,
      `the regular expression "${shown}" is too complex to confirm it is safe; simplify it`);
  }
}

function reaches(refs: Map<string, string[]>, from: string, target: string, seen = new Set<string>()): boolean {
  for (const next of refs.get(from) ?? []) {
    if (next === target) return true;
    if (!seen.has(next)) {
      seen.add(next);
      if (reaches(refs, next, target, seen)) return true;
    }
  }
  return false;
}
