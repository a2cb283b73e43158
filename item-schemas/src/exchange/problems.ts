import { z } from 'zod';
import { bilingual, type Bilingual } from '../messages';

/**
 * What an import can find wrong with a file, per row and column, in Chinese and English. Each
 * problem keeps its row out of the import; the rest of the file can still be imported.
 */

export const importProblemCodes = [
  'MISSING_ELEMENT',
  'UNKNOWN_CODE',
  'NOT_A_NUMBER',
  'INVALID_DATE',
  'INVALID_CREDIT_CODE',
  'INVALID_VALUE',
  'PROMISED_EXCEEDS_LEGAL',
  'DUPLICATE_CODE',
  'AMBIGUOUS_ITEM',
  'UNKNOWN_ITEM',
  'DUPLICATE_MATERIAL',
  'UNKNOWN_DEPARTMENT',
  'NOT_WRITTEN',
] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];

/** The two sheets of the layout: 事项 (one row per item) and 申请材料 (one row per material). */
export const ZSheet = z.enum(['items', 'materials']);
export type Sheet = z.infer<typeof ZSheet>;
export const sheetNames: Record<Sheet, readonly [zh: string, en: string]> = { items: ['事项', 'Items'], materials: ['申请材料', 'Materials'] };

export const ZImportProblem = z.object({
  code: z.enum(importProblemCodes),
  sheet: ZSheet,
  /** The row as the spreadsheet numbers it: the header is row 1. */
  row: z.number().int(),
  /** The column's element name, in Chinese and English, when one column is at fault. */
  column: z.string().optional(),
  column_en: z.string().optional(),
  message: z.string(),
  message_en: z.string(),
});
export type ImportProblem = z.infer<typeof ZImportProblem>;

/** A problem of one cell, before it knows its row. */
export interface CellProblem extends Bilingual {
  code: ImportProblemCode;
}

export const cellProblem = (code: ImportProblemCode, zh: string, en: string): CellProblem => ({ code, ...bilingual(zh, en) });

export const missing = (): CellProblem => cellProblem('MISSING_ELEMENT', '必须填写', 'required');
