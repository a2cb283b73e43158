import { orderedCodes, type Labels } from '../model/codes';
import * as codeLists from '../model/codes';
import { cellCode } from './cells';
import type { Column } from './columns';
import { itemColumns } from './item-columns';
import { materialColumns, materialKeyColumns } from './material-columns';
import { getPath } from './paths';
import { sheetNames } from './problems';

/**
 * Definitions as the layout's rows: what an export writes, and what a row is compared with to
 * tell whether an import would change anything. Drafts may be incomplete or hold what the model
 * would refuse: whatever is there is written as it is, for the import to say what is wrong.
 */

type Bag = Record<string, unknown>;

const valueOf = (c: Column, from: unknown) => {
  const value = getPath(from, c.path);
  if (value !== undefined && value !== null) return value;
  return c.fallback !== undefined && (!c.fallbackWith || getPath(from, c.fallbackWith) !== undefined) ? c.fallback : undefined;
};

export const cellsOf = (columns: readonly Column[], from: unknown): string[] => columns.map((c) => c.codec.write(valueOf(c, from)));

export const itemHeaders = itemColumns.map((c) => c.header);
export const materialHeaders = [materialKeyColumns.catalogCode.header, materialKeyColumns.taskCode.header, ...materialColumns.map((c) => c.header)];

export function itemCells(definition: Bag): string[] {
  return cellsOf(itemColumns, definition);
}

export function materialCells(definition: Bag): string[][] {
  const materials = Array.isArray(definition.materials) ? (definition.materials as unknown[]) : [];
  const keys = [materialKeyColumns.catalogCode.codec.write(definition.catalogCode), materialKeyColumns.taskCode.codec.write(definition.taskCode)];
  return materials.map((m) => [...keys, ...cellsOf(materialColumns, m)]);
}

export interface Sheets {
  items: string[][];
  materials: string[][];
  codes: string[][];
}

/** The code lists a cell may name, for the export's 代码表 sheet (the import does not read it). */
const listed: Array<[string, Labels<string>]> = [
  ['事项类型', codeLists.itemTypes],
  ['行使层级', codeLists.levels],
  ['实施主体性质', codeLists.departmentNatures],
  ['权力来源', codeLists.powerSources],
  ['业务办理项类型', codeLists.businessKinds],
  ['服务对象', codeLists.targets],
  ['办件类型', codeLists.caseTypes],
  ['办理形式', codeLists.channels],
  ['时限单位', codeLists.timeUnits],
  ['网上办理深度', codeLists.onlineServices],
  ['通办范围', codeLists.crossRegionScopes],
  ['自然人主题', codeLists.personalThemes],
  ['法人主题', codeLists.corporateThemes],
  ['送达方式', codeLists.deliveryMethods],
  ['特别程序', codeLists.specialProcedureKinds],
  ['结果类型', codeLists.resultTypes],
  ['逾期未补交的处理', codeLists.missedSupplementPolicies],
  ['材料类型', codeLists.materialKinds],
  ['材料形式', codeLists.materialForms],
  ['来源渠道', codeLists.materialSources],
  ['必要性', codeLists.necessities],
];

export function codeSheet(): string[][] {
  return [['要素', '代码', '名称', 'Name'], ...listed.flatMap(([element, labels]) => orderedCodes(labels).map((k) => [element, cellCode(labels, k), labels[k]![0], labels[k]![1]]))];
}

/** The whole workbook: a header row then a row per item; the materials of every item; the code lists. */
export function toSheets(definitions: readonly Bag[]): Sheets {
  return {
    items: [itemHeaders, ...definitions.map(itemCells)],
    materials: [materialHeaders, ...definitions.flatMap(materialCells)],
    codes: codeSheet(),
  };
}

export const sheetTitles = { items: sheetNames.items[0], materials: sheetNames.materials[0], codes: '代码表' } as const;
