import type { Language } from '../../../src/domain/i18n/languages.ts';
import { en } from './en.ts';
import type { Catalogue } from './t.ts';

/**
 * The catalogue of each language the web app has, loaded on demand so a user downloads only their own. A
 * language of src/domain/i18n/languages.ts without an entry here is not offered yet (docs/localization.md says
 * how to add one: a catalogue file with every English key, checked by test).
 */
export const CATALOGUES: Partial<Record<Language, () => Promise<Catalogue>>> = {
  en: () => Promise.resolve(en),
  pl: () => import('./pl.ts').then((m) => m.pl),
  he: () => import('./he.ts').then((m) => m.he),
  ro: () => import('./ro.ts').then((m) => m.ro),
};

/** The languages a user can choose, in the order the menu shows them. */
export function availableLanguages(): Language[] {
  return (Object.keys(CATALOGUES) as Language[]).sort();
}

/** Each language's own name for itself (not translated: a reader finds their language by its own name). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  pl: 'Polski',
  he: 'עברית',
  ro: 'Română',
};
