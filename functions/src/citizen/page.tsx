import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { citizenCss } from './form/styles';

/** Chinese first; `?lang=en` for English. Both texts are written where they are used. */
export type Lang = 'zh' | 'en';
export const say = (lang: Lang) => (zh: string, en: string) => (lang === 'zh' ? zh : en);

/** A whole citizen page: server-rendered, styled inline, usable without JavaScript. */
export function renderPage(lang: Lang, title: string, body: ReactNode, switchTo: string): string {
  const t = say(lang);
  return `<!doctype html>${renderToString(
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>{`${title} · ${t('最多跑一次', 'OneVisit')}`}</title>
        <style dangerouslySetInnerHTML={{ __html: citizenCss }} />
      </head>
      <body className="citizen">
        <div className="citizen-page">
          <a className="lang" href={switchTo} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
            {lang === 'zh' ? 'English' : '中文'}
          </a>
          <main>{body}</main>
        </div>
      </body>
    </html>,
  )}`;
}

/** The same address in the other language. */
export function otherLanguage(url: URL, lang: Lang): string {
  const next = new URL(url);
  if (lang === 'zh') next.searchParams.set('lang', 'en');
  else next.searchParams.delete('lang');
  return `${next.pathname}${next.search}`;
}
