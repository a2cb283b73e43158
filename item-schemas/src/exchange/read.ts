import { z } from 'zod';
import { englishTitle } from '../english-titles';
import { jsonPointer } from '../json-pointer';
import { itemFieldTitle } from '../json-schema';
import { ZItemDefinition } from '../model/item';
import { MODEL_VERSION } from '../model/model-version';
import { exceedsLimit } from '../time-limits';
import { describeIssues } from '../zod-issues';
import { matchHeaders, type Column } from './columns';
import { itemColumns } from './item-columns';
import { materialColumns, materialKeyColumns } from './material-columns';
import { getPath, pruneEmpty, setPath } from './paths';
import { cellProblem, missing, type CellProblem, type ImportProblem, type Sheet } from './problems';

/** A sheet as read from a file: its header row and its rows of text, each with the row number the file shows. */
export const ZSheetData = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
});
export type SheetData = z.infer<typeof ZSheetData>;
/** A file in the layout: the items sheet and, if the file has one, the materials sheet. */
export interface ExchangeFile {
  items: SheetData;
  materials?: SheetData;
}

type Bag = Record<string, unknown>;

/** A sheet's rows of text (the first its header) as an import reads them, numbered as a spreadsheet numbers them. */
export function sheetData(rows: readonly string[][]): SheetData {
  return { headers: rows[0] ?? [], rows: rows.slice(1).map((cells, i) => ({ row: i + 2, cells })) };
}

export interface ReadRow {
  row: number;
  /** The national elements the row holds, in the item model's shape. */
  part: Bag;
  problems: ImportProblem[];
}

const problemAt = (sheet: Sheet, row: number, column: Column | undefined, p: CellProblem): ImportProblem => ({
  code: p.code,
  sheet,
  row,
  ...(column ? { column: column.header, column_en: column.en } : {}),
  message: column ? `「${column.header}」${p.message}` : p.message,
  message_en: column ? `${column.en}: ${p.message_en}` : p.message_en,
});

/** One row's cells read through the columns: the values, defaults where empty, and each cell's problem. */
export function readCells(columns: readonly Column[], at: ReadonlyMap<Column, number>, cells: readonly string[]): { part: Bag; faults: Map<Column, CellProblem> } {
  const part: Bag = {};
  const faults = new Map<Column, CellProblem>();
  for (const c of columns) {
    const index = at.get(c);
    const cell = index === undefined ? '' : (cells[index] ?? '').trim();
    const read = c.codec.read(cell);
    if (read.problem) faults.set(c, read.problem);
    else if (read.value !== undefined) setPath(part, c.path, read.value);
    else if (c.required) faults.set(c, missing());
  }
  for (const c of columns) {
    if (getPath(part, c.path) === undefined && !faults.has(c) && c.fallback !== undefined && (!c.fallbackWith || getPath(part, c.fallbackWith) !== undefined)) setPath(part, c.path, structuredClone(c.fallback));
  }
  return { part: pruneEmpty(part) ?? {}, faults };
}

/** 法定时限 left empty is none set by law; the optional groups are there only when something in them is. */
function shapeItem(part: Bag): Bag {
  const legal = part.legalLimit as Bag | undefined;
  if (legal?.value === undefined) part.legalLimit = null;
  return part;
}

/** The column a model path (zod's) belongs to: the longest column path it starts with. */
function columnOf(columns: readonly Column[], path: ReadonlyArray<PropertyKey>): Column | undefined {
  const dotted = path.map(String);
  let best: Column | undefined;
  for (const c of columns) {
    const own = c.path.split('.');
    if (own.every((k, i) => dotted[i] === k) && (!best || own.length > best.path.split('.').length)) best = c;
  }
  return best;
}

const STUB_STEP = { id: 'step', name: '受理', role: '窗口', limitDays: 0 };
const STUB_FORM = { schema: { type: 'object', properties: {} } };

/**
 * The row's elements held to the item model (lengths, addresses, the groups' required parts),
 * with the steps and form an import does not carry stubbed, each issue put on its column (or its
 * material's row); a column that already has a problem keeps that one.
 */
