import { describe, expect, it } from 'vitest';
import { LearnedProbabilities, shrink } from './learned-probability.ts';
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
      { pipelineId: 1, stageId: 1, ownerKey: 'rep:1', closed: 30, won: 6 },
      { pipelineId: 1, stageId: 1, ownerKey: 'rep:2', closed: 10, won: 6 },
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
        closed: 40,
        learned: expect.closeTo(1 / 3, 12),
      },
      { pipelineId: 1, stageId: 2, configured: 0.6, observed: null, closed: 0, learned: 0.6 },
    ]);
  });
});
