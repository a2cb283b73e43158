import { shanghaiDateOf } from '@onevisit/item-schemas';
import { otherLanguage, say } from '../citizen/page';
import { notFound } from '../errors';
import type { App } from '../http';
import { portalPath } from '../portal/links';
import { renderPortalPage } from '../portal/shell';
import { invalidMonth } from '../ratings/errors';
import { ratingMonth } from '../ratings/model';
import { publication } from '../ratings/publication';
import { RatingsPublicPage } from '../ratings/public-page';
import { langOf } from './citizen-responses';
import { problem } from './portal';

/** 好差评公开 at /{jurisdiction}/ratings?month=YYYY-MM (this month unless asked): server-rendered, without scripts. */
export function registerRatingPages(app: App): void {
  app.get('/:jurisdiction{[0-9]{6}}/ratings', async (c) => {
    const lang = langOf(c);
    const t = say(lang);
    try {
      const deps = c.get('deps');
      const thisMonth = shanghaiDateOf(deps.clock()).slice(0, 7);
      const month = c.req.query('month') || thisMonth;
      if (!ratingMonth.safeParse(month).success) throw invalidMonth();
      const jurisdiction = c.req.param('jurisdiction');
      const p = await publication(deps, jurisdiction, month);
      if (!p) throw notFound('区划', 'jurisdiction');
      const title = t(`${p.jurisdictionName}好差评公开`, `${p.jurisdictionName}: service ratings`);
      c.header('cache-control', 'no-cache');
      return c.html(renderPortalPage(lang, title, <RatingsPublicPage lang={lang} p={p} thisMonth={thisMonth} />, otherLanguage(new URL(c.req.url), lang), { href: `${portalPath(jurisdiction)}${lang === 'en' ? '?lang=en' : ''}`, name: p.jurisdictionName }));
    } catch (error) {
      return problem(c, lang, error);
    }
  });
}
