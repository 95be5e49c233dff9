import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { request } from '../api/client.ts';
import type { Settings } from '../api/types/settings.ts';
import { useApi } from '../api/use-api.ts';
import { localeWeekStart } from '../../../src/domain/calendar/week-start.ts';
import { DEFAULT_REGION_LOCALE, type Language } from '../../../src/domain/i18n/languages.ts';
import { useLanguage } from '../i18n/language.tsx';
import { makeFormatters, type Formatters } from './formatters.ts';

/** Workspace settings plus formatters built from them; defaults apply until /api/settings answers. */
export interface Workspace {
  settings: Settings | null;
  fmt: Formatters;
  /**
   * The workspace's first day of the week (ISO 1 = Monday ... 7 = Sunday) for every week a page computes; until
   * /api/settings answers, the first day of the reader's formatting locale.
   */
  weekStartDay: number;
  reload: () => void;
}

const WorkspaceContext = createContext<Workspace | null>(null);

/**
 * Numbers and dates follow the reader's language (66,7% in Polish): the workspace's locale when it is in that
 * language (en-GB keeps its day-month dates), else the language's main country (pl-PL, he-IL, ro-RO).
 */
export function formattingLocale(language: Language, workspaceLocale: string | null): string {
  if (workspaceLocale && workspaceLocale.toLowerCase().split('-')[0] === language) return workspaceLocale;
  return DEFAULT_REGION_LOCALE[language];
}

/** Loads /api/settings once per sign-in and makes the locale/currency formatters available. */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const { data, reload } = useApi((signal) => request<Settings>('GET', '/api/settings', { signal }), []);
  const { language } = useLanguage();
  const value = useMemo<Workspace>(() => {
    const locale = formattingLocale(language, data?.locale ?? null);
    return {
      settings: data,
      fmt: makeFormatters(locale, data?.currency ?? 'USD', data?.timeZone ?? 'UTC'),
      weekStartDay: data?.weekStartDay ?? localeWeekStart(locale),
      reload,
    };
  }, [data, reload, language]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** Settings and formatters; only valid inside WorkspaceProvider. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}
