import { corporateThemes, crossRegionScopes, personalThemes } from '@onevisit/item-schemas';
import { say, type Lang } from '../citizen/page';
import type { Catalogue } from './catalogue';
import { EntryCard } from './entry-card';
import { facetCounts, reformLists, type Found, type PortalQuery, type ReformList } from './facets';
import { listPath, portalPath, withQuery } from './links';
import { labelOf } from './words';

/** Items a page of the list shows: a phone scrolls through 20 cards comfortably. */
export const PAGE_SIZE = 20;

export interface HomeProps {
  lang: Lang;
  catalogue: Catalogue;
  query: PortalQuery;
  found: Found[];
  today: string;
}

/**
 * A jurisdiction's portal: search first (a GET form, so it works without JavaScript), the reform
 * lists as links, browsing by department, 服务主题 and 通办范围 folded away until opened, then the
 * items found, a page at a time, each with its guide and, when it can be, applying online.
 */
export function PortalHome({ lang, catalogue, query, found, today }: HomeProps) {
  const t = say(lang);
  const here = catalogue.jurisdictions[0]!;
  const path = portalPath(here.id);
  const counts = facetCounts(catalogue.entries);
  const page = Math.min(query.page ?? 1, Math.max(1, Math.ceil(found.length / PAGE_SIZE)));
  const shown = found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const narrowed = !!(query.q || query.dept || query.theme || query.scope || query.list);
  const link = (change: Partial<PortalQuery>) => withQuery(path, { ...change }, lang);
  const current = (active: boolean) => (active ? { 'aria-current': 'page' as const } : {});
  const themeName = (code: string) => labelOf(code[0] === 'p' ? personalThemes[code.slice(1) as keyof typeof personalThemes] : corporateThemes[code.slice(1) as keyof typeof corporateThemes], lang);
  const themes = [...counts.themes.entries()].sort(([a], [b]) => a.localeCompare(b));
  const filters = [
    query.dept && counts.departments.get(query.dept)?.name,
    query.theme && `${query.theme[0] === 'p' ? t('个人', 'Personal') : t('法人', 'Business')}：${themeName(query.theme)}`,
    query.scope && labelOf(crossRegionScopes[query.scope], lang),
    query.list && (lang === 'zh' ? reformLists[query.list][0] : reformLists[query.list][1]),
  ].filter(Boolean);
  // Browsing comes before the list, and after it once the list is narrowed: what was asked for first.
  const browse = (
    <>
      <details className="browse" open={!!query.dept}>
        <summary>{t('按部门', 'By department')}</summary>
        <ul>
          {[...counts.departments.entries()].map(([code, d]) => (
            <li key={code}>
              <a href={link({ dept: code })} {...current(query.dept === code)}>{`${d.name} (${d.count})`}</a>
            </li>
          ))}
        </ul>
      </details>
      <details className="browse" open={!!query.theme}>
        <summary>{t('按服务主题', 'By theme')}</summary>
        {(['p', 'c'] as const).map((kind) => (
          <div key={kind}>
            <h3>{kind === 'p' ? t('个人办事', 'For individuals') : t('法人办事', 'For businesses')}</h3>
            <ul>
              {themes
                .filter(([code]) => code[0] === kind)
                .map(([code, count]) => (
                  <li key={code}>
                    <a href={link({ theme: code })} {...current(query.theme === code)}>{`${themeName(code)} (${count})`}</a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </details>
      {counts.scopes.size > 0 && (
        <details className="browse" open={!!query.scope}>
          <summary>{t('按通办范围', 'By area served')}</summary>
          <ul>
            {[...counts.scopes.entries()].sort().map(([code, count]) => (
              <li key={code}>
                <a href={link({ scope: code as PortalQuery['scope'] })} {...current(query.scope === code)}>{`${labelOf(crossRegionScopes[code as keyof typeof crossRegionScopes], lang)} (${count})`}</a>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
  return (
    <>
      <h1>{t(`${here.name}政务服务事项`, `${here.name}: public services`)}</h1>
      <p className="hint">{t(`共 ${catalogue.entries.length} 个事项可办，办事指南一次告知所需材料、时限和收费。`, `${catalogue.entries.length} services. Each guide tells at once what to bring, how long it takes and what it costs.`)}</p>
      <form className="search" method="get" action={path} role="search">
        <label htmlFor="q">{t('搜索事项', 'Search services')}</label>
        <input id="q" type="search" name="q" defaultValue={query.q ?? ''} maxLength={100} aria-describedby="q-hint" />
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        <button type="submit" className="btn btn-primary">
          {t('搜索', 'Search')}
        </button>
      </form>
      <p className="hint" id="q-hint">
        {t('可输入事项名称、简称、常用说法(如 开饭店)、拼音首字母(如 bdc 找不动产)或材料名称(如 身份证)。', 'Type a name or part of it, a short name, what people call it, its pinyin initials (bdc for 不动产) or a material (身份证).')}
      </p>
      <nav aria-label={t('改革清单', 'Reform lists')}>
        <ul className="chips">
          {(Object.keys(reformLists) as ReformList[])
            .filter((key) => counts.lists.get(key))
            .map((key) => (
              <li key={key}>
                <a href={link({ list: key })} {...current(query.list === key)}>
                  {`${lang === 'zh' ? reformLists[key][0] : reformLists[key][1].replace(/ \(.*\)$/, '')} ${counts.lists.get(key)}`}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      {!narrowed && browse}
      <section aria-labelledby="found-title">
        <h2 id="found-title">
          {query.q ? t(`「${query.q}」的搜索结果：${found.length} 项`, `${found.length} found for "${query.q}"`) : narrowed ? t(`${found.length} 项`, `${found.length} services`) : t('全部事项', 'All services')}
        </h2>
        {filters.length > 0 && (
          <p className="hint">
            {t(`筛选：${filters.join('、')}。`, `Showing: ${filters.join(', ')}. `)}
            <a href={link({})}>{t('查看全部', 'Show all')}</a>
          </p>
        )}
        {found.length === 0 && <p className="notice">{t('没有找到相符的事项。可换个说法，或按部门、主题查找。', 'Nothing matches. Try other words, or browse by department or theme.')}</p>}
        <ul className="results">
          {shown.map((f) => (
            <EntryCard key={`${f.entry.jurisdiction}/${f.entry.itemId}`} entry={f.entry} lang={lang} today={today} {...(f.material ? { material: f.material } : {})} />
          ))}
        </ul>
        {found.length > PAGE_SIZE && (
          <nav className="pager" aria-label={t('翻页', 'Pages')}>
            {page > 1 ? <a href={link({ ...query, page: page - 1 })}>{t('上一页', 'Previous')}</a> : <span />}
            <span>{t(`第 ${page} / ${Math.ceil(found.length / PAGE_SIZE)} 页`, `Page ${page} of ${Math.ceil(found.length / PAGE_SIZE)}`)}</span>
            {page * PAGE_SIZE < found.length ? <a href={link({ ...query, page: page + 1 })}>{t('下一页', 'Next')}</a> : <span />}
          </nav>
        )}
      </section>
      {narrowed && browse}
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('晒清单', 'The published list')}</h2>
        <p>
          {t('每个事项的法定与承诺时限、承诺提速、到现场次数和收费，一表公开：', "Every service's legal and promised limits, speed-up, visits and fees in one table: ")}
          <a href={withQuery(listPath(here.id), {}, lang)}>{t('查看晒清单', 'see the list')}</a>
        </p>
        <p>
          {t('各部门的好差评和差评整改情况，按月公开：', 'How each department was rated, and how poor ratings were put right, month by month: ')}
          <a href={withQuery(`/${here.id}/ratings`, {}, lang)}>{t('好差评公开', 'service ratings')}</a>
        </p>
      </section>
    </>
  );
}
