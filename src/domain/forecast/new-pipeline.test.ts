import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../calendar/business-time.ts';
import { newPipelineEstimate, type CreatedDeal } from './new-pipeline.ts';

const calendar: BusinessCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: new Set(),
};

function deal(createdDate: string, wonDate: string | null = null, amount = 500): CreatedDeal {
  return { ownerKey: 'rep:1', createdDate, wonDate, amount };
}

// The period Mon 2026-01-05 .. Wed 2026-01-07 (exclusive), forecast on its first day with a 7-day look-back:
// Mon 2025-12-29 .. Sun 2026-01-04 holds 5 business days (no holidays in this calendar).
const window = { start: '2026-01-05', end: '2026-01-07', asOfDate: '2026-01-05' };

/** Ten deals in the look-back: one won the day it was created (1 000), one the next day (3 000), eight not won. */
function thisYear(): CreatedDeal[] {
  return [
    deal('2025-12-29', '2025-12-29', 1_000),
    deal('2025-12-29', '2025-12-30', 3_000),
    deal('2025-12-29'),
    deal('2025-12-29'),
    // Won, but only on the as-of day: not known yet, so it counts as not won.
    deal('2025-12-29', '2026-01-05', 9_000),
    ...Array.from({ length: 5 }, () => deal('2026-01-02')),
    // Created on the as-of day: already in the pipeline, not part of the history.
    deal('2026-01-05', '2026-01-05', 9_000),
  ];
}

describe('newPipelineEstimate', () => {
  it('sums rate x win curve x size over the business days left (hand-computed)', () => {
    // rate = 10 deals / 5 business days = 2 a day.
    // w(1): cohort created 12-28..01-03, 10 deals, 1 won within 1 day -> 0.1; w(2): cohort 12-27..01-02, 2 -> 0.2.
    // Monday has 2 days left: 2 x 0.2 = 0.4; Tuesday 1 day: 2 x 0.1 = 0.2; expected deals 0.6.
    // Size: the two deals won within the 2-day horizon, (1 000 + 3 000) / 2 = 2 000; value 0.6 x 2 000 = 1 200.
    const e = newPipelineEstimate(thisYear(), window, { lookbackDays: 7, firstDate: '2025-06-01', calendar });
    expect(e.dealsPerBusinessDay).toBeCloseTo(2, 12);
    expect(e.expectedDeals).toBeCloseTo(0.6, 12);
    expect(e.winShare).toBeCloseTo(0.15, 12);
    expect(e.avgWonDeal).toBe(2_000);
    expect(e.seasonFactor).toBeNull();
    expect(e.value).toBe(1_200);
  });

  it('scales by last year: actual / what the model said 52 weeks ago (hand-computed)', () => {
    // The same ten deals 364 days earlier make the model say 1 200 on Mon 2025-01-06; in that period five deals
    // created on the Monday were won on the Tuesday for 360 each = 1 800, so the season factor is 1.5.
    const ago = thisYear()
      .slice(0, 10)
      .map((d) => ({
        ...d,
        createdDate: shift(d.createdDate),
        wonDate: d.wonDate === null ? null : shift(d.wonDate),
      }));
    const lastPeriod = Array.from({ length: 5 }, () => deal('2025-01-06', '2025-01-07', 360));
    const e = newPipelineEstimate([...ago, ...lastPeriod, ...thisYear()], window, {
      lookbackDays: 7,
      firstDate: '2024-12-01',
      calendar,
    });
    expect(e.seasonFactor).toBeCloseTo(1.5, 12);
    expect(e.expectedDeals).toBeCloseTo(0.9, 12);
    expect(e.value).toBe(1_800);
  });

  it('is zero after the period, and counts no day before the first recorded one', () => {
    expect(
      newPipelineEstimate(
        thisYear(),
        { ...window, asOfDate: '2026-01-07' },
        {
          lookbackDays: 7,
          firstDate: '2025-06-01',
          calendar,
        },
      ).value,
    ).toBe(0);
    // Data starts Friday 2026-01-02: one business day of history with 5 deals -> 5 a day, not 10 / 5.
    const e = newPipelineEstimate(thisYear(), window, { lookbackDays: 7, firstDate: '2026-01-02', calendar });
    expect(e.dealsPerBusinessDay).toBe(5);
  });

  it('grows the creation rate by its trend, from the middle of the look-back to each day ahead (hand-computed)', () => {
    // Eight deals (none won) in the week before the look-back, Mon 2025-12-22 .. Sun 12-28: 8 / 5 = 1.6 a business
    // day; the look-back has 2 a day, so the trend is 2 / 1.6 - 1 = +25%. The two windows' middles (12-25 12:00
    // and 01-01 12:00) are 7 days apart; Monday 01-05 is 3.5 days past the look-back's middle, Tuesday 4.5.
    // Monday: 2 x 0.2 x 1.25^(3.5/7) = 0.447214; Tuesday: 2 x 0.1 x 1.25^(4.5/7) = 0.230849; 0.678063 deals
    // x 2 000 = 1 356. The win share stays that of the rate without the trend (0.15).
    const prior = Array.from({ length: 8 }, () => deal('2025-12-22'));
    const e = newPipelineEstimate([...prior, ...thisYear()], window, {
      lookbackDays: 7,
      firstDate: '2025-06-01',
      calendar,
    });
    expect(e.creationTrend).toBeCloseTo(0.25, 12);
    expect(e.dealsPerBusinessDay).toBeCloseTo(2, 12);
    expect(e.winShare).toBeCloseTo(0.15, 12);
    expect(e.expectedDeals).toBeCloseTo(0.4 * Math.sqrt(1.25) + 0.2 * 1.25 ** (4.5 / 7), 12);
    expect(e.expectedDeals).toBeCloseTo(0.678063, 6);
    expect(e.value).toBe(1_356);
  });

  it('caps the trend at ±50% and has none without half a look-back of earlier data', () => {
    // 20 deals the week before: 4 a day, 2 / 4 - 1 = -50%, at the cap; 40 would be -75%, capped to -50%.
    const cut = (n: number) => Array.from({ length: n }, () => deal('2025-12-22'));
    const o = { lookbackDays: 7, firstDate: '2025-06-01', calendar };
    expect(newPipelineEstimate([...cut(40), ...thisYear()], window, o).creationTrend).toBe(-0.5);
    // Data from Sat 2025-12-27: two days of the earlier week, less than half of it.
    const late = newPipelineEstimate(thisYear(), window, { ...o, firstDate: '2025-12-27' });
    expect(late.creationTrend).toBeNull();
    expect(late.expectedDeals).toBeCloseTo(0.6, 12);
    // No deal in the earlier week: no trend (nothing to compare with), as in the first case above.
    expect(newPipelineEstimate(thisYear(), window, o).creationTrend).toBeNull();
  });
});

function shift(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 364);
  return d.toISOString().slice(0, 10);
}
