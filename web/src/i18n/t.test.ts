import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { messageArguments } from './message-arguments.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en.ts';
import { setMessages, t, type Catalogue } from './t.ts';

describe('t()', () => {
  afterEach(() => setMessages('en', en));

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('rank.position', { rank: 2, of: 4 })).toBe('#2 of 4');
    expect(t('rank.position', { rank: 2 })).toBe('#2 of {of}');
    // Values are written as given: an id or a year is never grouped.
    expect(t('rank.position', { rank: 2026, of: 12345 })).toBe('#2026 of 12345');
  });

  it('picks the plural form by the locale rules', () => {
    expect(t('unit.days', { count: 1, n: '1' })).toBe('1 day');
    expect(t('unit.days', { count: 3, n: '3' })).toBe('3 days');
  });

  it('uses the plural rules of the catalogue locale (Polish has few/many)', () => {
    const pl: Catalogue = {
      ...en,
      'unit.days': '{count, plural, one {{n} dzień} few {{n} dni (few)} many {{n} dni} other {{n} dnia}}',
    };
    setMessages('pl', pl);
    expect(t('unit.days', { count: 1, n: '1' })).toBe('1 dzień');
    expect(t('unit.days', { count: 3, n: '3' })).toBe('3 dni (few)');
    expect(t('unit.days', { count: 5, n: '5' })).toBe('5 dni');
    expect(t('unit.days', { count: 22, n: '22' })).toBe('22 dni (few)');
    expect(t('unit.days', { count: 1.5, n: '1,5' })).toBe('1,5 dnia');
  });

  it('every English message is valid ICU and reads as written once its arguments are filled', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const message = en[key];
      const names = messageArguments(message);
      const values = Object.fromEntries([...names].map((n) => [n, n === 'count' ? 2 : `<${n}>`]));
      // A top-level select (e.g. commissions.reason.credit's kind) is rendered once per option: each option is a
      // whole sentence, and every other argument must show in at least one of them.
      const select = parse(message, { ignoreTag: true }).find((el) => el.type === TYPE.select);
      const texts = select
        ? Object.keys(select.options).map((option) => t(key, { ...values, [select.value]: option }))
        : [t(key, values)];
      // No brace left over: an apostrophe before a brace would have quoted it (ICU escaping) and hidden a value.
      for (const text of texts) expect(text, key).not.toMatch(/[{}]/);
      for (const n of names) {
        if (n !== 'count' && n !== select?.value) expect(texts.join('\n'), key).toContain(`<${n}>`);
      }
    }
  });
});
