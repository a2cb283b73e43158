import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { fromExchangeJson, LayoutError, sheetTitles, type ExchangeFile, type SheetData, type Sheets } from '@onevisit/item-schemas/exchange';
import { ApiError } from './errors';
import { checkInflatedSize } from './imports-zip';
import { importNotLayout, importTooLarge, importTooManyRows, importUnreadable } from './imports-errors';

/**
 * Files in the national layout, read into sheets of text and written from them: .xlsx with
 * exceljs (streamed, so a file is refused as soon as it holds too many rows), .csv with csv-parse
 * and csv-stringify (one file a sheet; UTF-8, or GB18030 as Excel saves CSV on Chinese systems),
 * the exchange JSON. Bounded before anything is planned: size, rows, columns and cell length.
 */

export const IMPORT_LIMITS = {
  /** The file as uploaded. */
  bytes: 10 * 1024 * 1024,
  /** Items a file may hold, and materials (at most 200 an item, as the model allows, but 50,000 a file). */
  items: 5_000,
  materials: 50_000,
  columns: 200,
  /** Excel's own limit for a cell. */
  cellChars: 32_767,
} as const;

export type ImportFormat = 'xlsx' | 'csv' | 'json';

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** What a file is, from its content (its name only breaks a tie): a zip is a workbook, an object JSON, the rest CSV. */
export function formatOf(bytes: Uint8Array, name: string): ImportFormat {
  if (isZip(bytes)) return 'xlsx';
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || /\.json$/i.test(name)) return 'json';
  return 'csv';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A cell of exceljs as the text it shows: rich text joined, a formula's result, a link's text, a date as YYYY-MM-DD. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  const v = value as { richText?: Array<{ text?: string }>; text?: unknown; result?: unknown; error?: string };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
  if ('result' in v) return cellText(v.result);
  if ('text' in v) return cellText(v.text);
  return v.error ?? '';
}

type SheetKind = 'items' | 'materials';
const rowLimit = (sheet: SheetKind) => (sheet === 'items' ? IMPORT_LIMITS.items : IMPORT_LIMITS.materials);

/** A row's cells as text, refused when the row leaves the bounds. */
function boundedCells(rowNumber: number, raw: readonly unknown[]): string[] {
  if (raw.length > IMPORT_LIMITS.columns + 1) throw importUnreadable(`第 ${rowNumber} 行超过 ${IMPORT_LIMITS.columns} 列`, `row ${rowNumber} has more than ${IMPORT_LIMITS.columns} columns`);
  const cells = Array.from(raw, cellText);
  if (cells.some((c) => c.length > IMPORT_LIMITS.cellChars)) throw importUnreadable(`第 ${rowNumber} 行有单元格超过 ${IMPORT_LIMITS.cellChars} 个字符`, `a cell of row ${rowNumber} holds more than ${IMPORT_LIMITS.cellChars} characters`);
  return cells;
}

/** Adds a row to the sheet (the first is its header), refusing one row too many; blank rows are not rows. */
function addRow(data: SheetData, sheet: SheetKind, row: number, cells: string[]): void {
  if (data.headers.length === 0) data.headers = cells;
  else if (cells.some((c) => c.trim() !== '')) data.rows.push({ row, cells });
  if (data.rows.length > rowLimit(sheet)) throw importTooManyRows(sheet, rowLimit(sheet));
}

