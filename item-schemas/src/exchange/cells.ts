import { parseDate } from '../dates';
import { isUscc } from '../formats';
import { nationalCode, orderedCodes, type Labels } from '../model/codes';
import { cellProblem, type CellProblem } from './problems';

/**
 * How one cell of the layout reads and writes a value. Every cell is text (a spreadsheet's
 * numbers and dates arrive as text); an empty cell is no value. The exchange JSON carries the
 * same cells as JSON values (lists as arrays, 是/否 as booleans, numbers as numbers).
 */
export interface Codec {
  read(cell: string): { value?: unknown; problem?: CellProblem };
  write(value: unknown): string;
  toJson(cell: string): unknown;
  fromJson(value: unknown): string;
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
const plain = { toJson: (cell: string) => cell || undefined, fromJson: asText };

export const text: Codec = { read: (cell) => (cell ? { value: cell } : {}), write: asText, ...plain };

/** A 统一社会信用代码: 18 characters with its check character (GB 32100), letters in capitals. */
export const creditCode: Codec = {
  read(cell) {
    if (!cell) return {};
    const value = cell.toUpperCase();
    return isUscc(value) ? { value } : { problem: cellProblem('INVALID_CREDIT_CODE', `统一社会信用代码「${cell}」不正确(应为 18 位且校验位正确)`, `"${cell}" is not a valid unified social credit code (18 characters with a correct check character)`) };
  },
  write: asText,
  ...plain,
};

export const integer: Codec = {
  read(cell) {
    if (!cell) return {};
    const number = /^\d+(\.0+)?$/.test(cell) ? Number(cell) : NaN;
    return Number.isSafeInteger(number) ? { value: number } : { problem: cellProblem('NOT_A_NUMBER', `「${cell}」不是整数`, `"${cell}" is not a whole number`) };
  },
  write: (value) => (typeof value === 'number' ? String(value) : asText(value)),
  toJson: (cell) => (cell === '' ? undefined : /^\d+$/.test(cell) ? Number(cell) : cell),
  fromJson: asText,
};

/** Short texts in one cell, as "开饭店、餐馆执照" (，, ; and line breaks separate too; spaces stay inside a text). */
export const words: Codec = {
  read(cell) {
    const list = [...new Set(cell.split(/[\n,，、;；]+/).map((w) => w.trim()).filter(Boolean))];
    return list.length > 0 ? { value: list } : {};
  },
  write: (value) => (Array.isArray(value) ? value.map(asText).join('、') : asText(value)),
  toJson: (cell) => (cell ? cell.split('、') : undefined),
  fromJson: (value) => (Array.isArray(value) ? value.map(asText).join('、') : asText(value)),
};

const YES = new Set(['是', 'y', 'yes', '1', 'true', '√']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '×']);

export const yesNo: Codec = {
  read(cell) {
    if (!cell) return {};
    const word = cell.toLowerCase();
    if (YES.has(word)) return { value: true };
    if (NO.has(word)) return { value: false };
    return { problem: cellProblem('INVALID_VALUE', `「${cell}」应为「是」或「否」`, `"${cell}" should be 是 (yes) or 否 (no)`) };
  },
  write: (value) => (value === true ? '是' : value === false ? '否' : ''),
  toJson: (cell) => (cell === '' ? undefined : YES.has(cell.toLowerCase()) ? true : NO.has(cell.toLowerCase()) ? false : cell),
  fromJson: (value) => (value === true ? '是' : value === false ? '否' : asText(value)),
};

const pad2 = (n: string) => n.padStart(2, '0');

/** A date as YYYY-MM-DD; 2026/3/1, 2026.3.1 and 2026年3月1日 read too. */
export const date: Codec = {
  read(cell) {
    if (!cell) return {};
    const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cell);
    const value = parts ? `${parts[1]}-${pad2(parts[2]!)}-${pad2(parts[3]!)}` : '';
    return parseDate(value) !== undefined ? { value } : { problem: cellProblem('INVALID_DATE', `「${cell}」不是有效日期(如 2026-03-01)`, `"${cell}" is not a valid date (e.g. 2026-03-01)`) };
  },
  write: asText,
  ...plain,
};

const fullWidth = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');