function modelProblems(item: ReadRow, faults: Map<Column, CellProblem>, materials: Array<ReadRow & { faults: Map<Column, CellProblem> }>): void {
  const candidate = { ...item.part, modelVersion: MODEL_VERSION, id: 'import-check', steps: [STUB_STEP], form: STUB_FORM, materials: materials.map((m, i) => ({ ...m.part, id: `m${i}` })) };
  const parsed = ZItemDefinition.safeParse(candidate, { reportInput: true });
  if (parsed.success) {
    const { legalLimit, promisedLimit } = parsed.data;
    if (legalLimit && exceedsLimit(promisedLimit, legalLimit)) {
      const promised = itemColumns.find((c) => c.path === 'promisedLimit.value');
      item.problems.push(problemAt('items', item.row, promised, cellProblem('PROMISED_EXCEEDS_LEGAL', `(${promisedLimit.value})不能超过法定办结时限(${legalLimit.value})`, `(${promisedLimit.value}) cannot exceed the legal limit (${legalLimit.value})`)));
    }
    return;
  }
  const words = describeIssues(parsed.error.issues);
  parsed.error.issues.forEach((issue, i) => {
    const [first, index, ...rest] = issue.path;
    const inMaterial = first === 'materials' && typeof index === 'number';
    const target = inMaterial ? materials[index] : item;
    if (!target) return;
    const columns = inMaterial ? materialColumns : itemColumns;
    const path = inMaterial ? rest : issue.path;
    const column = columnOf(columns, path);
    if (column && (inMaterial ? materials[index]!.faults : faults).has(column)) return;
    const title = itemFieldTitle(jsonPointer(issue.path));
    const entry = column && path.length > column.path.split('.').length && typeof path[column.path.split('.').length] === 'number' ? Number(path[column.path.split('.').length]) + 1 : undefined;
    const where = entry ? [`第 ${entry} 条${title && title !== column?.header ? `「${title}」` : ''}`, `entry ${entry}${title && title !== column?.header ? ` (${englishTitle(title)})` : ''}`] : ['', ''];
    const text = words[i]!;
    target.problems.push(problemAt(inMaterial ? 'materials' : 'items', target.row, column, cellProblem(issue.code === 'custom' && /信用代码/.test(text.message) ? 'INVALID_CREDIT_CODE' : 'INVALID_VALUE', `${where[0]}${text.message}`, `${where[1] ? `${where[1]}: ` : ''}${text.message_en}`)));
  });
}

export interface ReadItem extends ReadRow {
  materials: ReadRow[];
}

/**
 * Every row of the items sheet and its materials' rows read and checked on their own: codes,
 * numbers, dates, credit codes, the model's rules, promised ≤ legal. What needs the other rows or
 * the jurisdiction (duplicates, which item a material belongs to, departments) is the plan's.
 */
export function readItemRow(at: ReadonlyMap<Column, number>, row: { row: number; cells: readonly string[] }, materials: ReadonlyArray<{ row: number; at: ReadonlyMap<Column, number>; cells: readonly string[] }>): ReadItem {
  const { part, faults } = readCells(itemColumns, at, row.cells);
  const item: ReadItem = { row: row.row, part: shapeItem(part), problems: [...faults].map(([c, p]) => problemAt('items', row.row, c, p)), materials: [] };
  const read = materials.map((m) => {
    const cells = readCells(materialColumns, m.at, m.cells);
    return { row: m.row, part: cells.part, faults: cells.faults, problems: [...cells.faults].map(([c, p]) => problemAt('materials', m.row, c, p)) };
  });
  modelProblems(item, faults, read);
  item.materials = read.map(({ row: r, part: p, problems }) => ({ row: r, part: p, problems }));
  return item;
}

/** The columns a sheet's headers name, and the headers the layout does not take (left out, said once). */
export function sheetColumns(sheet: Sheet, data: SheetData) {
  const columns = sheet === 'items' ? itemColumns : [...materialColumns, materialKeyColumns.catalogCode, materialKeyColumns.taskCode];
  return matchHeaders(columns, data.headers);
}

export { problemAt };
