import { say, type Lang } from '../citizen/page';
import type { Catalogue, PortalEntry } from './catalogue';
import { facetCounts, type PortalQuery } from './facets';
import { guidePath, listPath, portalPath, withQuery } from './links';
import { listColumns, listRow } from './list-rows';

/**
 * 晒清单: every published item of a jurisdiction (and, asked, its counties) in one table, by
 * department, with its legal and promised limits, speed-up, visits and fees; narrowed to a
 * department; downloadable as .xlsx and .csv with the same rows.
 */
export function ListPage({ lang, catalogue, query, entries, counties }: { lang: Lang; catalogue: Catalogue; query: PortalQuery; entries: readonly PortalEntry[]; counties: boolean }) {
  const t = say(lang);
  const here = catalogue.jurisdictions[0]!;
  const areas = new Map(catalogue.jurisdictions.map((j) => [j.id, j.name]));
  const path = listPath(here.id);
  const keep = { dept: query.dept, counties: query.counties };
  const columns = listColumns(lang);
  const departments = facetCounts(catalogue.entries).departments;
  const deptName = query.dept && departments.get(query.dept)?.name;
  return (
    <>
      <h1>{t(`${here.name}政务服务事项清单(晒清单)`, `${here.name}: the published list of services`)}</h1>
      <p className="hint">
        {t(`${deptName ?? (counties ? '本级及下级区划' : '本级')}共 ${entries.length} 个已发布事项。`, `${entries.length} published services${deptName ? ` of ${deptName}` : counties ? ', with the counties' : ''}.`)}
      </p>
      <p className="actions">
        <a className="btn" href={withQuery(`${path}.xlsx`, keep, lang)} download>
          {t('下载 Excel(.xlsx)', 'Download Excel (.xlsx)')}
        </a>
        <a className="btn" href={withQuery(`${path}.csv`, keep, lang)} download>
          {t('下载 CSV', 'Download CSV')}
        </a>
      </p>
      <form className="search" method="get" action={path}>
        <label htmlFor="dept">{t('部门', 'Department')}</label>
        <select id="dept" name="dept" defaultValue={query.dept ?? ''} className="form-control">
          <option value="">{t('全部部门', 'All departments')}</option>
          {[...departments.entries()].map(([code, d]) => (
            <option key={code} value={code}>{`${d.name} (${d.count})`}</option>
          ))}
        </select>
        {catalogue.jurisdictions.length > 1 || counties ? (
          <label className="choice">
            <input type="checkbox" name="counties" value="1" defaultChecked={counties} /> {t('含下级区划', 'Include the counties')}
          </label>
        ) : null}
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        <button type="submit" className="btn">
          {t('查看', 'Show')}
        </button>
      </form>
      {!counties && (
        <p>
          <a href={withQuery(path, { ...keep, counties: '1' }, lang)}>{t('含下级区划的事项一并列出', 'List the counties’ services too')}</a>
        </p>
      )}
      <div className="table-box" role="region" aria-labelledby="list-caption" tabIndex={0}>
        <table className="list">
          <caption id="list-caption" className="hint">
            {t('晒清单：法定与承诺时限、承诺提速、到现场次数、收费', 'Limits, speed-up, visits and fees of every service')}
          </caption>
          <thead>
            <tr>
              {columns.slice(0, -1).map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => {
              const cells = listRow(e, i, lang, areas.get(e.jurisdiction) ?? e.jurisdiction, '');
              return (
                <tr key={`${e.jurisdiction}/${e.itemId}`}>
                  <td>{cells[0]}</td>
                  <th scope="row" className="wide">
                    <a href={guidePath(e.jurisdiction, e.itemId, lang)}>{cells[1]}</a>
                  </th>
                  {cells.slice(2, -1).map((cell, j) => (
                    <td key={j} className={j === 0 || j === 8 ? 'wide' : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <a href={withQuery(portalPath(here.id), {}, lang)}>{t('返回办事大厅', 'Back to the services')}</a>
      </p>
    </>
  );
}
