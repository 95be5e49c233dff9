import { afterEach, describe, expect, it } from 'vitest';
import type { WinFinding } from '../../api/types/wins.ts';
import { makeFormatters } from '../../format/formatters.ts';
import { en } from '../../i18n/en.ts';
import { pl } from '../../i18n/pl.ts';
import { setMessages } from '../../i18n/t.ts';
import { findingText, skippedText } from './finding-text.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function finding(over: Partial<WinFinding>): WinFinding {
  return {
    feature: 'touches',
    label: 'Touches',
    stageName: null,
    won: { n: 12, median: 7.5, mean: 8 },
    lost: { n: 9, median: 3, mean: 3.2 },
    difference: 4.5,
    ratio: 2.5,
    effect: 0.6,
    size: 'large',
    sentence: 'English sentence for the CLI',
    ...over,
  };
}

describe('win analysis findings in the reader language', () => {
  afterEach(() => setMessages('en', en));

  it('words a finding in Polish with Polish decimals and money', () => {
    setMessages('pl', pl);
    const fmt = makeFormatters('pl-PL', 'PLN');
    expect(plain(findingText(finding({}), fmt, 'PLN'))).toBe(
      'Kontakty: mediana 7,5 dla wygranych wobec 3 dla przegranych (2,5×; różnica duża; wygrane: 12, przegrane: 9).',
    );
    // 12,500.00 against 8,000.00 PLN: ratio 1.5625 shown to one decimal.
    const size = finding({
      feature: 'deal_size',
      label: 'Deal size (PLN only)',
      won: { n: 6, median: 1_250_000, mean: 1_300_000 },
      lost: { n: 5, median: 800_000, mean: 900_000 },
      ratio: 1.5625,
      size: 'moderate',
    });
    expect(plain(findingText(size, fmt, 'PLN'))).toBe(
      'Wartość transakcji (tylko PLN): mediana 12 500 zł dla wygranych wobec 8000 zł dla przegranych ' +
        '(1,6×; różnica umiarkowana; wygrane: 6, przegrane: 5).',
    );
    expect(
      plain(
        skippedText(
          {
            feature: 'stage_days:3',
            label: 'Days in Negotiation',
            stageName: 'Negotiation',
            wonN: 2,
            lostN: 7,
          },
          fmt,
          'PLN',
          5,
        ),
      ),
    ).toBe(
      'Dni w etapie Negotiation: nie porównano, ma to 2 wygranych i 7 przegranych transakcji ' +
        '(potrzeba co najmniej 5 z każdej strony).',
    );
  });

  it('says so in English when the lost median is 0', () => {
    const fmt = makeFormatters('en-US', 'USD');
    expect(findingText(finding({ ratio: null, lost: { n: 9, median: 0, mean: 0.4 } }), fmt, 'USD')).toBe(
      'Touches: median 7.5 for won deals against 0 for lost deals (lost median 0; large difference; 12 won, 9 lost).',
    );
  });
});
