import { afterEach, describe, expect, it } from 'vitest';
import { englishExplanation, type LineReason } from '../../../../src/domain/commissions/line-reasons.ts';
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

  it('renders a Polish explanation with Polish number and money formats', () => {
    setMessages('pl', pl);
    const fmt = makeFormatters('pl-PL', 'PLN');
    const line = { explanation: englishExplanation(reason, 'PLN'), reason };
    expect(plain(lineExplanation(line, fmt))).toBe(
      '10% od 30 000,00 zł z zaksięgowanych 80 000,00 zł, twój udział 50% z 160 000,00 zł ' +
        '(próg 2: od 50% celu; realizacja celu 62,5% → 80%).',
    );
  });

  it('renders English from the reason, and falls back to the stored text of a line without one', () => {
    const fmt = makeFormatters('en-US', 'USD');
    expect(lineExplanation({ explanation: 'x', reason }, fmt)).toBe(
      '10% on $30,000.00 of the $80,000.00 credited, your 50% share of $160,000.00 ' +
        '(tier 2: from 50% of target; attainment 62.5% → 80%).',
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
});
