import type { ReactNode } from 'react';
import { renderPage, say, type Lang } from '../citizen/page';
import { PORTAL_CSS_PATH } from './portal-css';

/**
 * A portal page: the citizen pages' frame (their inline styles, the language switch), the
 * portal's stylesheet, and a line back to the portal on every page but the portal's own.
 */
export function renderPortalPage(lang: Lang, title: string, body: ReactNode, switchTo: string, home?: { href: string; name: string }): string {
  const t = say(lang);
  const nav = home && (
    <nav className="crumbs" aria-label={t('位置', 'You are here')}>
      <a href={home.href}>{home.name}</a>
    </nav>
  );
  return renderPage(lang, title, body, switchTo, { site: ['政务服务', 'Public services'], stylesheet: PORTAL_CSS_PATH, nav });
}
