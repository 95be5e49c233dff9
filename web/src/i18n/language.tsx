import {
  createContext,
  Fragment,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { isRtl, pickLanguage, type Language } from '../../../src/domain/i18n/languages.ts';
import { request } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { CATALOGUES } from './catalogues.ts';
import { setMessages } from './t.ts';

export interface LanguageState {
  language: Language;
  /** Saves the signed-in user's choice (null: follow the browser) and switches the page to it. */
  choose: (language: Language | null) => Promise<void>;
}

const LanguageContext = createContext<LanguageState | null>(null);

/** The browser's preferred languages, most preferred first. */
function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/**
 * Picks the language (the user's choice, else the browser's, else English), loads its catalogue, and sets
 * <html lang dir> so Hebrew lays out right to left. Children re-mount on a switch, so every t() re-reads.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const { me, refresh } = useSession();
  const wanted = pickLanguage(me?.language ?? null, browserLanguages());
  const [shown, setShown] = useState<Language | null>(null);
  useEffect(() => {
    const language: Language = CATALOGUES[wanted] ? wanted : 'en';
    let live = true;
    void CATALOGUES[language]?.().then((catalogue) => {
      if (!live) return;
      setMessages(language, catalogue);
      document.documentElement.lang = language;
      document.documentElement.dir = isRtl(language) ? 'rtl' : 'ltr';
      setShown(language);
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  const choose = useCallback(
    async (language: Language | null) => {
      await request('PUT', '/api/auth/language', { body: { language } });
      await refresh();
    },
    [refresh],
  );
  const value = useMemo(() => (shown ? { language: shown, choose } : null), [shown, choose]);
  if (!value) return null;
  return (
    <LanguageContext.Provider value={value}>
      <Fragment key={value.language}>{children}</Fragment>
    </LanguageContext.Provider>
  );
}

/** The page's language and a way to change it; only valid inside LanguageProvider. */
export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}
