import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorBody } from '../api/client.ts';
import { en } from '../i18n/en.ts';
import { he } from '../i18n/he.ts';
import { pl } from '../i18n/pl.ts';
import { setMessages } from '../i18n/t.ts';
import { DetailLine } from './error-text.tsx';
import { ErrorNote } from './state.tsx';

const apiError = (status: number, body: ApiErrorBody) => new ApiError(status, body);
const render = (error: Error) => renderToStaticMarkup(createElement(ErrorNote, { error }));
/** The visible text of some markup, tags removed and bidi isolates dropped. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/[\u2068\u2069]/g, '');

afterEach(() => setMessages('en', en));

describe('ErrorNote says server errors in the reader’s language', () => {
  it('Polish: a validation error with rules is all Polish, with the field labelled and limits in Polish numbers', () => {
    setMessages('pl', pl);
    const html = render(
      apiError(400, {
        error: {
          code: 'validation',
          message: 'Request is invalid',
          details: [
            {
              field: 'body.name',
              reason: 'Too small: expected string to have >=1 characters',
              rule: 'required',
            },
            {
              field: 'body.note',
              reason: 'Too big: expected string to have <=20000 characters',
              rule: 'too_long',
              limit: 20000,
            },
            {
              field: 'querystring.type',
              reason: 'Invalid option',
              rule: 'one_of',
              allowed: ['call', 'email'],
            },
          ],
        },
      }),
    );
    const shown = text(html);
    expect(shown).toContain('Część przesłanych danych jest nieprawidłowa.');
    expect(shown).toContain('Nazwa');
    expect(shown).toContain('wymagane');
    // 20000 takes the "many" form in Polish, written with the Polish group separator.
    expect(shown).toMatch(/Notatka\s+·\s+najwyżej 20\s000 znaków/);
    expect(shown).toContain('call lub email');
    for (const english of [
      'Request is invalid',
      'Too small',
      'Too big',
      'Invalid option',
      'required',
      'characters',
    ]) {
      expect(shown).not.toContain(english);
    }
    expect(html).not.toContain('lang="en"');
  });

  it('shows a reason without a rule as English, isolated, after a translated lead-in; an unknown field raw', () => {
    setMessages('pl', pl);
    const html = render(
      apiError(400, {
        error: {
          code: 'validation',
          message: 'Invalid routing rule',
          details: [{ field: 'maxCompanySize', line: 7, reason: 'must be at least minCompanySize' }],
        },
      }),
    );
    expect(html).toContain('<bdi lang="en" dir="ltr" class="raw-field">maxCompanySize</bdi>');
    expect(html).toContain('wiersz 7');
    expect(html).toContain(
      'Szczegół z serwera: <bdi lang="en" dir="ltr">must be at least minCompanySize</bdi>',
    );
  });

  it('Hebrew: a forbidden error without details keeps the server’s message, marked English, under a Hebrew headline', () => {
    setMessages('he', he);
    const html = render(
      apiError(403, { error: { code: 'forbidden', message: 'You may not change this rep', details: [] } }),
    );
    expect(text(html)).toContain('אין לך הרשאה לבצע פעולה זו.');
    expect(html).toContain('<bdi lang="en" dir="ltr">You may not change this rep</bdi>');
  });

  it('Polish: an import row’s field and date rule, as the imports page shows them', () => {
    setMessages('pl', pl);
    const line = renderToStaticMarkup(
      createElement(DetailLine, {
        detail: {
          field: 'createdAt',
          line: 4,
          value: '11/40/2026',
          reason: 'day 40 does not exist',
          rule: 'invalid_date',
        },
      }),
    );
    expect(text(line).replace(/\s+/g, ' ').trim()).toBe('Utworzono · wiersz 4 · nieprawidłowa data');
  });

  it('a failed connection and an unknown code still get a translated headline', () => {
    setMessages('pl', pl);
    expect(text(render(new ApiError(0, null)))).toContain('Nie udało się połączyć z serwerem');
    expect(text(render(new ApiError(502, null)))).toContain('Serwer odpowiedział błędem (HTTP 502).');
  });
});
