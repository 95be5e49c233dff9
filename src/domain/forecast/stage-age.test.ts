import { describe, expect, it } from 'vitest';
import { StageAgeRates, type StageDurationBucket, type StayKind } from './stage-age.ts';

const stays = (rows: Array<[day: number, kind: StayKind, n: number]>): StageDurationBucket[] =>
  rows.map(([day, kind, n]) => ({ pipelineId: 1, stageId: 3, day, kind, n }));

describe('stage-age factor on the learned rate', () => {
  it('gives a fresh deal more and a deal older than the won stays less (hand-computed)', () => {
    // 20 stays won within their first day, 20 lost after 2 whole days. Kaplan-Meier: S(0) = 1, S(1) = 1 − 20/40
    // = 0.5, S(2) = 0.5; E = Σ S = 2. Won: S_won(0) = 1, later 0, E_won = 1; shrunk by 20 pseudo-deals toward S:
    // S_won(0) = (20 + 20 × 1) / 40 = 1, S_won(2) = (0 + 20 × 0.5) / 40 = 0.25, E_won = (20 + 20 × 2) / 40 = 1.5.
    // factor(0) = (1 / 1.5) / (1 / 2) = 4/3; factor(2) = (0.25 / 1.5) / (0.5 / 2) = 2/3.
    const ages = new StageAgeRates(
      stays([
        [0, 'won', 20],
        [2, 'ended', 20],
      ]),
    );
    expect(ages.factor(1, 3, 0)).toBeCloseTo(4 / 3, 12);
    expect(ages.factor(1, 3, 0.9)).toBeCloseTo(4 / 3, 12);
    expect(ages.factor(1, 3, 2)).toBeCloseTo(2 / 3, 12);
    // Older than any stay seen: the last day's figures.
    expect(ages.factor(1, 3, 40)).toBeCloseTo(2 / 3, 12);
    // A stage without stays keeps its learned rate.
    expect(ages.factor(1, 4, 2)).toBe(1);
  });

  it('counts stays still in the stage up to their length so far (Kaplan-Meier)', () => {
    // As above plus 40 stays still in the stage after 1 whole day: at risk 80 on day 0 and 60 on day 1, so
    // S(1) = 1 − 20/80 = 0.75, S(2) = 0.75 (nobody leaves on day 1), E = 2.5. E_won = (20 + 20 × 2.5) / 40 = 1.75,
    // S_won(1) = (0 + 20 × 0.75) / 40 = 0.375. factor(0) = (1 / 1.75) / (1 / 2.5) = 10/7;
    // factor(1) = (0.375 / 1.75) / (0.75 / 2.5) = 5/7.
    const ages = new StageAgeRates(
      stays([
        [0, 'won', 20],
        [2, 'ended', 20],
        [1, 'open', 40],
      ]),
    );
    expect(ages.factor(1, 3, 0)).toBeCloseTo(10 / 7, 12);
    expect(ages.factor(1, 3, 1)).toBeCloseTo(5 / 7, 12);
  });

  it('tends to P(won | age) / the day-weighted rate as the evidence grows', () => {
    // 2,000 won in their first day, 2,000 lost after 2 days: a fresh deal is won half the time, the day-weighted
    // rate is 2,000 × 1 / (2,000 × 1 + 2,000 × 3) = 1/4, so the factor tends to 2; past day 0 nobody won: 0.
    const ages = new StageAgeRates(
      stays([
        [0, 'won', 2000],
        [2, 'ended', 2000],
      ]),
    );
    expect(ages.factor(1, 3, 0)).toBeCloseTo(2, 1);
    expect(ages.factor(1, 3, 2)).toBeLessThan(0.02);
  });
});