/** A list's codes in order, worked out once per list: every cell of every row asks. */
const ordered = new WeakMap<object, string[]>();
function keysOf<K extends string>(labels: Labels<K>): K[] {
  if (!ordered.has(labels)) ordered.set(labels, orderedCodes(labels));
  return ordered.get(labels) as K[];
}

/** The key a cell names in a code list: its national code, its label (Chinese or English), or its key; "01 行政许可" too. */
export function codeOf<K extends string>(labels: Labels<K>, cell: string): K | undefined {
  const keys = keysOf(labels);
  const one = (found: K[]) => (found.length === 1 ? found[0] : undefined);
  const byCode = one(keys.filter((k) => nationalCode(labels, k) === cell));
  if (byCode) return byCode;
  if ((keys as string[]).includes(cell)) return cell as K;
  const word = fullWidth(cell).toLowerCase();
  const byLabel = one(keys.filter((k) => fullWidth(labels[k][0]).toLowerCase() === word || labels[k][1].toLowerCase() === cell.toLowerCase()));
  if (byLabel) return byLabel;
  // A spreadsheet that took "01" for a number shows 1.
  if (/^\d+$/.test(cell)) return one(keys.filter((k) => /^\d+$/.test(nationalCode(labels, k)) && Number(nationalCode(labels, k)) === Number(cell)));
  const both = /^([0-9A-Za-z]+)\s*[-:：、.．\s]\s*(\S.*)$/.exec(cell);
  if (both) {
    const [a, b] = [codeOf(labels, both[1]!), codeOf(labels, both[2]!)];
    if (a && a === b) return a;
  }
  return undefined;
}

/** What a cell holds for a value: its national code, or its Chinese label where the list has no code of its own for it. */
export function cellCode<K extends string>(labels: Labels<K>, key: K): string {
  const code = nationalCode(labels, key);
  const shared = keysOf(labels).filter((k) => nationalCode(labels, k) === code).length > 1;
  return shared || !/^\d+$/.test(code) ? labels[key][0] : code;
}

function choices<K extends string>(labels: Labels<K>): [string, string] {
  const keys = keysOf(labels);
  const shown = keys.slice(0, 12);
  const more = keys.length > shown.length;
  const entry = (k: K, lang: 0 | 1) => (cellCode(labels, k) === labels[k][0] ? labels[k][lang] : `${cellCode(labels, k)} ${labels[k][lang]}`);
  return [shown.map((k) => entry(k, 0)).join('、') + (more ? ' 等(见「代码表」)' : ''), shown.map((k) => entry(k, 1)).join(', ') + (more ? ' … (see the code sheet)' : '')];
}

const unknownCode = <K extends string>(labels: Labels<K>, cell: string) => {
  const [zh, en] = choices(labels);
  return cellProblem('UNKNOWN_CODE', `没有「${cell}」这一项，可填：${zh}`, `"${cell}" is not one of the codes: ${en}`);
};

export function code<K extends string>(labels: Labels<K>): Codec {
  return {
    read: (cell) => {
      if (!cell) return {};
      const key = codeOf(labels, cell);
      return key ? { value: key } : { problem: unknownCode(labels, cell) };
    },
    write: (value) => (typeof value === 'string' && value in labels ? cellCode(labels, value as K) : asText(value)),
    ...plain,
  };
}

/** Several codes in one cell, as "1,2,3" (、，; and spaces separate too). */
export function codes<K extends string>(labels: Labels<K>): Codec {
  const one = code(labels);
  return {
    read(cell) {
      const parts = cell.split(/[\s,，、;；]+/).filter(Boolean);
      if (parts.length === 0) return {};
      const bad = parts.filter((p) => !codeOf(labels, p));
      if (bad.length > 0) return { problem: unknownCode(labels, bad.join('、')) };
      return { value: [...new Set(parts.map((p) => codeOf(labels, p)!))] };
    },
    write: (value) => (Array.isArray(value) ? value.map((v) => one.write(v)).join(',') : asText(value)),
    toJson: (cell) => (cell ? cell.split(',') : undefined),
    fromJson: (value) => (Array.isArray(value) ? value.map(asText).join(',') : asText(value)),
  };
}
