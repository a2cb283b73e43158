import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { citizenCss } from '../citizen/form/styles';
import { say, type Lang } from '../citizen/page';
import { PORTAL_CSS_PATH } from './portal-css';

/**
 * A portal page: the citizen pages' frame (their inline styles, the language switch), the
 * portal's stylesheet, and a line back to the portal on every page but the portal's own.
 */
export function renderPortalPage(lang: Lang, title: string, body: ReactNode, switchTo: string, home?: { href: string; name: string }): string {
  const t = say(lang);
  return `<!doctype html>${renderToString(
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>{`${title} · ${t('政务服务', 'Public services')}`}</title>
        <style dangerouslySetInnerHTML={{ __html: citizenCss }} />
        <link rel="stylesheet" href={PORTAL_CSS_PATH} />
      </head>
      <body className="citizen">
        <div className="citizen-page">
          <a className="lang" href={switchTo} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
            {lang === 'zh' ? 'English' : '中文'}
          </a>
          {home && (
            <nav className="crumbs" aria-label={t('位置', 'You are here')}>
              <a href={home.href}>{home.name}</a>
            </nav>
          )}
          <main>{body}</main>
        </div>
      </body>
    </html>,
  )}`;
}
