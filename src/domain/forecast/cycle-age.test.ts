import { describe, expect, it } from 'vitest';
import { ageProbability, blendedProbability, cycleAgeForecast } from './cycle-age.ts';
import { deal } from './test-deal.ts';

const fourMonths = { medianDays: 120, p90Days: 180, samples: 20 };

describe('cycle-age forecast', () => {
  it('gives 50% two months into a typical four-month cycle (the brief)', () => {
    expect(ageProbability(60, fourMonths)).toBe(0.5);
  });

  it('is ripe between the median and P90, then goes stale to zero at twice the P90', () => {
    expect(ageProbability(150, fourMonths)).toBe(1);
    expect(ageProbability(270, fourMonths)).toBe(0.5);
    expect(ageProbability(400, fourMonths)).toBe(0);
  });

  it('blends stage and age probability half and half', () => {
    expect(blendedProbability(0.4, 0.5)).toBeCloseTo(0.45, 10);
  });

  it('sums amount x blended probability, keeping the stage probability where history is missing', () => {
    const window = { start: '2026-11-01', end: '2026-12-01', asOfDate: '2026-11-01' };
    const r = cycleAgeForecast(
      [
        // 60 days old in a 120-day cycle at a 40% stage: 100,000 x 0.45 = 45,000.
        deal({ id: 1, amount: 100_000, probability: 0.4, createdDate: '2026-09-02' }),
        // pipeline 2 has no history: 10,000 x 0.2 = 2,000.
        deal({ id: 2, pipelineId: 2, amount: 10_000, probability: 0.2 }),
      ],
      window,
      (d) => (d.pipelineId === 1 ? fourMonths : null),
      5_000,
    );
    expect(r.value).toBe(52_000);
    expect(r.breakdown).toMatchObject({ deals: 2, dealsWithoutHistory: 1 });
  });
});
