import { say, type Lang } from '../citizen/page';
import { percentText, type Ratio } from '../supervision/figures';
import type { RatingFigures, RatingPublication } from './publication';
import { levelLabels } from './model';

/**
 * 好差评公开: a jurisdiction's month — the ratings by department (counts by level, 好评率), what
 * became of the 差评 (整改完成, 办理中, fix reported on time, 回访) and the 差评 voided on 复核,
 * counted apart. Counts only.
 */

export const ratingsPath = (jurisdiction: string, month: string | undefined, lang: Lang) => {
  const query = [month ? `month=${month}` : '', lang === 'en' ? 'lang=en' : ''].filter(Boolean).join('&');
  return `/${jurisdiction}/ratings${query ? `?${query}` : ''}`;
};

/** The month before or after `month` (YYYY-MM). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const share = (r: Ratio) => (r.value === null ? '—' : `${r.numerator}/${r.denominator}`);

function Cells({ f }: { f: RatingFigures }) {
  return (
    <>
      {f.levels.map((n, i) => (
        <td key={i}>{n}</td>
      ))}
      <td>{f.total}</td>
      <td>{percentText(f.goodRate)}</td>
      <td>{f.poor}</td>
      <td>{f.voided}</td>
      <td>{f.rectified}</td>
      <td>{f.open}</td>
      <td>{share(f.fedBackOnTime)}</td>
      <td>{share(f.revisited)}</td>
    </>
  );
}

export function RatingsPublicPage({ lang, p, thisMonth }: { lang: Lang; p: RatingPublication; thisMonth: string }) {
  const t = say(lang);
  const total = p.total;
  const [year, month] = p.month.split('-');
  const when = t(`${year}年${Number(month)}月`, p.month);
  return (
    <>
      <h1>{t(`${p.jurisdictionName}政务服务好差评公开(${when})`, `${p.jurisdictionName}: service ratings for ${when}`)}</h1>
      <p data-testid="ratings-summary">
        {t(
          `本月计入评价 ${total.total} 次，好评率 ${percentText(total.goodRate)}；差评 ${total.poor} 件，其中整改完成 ${total.rectified} 件、办理中 ${total.open} 件。${total.voided > 0 ? `另有 ${total.voided} 件差评经申诉复核成立，不计为差评。` : ''}`,
          `${total.total} ratings counted this month, ${percentText(total.goodRate)} good; ${total.poor} poor: ${total.rectified} rectified, ${total.open} in hand.${total.voided > 0 ? ` Poor ratings voided on appeal, not counted: ${total.voided}.` : ''}`,
        )}
      </p>
      <nav className="actions" aria-label={t('选择月份', 'Choose the month')}>
        <a href={ratingsPath(p.jurisdiction, shiftMonth(p.month, -1), lang)}>{t('上个月', 'Previous month')}</a>
        {p.month < thisMonth && <a href={ratingsPath(p.jurisdiction, shiftMonth(p.month, 1), lang)}>{t('下个月', 'Next month')}</a>}
      </nav>
      <form method="get" action={`/${p.jurisdiction}/ratings`} className="search">
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        <label htmlFor="ratings-month">{t('月份', 'Month')}</label>
        <input id="ratings-month" type="month" name="month" defaultValue={p.month} max={thisMonth} />
        <button className="btn" type="submit">{t('查看', 'Show')}</button>
      </form>
      <div className="table-box" tabIndex={0} role="region" aria-labelledby="ratings-caption">
        <table className="list">
          <caption id="ratings-caption">{t(`各部门评价与差评整改情况(${when})`, `Ratings and rectification by department (${when})`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('部门', 'Department')}</th>
              {levelLabels.map((names, i) => (
                <th scope="col" key={i}>{t(...names)}</th>
              ))}
              <th scope="col">{t('评价合计', 'Ratings')}</th>
              <th scope="col">{t('好评率', 'Good')}</th>
              <th scope="col">{t('差评', 'Poor')}</th>
              <th scope="col">{t('差评(申诉成立)', 'Poor, voided on appeal')}</th>
              <th scope="col">{t('整改完成', 'Rectified')}</th>
              <th scope="col">{t('办理中', 'In hand')}</th>
              <th scope="col">{t('按时反馈', 'Fix reported on time')}</th>
              <th scope="col">{t('实名差评回访', 'Real-name raters revisited')}</th>
            </tr>
          </thead>
          <tbody>
            {p.departments.map((d) => (
              <tr key={d.departmentId} data-testid={`ratings-${d.departmentId}`}>
                <th scope="row">{d.name}</th>
                <Cells f={d} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="ratings-total">
              <th scope="row">{t('合计', 'Total')}</th>
              <Cells f={total} />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint">
        {t(
          '好评率 = 非常满意、满意、基本满意的评价 ÷ 计入的评价；不满意、非常不满意为差评。差评经申诉复核成立的，不计为差评，也不计入评价和好评率，单列为“差评(申诉成立)”。按时反馈 = 在期限内反馈整改情况的差评 ÷ 已反馈的差评；回访 = 已回访的实名差评 ÷ 实名差评。依据国办发〔2019〕51号，评价结果和整改情况按月公开，不含评价人信息。',
          'Good = very satisfied, satisfied and fairly satisfied ratings ÷ ratings counted; dissatisfied and very dissatisfied are poor. A poor rating voided on appeal is not counted as poor, nor among the ratings and the good share: it is shown apart. On time = poor ratings whose fix was reported by its due day ÷ those reported; revisited = real-name poor ratings revisited ÷ real-name poor ratings. Published monthly without anything about the raters.',
        )}
      </p>
    </>
  );
}
