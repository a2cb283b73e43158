import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { citizenCss } from './form/styles';

/** Chinese first; `?lang=en` for English. Both texts are written where they are used. */
export type Lang = 'zh' | 'en';
export const say = (lang: Lang) => (zh: string, en: string) => (lang === 'zh' ? zh : en);

/** What a family of pages adds to the frame: its site name in the title, its stylesheet, a line above the content. */
export interface PageFrame {
  site?: readonly [string, string];
  stylesheet?: string;
  nav?: ReactNode;
}

/** A whole citizen page: server-rendered, styled inline, usable without JavaScript. */
export function renderPage(lang: Lang, title: string, body: ReactNode, switchTo: string, frame: PageFrame = {}): string {
  const t = say(lang);
  const site = frame.site ?? ['最多跑一次', 'OneVisit'];
  return `<!doctype html>${renderToString(
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>{`${title} · ${t(...site)}`}</title>
        <style dangerouslySetInnerHTML={{ __html: citizenCss }} />
        {frame.stylesheet && <link rel="stylesheet" href={frame.stylesheet} />}
      </head>
      <body className="citizen">
        <div className="citizen-page">
          <a className="lang" href={switchTo} lang={lang === 'zh' ? 'en' : 'zh-CN'}>
            {lang === 'zh' ? 'English' : '中文'}
          </a>
          {frame.nav}
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
