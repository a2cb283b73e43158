import { caseTypes, crossRegionScopes, itemTypes, onlineLevels } from '@onevisit/item-schemas';
import type { Lang } from '../citizen/page';
import type { PortalEntry } from './catalogue';
import { feeWords, labelOf, limitWords, speedupWords, visitWords } from './words';

/**
 * The 晒清单 as rows: one per published item, the same columns on the page and in the .xlsx and
 * .csv downloads, in the page's language.
 */

export const listColumns = (lang: Lang): string[] =>
  lang === 'zh'
    ? ['序号', '事项名称', '实施主体', '区划', '事项类型', '办件类型', '法定办结时限', '承诺办结时限', '承诺提速', '到办事现场次数', '收费', '网办深度', '通办范围', '办事指南']
    : ['No.', 'Service', 'Office', 'Area', 'Kind', 'Case type', 'Legal limit', 'Promised limit', 'Speed-up', 'Visits in person', 'Fees', 'Online', 'Area served', 'Guide'];

export function listRow(entry: PortalEntry, index: number, lang: Lang, areaName: string, origin: string): string[] {
  const { item } = entry;
  return [
    String(index + 1),
    item.name,
    item.department.name,
    areaName,
    labelOf(itemTypes[item.itemType], lang),
    labelOf(caseTypes[item.caseType], lang),
    limitWords(item.legalLimit, lang),
    limitWords(item.promisedLimit, lang),
    speedupWords(item.legalLimit, item.promisedLimit, lang),
    visitWords(item.maxVisits, lang),
    feeWords(item.fees, lang),
    labelOf(onlineLevels[entry.level], lang),
    item.crossRegion ? labelOf(crossRegionScopes[item.crossRegion], lang) : '—',
    `${origin}/guide/${entry.jurisdiction}/${entry.itemId}`,
  ];
}

/** The downloads' sheet: a header row, then one row per item. */
export function listSheet(entries: readonly PortalEntry[], lang: Lang, areas: ReadonlyMap<string, string>, origin: string): string[][] {
  return [listColumns(lang), ...entries.map((e, i) => listRow(e, i, lang, areas.get(e.jurisdiction) ?? e.jurisdiction, origin))];
}

export async function listXlsx(rows: string[][], title: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c, i) => {
    c.numFmt = '@';
    c.width = i === 1 || i === 2 ? 32 : i === rows[0]!.length - 1 ? 48 : 14;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
