import { describe, expect, it } from 'vitest';
import { ZItemDefinition, type ItemDefinitionInput } from '../model/item';
import { templates } from '../templates';
import { fromExchangeJson, toExchangeJson } from './exchange-json';
import { itemKeys } from './item-columns';
import { materialKeys } from './material-columns';
import { planImport, type ImportContext } from './plan';
import { sheetData, type ExchangeFile } from './read';
import { itemCells, toSheets } from './write';

type Bag = Record<string, unknown>;

/** The templates' departments, as a jurisdiction that has them all. */
const departments = [...new Map(templates.map((t) => [t.department.creditCode, { id: t.department.creditCode, name: t.department.name }])).values()];
const empty: ImportContext = { departments, jurisdictionNames: ['示范市', '示范市东城县', '东城县'], existing: [], takenIds: new Set() };

const asFile = (sheets: { items: string[][]; materials?: string[][] }): ExchangeFile => ({ items: sheetData(sheets.items), ...(sheets.materials ? { materials: sheetData(sheets.materials) } : {}) });

const pick = (from: Bag, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]]));

/** What the layout carries of a definition, defaults applied: the national elements, and each material's. */
function national(definition: ItemDefinitionInput | Bag) {
  const parsed = ZItemDefinition.parse(definition) as unknown as Bag;
  const { sample: _sample, ...result } = (parsed.result ?? {}) as Bag;
  return { ...pick(parsed, itemKeys), ...(parsed.result ? { result } : {}), materials: (parsed.materials as Bag[]).map((m) => pick(m, materialKeys)) };
}

describe('the national layout', () => {
  it('carries every template through a row and back as the same national elements', () => {
    const plan = planImport(asFile(toSheets(templates as unknown as Bag[])), empty);
    expect(plan.problems).toEqual([]);
    plan.rows.forEach((row, i) => {
      const template = templates[i]!;
      expect(row.problems, template.id).toEqual([]);
      expect(row.action).toBe('create');
      const created = { ...row.definition!, steps: template.steps, form: template.form };
      expect(national(created), template.id).toEqual(national(template));
    });
  });

  it('leaves an item as it is when the file says what it already says', () => {
    const first = planImport(asFile(toSheets(templates as unknown as Bag[])), empty);
    const existing = first.rows.map((r, i) => ({ itemId: r.itemId!, revision: 1, definition: { ...r.definition!, steps: templates[i]!.steps, form: templates[i]!.form } }));
    const again = planImport(asFile(toSheets(existing.map((e) => e.definition))), { ...empty, existing, takenIds: new Set(existing.map((e) => e.itemId)) });
    expect(again.rows.map((r) => r.action)).toEqual(templates.map(() => 'unchanged'));
  });

  it('updates only the national elements: the steps, form and materials’ upload settings stay', () => {
    const template = templates.find((t) => t.id === 'labour-dispatch-licence')!;
    const sheets = toSheets([template as unknown as Bag]);
    const promised = sheets.items[0]!.indexOf('承诺办结时限');
    sheets.items[1]![promised] = '4';
    const plan = planImport(asFile(sheets), { ...empty, existing: [{ itemId: template.id, revision: 3, definition: template as unknown as Bag }], takenIds: new Set([template.id]) });
    const [row] = plan.rows;
    expect(row).toMatchObject({ action: 'update', itemId: template.id, baseRevision: 3, changed: [{ column: '承诺办结时限', column_en: 'Promised limit' }] });
    const updated = row!.definition!;
    expect(updated.steps).toEqual(template.steps);
    expect(updated.form).toEqual(template.form);
    expect(updated.promisedLimit).toEqual({ value: 4, unit: 'workday' });
    expect((updated.materials as Bag[]).map((m) => [m.id, m.when])).toEqual(template.materials!.map((m) => [m.id, m.when]));
  });

  it('reads the exchange JSON back as the same rows', () => {
    const json = JSON.parse(JSON.stringify(toExchangeJson(templates as unknown as Bag[], { jurisdiction: '990100', exportedAt: '2026-03-02' })));
    expect(json.items[0]['事项类型']).toBe('01');
    expect(json.items[0]['是否进驻政务大厅']).toBe(true);
    const viaJson = planImport(fromExchangeJson(json), empty);
    const viaSheets = planImport(asFile(toSheets(templates as unknown as Bag[])), empty);
    expect(viaJson.rows.map((r) => r.definition)).toEqual(viaSheets.rows.map((r) => r.definition));
  });

  it('carries an item’s 简称 and 搜索关键词 through the spreadsheet and the exchange JSON', () => {
    const template = templates.find((t) => t.id === 'labour-dispatch-licence')!;
    const named = { ...template, shortName: '劳务派遣证', keywords: ['开劳务公司', '派遣执照', 'dispatch licence'] } as unknown as Bag;
    const sheets = toSheets([named]);
    const cell = (header: string) => sheets.items[1]![sheets.items[0]!.indexOf(header)];
    expect([cell('简称'), cell('搜索关键词')]).toEqual(['劳务派遣证', '开劳务公司、派遣执照、dispatch licence']);
    const json = JSON.parse(JSON.stringify(toExchangeJson([named], { jurisdiction: '990100', exportedAt: '2026-03-02' })));
    expect(json.items[0]).toMatchObject({ 简称: '劳务派遣证', 搜索关键词: ['开劳务公司', '派遣执照', 'dispatch licence'] });
    for (const file of [asFile(sheets), fromExchangeJson(json)]) {
      const [row] = planImport(file, empty).rows;
      expect(row!.problems).toEqual([]);
      expect(row!.definition).toMatchObject({ shortName: '劳务派遣证', keywords: ['开劳务公司', '派遣执照', 'dispatch licence'] });
    }
    // A file that names the keywords otherwise changes them, and says so by the column's name.
    sheets.items[1]![sheets.items[0]!.indexOf('搜索关键词')] = '开劳务公司，劳务派遣\n派遣执照';
    const [row] = planImport(asFile(sheets), { ...empty, existing: [{ itemId: template.id, revision: 2, definition: named }], takenIds: new Set([template.id]) }).rows;
    expect(row).toMatchObject({ action: 'update', changed: [{ column: '搜索关键词', column_en: 'Search keywords' }] });
    expect(row!.definition!.keywords).toEqual(['开劳务公司', '劳务派遣', '派遣执照']);
  });

  it('writes national codes, not labels', () => {
    const template = templates.find((t) => t.id === 'labour-dispatch-licence')!;
    const [headers, cells] = [toSheets([]).items[0]!, itemCells(template as unknown as Bag)];
    const cell = (header: string) => cells[headers.indexOf(header)];
    expect([cell('事项类型'), cell('办件类型'), cell('办理形式'), cell('法定时限单位'), cell('网上办理深度'), cell('权力来源')]).toEqual(['01', '2', '1,2,3', '2', '1,2,3,4,5', '1']);
  });
});
