import { MODEL_VERSION, ZItemDefinition, nationalCode, onlineLevels, orderedCodes, type Labels } from '../src';
import { elementOf, nodeInfo, shapeOf, type ModelNode } from '../src/model-nodes';

/**
 * The item model as people read it (`onevisit schema`): every element with its Chinese title,
 * what kind of value it takes and whether it must be filled, then every code list with its
 * national codes and labels. Walked from the model itself, so a new element shows without more.
 */

interface CodeList {
  title: string;
  labels: Labels<string>;
  paths: string[];
}

const kindWords: Record<string, string> = { string: '文本', number: '数字', boolean: '是/否', record: '键值表', literal: '固定值' };

/** A date is a string the model formats as one. */
const kindOf = (node: ModelNode, type: string) => ((node.meta() as { format?: unknown } | undefined)?.format === 'date' ? '日期 YYYY-MM-DD' : (kindWords[type] ?? type));

function walk(node: ModelNode, path: string, depth: number, lines: string[], lists: Map<Labels<string>, CodeList>): void {
  for (const [key, child] of Object.entries(shapeOf(node) ?? {})) {
    const at = path ? `${path}.${key}` : key;
    const info = nodeInfo(child);
    const element = elementOf(child);
    const inner = element ? nodeInfo(element) : info;
    const labels = inner.labels;
    const required = !child.safeParse(undefined).success;
    const many = element !== undefined;
    let kind: string;
    if (labels) {
      const list = lists.get(labels) ?? { title: info.title ?? key, labels, paths: [] };
      list.paths.push(at);
      lists.set(labels, list);
      kind = `代码${many ? '，可多选' : ''}，见代码表「${list.title}」`;
    } else if (inner.condition) kind = '条件';
    else if (inner.type === 'object') kind = many ? '可填多项，每项含下列要素' : '含下列要素';
    else kind = `${kindOf(inner.node, inner.type)}${many ? '，可填多项' : ''}`;
    lines.push(`${'  '.repeat(depth + 1)}${at.padEnd(44 - depth * 2)} ${info.title ?? ''}(${kind}${required ? '，必填' : ''})`);
    if (inner.type === 'object' && !inner.condition) walk(inner.node, many ? `${at}[]` : at, depth + 1, lines, lists);
  }
}

function codeLines(title: string, labels: Labels<string>, paths: readonly string[]): string[] {
  const lines = [`${title}${paths.length ? `  (${paths.join(', ')})` : ''}`];
  const keys = orderedCodes(labels);
  // Short codes line up; long ones (file types) are followed by their labels.
  const width = Math.min(8, Math.max(...keys.map((key) => nationalCode(labels, key).length)));
  for (const key of keys) {
    const [zh, en] = labels[key]!;
    const code = nationalCode(labels, key);
    lines.push(`  ${code.padEnd(width)}  ${zh}  ${en}${code === key ? '' : `  [值 ${key}]`}`);
  }
  return lines;
}

export function schemaOutline(): string {
  const lines = [`事项要素 / item elements (模型版本 / model version ${MODEL_VERSION})`];
  const lists = new Map<Labels<string>, CodeList>();
  walk(ZItemDefinition, '', 0, lines, lists);
  lines.push('', '代码表 / code lists (国家代码 名称 English；[值] 为定义文件中的写法 / as written in a definition)');
  for (const list of lists.values()) lines.push('', ...codeLines(list.title, list.labels, list.paths));
  lines.push('', ...codeLines('网办深度等级(由「网上办理深度」推出：Ⅳ = 5|6|7，Ⅲ = 4，Ⅱ = 2|3，其余 Ⅰ)', onlineLevels, []));
  return lines.join('\n');
}