/** The workbook's 事项 and 申请材料 sheets (by name, else the first two), streamed; the 代码表 an export adds is passed over. */
async function readXlsx(bytes: Uint8Array): Promise<ExchangeFile> {
  checkInflatedSize(bytes);
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  const sheets: Array<{ name: string; data: SheetData }> = [];
  try {
    for await (const worksheet of reader) {
      const name = String((worksheet as unknown as { name?: string }).name ?? '').trim();
      const wanted = name !== sheetTitles.codes && sheets.length < 2;
      const kind: SheetKind = name === sheetTitles.materials || (sheets.length === 1 && name !== sheetTitles.items) ? 'materials' : 'items';
      const data: SheetData = { headers: [], rows: [] };
      let seen = 0;
      for await (const row of worksheet) {
        // Rows written but blank count too, so a sheet of a million empty rows is refused as well.
        if (++seen > 2 * rowLimit(kind) + 1) throw importTooManyRows(kind, rowLimit(kind));
        if (wanted) addRow(data, kind, row.number, boundedCells(row.number, (row.values as unknown[]).slice(1)));
      }
      if (wanted) sheets.push({ name, data });
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw importUnreadable('Excel 文件已损坏或不是 .xlsx 格式', 'the Excel file is damaged or not in the .xlsx format');
  }
  const items = sheets.find((s) => s.name === sheetTitles.items) ?? sheets[0];
  const materials = sheets.find((s) => s.name === sheetTitles.materials) ?? sheets.find((s) => s !== items);
  if (!items) throw importUnreadable('Excel 文件中没有工作表', 'the Excel file has no sheet');
  return { items: items.data, ...(materials ? { materials: materials.data } : {}) };
}

/** CSV text: UTF-8, else GB18030 (what Excel writes as "CSV" on a Chinese system). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsv(bytes: Uint8Array, sheet: SheetKind): SheetData {
  let records: string[][];
  try {
    // Read one record past the limit, blank lines allowed for, so that a file over it is refused, not cut.
    records = parse(decode(bytes), { bom: true, relax_column_count: true, relax_quotes: true, max_record_size: IMPORT_LIMITS.cellChars * 4, to: 2 * rowLimit(sheet) + 2 });
  } catch (error) {
    throw importUnreadable(`CSV 文件无法解析：${(error as Error).message}`, `the CSV file cannot be parsed: ${(error as Error).message}`);
  }
  if (records.length > 2 * rowLimit(sheet) + 1) throw importTooManyRows(sheet, rowLimit(sheet));
  const data: SheetData = { headers: [], rows: [] };
  // Excel shows a record as a row, even one with line breaks in its cells: a record's number is its row's.
  records.forEach((record, i) => addRow(data, sheet, i + 1, boundedCells(i + 1, record)));
  return data;
}

function readJson(bytes: Uint8Array): ExchangeFile {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw importUnreadable('JSON 文件无法解析', 'the JSON file cannot be parsed');
  }
  const items = (json as { items?: unknown } | null)?.items;
  if (Array.isArray(items) && items.length > IMPORT_LIMITS.items) throw importTooManyRows('items', IMPORT_LIMITS.items);
  let file: ExchangeFile;
  try {
    file = fromExchangeJson(json);
  } catch (error) {
    if (error instanceof LayoutError) throw importNotLayout(error.message, error.message_en);
    throw error;
  }
  if ((file.materials?.rows.length ?? 0) > IMPORT_LIMITS.materials) throw importTooManyRows('materials', IMPORT_LIMITS.materials);
  return file;
}

/** An uploaded file (and, for CSV, the materials as a second file) as the layout's sheets. */
export async function readImportFile(file: { bytes: Uint8Array; name: string }, materials?: { bytes: Uint8Array; name: string }): Promise<{ format: ImportFormat; sheets: ExchangeFile }> {
  for (const f of [file, materials]) if (f && f.bytes.byteLength > IMPORT_LIMITS.bytes) throw importTooLarge(IMPORT_LIMITS.bytes);
  if (file.bytes.byteLength === 0) throw importUnreadable('文件是空的', 'the file is empty');
  const format = formatOf(file.bytes, file.name);
  if (format === 'xlsx') return { format, sheets: await readXlsx(file.bytes) };
  if (format === 'json') return { format, sheets: readJson(file.bytes) };
  return { format, sheets: { items: readCsv(file.bytes, 'items'), ...(materials && materials.bytes.byteLength > 0 ? { materials: readCsv(materials.bytes, 'materials') } : {}) } };
}

/** The workbook an export downloads: 事项, 申请材料 and 代码表, every cell text (codes keep their leading zeros). */
export async function xlsxOf(sheets: Sheets): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const key of ['items', 'materials', 'codes'] as const) {
    const sheet = workbook.addWorksheet(sheetTitles[key], { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRows(sheets[key]);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c) => {
      c.numFmt = '@';
      c.width = 16;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A sheet as CSV, UTF-8 with a byte-order mark so that Excel opens the Chinese as Chinese. */
export function csvOf(rows: string[][]): string {
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`;
}
