import { cellProblem } from './problems';
import type { Codec } from './cells';
import { getPath, pruneEmpty, setPath } from './paths';

/**
 * A list in one cell (设定依据, 收费, 办理地点 …): one entry a line, its parts in a fixed order
 * separated by "|", trailing empty parts left out, e.g.
 *   中华人民共和国行政许可法 | 主席令第七号 | 第二十九条
 * Inside a part, "\|", "\\" and "\n" stand for a bar, a backslash and a line break.
 */

export interface Part {
  zh: string;
  en: string;
  path: string;
  codec: Codec;
  /** What an empty part means, written out so that the same entry always reads the same; only once `fallbackWith` (a sibling path) has a value, if named. */
  fallback?: unknown;
  fallbackWith?: string;
}

const withFallback = (part: Part, entry: unknown) => (part.fallback !== undefined && (!part.fallbackWith || getPath(entry, part.fallbackWith) !== undefined) ? part.fallback : undefined);

const escapePart = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '\\n');

function splitLine(line: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      const next = line[++i]!;
      current += next === 'n' ? '\n' : next;
    } else if (c === '|') {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts;
}

const entryLines = (cell: string) => cell.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export function entries(parts: readonly Part[]): Codec {
  const render = (entry: unknown) => {
    const cells = parts.map((p) => escapePart(p.codec.write(getPath(entry, p.path) ?? withFallback(p, entry))));
    while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
    return cells.join(' | ');
  };
  const partsOf = (line: string) => splitLine(line);
  return {
    read(cell) {
      const lines = entryLines(cell);
      if (lines.length === 0) return {};
      const value: unknown[] = [];
      for (const [n, line] of lines.entries()) {
        const cells = partsOf(line);
        if (cells.length > parts.length)
          return { problem: cellProblem('INVALID_VALUE', `第 ${n + 1} 条有 ${cells.length} 段，最多 ${parts.length} 段(${parts.map((p) => p.zh).join(' | ')})`, `entry ${n + 1} has ${cells.length} parts, at most ${parts.length} (${parts.map((p) => p.en).join(' | ')})`) };
        const entry: Record<string, unknown> = {};
        for (const [i, part] of parts.entries()) {
          const read = part.codec.read(cells[i] ?? '');
          if (read.problem) return { problem: { ...read.problem, message: `第 ${n + 1} 条「${part.zh}」：${read.problem.message}`, message_en: `entry ${n + 1}, ${part.en}: ${read.problem.message_en}` } };
          if (read.value !== undefined) setPath(entry, part.path, read.value);
        }
        for (const part of parts) if (getPath(entry, part.path) === undefined && withFallback(part, entry) !== undefined) setPath(entry, part.path, withFallback(part, entry));
        value.push(pruneEmpty(entry) ?? {});
      }
      return { value };
    },
    write: (value) => (Array.isArray(value) ? value.map(render).join('\n') : ''),
    toJson: (cell) => {
      const lines = entryLines(cell);
      if (lines.length === 0) return undefined;
      return lines.map((line) => {
        const cells = partsOf(line);
        return Object.fromEntries(parts.flatMap((p, i) => (cells[i] ? [[p.zh, p.codec.toJson(cells[i]!)]] : [])));
      });
    },
    fromJson: (value) =>
      Array.isArray(value)
        ? value
            .map((entry) => {
              const cells = parts.map((p) => escapePart(p.codec.fromJson((entry as Record<string, unknown> | null)?.[p.zh])));
              while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
              return cells.join(' | ');
            })
            .join('\n')
        : typeof value === 'string'
          ? value
          : '',
  };
}
