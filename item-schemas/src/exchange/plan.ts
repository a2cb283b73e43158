import { z } from 'zod';
import { bilingual, type Bilingual } from '../messages';
import { ZItemId } from '../model/item';
import { MODEL_VERSION } from '../model/model-version';
import type { Column } from './columns';
import { matchDepartment, type DepartmentContext } from './departments';
import { itemColumns, itemKeys } from './item-columns';
import { materialColumns, materialKeyColumns, materialKeys } from './material-columns';
import { cellProblem, ZImportProblem, type CellProblem, type ImportProblem } from './problems';
import { problemAt, readItemRow, sheetColumns, type ExchangeFile, type ReadItem } from './read';
import { itemCells, materialCells } from './write';

/**
 * What importing a file would do, row by row, before anything is written: which item each row
 * is (the jurisdiction's item with its 实施编码, else with its 基本编码), whether it is created,
 * updated or already as the file says, and every problem. A row with a problem is left out; the
 * others can be imported. Only the national elements change: an existing item keeps its steps,
 * form and its materials' upload settings; a new one is a draft like a blank item in the editor,
 * for an official to complete (steps and the intake form) before publishing.
 */

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export interface ExistingItem {
  itemId: string;
  revision: number;
  /** The draft as edited (a clone's with its upstream applied). */
  definition: Bag;
}

export interface ImportContext extends DepartmentContext {
  /** Items a row may update: the jurisdiction's items that are not cancelled. */
  existing: readonly ExistingItem[];
  /** Every id the jurisdiction has used: its items' (cancelled ones too) and its 一件事' (they share the apply addresses). */
  takenIds: ReadonlySet<string>;
}

export const importActions = ['create', 'update', 'unchanged', 'skip', 'failed'] as const;
export const ZBilingual = z.object({ message: z.string(), message_en: z.string() });

export const ZImportRow = z.object({
  row: z.number().int(),
  name: z.string(),
  catalogCode: z.string().optional(),
  taskCode: z.string().optional(),
  action: z.enum(importActions),
  itemId: z.string().optional(),
  /** The elements an update changes. */
  changed: z.array(z.object({ column: z.string(), column_en: z.string() })),
  problems: z.array(ZImportProblem),
  notes: z.array(ZBilingual),
});
export type ImportRow = z.infer<typeof ZImportRow>;

export interface PlannedRow extends ImportRow {
  /** What to store: a new item's definition, or the existing draft with the file's elements. */
  definition?: Bag;
  /** The draft revision the update was planned on. */
  baseRevision?: number;
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** Problems of no item's row: materials whose item is not in the file. */
  problems: ImportProblem[];
  /** Columns left out, said once. */
  notes: Bilingual[];
}

/** A file that is not in the layout at all: nothing can be read from it. */
export class LayoutError extends Error {
  constructor(
    message: string,
    readonly message_en: string,
  ) {
    super(message);
  }
}

const itemColumn = (path: string) => itemColumns.find((c) => c.path === path)!;
const nameColumn = itemColumn('name');
const catalogColumn = itemColumn('catalogCode');
const taskColumn = itemColumn('taskCode');
const materialNameColumn = materialColumns.find((c) => c.path === 'name')!;

const cellAt = (at: ReadonlyMap<Column, number>, cells: readonly string[], c: Column) => {
  const i = at.get(c);
  return i === undefined ? '' : (cells[i] ?? '').trim();
};

function leftOut(sheet: string, sheetEn: string, headers: string[]): Bilingual[] {
  if (headers.length === 0) return [];
  const when = headers.filter((h) => /适用情形/.test(h));
  return [
    bilingual(`「${sheet}」表中这些列不在国家要素布局中，未导入：${headers.join('、')}`, `these columns of the ${sheetEn} sheet are not in the national layout and were left out: ${headers.join(', ')}`),
    ...(when.length > 0 ? [bilingual('「适用情形」是按申请表答案设定的条件，不能从表格导入：请在编辑器的「申请材料」中设置', 'the conditions on when a material applies depend on the intake form’s answers and cannot be imported from a spreadsheet: set them in the editor’s Materials')] : []),
  ];
}

