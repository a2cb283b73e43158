import type { Codec } from './cells';

/**
 * A column of the layout: the national element's name as its header (and the English beside
 * it for messages), where its value lives, and how its cell reads.
 */
export interface Column {
  header: string;
  en: string;
  /** Other headers the same element goes by in provincial spreadsheets. */
  aliases?: readonly string[];
  path: string;
  codec: Codec;
  required?: boolean;
  /** What an empty cell means (the model's default), written out so a value reads and writes the same; only once `fallbackWith` has a value, if named. */
  fallback?: unknown;
  fallbackWith?: string;
}

export const column = (header: string, en: string, path: string, codec: Codec, options: Omit<Column, 'header' | 'en' | 'path' | 'codec'> = {}): Column => ({ header, en, path, codec, ...options });

/** Headers compared without spaces, parentheses' width or a note in parentheses: 实施主体编码(统一社会信用代码) is 实施主体编码. */
export const headerKey = (header: string) =>
  header
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\(.*?\)$/, '')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();

/** Each column's index in a sheet's header row, and the headers no column takes. */
export function matchHeaders(columns: readonly Column[], headers: readonly string[]): { at: Map<Column, number>; unknown: string[] } {
  const byKey = new Map<string, Column>();
  for (const c of columns) for (const name of [c.header, c.en, ...(c.aliases ?? [])]) byKey.set(headerKey(name), c);
  const at = new Map<Column, number>();
  const unknown: string[] = [];
  headers.forEach((header, i) => {
    const found = byKey.get(headerKey(header)) ?? byKey.get(headerKey(header.replace(/\(.*\)/, '')));
    if (found && !at.has(found)) at.set(found, i);
    else if (header.trim()) unknown.push(header.trim());
  });
  return { at, unknown };
}
