import { describe, expect, it } from 'vitest';
import { growthTrend, rampFactor, runRateForecast } from './run-rate.ts';

const brief = {
  wonInLookback: 1_000_000,
  lookbackDays: 30,
  periodDays: 30,
  remainingDays: 30,
  growthRate: 0.05,
  dealsPerRepPerPeriod: 5,
  avgDealSize: 5_000,
  wonToDate: 0,
};

describe('historical run-rate forecast', () => {
  it("reproduces the brief's 1,000,000 + 5% + 5 new reps x 5 deals x 5,000 = 1,075,000 (new reps at 20% while ramping)", () => {
    // Taken literally the terms sum to 1,175,000; the brief's 1,075,000 holds when the new reps' 125,000 counts at
    // the 20% a rep produces in the first month of a 2.5-month linear ramp.
    const ramp = rampFactor(0, 2.5, 1);
    expect(ramp).toBeCloseTo(0.2, 10);
    const r = runRateForecast({ ...brief, newReps: Array.from({ length: 5 }, () => ({ rampFactor: ramp })) });
    expect(r.value).toBe(1_075_000);
    expect(r.breakdown).toMatchObject({ base: 1_000_000, growth: 50_000, newRepRevenue: 25_000 });
  });

  it('counts fully ramped new reps at full output', () => {
    const r = runRateForecast({ ...brief, newReps: Array.from({ length: 5 }, () => ({ rampFactor: 1 })) });
    expect(r.value).toBe(1_175_000);
  });

  it('scales to the remaining days and adds won to date', () => {
    // 90-day look-back won 900,000 = 10,000 a day; 20 of 30 days left -> 200,000; + 150,000 already won.
    const r = runRateForecast({
      ...brief,
      wonInLookback: 900_000,
      lookbackDays: 90,
      remainingDays: 20,
      growthRate: 0,
      newReps: [],
      wonToDate: 150_000,
    });
    expect(r.value).toBe(350_000);
  });

  it('caps the growth trend at +-50% and ignores it without a prior window', () => {
    expect(growthTrend(105, 100)).toBeCloseTo(0.05, 10);
    expect(growthTrend(400, 100)).toBe(0.5);
    expect(growthTrend(10, 100)).toBe(-0.5);
    expect(growthTrend(10, 0)).toBe(0);
  });

  it('averages a linear ramp over the period', () => {
    expect(rampFactor(0, 0, 3)).toBe(1);
    expect(rampFactor(6, 3, 3)).toBe(1);
    // 0..3 months of a 3-month ramp: mean of t/3 over [0, 3] = 0.5.
    expect(rampFactor(0, 3, 3)).toBeCloseTo(0.5, 10);
    // 2..4 of a 3-month ramp: (integral 2..3 of t/3 = 5/6, plus 1) / 2 = 11/12.
    expect(rampFactor(2, 3, 2)).toBeCloseTo(11 / 12, 10);
  });
});
