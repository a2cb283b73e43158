/** The national element layout: spreadsheet rows and exchange JSON to and from item definitions, and what an import would do. */
export { codeOf, cellCode } from './cells';
export { headerKey } from './columns';
export { type DepartmentContext, type KnownDepartment } from './departments';
export { EXCHANGE_FORMAT, fromExchangeJson, toExchangeJson } from './exchange-json';
export { itemColumns } from './item-columns';
export { materialColumns } from './material-columns';
export { importActions, LayoutError, planImport, startPlan, ZBilingual, ZImportRow, type ExistingItem, type ImportContext, type ImportPlan, type ImportRow, type PlannedRow } from './plan';
export { importProblemCodes, sheetNames, ZImportProblem, type ImportProblem, type ImportProblemCode, type Sheet } from './problems';
export { sheetData, ZSheetData, type ExchangeFile, type SheetData } from './read';
export { codeSheet, itemCells, itemHeaders, materialCells, materialHeaders, sheetTitles, toSheets, type Sheets } from './write';