/** Where each material row belongs: the item row with its 实施编码, else the one with its 基本编码. */
function placeMaterials(file: ExchangeFile, itemAt: ReadonlyMap<Column, number>, problems: ImportProblem[], notes: Bilingual[]) {
  const byRow = new Map<number, Array<{ row: number; at: ReadonlyMap<Column, number>; cells: string[] }>>();
  if (!file.materials) return byRow;
  const { at, unknown } = sheetColumns('materials', file.materials);
  if (!at.has(materialNameColumn) || (!at.has(materialKeyColumns.catalogCode) && !at.has(materialKeyColumns.taskCode)))
    throw new LayoutError('「申请材料」表须有「基本编码」(或「实施编码」)和「材料名称」两列', 'the materials sheet needs the columns 基本编码 (or 实施编码) and 材料名称');
  notes.push(...leftOut('申请材料', 'materials', unknown));
  const [rowsByTask, rowsByCatalog] = [new Map<string, number[]>(), new Map<string, number[]>()];
  file.items.rows.forEach((r, i) => {
    for (const [map, c] of [[rowsByTask, taskColumn], [rowsByCatalog, catalogColumn]] as const) {
      const code = cellAt(itemAt, r.cells, c);
      if (code) map.set(code, [...(map.get(code) ?? []), i]);
    }
  });
  for (const m of file.materials.rows) {
    const [catalog, task] = [cellAt(at, m.cells, materialKeyColumns.catalogCode), cellAt(at, m.cells, materialKeyColumns.taskCode)];
    const fits = (task ? rowsByTask.get(task) : rowsByCatalog.get(catalog)) ?? [];
    const named = task ? `实施编码「${task}」` : `基本编码「${catalog}」`;
    const namedEn = task ? `implementation code "${task}"` : `catalogue code "${catalog}"`;
    const problem = (p: CellProblem, c: Column) => problems.push(problemAt('materials', m.row, c, p));
    if (!task && !catalog) problem(cellProblem('MISSING_ELEMENT', '必须填写，以说明材料属于哪个事项', 'required: it says which item the material belongs to'), materialKeyColumns.catalogCode);
    else if (fits.length === 0) problem(cellProblem('UNKNOWN_ITEM', `：「事项」表中没有${named}的事项`, `: no item in the items sheet has the ${namedEn}`), task ? materialKeyColumns.taskCode : materialKeyColumns.catalogCode);
    else if (fits.length > 1) problem(cellProblem('AMBIGUOUS_ITEM', `：「事项」表中有 ${fits.length} 行的${named}，请填写实施编码以区分`, `: ${fits.length} rows of the items sheet have the ${namedEn}; give the implementation code`), materialKeyColumns.catalogCode);
    else byRow.set(fits[0]!, [...(byRow.get(fits[0]!) ?? []), { row: m.row, at, cells: m.cells }]);
  }
  return byRow;
}

function mergeMaterials(existing: unknown, parts: ReadonlyArray<Bag>): Bag[] {
  const old = Array.isArray(existing) ? existing.filter(isBag) : [];
  const byName = new Map(old.map((m) => [str(m.name), m]));
  const used = new Set(old.map((m) => str(m.id)));
  let n = 0;
  const freshId = () => {
    do n++;
    while (used.has(`material-${n}`));
    used.add(`material-${n}`);
    return `material-${n}`;
  };
  return parts.map((p) => {
    const kept = byName.get(str(p.name));
    const base = kept ? Object.fromEntries(Object.entries(kept).filter(([k]) => !materialKeys.includes(k))) : { id: freshId() };
    return { ...base, ...p };
  });
}

