import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  firstYearLastDay,
  rankByScore,
  scoreBand,
  scoreCandidate,
  scoreOnScale,
  spearman,
} from './hiring.ts';

describe('scoreCandidate', () => {
  // Weights 2 and 1 (they need not sum to 1): role fit (id 1) and culture fit (id 2).
  const criteria = [
    { id: 1, weight: 2 },
    { id: 2, weight: 1 },
  ];

  it('averages interviewers per criterion, then weights the criteria', () => {
    // Role fit: interviewers 10 and 11 gave 4 and 2 -> mean 3, spread 2. Culture fit: 5 and 5 -> 5.
    // Total = (2 * 3 + 1 * 5) / 3 = 11 / 3.
    const card = scoreCandidate(criteria, [
      { criterionId: 1, interviewerId: 10, score: 4 },
      { criterionId: 1, interviewerId: 11, score: 2 },
      { criterionId: 2, interviewerId: 10, score: 5 },
      { criterionId: 2, interviewerId: 11, score: 5 },
    ]);
    expect(card.total).toBeCloseTo(11 / 3, 12);
    expect(card.criteria).toEqual([
      { criterionId: 1, mean: 3, n: 2, min: 2, max: 4, spread: 2 },
      { criterionId: 2, mean: 5, n: 2, min: 5, max: 5, spread: 0 },
    ]);
    expect(card).toMatchObject({ interviewers: 2, complete: true, maxSpread: 2 });
  });

  it('an interviewer who skipped a criterion leaves only the others in its mean', () => {
    // Role fit: only interviewer 10 (4). Culture fit: 10 gave 2, 11 gave 3 -> 2.5. Total = (8 + 2.5) / 3 = 3.5.
    const card = scoreCandidate(criteria, [
      { criterionId: 1, interviewerId: 10, score: 4 },
      { criterionId: 2, interviewerId: 10, score: 2 },
      { criterionId: 2, interviewerId: 11, score: 3 },
    ]);
    expect(card.total).toBe(3.5);
    expect(card.criteria[0]).toMatchObject({ n: 1, spread: 0 });
  });

  it('a criterion nobody scored is left out and the weights re-normalised; the card is incomplete', () => {
    // Only culture fit (weight 1) scored: total = its mean, 4.
    const card = scoreCandidate(criteria, [{ criterionId: 2, interviewerId: 10, score: 4 }]);
    expect(card.total).toBe(4);
    expect(card.complete).toBe(false);
    expect(card.criteria[0]).toEqual({
      criterionId: 1,
      mean: null,
      n: 0,
      min: null,
      max: null,
      spread: null,
    });
  });

  it('no scores: no total; scores for unknown criteria are ignored', () => {
    const card = scoreCandidate(criteria, [{ criterionId: 99, interviewerId: 10, score: 5 }]);
    expect(card).toMatchObject({ total: null, interviewers: 0, complete: false, maxSpread: null });
  });
});

describe('rankByScore', () => {
  it('gives ties the same rank and skips the next; unscored are unranked', () => {
    expect(rankByScore([3.5, 4, null, 3.5, 2])).toEqual([2, 1, null, 2, 4]);
  });
});

describe('scoreOnScale', () => {
  it('accepts whole numbers on the scale only', () => {
    const scale = { min: 1, max: 5 };
    expect([1, 5, 3].map((s) => scoreOnScale(s, scale))).toEqual([true, true, true]);
    expect([0, 6, 2.5, -1, Number.NaN, 1e300].map((s) => scoreOnScale(s, scale))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('scoreBand', () => {
  it('bands 1-5 totals at 3 and 4, edges going up', () => {
    const s = { min: 1, max: 5 };
    expect([2.99, 3, 3.99, 4, 5].map((t) => scoreBand(t, s))).toEqual([
      'below_3',
      '3_to_4',
      '3_to_4',
      '4_and_above',
      '4_and_above',
    ]);
  });
  it('maps other scales onto 1-5 first: 7 on 1-10 is 1 + 4 * 6/9 = 3.67', () => {
    expect(scoreBand(7, { min: 1, max: 10 })).toBe('3_to_4');
    // 0..4 scale: 3 maps to exactly 4.
    expect(scoreBand(3, { min: 0, max: 4 })).toBe('4_and_above');
  });
});

describe('spearman', () => {
  it('averages tied ranks', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });

  it('is 1 for a monotone relation and -1 for a reversed one', () => {
    const xs = [1, 2, 3, 4, 5];
    expect(spearman(xs.map((x) => [x, x * x] as const))).toEqual({ rho: 1, n: 5, verdict: 'computed' });
    expect(spearman(xs.map((x) => [x, -x] as const)).rho).toBeCloseTo(-1, 12);
  });

  it('hand-computed with ties', () => {
    // x ranks: [1, 2.5, 2.5, 4, 5]; y = [1, 3, 2, 5, 4] ranks the same. Deviations from 3:
    // dx = [-2, -0.5, -0.5, 1, 2], dy = [-2, 0, -1, 2, 1]; sxy = 4 + 0 + 0.5 + 2 + 2 = 8.5,
    // sxx = 4 + 0.25 + 0.25 + 1 + 4 = 9.5, syy = 4 + 0 + 1 + 4 + 1 = 10; rho = 8.5 / sqrt(95).
    const r = spearman([
      [1, 1],
      [2, 3],
      [2, 2],
      [3, 5],
      [4, 4],
    ]);
    expect(r.rho).toBeCloseTo(8.5 / Math.sqrt(95), 12);
  });

  it('says too few below five pairs (nulls do not count) and no variation for a constant side', () => {
    expect(
      spearman([
        [1, 2],
        [2, null],
        [3, 1],
        [4, 5],
        [null, 3],
      ]),
    ).toEqual({ rho: null, n: 3, verdict: 'too_few' });
    expect(spearman([1, 2, 3, 4, 5].map((x) => [3, x] as const))).toEqual({
      rho: null,
      n: 5,
      verdict: 'no_variation',
    });
  });
});

describe('firstYearLastDay', () => {
  it('is the day before the anniversary', () => {
    expect(firstYearLastDay('2025-03-15')).toBe('2026-03-14');
    expect(firstYearLastDay('2025-01-01')).toBe('2025-12-31');
    expect(firstYearLastDay('2024-02-29')).toBe('2025-02-27');
  });
});
