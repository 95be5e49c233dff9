import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { messageArguments } from './message-arguments.ts';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/domain/i18n/languages.ts';
import { CATALOGUES } from './catalogues.ts';
import { en } from './en.ts';

const sorted = (s: Set<string>) => [...s].sort();

/*
 * The check issue 19 asks of CI: a catalogue that lacks a key English has (or keeps one English dropped) fails,
 * and so does a translation that does not parse or loses or invents a placeholder.
 */
describe('message catalogues', () => {
  it('English is offered, and every catalogue is one of the known languages', () => {
    expect(CATALOGUES.en).toBeDefined();
    for (const code of Object.keys(CATALOGUES)) expect(LANGUAGES).toContain(code);
  });

  for (const [code, load] of Object.entries(CATALOGUES)) {
    it(`${code}: the keys of English, each a valid ICU message with English's placeholders`, async () => {
      const catalogue = (await load()) as Record<string, string>;
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const message = catalogue[key];
        expect(typeof message, key).toBe('string');
        const wanted = sorted(messageArguments(english));
        const got = sorted(messageArguments(message as string));
        expect(got, `${code} ${key}`).toEqual(wanted);
        const plurals = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
        // A plural message names every form the language has (Polish: one, few, many, other).
        const walk = (elements: MessageFormatElement[]) => {
          for (const el of elements) {
            if (el.type === TYPE.plural) {
              for (const form of plurals)
                expect(Object.keys(el.options), `${code} ${key} ${form}`).toContain(form);
              for (const o of Object.values(el.options)) walk(o.value);
            }
          }
        };
        walk(parse(message as string, { ignoreTag: true }));
      }
    });
  }
});
