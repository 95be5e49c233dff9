import { describe, expect, it } from 'vitest';
import { runRateForecast } from './run-rate.ts';
import { runRateSeason } from './run-rate-season.ts';

describe('run-rate seasonality from the same period last year', () => {
  it('compares last year’s days ahead with last year’s look-back (hand-computed)', () => {
    // Last year: 90-day look-back won 90,000 (1,000 a day); the 30 days matching the rest of the period won 45,000
    // (1,500 a day, a quarter-end push): season 1.5. This year's look-back won 180,000 (2,000 a day):
    // base = 2,000 x 30 x 1.5 = 90,000, which is last year's 45,000 grown by this year's 180,000 / 90,000.
    const season = runRateSeason(
      { remaining: { amount: 45_000, count: 9 }, lookback: { amount: 90_000, count: 18 } },
      30,
      90,
    );
    expect(season).toBeCloseTo(1.5, 12);
    const r = runRateForecast({
      wonInLookback: 180_000,
      lookbackDays: 90,
      periodDays: 30,
      remainingDays: 30,
      growthRate: 0,
      growthSource: 'season',
      seasonFactor: season,
      newReps: [],
      dealsPerRepPerPeriod: 0,
      avgDealSize: 0,
      wonToDate: 0,
    });
    expect(r.value).toBe(90_000);
    expect(r.breakdown).toMatchObject({ base: 90_000, seasonFactor: 1.5, growthSource: 'season' });
  });

  it('clamps to 0.5..2 and says nothing with fewer than 5 wins in either window', () => {
    const lookback = { amount: 90_000, count: 18 };
    expect(runRateSeason({ remaining: { amount: 300_000, count: 20 }, lookback }, 30, 90)).toBe(2);
    expect(runRateSeason({ remaining: { amount: 1_000, count: 5 }, lookback }, 30, 90)).toBe(0.5);
    expect(runRateSeason({ remaining: { amount: 45_000, count: 4 }, lookback }, 30, 90)).toBeNull();
    expect(runRateSeason({ remaining: { amount: 45_000, count: 9 }, lookback }, 0, 90)).toBeNull();
  });

  it('applies the planned growth on top: the brief’s 1,000,000 + 5% = 1,050,000', () => {
    const r = runRateForecast({
      wonInLookback: 1_000_000,
      lookbackDays: 30,
      periodDays: 30,
      remainingDays: 30,
      growthRate: 0.05,
      growthSource: 'planned',
      newReps: [],
      dealsPerRepPerPeriod: 0,
      avgDealSize: 0,
      wonToDate: 0,
    });
    expect(r.value).toBe(1_050_000);
    expect(r.breakdown).toMatchObject({ growth: 50_000, growthSource: 'planned', seasonFactor: null });
  });
});
