import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seeded-random.ts';
import { monteCarloForecast, poisson, quantile } from './monte-carlo.ts';
import { deal } from './test-deal.ts';

const window = { start: '2026-11-01', end: '2026-12-01', asOfDate: '2026-11-01' };
const noSlip = { days: [], counts: [] };

describe('Monte Carlo forecast', () => {
  const deals = Array.from({ length: 20 }, (_, i) =>
    deal({
      id: i + 1,
      amount: 1_000 * (i + 1),
      probability: 0.3 + (i % 5) / 10,
      expectedCloseDate: '2026-11-20',
    }),
  );

  it('reproduces the same range for the same seed and a different one for another seed', () => {
    const run = (seed: number) =>
      monteCarloForecast(deals, window, noSlip, 0, { iterations: 500, random: seededRandom(seed) });
    const a = run(7);
    const b = run(7);
    expect([b.low, b.value, b.high]).toEqual([a.low, a.value, a.high]);
    const c = run(8);
    expect([c.low, c.value, c.high]).not.toEqual([a.low, a.value, a.high]);
    expect(a.low as number).toBeLessThanOrEqual(a.value);
    expect(a.value).toBeLessThanOrEqual(a.high as number);
  });

  it('is exact for certain outcomes: sure wins in the period, sure losses and deals slipping out', () => {
    const sure = [
      deal({ id: 1, amount: 4_000, probability: 1, expectedCloseDate: '2026-11-10' }),
      deal({ id: 2, amount: 9_000, probability: 0, expectedCloseDate: '2026-11-10' }),
      // Always slips 30 days: 2026-11-25 -> 2026-12-25, outside the period.
      deal({ id: 3, amount: 7_000, probability: 1, expectedCloseDate: '2026-11-25' }),
    ];
    const r = monteCarloForecast(sure, window, { days: [30], counts: [1] }, 2_000, {
      iterations: 50,
      random: seededRandom(1),
    });
    // Deal 1 slips to 2026-12-10 as well, so only won to date remains.
    expect([r.low, r.value, r.high]).toEqual([2_000, 2_000, 2_000]);
    const early = monteCarloForecast(sure, window, { days: [-5], counts: [1] }, 2_000, {
      iterations: 50,
      random: seededRandom(1),
    });
    expect(early.value).toBe(13_000);
  });

  it('averages close to the stage-weighted expectation over many runs', () => {
    // One deal of 10,000 at 50%: the mean of 4,000 runs is within 3% of 5,000.
    const r = monteCarloForecast([deal({ id: 1, probability: 0.5 })], window, noSlip, 0, {
      iterations: 4_000,
      random: seededRandom(3),
    });
    expect(Math.abs((r.breakdown.mean as number) - 5_000)).toBeLessThan(150);
    expect([r.low, r.high]).toEqual([0, 10_000]);
  });

  it('takes nearest-rank quantiles', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBe(1);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});

describe('poisson', () => {
  it('draws counts with the requested mean, below and above the normal-approximation switch', () => {
    for (const mean of [0.5, 4, 50]) {
      const r = seededRandom(3);
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += poisson(r, mean);
      expect(sum / 20_000).toBeGreaterThan(mean * 0.97);
      expect(sum / 20_000).toBeLessThan(mean * 1.03);
    }
    expect(poisson(seededRandom(1), 0)).toBe(0);
  });
});
