/**
 * The languages the web app and its documents are written in (issue 19, docs/localization.md). A user's choice
 * is users.language (migration 0034); without one the browser's preference decides, then English.
 */
export const LANGUAGES = ['en', 'pl', 'he', 'ro'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages written right to left: the page gets dir="rtl" and mirrors through CSS logical properties. */
const RTL: ReadonlySet<Language> = new Set(['he']);

export function isRtl(language: Language): boolean {
  return RTL.has(language);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Old or alternative primary subtags browsers still send ('iw' is the pre-1989 code for Hebrew). */
const ALIASES: Readonly<Record<string, Language>> = { iw: 'he' };

/**
 * The language to show: the user's choice when they made one, else the first of the browser's languages
 * (navigator.languages / Accept-Language order, e.g. ['pl-PL', 'en']) that the app has, else English.
 */
export function pickLanguage(chosen: Language | null, accepted: readonly string[]): Language {
  if (chosen) return chosen;
  for (const tag of accepted) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    const language = ALIASES[primary] ?? primary;
    if (isLanguage(language)) return language;
  }
  return 'en';
}

/** The formatting locale of a language when the workspace names none in it: its main country. */
export const DEFAULT_REGION_LOCALE: Readonly<Record<Language, string>> = {
  en: 'en-US',
  pl: 'pl-PL',
  he: 'he-IL',
  ro: 'ro-RO',
};
