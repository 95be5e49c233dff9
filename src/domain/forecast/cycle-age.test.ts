import { describe, expect, it } from 'vitest';
import { ageProbability, ageRatioProbability, blendedProbability, cycleAgeForecast } from './cycle-age.ts';
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

describe("the brief's cycle-age (age / typical cycle, capped)", () => {
  const stats = { medianDays: 120, p90Days: 200, samples: 10 };
  it('is 50% two months into a four-month cycle, and never above 100%', () => {
    expect(ageRatioProbability(60, stats)).toBe(0.5);
    expect(ageRatioProbability(30, stats)).toBe(0.25);
    expect(ageRatioProbability(400, stats)).toBe(1);
    expect(ageRatioProbability(-5, stats)).toBe(0);
  });

  it('replaces the blend in the forecast when asked', () => {
    // 10 000 at 60 days of a 120-day cycle: 5 000 with the age alone; the blend adds half the 40% stage probability.
    const d = deal({
      id: 1,
      amount: 10_000,
      probability: 0.4,
      createdDate: '2026-09-02',
      expectedCloseDate: '2026-11-15',
    });
    const w = { start: '2026-10-01', end: '2027-01-01', asOfDate: '2026-11-01' };
    expect(cycleAgeForecast([d], w, () => stats, 0, 'age').value).toBe(5_000);
    expect(cycleAgeForecast([d], w, () => stats, 0, 'blend').value).toBe(4_500);
  });
});
