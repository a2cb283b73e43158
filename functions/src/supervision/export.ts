import type { AppDeps } from '../deps';
import type { Figures, GroupFigures, Ratio } from './figures';

/**
 * The supervision figures as a workbook, for the monthly report leaders pass on: a sheet of the
 * period's figures in all (each rate with its numerator and denominator, so it can be checked),
 * a sheet per group (departments, items or jurisdictions by name), and the 超期件.
 */

const percent = (r: Ratio) => (r.value === null ? '' : Math.round(r.value * 1000) / 10);

/** The names people know groups by: departments', items', jurisdictions'. */
export async function groupNames(deps: AppDeps, jurisdictions: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const j of await deps.store.listJurisdictions()) names.set(j.id, j.name);
  await Promise.all(
    jurisdictions.map(async (j) => {
      for (const d of await deps.store.listDepartments(j)) names.set(d.id, d.name);
      for (const h of await deps.store.listHeadsBriefly(j)) names.set(`${j}/${h.itemId}`, h.published?.name ?? h.draftName);
    }),
  );
  return names;
}

const rateRows = (g: GroupFigures): Array<[string, number | string, number, number]> => {
  const c = g.cases;
  const rate = (title: string, r: Ratio): [string, number | string, number, number] => [title, percent(r), r.numerator, r.denominator];
  return [
    rate('按时办结率(%)', c.onTimeRate),
    rate('提前办结率(%)', c.earlyRate),
    rate('超期率(%)', c.overdueRate),
    rate('日结率(%)', c.sameDayRate),
    rate('当月办结率(%)', c.closedInMonthRate),
    rate('补正率(%)', c.correctionRate),
    rate('办理提速(%)', c.handlingSpeedUp),
    rate('网办率(%)', c.onlineShare),
    rate('容缺受理(%)', c.deferredUse),
    rate('告知承诺(%)', c.notifyPromiseUse),
    rate('好评率(%)', c.ratings.goodRate),
    rate('承诺提速(%)', g.catalogue.promiseCompression),
  ];
};

export async function figuresWorkbook(figures: Figures, names: ReadonlyMap<string, string>): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const { total, period } = figures;
  const summary = book.addWorksheet('汇总');
  summary.addRows([
    ['统计期间', `${period.from} 至 ${period.to}`],
    ['收件', total.cases.received],
    ['受理', total.cases.accepted],
    ['不予受理', total.cases.notAccepted],
    ['办结', total.cases.decided.total],
    ['超期件(未办结)', total.overdue.length],
    ['评价(计入)', total.cases.ratings.rated],
    ['差评', total.cases.ratings.poor],
    ['差评(申诉成立，不计差评)', total.cases.ratings.voided],
    [],
    ['办结件用时占承诺时限', '件数'],
    ['≤25%', total.cases.usedAgainstPromised.quarter],
    ['25%–50%', total.cases.usedAgainstPromised.half],
    ['50%–75%', total.cases.usedAgainstPromised.threeQuarters],
    ['75%–100%', total.cases.usedAgainstPromised.whole],
    ['超出承诺', total.cases.usedAgainstPromised.beyond],
    [],
    ['指标', '数值', '分子', '分母'],
    ...rateRows(total),
  ]);
  const groups = book.addWorksheet('分组');
  groups.addRow(['名称', '收件', '受理', '办结', '按时办结率(%)', '日结率(%)', '办理提速(%)', '网办率(%)', '超期件']);
  for (const g of figures.groups) {
    const c = g.cases;
    groups.addRow([names.get(g.key) ?? g.key, c.received, c.accepted, c.decided.total, percent(c.onTimeRate), percent(c.sameDayRate), percent(c.handlingSpeedUp), percent(c.onlineShare), g.overdue.length]);
  }
  const late = book.addWorksheet('超期件');
  late.addRow(['受理编号', '事项', '部门', '申请人', '经办人', '承诺期限', '超期(工作日)']);
  for (const o of total.overdue) late.addRow([o.trackingNumber, o.itemName, names.get(o.departmentId) ?? o.departmentId, o.applicant ?? '', o.handledBy ?? '', o.due, o.workdaysLate]);
  for (const sheet of [summary, groups, late]) sheet.columns.forEach((column, i) => (column.width = i === 0 ? 32 : 16));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
