import { describe, expect, it } from 'vitest';
import { templates } from '../templates';
import { sheetData, type ExchangeFile } from './read';
import { LayoutError, planImport, type ImportContext } from './plan';
import { toSheets } from './write';

type Bag = Record<string, unknown>;

const MARKET = { id: '11370500MB1000004Y', name: '示范市市场监督管理局' };
const COUNTY_MARKET = { id: '11370521MB1000002M', name: '东城县市场监督管理局' };
const context: ImportContext = { departments: [MARKET], jurisdictionNames: ['示范市', '示范市东城县', '东城县'], existing: [], takenIds: new Set() };

/** A workbook of one item (the company registration template) with some cells changed. */
function workbook(change: Record<string, string> = {}, materials?: string[][]) {
  const template = templates.find((t) => t.id === 'company-registration')!;
  const sheets = toSheets([{ ...(template as unknown as Bag), department: { ...template.department, ...MARKET } }]);
  const headers = sheets.items[0]!;
  for (const [header, value] of Object.entries(change)) sheets.items[1]![headers.indexOf(header)] = value;
  return { items: sheets.items, materials: materials ?? sheets.materials };
}

const asFile = (sheets: { items: string[][]; materials?: string[][] }): ExchangeFile => ({ items: sheetData(sheets.items), ...(sheets.materials ? { materials: sheetData(sheets.materials) } : {}) });

const problemsOf = (change: Record<string, string>, more: Partial<ImportContext> = {}) => planImport(asFile(workbook(change)), { ...context, ...more }).rows[0]!.problems;

describe('what an import finds wrong', () => {
  it('reads codes, labels and a spreadsheet’s numbers alike', () => {
    for (const typed of ['01', '行政许可', '1', '01 行政许可']) {
      const row = planImport(asFile(workbook({ 事项类型: typed, 行使层级: '市级、4', 办件类型: '承诺件', 法定时限单位: '工作日' })), context).rows[0]!;
      expect(row.problems).toEqual([]);
      expect(row.definition).toMatchObject({ itemType: '01', levels: ['3', '4'], caseType: 'promised' });
    }
  });

  it.each([
    [{ 事项类型: '99' }, 'UNKNOWN_CODE', '事项类型', /「事项类型」没有「99」这一项，可填：01 行政许可、02 行政处罚/],
    [{ 办理形式: '1,网银' }, 'UNKNOWN_CODE', '办理形式', /没有「网银」/],
    [{ 事项名称: '' }, 'MISSING_ELEMENT', '事项名称', /「事项名称」必须填写/],
    [{ 服务对象: '' }, 'MISSING_ELEMENT', '服务对象', /必须填写/],
    [{ 承诺办结时限: '三天' }, 'NOT_A_NUMBER', '承诺办结时限', /「三天」不是整数/],
    [{ 计划生效日期: '2026-02-30' }, 'INVALID_DATE', '计划生效日期', /不是有效日期/],
    [{ 实施主体编码: '11370500MB1000004X' }, 'INVALID_CREDIT_CODE', '实施主体编码', /统一社会信用代码「11370500MB1000004X」不正确/],
    [{ 电脑端办理地址: 'www.example.cn' }, 'INVALID_VALUE', '电脑端办理地址', /http/],
    [{ 设定依据: ' | 文号' }, 'INVALID_VALUE', '设定依据', /第 1 条/],
    [{ 法定办结时限: '1', 承诺办结时限: '3' }, 'PROMISED_EXCEEDS_LEGAL', '承诺办结时限', /不能超过法定办结时限/],
    [{ 是否支持预约: '可以' }, 'INVALID_VALUE', '是否支持预约', /应为「是」或「否」/],
  ])('%j is %s on its column', (change, code, column, words) => {
    const problems = problemsOf(change);
    expect(problems).toContainEqual(expect.objectContaining({ code, column, sheet: 'items', row: 2, message: expect.stringMatching(words), message_en: expect.any(String) }));
  });

  it('refuses a department the jurisdiction does not have, and says so', () => {
    const [problem] = problemsOf({ 实施主体: '示范市交通运输局', 实施主体编码: '11370500MB10000997' });
    expect(problem).toMatchObject({ code: 'UNKNOWN_DEPARTMENT', column: '实施主体' });
    expect(problem!.message).toMatch(/不是本区划的部门/);
  });

  it('takes a county’s department of the same name for a city’s, and says so', () => {
    const row = planImport(asFile(workbook()), { ...context, departments: [COUNTY_MARKET] }).rows[0]!;
    expect(row.problems).toEqual([]);
    expect(row.definition!.department).toEqual({ name: COUNTY_MARKET.name, creditCode: COUNTY_MARKET.id, nature: '1' });
    expect(row.notes[0]!.message).toMatch(/按名称对应本区划的「东城县市场监督管理局」/);
  });

  it('finds a duplicate 基本编码', () => {
    const book = workbook();
    book.items.push([...book.items[1]!]);
    const plan = planImport(asFile(book), context);
    expect(plan.rows[1]!.problems).toContainEqual(expect.objectContaining({ code: 'DUPLICATE_CODE', column: '基本编码', row: 3, message: expect.stringMatching(/与第 2 行重复/) }));
    expect(plan.rows.map((r) => r.action)).toEqual(['create', 'skip']);
  });

  it('finds materials of an item not in the file, and a material named twice', () => {
    const book = workbook();
    book.materials.push([...book.materials[1]!], ['370500-NONE', '', '不存在事项的材料', '1', '1', '0', '2', '10']);
    const plan = planImport(asFile(book), context);
    expect(plan.rows[0]!.problems).toContainEqual(expect.objectContaining({ code: 'DUPLICATE_MATERIAL', sheet: 'materials', column: '材料名称', row: book.materials.length - 1 }));
    expect(plan.problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_ITEM', sheet: 'materials', row: book.materials.length, column: '基本编码' })]);
    expect(plan.rows[0]!.action).toBe('skip');
  });

  it('asks for the 实施编码 when two items of the jurisdiction share a 基本编码', () => {
    const template = templates.find((t) => t.id === 'company-registration')!;
    const existing = ['a-1', 'a-2'].map((itemId) => ({ itemId, revision: 1, definition: { ...(template as unknown as Bag), id: itemId, taskCode: undefined } }));
    const [problem] = problemsOf({}, { existing, takenIds: new Set(['a-1', 'a-2']) });
    expect(problem).toMatchObject({ code: 'AMBIGUOUS_ITEM', column: '基本编码' });
  });

  it('says why a materials cell is not imported: 适用情形 is the editor’s', () => {
    const book = workbook();
    book.materials[0]!.push('适用情形');
    const plan = planImport(asFile(book), context);
    expect(plan.notes.map((n) => n.message).join('\n')).toMatch(/适用情形.*不能从表格导入/);
  });

  it('refuses a file that is not in the layout at all', () => {
    expect(() => planImport(asFile({ items: [['姓名', '电话'], ['张三', '123']] }), context)).toThrow(LayoutError);
  });

  it('gives a new item the id the file wishes, else one from its codes', () => {
    const taken = new Set(['company-registration']);
    expect(planImport(asFile(workbook()), { ...context, takenIds: taken }).rows[0]!.itemId).toBe('item-370500-xk-0501');
    expect(planImport(asFile(workbook()), context).rows[0]!.itemId).toBe('company-registration');
  });
});
