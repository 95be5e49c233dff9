import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { setMessages, t } from './t.ts';

describe('t()', () => {
  afterEach(() => setMessages('en', en));

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('rank.position', { rank: 2, of: 4 })).toBe('#2 of 4');
    expect(t('rank.position', { rank: 2 })).toBe('#2 of {of}');
  });

  it('picks the plural form by the locale rules', () => {
    expect(t('unit.days', { count: 1, n: '1' })).toBe('1 day');
    expect(t('unit.days', { count: 3, n: '3' })).toBe('3 days');
  });

  it('uses the plural rules of the catalogue locale (Polish has few/many)', () => {
    const pl = {
      ...en,
      'unit.days': { one: '{n} dzień', few: '{n} dni (few)', many: '{n} dni', other: '{n} dnia' },
    };
    setMessages('pl', pl);
    expect(t('unit.days', { count: 1, n: '1' })).toBe('1 dzień');
    expect(t('unit.days', { count: 3, n: '3' })).toBe('3 dni (few)');
    expect(t('unit.days', { count: 5, n: '5' })).toBe('5 dni');
    expect(t('unit.days', { count: 1.5, n: '1,5' })).toBe('1,5 dnia');
  });
});