/** The existing draft with the file's national elements (a result's sample file stays), and its materials if the file has them. */
function mergeItem(existing: Bag, part: Bag, materials: Bag[] | undefined): Bag {
  const merged: Bag = { ...existing, modelVersion: MODEL_VERSION };
  for (const key of itemKeys) {
    if (part[key] === undefined) delete merged[key];
    else merged[key] = part[key];
  }
  const sample = isBag(existing.result) ? existing.result.sample : undefined;
  if (sample && isBag(merged.result)) merged.result = { ...merged.result, sample };
  if (materials) merged.materials = mergeMaterials(existing.materials, materials);
  return merged;
}

/** A new item's id: the file's 事项标识 if free, else one made from its codes. */
function newItemId(wish: string, codes: string, taken: Set<string>): string {
  const slug = codes.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 70);
  const base = ZItemId.safeParse(wish).success && !taken.has(wish) ? wish : `item-${slug || 'import'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The rows read so far, by their codes. */
interface Earlier {
  byTask: Map<string, number>;
  byCatalog: Map<string, Array<{ row: number; task: string }>>;
}

function duplicates(read: ReadItem, earlier: Earlier): ImportProblem[] {
  const task = str(read.part.taskCode);
  const catalog = str(read.part.catalogCode);
  const problems: ImportProblem[] = [];
  const sameTask = task && earlier.byTask.has(task) ? { row: earlier.byTask.get(task)! } : undefined;
  const sameCatalog = catalog && !sameTask ? earlier.byCatalog.get(catalog)?.find((e) => !task || !e.task) : undefined;
  if (task && !sameTask) earlier.byTask.set(task, read.row);
  if (catalog) earlier.byCatalog.set(catalog, [...(earlier.byCatalog.get(catalog) ?? []), { row: read.row, task }]);
  if (sameTask) problems.push(problemAt('items', read.row, taskColumn, cellProblem('DUPLICATE_CODE', `「${task}」与第 ${sameTask.row} 行重复`, `"${task}" is also on row ${sameTask.row}`)));
  if (sameCatalog) problems.push(problemAt('items', read.row, catalogColumn, cellProblem('DUPLICATE_CODE', `「${catalog}」与第 ${sameCatalog.row} 行重复(同一基本编码的事项须以实施编码区分)`, `"${catalog}" is also on row ${sameCatalog.row} (items sharing a catalogue code need implementation codes)`)));
  const names = new Map<string, number>();
  for (const m of read.materials) {
    const name = str(m.part.name);
    if (name && names.has(name)) problems.push(problemAt('materials', m.row, materialNameColumn, cellProblem('DUPLICATE_MATERIAL', `「${name}」与第 ${names.get(name)} 行是同一事项的同名材料`, `"${name}" is also on row ${names.get(name)} for the same item`)));
    names.set(name, m.row);
  }
  return problems;
}

const index = (items: readonly ExistingItem[], key: string) => {
  const map = new Map<string, ExistingItem[]>();
  for (const item of items) {
    const code = str(item.definition[key]);
    if (code) map.set(code, [...(map.get(code) ?? []), item]);
  }
  return map;
};

/**
 * The plan, its rows to be worked out one at a time as they are taken (a server lets other
 * requests in between); the file-level problems and notes are known at once.
 */
export function startPlan(file: ExchangeFile, context: ImportContext): Omit<ImportPlan, 'rows'> & { rows: Generator<PlannedRow> } {
  const { at, unknown } = sheetColumns('items', file.items);
  if (!at.has(nameColumn) || !at.has(catalogColumn)) throw new LayoutError('文件不是国家事项要素布局：「事项」表的第一行须是要素名称，至少有「事项名称」和「基本编码」', 'the file is not in the national element layout: the first row of the items sheet names the elements, 事项名称 and 基本编码 at least');
  const notes = leftOut('事项', 'items', unknown);
  const problems: ImportProblem[] = [];
  const materialsOf = placeMaterials(file, at, problems, notes);
  const [byTask, byCatalog] = [index(context.existing, 'taskCode'), index(context.existing, 'catalogCode')];
  const taken = new Set(context.takenIds);
  const earlier: Earlier = { byTask: new Map(), byCatalog: new Map() };
  const claimed = new Map<string, number>();

  function planRow(r: ExchangeFile['items']['rows'][number], i: number): PlannedRow {
    const read = readItemRow(at, r, materialsOf.get(i) ?? []);
    const part = read.part;
    const [task, catalog] = [str(part.taskCode), str(part.catalogCode)];
    const rowProblems = [...read.problems, ...duplicates(read, earlier), ...read.materials.flatMap((m) => m.problems)];
    const rowNotes: Bilingual[] = [];
    const department = isBag(part.department) ? part.department : undefined;
    if (department && !rowProblems.some((p) => p.column === '实施主体' || p.column === '实施主体编码')) {
      const match = matchDepartment({ name: str(department.name), creditCode: str(department.creditCode) }, context);
      if ('problem' in match) rowProblems.push(problemAt('items', r.row, itemColumn('department.name'), match.problem));
      else {
        part.department = { ...department, name: match.department.name, creditCode: match.department.id };
        if (match.note) rowNotes.push(match.note);
      }
    }
    const found = (task ? byTask.get(task) : undefined) ?? (catalog ? byCatalog.get(catalog)?.filter((e) => !task || !str(e.definition.taskCode)) : undefined) ?? [];
    const existing = found.length === 1 ? found[0] : undefined;
    if (found.length > 1)
      rowProblems.push(problemAt('items', r.row, catalogColumn, cellProblem('AMBIGUOUS_ITEM', `：本区划有 ${found.length} 个事项的基本编码都是「${catalog}」(${found.map((f) => f.itemId).join('、')})，请填写实施编码以区分`, `: ${found.length} items of this jurisdiction have the catalogue code "${catalog}" (${found.map((f) => f.itemId).join(', ')}); give the implementation code`)));
    if (existing && claimed.has(existing.itemId))
      rowProblems.push(problemAt('items', r.row, catalogColumn, cellProblem('DUPLICATE_CODE', `：与第 ${claimed.get(existing.itemId)} 行是同一个已有事项(${existing.itemId})`, `: row ${claimed.get(existing.itemId)} is the same existing item (${existing.itemId})`)));
    if (existing) claimed.set(existing.itemId, r.row);

    const summary = { row: r.row, name: str(part.name), ...(catalog ? { catalogCode: catalog } : {}), ...(task ? { taskCode: task } : {}), changed: [], problems: rowProblems, notes: rowNotes };
    if (rowProblems.length > 0) return { ...summary, action: 'skip', ...(existing ? { itemId: existing.itemId } : {}) };
    const materials = file.materials ? read.materials.map((m) => m.part) : undefined;
    if (existing) {
      const definition = mergeItem(existing.definition, part, materials);
      const [before, after] = [itemCells(existing.definition), itemCells(definition)];
      const changed = itemColumns.filter((c, k) => c.path !== 'id' && before[k] !== after[k]).map((c) => ({ column: c.header, column_en: c.en }));
      if (materials && JSON.stringify(materialCells(existing.definition)) !== JSON.stringify(materialCells(definition))) changed.push({ column: '申请材料', column_en: 'Materials' });
      return changed.length === 0
        ? { ...summary, action: 'unchanged', itemId: existing.itemId }
        : { ...summary, action: 'update', itemId: existing.itemId, changed, definition, baseRevision: existing.revision };
    }
    const { id: wish, ...national } = part;
    const itemId = newItemId(str(wish), task || catalog, taken);
    const definition = { modelVersion: MODEL_VERSION, id: itemId, ...national, ...(materials ? { materials: mergeMaterials([], materials) } : {}) };
    return { ...summary, action: 'create', itemId, definition };
  }
  function* rows() {
    for (const [i, r] of file.items.rows.entries()) yield planRow(r, i);
  }
  return { rows: rows(), problems, notes };
}

export function planImport(file: ExchangeFile, context: ImportContext): ImportPlan {
  const plan = startPlan(file, context);
  return { ...plan, rows: [...plan.rows] };
}
