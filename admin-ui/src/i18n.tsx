import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * Chinese first, English on a switch. Text is written at the call site in both languages,
 * `t('事项清单', 'Catalogue')`, so nothing is ever missing a translation.
 */
export type Language = 'zh' | 'en';

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (zh: string, en: string) => string;
  /** Picks the message of an API error or check issue in the current language. */
  pick: (text: { message: string; message_en: string }) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => (localStorage.getItem('onevisit.language') === 'en' ? 'en' : 'zh'));
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage: (next) => {
        localStorage.setItem('onevisit.language', next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLanguageState(next);
      },
      t: (zh, en) => (language === 'zh' ? zh : en),
      pick: (text) => (language === 'zh' ? text.message : text.message_en),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
