import { afterEach, describe, expect, it } from 'vitest';
import {
  englishExplanation,
  type CreditNote,
  type LineReason,
} from '../../../../src/domain/commissions/line-reasons.ts';
import { makeFormatters } from '../../format/formatters.ts';
import { en } from '../../i18n/en.ts';
import { pl } from '../../i18n/pl.ts';
import { setMessages } from '../../i18n/t.ts';
import { lineExplanation } from './line-explanation.ts';

// Intl puts (narrow) no-break spaces in grouped numbers and before "zł": compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('statement line explanations in the reader language', () => {
  afterEach(() => setMessages('en', en));

  // 10% on 30,000.00 of a 80,000.00 deal credited to a half share of 160,000.00 (tier 2 from 50%).
  const reason: LineReason = {
    code: 'tier_slice',
    rateBp: 1000,
    sliceMinor: 3_000_000,
    ofCreditedMinor: 8_000_000,
    credit: { share: { shareBp: 5000, dealAmountMinor: 16_000_000 }, rollUp: false, converted: null },
    tier: { number: 2, fromPct: 50, toPct: null, decelerator: false },
    fromPct: 62.5,
    toPct: 80,
  };

  it('names the deals a SPIF pays for inside one message, in every combination', () => {
    setMessages('pl', pl);
    const fmt = makeFormatters('pl-PL', 'PLN');
    const spif = (product: string | null, dealType: string | null): LineReason => ({
      code: 'spif',
      label: 'Q4',
      perDealMinor: 50_000,
      product,
      dealType,
      from: '2026-10-01',
      through: '2026-12-31',
      share: null,
    });
    const text = (r: LineReason) => plain(lineExplanation({ explanation: 'x', reason: r }, fmt));
    expect(text(spif('Pro', 'renewal'))).toContain(
      'za transakcję typu Odnowienie z produktem Pro zaksięgowaną',
    );
    expect(text(spif('Pro', null))).toContain('za transakcję z produktem Pro zaksięgowaną');
    expect(text(spif(null, 'renewal'))).toContain('za transakcję typu Odnowienie zaksięgowaną');
    expect(text(spif(null, null))).toContain('500,00 zł za transakcję zaksięgowaną');
    setMessages('en', en);
    const enFmt = makeFormatters('en-US', 'USD');
    expect(lineExplanation({ explanation: 'x', reason: spif('Pro', 'renewal') }, enFmt)).toContain(
      '$500.00 per Pro deal of type Renewal credited',
    );
  });

  it('renders a Polish explanation with Polish number and money formats', () => {
    setMessages('pl', pl);
    const fmt = makeFormatters('pl-PL', 'PLN');
    const line = { explanation: englishExplanation(reason, 'PLN'), reason };
    expect(plain(lineExplanation(line, fmt))).toBe(
      '10% od 30 000,00 zł z zaksięgowanych 80 000,00 zł (próg 2: od 50% celu; realizacja celu 62,5% → 80%). ' +
        'Zaksięgowana kwota to twój udział 50% w transakcji o wartości 160 000,00 zł.',
    );
  });

  it('renders English from the reason, and falls back to the stored text of a line without one', () => {
    const fmt = makeFormatters('en-US', 'USD');
    expect(lineExplanation({ explanation: 'x', reason }, fmt)).toBe(
      '10% on $30,000.00 of the $80,000.00 credited (tier 2: from 50% of target; attainment 62.5% → 80%). ' +
        'The credit is your 50% share of the deal’s $160,000.00.',
    );
    setMessages('pl', pl);
    const stored = 'Commission of 700.00 is above the cap of 500.00: 200.00 is not paid.';
    expect(lineExplanation({ explanation: stored }, makeFormatters('pl-PL', 'PLN'))).toBe(stored);
  });

  it('uses the Polish plural forms of days in a clawback', () => {
    setMessages('pl', pl);
    const fmt = makeFormatters('pl-PL', 'PLN');
    const clawback: LineReason = {
      code: 'clawback',
      customer: 'Acme',
      startedOn: '2026-09-01',
      endedOn: '2026-11-15',
      days: 75,
      limitDays: 90,
      paidMinor: 120_000,
    };
    expect(plain(lineExplanation({ explanation: '', reason: clawback }, fmt))).toBe(
      'Klient Acme zakończył współpracę 15 lis 2026, 75 dni po jej rozpoczęciu 1 wrz 2026 ' +
        '(plan odbiera prowizję w ciągu 90 dni): 1200,00 zł wypłacone za tę transakcję w zamkniętych ' +
        'zestawieniach zostaje odebrane.',
    );
  });
  // Every way the engine credits a deal (a split share, a roll-up of the team, a conversion from the deal's own
  // currency, and each mix of them), on a flat-rate line: 10% of 1,000.00 credited, a deal of 2,000.00 that was
  // €500.00 converted at the rate of 5 Nov 2026.
  const share = { shareBp: 5000, dealAmountMinor: 200_000 };
  const converted = { amountMinor: 50_000, currency: 'EUR', on: '2026-11-05' };
  const flat = (credit: CreditNote): LineReason => ({
    code: 'type_rate',
    dealType: 'renewal',
    rateBp: 1000,
    creditedMinor: 100_000,
    credit,
    attainment: null,
  });
  const combinations: Array<[string, CreditNote, string, string]> = [
    [
      'share',
      { share, rollUp: false, converted: null },
      'The credit is your 50% share of the deal’s $2,000.00.',
      'Zaksięgowana kwota to twój udział 50% w transakcji o wartości 2000,00 zł.',
    ],
    [
      'roll-up',
      { share: null, rollUp: true, converted: null },
      'The deal is credited to you as a roll-up of your team.',
      'Transakcja jest ci przypisana jako wynik twojego zespołu.',
    ],
    [
      'conversion',
      { share: null, rollUp: false, converted },
      'The deal’s €500.00 was converted at the rate of Nov 5, 2026.',
      'Kwotę transakcji, 500,00 €, przeliczono po kursie z dnia 5 lis 2026.',
    ],
    [
      'share of a roll-up',
      { share, rollUp: true, converted: null },
      'The credit is your team’s 50% share of the deal’s $2,000.00, credited to you as a roll-up.',
      'Zaksięgowana kwota to udział 50% twojego zespołu w transakcji o wartości 2000,00 zł, ' +
        'przypisany ci jako wynik zespołu.',
    ],
    [
      'converted share',
      { share, rollUp: false, converted },
      'The credit is your 50% share of the deal’s $2,000.00 (converted from €500.00 at the rate of Nov 5, 2026).',
      'Zaksięgowana kwota to twój udział 50% w transakcji o wartości 2000,00 zł ' +
        '(przeliczono z 500,00 € po kursie z dnia 5 lis 2026).',
    ],
    [
      'converted roll-up',
      { share: null, rollUp: true, converted },
      'The deal is credited to you as a roll-up of your team; its €500.00 was converted at the rate of Nov 5, 2026.',
      'Transakcja jest ci przypisana jako wynik twojego zespołu; jej kwotę 500,00 € przeliczono po kursie ' +
        'z dnia 5 lis 2026.',
    ],
    [
      'converted share of a roll-up',
      { share, rollUp: true, converted },
      'The credit is your team’s 50% share of the deal’s $2,000.00 (converted from €500.00 at the rate of ' +
        'Nov 5, 2026), credited to you as a roll-up.',
      'Zaksięgowana kwota to udział 50% twojego zespołu w transakcji o wartości 2000,00 zł (przeliczono z ' +
        '500,00 € po kursie z dnia 5 lis 2026), przypisany ci jako wynik zespołu.',
    ],
  ];
  for (const [name, credit, english, polish] of combinations) {
    it(`says how the amount was credited as a sentence of its own: ${name}`, () => {
      const line = { explanation: '', reason: flat(credit) };
      expect(lineExplanation(line, makeFormatters('en-US', 'USD'))).toBe(
        `Renewal deals earn a flat 10%: 10% of $1,000.00. ${english}`,
      );
      setMessages('pl', pl);
      expect(plain(lineExplanation(line, makeFormatters('pl-PL', 'PLN')))).toBe(
        `Transakcje typu Odnowienie mają stałą stawkę 10%: 10% od 1000,00 zł. ${polish}`,
      );
    });
  }

  it('adds no credit sentence to a line of the person’s own whole deal in the plan currency', () => {
    const line = {
      explanation: '',
      reason: { ...flat({ share: null, rollUp: false, converted: null }), credit: null },
    };
    expect(lineExplanation(line, makeFormatters('en-US', 'USD'))).toBe(
      'Renewal deals earn a flat 10%: 10% of $1,000.00.',
    );
  });
});
