import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFormatters } from '../format/formatters.ts';
import { en } from '../i18n/en.ts';
import { pl } from '../i18n/pl.ts';
import { setMessages } from '../i18n/t.ts';
import { NoticeItems, noticeText } from './notice-text.tsx';

const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '');

afterEach(() => setMessages('en', en));

describe('API notices in the reader’s language', () => {
  it('Polish: a statement’s excluded deals, with the plural form of the count', () => {
    setMessages('pl', pl);
    const fmt = makeFormatters('pl-PL', 'PLN');
    const text = noticeText(
      'statement',
      { code: 'other_currency', params: { count: 3, currency: 'USD' } },
      fmt,
    );
    expect(plain(text ?? '')).toBe('3 transakcje w walucie innej niż USD nie są liczone.');
  });

  it('Polish: a forecast’s thin pipeline names the period and the coverage as a Polish percentage', () => {
    setMessages('pl', pl);
    const fmt = makeFormatters('pl-PL', 'PLN');
    const text = noticeText(
      'forecast',
      { code: 'low_coverage', params: { period: '2026-Q3', coveragePct: 64 } },
      fmt,
    );
    expect(plain(text ?? '')).toMatch(/^Otwarty lejek zamykany w 2026-Q3 pokrywa 64\s?%/);
  });

  it('names past the first ten become "and N more"', () => {
    setMessages('pl', pl);
    const fmt = makeFormatters('pl-PL', 'PLN');
    const text = noticeText(
      'whatIf',
      { code: 'no_plan_today', params: { names: ['Ala', 'Olek'], more: 5 } },
      fmt,
    );
    expect(plain(text ?? '')).toBe('Bez planu na dziś (brak punktu odniesienia): Ala i Olek i 5 innych osób');
  });

  it('falls back to the English warning, marked as English, without notices or for an unknown code', () => {
    setMessages('pl', pl);
    const fmt = makeFormatters('pl-PL', 'PLN');
    const old = renderToStaticMarkup(
      createElement(
        'ul',
        null,
        NoticeItems({ area: 'statement', notices: null, warnings: ['Old note.'], fmt }) as never,
      ),
    );
    expect(old).toContain('Szczegół z serwera: <bdi lang="en" dir="ltr">Old note.</bdi>');
    const unknown = renderToStaticMarkup(
      createElement(
        'ul',
        null,
        NoticeItems({
          area: 'forecast',
          notices: [{ code: 'brand_new', params: {} }],
          warnings: ['A brand new note.'],
          fmt,
        }) as never,
      ),
    );
    expect(unknown).toContain('<bdi lang="en" dir="ltr">A brand new note.</bdi>');
  });
});
