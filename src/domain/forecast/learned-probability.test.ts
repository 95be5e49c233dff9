import { describe, expect, it } from 'vitest';
import { LearnedProbabilities, observedRate, shrink } from './learned-probability.ts';
import { deal } from './test-deal.ts';

describe('learned stage probabilities with shrinkage', () => {
  it('shrinks a rate toward the one above by 20 pseudo-deals', () => {
    // 6 won of 20 closed, toward 40%: (6 + 20 x 0.4) / (20 + 20) = 14 / 40.
    expect(shrink(6, 20, 0.4)).toBeCloseTo(0.35, 12);
    expect(shrink(0, 0, 0.4)).toBeCloseTo(0.4, 12);
  });

  it('learns the company rate per stage, then each rep toward it (hand-computed)', () => {
    // Stage 1 ("Demo", configured 40%): rep 1 closed 30 and won 6, rep 2 closed 10 and won 6.
    // Company: (12 + 20 x 0.4) / (40 + 20) = 1/3. Rep 1: (6 + 20/3) / (30 + 20) = 0.25333.
    // Rep 2: (6 + 20/3) / (10 + 20) = 0.42222. Rep 3 has no closed deal: the company's 1/3.
    const learned = new LearnedProbabilities([
      // Every deal spent 10 days in the stage, so the day-weighted rate is the deal share.
      { pipelineId: 1, stageId: 1, ownerKey: 'rep:1', closed: 30, won: 6, closedDays: 300, wonDays: 60 },
      { pipelineId: 1, stageId: 1, ownerKey: 'rep:2', closed: 10, won: 6, closedDays: 100, wonDays: 60 },
    ]);
    const demo = deal({ id: 1, stageId: 1, probability: 0.4 });
    expect(learned.forDeal(demo, 'rep:1')).toBeCloseTo(19 / 75, 12);
    expect(learned.forDeal(demo, 'rep:2')).toBeCloseTo(38 / 90, 12);
    expect(learned.forDeal(demo, 'rep:3')).toBeCloseTo(1 / 3, 12);
    // A stage nobody has closed from keeps its configured probability.
    expect(learned.forDeal(deal({ id: 2, stageId: 2, probability: 0.6 }), 'rep:1')).toBe(0.6);
    expect(
      learned.calibration([
        { pipelineId: 1, stageId: 1, configured: 0.4 },
        { pipelineId: 1, stageId: 2, configured: 0.6 },
      ]),
    ).toEqual([
      {
        pipelineId: 1,
        stageId: 1,
        configured: 0.4,
        observed: 0.3,
        dealWonShare: 0.3,
        closed: 40,
        learned: expect.closeTo(1 / 3, 12),
      },
      {
        pipelineId: 1,
        stageId: 2,
        configured: 0.6,
        observed: null,
        dealWonShare: null,
        closed: 0,
        learned: 0.6,
      },
    ]);
  });

  it('weighs each closed deal by its days in the stage: lingering lost deals pull the rate down (hand-computed)', () => {
    // 10 deals reached Final negotiation: 9 won after 2 days there, 1 lost after 30 days. 90% of the deals were won,
    // but on a given day the stage held the lost one 30 / 48 of the time: observed = 18 / 48 = 37.5%.
    // Shrunk toward the configured 80% with 20 pseudo-deals: (10 x 0.375 + 20 x 0.8) / 30 = 19.75 / 30.
    const learned = new LearnedProbabilities([
      { pipelineId: 1, stageId: 5, ownerKey: 'rep:1', closed: 10, won: 9, closedDays: 48, wonDays: 18 },
    ]);
    const [row] = learned.calibration([{ pipelineId: 1, stageId: 5, configured: 0.8 }]);
    expect(row?.observed).toBeCloseTo(0.375, 12);
    expect(row?.dealWonShare).toBeCloseTo(0.9, 12);
    expect(row?.learned).toBeCloseTo(19.75 / 30, 12);
    // Deals that spent no time in the stage (moved on the same instant) fall back to the deal share.
    expect(observedRate({ closed: 4, won: 1, closedDays: 0, wonDays: 0 })).toBe(0.25);
  });
});
