import safeRegex from 'safe-regex2';
import { knownFormats } from './answers';
import { jsonPointer } from './json-pointer';
import { bilingual, type Bilingual } from './messages';

/**
 * Admin-authored form schemas are untrusted input. Before one is compiled it must stay inside
 * the supported subset: bounded size and depth, only local non-recursive `$ref`s, known
 * formats, and regular expressions that cannot backtrack catastrophically.
 */

export const SCHEMA_LIMITS = { maxBytes: 256 * 1024, maxDepth: 16, maxPatternLength: 500 } as const;

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
    const patterns: Array<[string, string[]]> = [];
    if (typeof node.pattern === 'string') patterns.push([node.pattern, [...path, 'pattern']]);
    if (isObject(node.patternProperties)) for (const key of Object.keys(node.patternProperties)) patterns.push([key, [...path, 'patternProperties', key]]);
    for (const [pattern, at] of patterns) checkPattern(pattern, at, add);
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

function checkPattern(pattern: string, at: string[], add: (code: SchemaIssueCode, path: string[], zh: string, en: string) => void) {
  try {
    new RegExp(pattern, 'u');
  } catch {
    add('SCHEMA_INVALID', at, `正则表达式「${pattern}」无效`, `the regular expression "${pattern}" is invalid`);
    return;
  }
  if (pattern.length > SCHEMA_LIMITS.maxPatternLength || !safeRegex(pattern)) {
    add('SCHEMA_UNSAFE_PATTERN', at, `正则表达式「${pattern.slice(0, 60)}」可能导致系统卡顿，请简化`,
      `the regular expression "${pattern.slice(0, 60)}" could stall the system; simplify it`);
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
