import { describe, expect, it } from 'vitest';
import { median, percentileOf, quantile, topQuartile } from '../../src/domain/coaching/benchmarks.ts';
import {
  DEFAULT_QUADRANT_THRESHOLDS,
  placeReps,
  quadrantOf,
  theilSenSlope,
  thresholdProblems,
} from '../../src/domain/coaching/quadrants.ts';
import { peerFiguresShown } from '../../src/domain/coaching/peer-privacy.ts';
import { scoreBucket } from '../../src/domain/coaching/rep-score.ts';
import { scorecardProblems } from '../../src/domain/coaching/scorecard-check.ts';
import {
  benchmarkRatio,
  bucketBenchmark,
  DEFAULT_SCORECARD_METRICS,
  monthsInBucket,
  rampFactor,
  rampFactorForRange,
  rampMonthOf,
  scorecardFor,
  weightedBenchmarkScore,
} from '../../src/domain/coaching/scorecard.ts';

// The default card (migration 0026): calls 400, e-mails 320, new prospects 140, meetings 30 (weights 20/10/30/40);
// won revenue $80,000, win rate 35 %, attainment 100 % (weights 40/20/40).
const CARD = DEFAULT_SCORECARD_METRICS;

describe('scorecard arithmetic', () => {
  it('counts months of benchmark per bucket by calendar share', () => {
    expect(monthsInBucket('month', '2026-07-01', '2026-08-01')).toBe(1);
    expect(monthsInBucket('quarter', '2026-07-01', '2026-10-01')).toBe(3);
    expect(monthsInBucket('week', '2026-07-06', '2026-07-13')).toBeCloseTo(7 / 30.4375, 10);
    expect(monthsInBucket('day', '2026-07-06', '2026-07-07')).toBeCloseTo(1 / 30.4375, 10);
    // A month bucket cut short by the query's range counts its days.
    expect(monthsInBucket('month', '2026-07-16', '2026-08-01')).toBeCloseTo(16 / 30.4375, 10);
  });

  it('numbers ramp months from the hire date, clamping the anniversary to short months', () => {
    expect(rampMonthOf('2026-03-15', '2026-03-14')).toBe(0);
    expect(rampMonthOf('2026-03-15', '2026-03-15')).toBe(1);
    expect(rampMonthOf('2026-03-15', '2026-04-14')).toBe(1);
    expect(rampMonthOf('2026-03-15', '2026-04-15')).toBe(2);
    expect(rampMonthOf('2026-01-31', '2026-02-27')).toBe(1);
    expect(rampMonthOf('2026-01-31', '2026-02-28')).toBe(2);
    expect(rampMonthOf('2025-11-10', '2026-02-10')).toBe(4);
  });

  it('pro-rates the benchmark k/n in ramp month k of n', () => {
    expect(rampFactor('2026-03-15', 3, '2026-03-20')).toBeCloseTo(1 / 3, 10);
    expect(rampFactor('2026-03-15', 3, '2026-04-20')).toBeCloseTo(2 / 3, 10);
    expect(rampFactor('2026-03-15', 3, '2026-05-20')).toBe(1);
    expect(rampFactor('2026-03-15', 3, '2027-01-01')).toBe(1);
    expect(rampFactor('2026-03-15', 3, '2026-03-01')).toBeCloseTo(1 / 3, 10);
    expect(rampFactor(null, 3, '2026-03-20')).toBe(1);
    expect(rampFactor('2026-03-15', 0, '2026-03-20')).toBe(1);
    // A quarter over ramp months 1-3 of 3: July (31 days) 1/3, August (31) 2/3, September (30) 1.
    expect(rampFactorForRange('2026-07-01', 3, '2026-07-01', '2026-10-01')).toBeCloseTo(
      (31 / 3 + (31 * 2) / 3 + 30) / 92,
      10,
    );
  });

  it('scales only additive benchmarks with time, every benchmark with ramp', () => {
    expect(bucketBenchmark(300, true, 3, 0.5)).toBe(450);
    expect(bucketBenchmark(0.25, false, 3, 0.5)).toBe(0.125);
  });

  it('compares with the benchmark, inverted for lower-is-better, capped at 2', () => {
    expect(benchmarkRatio(150, 300, 'higher')).toBe(0.5);
    expect(benchmarkRatio(900, 300, 'higher')).toBe(2);
    expect(benchmarkRatio(120, 60, 'lower')).toBe(0.5);
    expect(benchmarkRatio(20, 60, 'lower')).toBe(2);
    expect(benchmarkRatio(0, 60, 'lower')).toBe(2);
    expect(benchmarkRatio(null, 60, 'higher')).toBeNull();
    expect(benchmarkRatio(5, 0, 'higher')).toBeNull();
  });

  it('weights the ratios and leaves out metrics without a value', () => {
    expect(
      weightedBenchmarkScore([
        { weight: 20, ratio: 0.5 },
        { weight: 10, ratio: 1.2 },
        { weight: 30, ratio: 1 },
        { weight: 40, ratio: 1.5 },
      ]),
    ).toBe(112);
    expect(
      weightedBenchmarkScore([
        { weight: 40, ratio: 0.5 },
        { weight: 20, ratio: 1 },
        { weight: 40, ratio: null },
      ]),
    ).toBe(66.7);
    expect(weightedBenchmarkScore([{ weight: 40, ratio: null }])).toBeNull();
  });

  it('scores a bucket: the worked example of docs/coaching.md', () => {
    const s = scoreBucket(
      CARD,
      {
        calls: 200,
        emails: 384,
        new_prospects: 140,
        meetings_held: 45,
        won_revenue: 4_000_000,
        win_rate: 0.35,
        quota_attainment: null,
      },
      { hireDate: null, rampMonths: 3 },
      'month',
      { start: '2026-07-01', end: '2026-08-01' },
    );
    expect(s.activityScore).toBe(112);
    expect(s.resultsScore).toBe(66.7);
    expect(s.ramp).toBe(1);
    // The same values by a rep in ramp month 2 of 4 for all of July: every benchmark halves.
    const ramping = scoreBucket(
      CARD,
      { calls: 200, emails: 160, new_prospects: 70, meetings_held: 15 },
      { hireDate: '2026-06-01', rampMonths: 4 },
      'month',
      { start: '2026-07-01', end: '2026-08-01' },
    );
    expect(ramping.ramp).toBe(0.5);
    expect(ramping.metrics.find((m) => m.metricId === 'calls')?.benchmark).toBe(200);
    expect(ramping.activityScore).toBe(100);
    expect(ramping.resultsScore).toBeNull();
  });

  it('picks the card of the sales role, else the default', () => {
    const cards = [
      { id: 1, salesRole: null },
      { id: 2, salesRole: 'SDR' },
    ];
    expect(scorecardFor(cards, 'SDR')?.id).toBe(2);
    expect(scorecardFor(cards, 'AE')?.id).toBe(1);
    expect(scorecardFor(cards, null)?.id).toBe(1);
    expect(scorecardFor([{ id: 2, salesRole: 'SDR' }], 'AE')).toBeNull();
  });

  it('names every bad line of a scorecard', () => {
    const problems = scorecardProblems([
      { metricId: 'calls', kind: 'leading', benchmark: 300, weight: 20 },
      { metricId: 'nope', kind: 'leading', benchmark: 1, weight: 1 },
      { metricId: 'calls', kind: 'other' as 'leading', benchmark: 0, weight: -1 },
    ]);
    expect(problems.map((p) => `${p.field}: ${p.reason}`)).toEqual([
      'metrics[1].metricId: no metric with this id',
      'metrics[2].metricId: listed more than once',
      'metrics[2].kind: must be leading or lagging',
      'metrics[2].benchmark: must be a number > 0 and <= 1000000000000',
      'metrics[2].weight: must be a number > 0 and <= 1000',
    ]);
    expect(scorecardProblems([])).toHaveLength(1);
  });
});

describe('benchmarks', () => {
  it('interpolates quantiles between order statistics', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(topQuartile([1, 2, 3, 4], 'higher')).toBe(3.25);
    expect(topQuartile([1, 2, 3, 4], 'lower')).toBe(1.75);
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
  });

  it('gives mid-rank percentiles, equal for ties, better = lower for lower-is-better', () => {
    expect(percentileOf([10, 20, 20, 30], 20)).toBe(50);
    expect(percentileOf([10, 20, 20, 30], 30)).toBe(87.5);
    expect(percentileOf([10, 20, 20, 30], 10, 'lower')).toBe(87.5);
    expect(percentileOf([5], 5)).toBe(50);
    expect(percentileOf([1, 2], null)).toBeNull();
  });
});

describe('peer privacy', () => {
  it('shows peer figures to a viewer who sees every peer, else only from five peers', () => {
    const rep = { userId: 1, role: 'rep' as const, visibleUserIds: [1] };
    const admin = { userId: 9, role: 'admin' as const, visibleUserIds: null };
    expect(peerFiguresShown(admin, [1, 2])).toBe(true);
    expect(peerFiguresShown(rep, [1])).toBe(true);
    expect(peerFiguresShown(rep, [1, 2, 3, 4])).toBe(false);
    expect(peerFiguresShown(rep, [1, 2, 3, 4, 5])).toBe(true);
  });
});

describe('quadrants', () => {
  it('takes the median pairwise slope, so one odd period barely moves it', () => {
    // Four periods on a line of slope 2 and one outlier: least squares would give 18.8, Theil-Sen 2.
    expect(
      theilSenSlope([
        { x: 0, y: 10 },
        { x: 1, y: 12 },
        { x: 2, y: 14 },
        { x: 3, y: 16 },
        { x: 4, y: 100 },
      ]),
    ).toBe(2);
    // Slopes 1, 1, 1, 13, 19, 37: an even count averages the middle two.
    expect(
      theilSenSlope([
        { x: 0, y: 1 },
        { x: 1, y: 2 },
        { x: 2, y: 3 },
        { x: 3, y: 40 },
      ]),
    ).toBe(7);
    expect(theilSenSlope([{ x: 0, y: 1 }])).toBeNull();
    expect(
      theilSenSlope([
        { x: 1, y: 1 },
        { x: 1, y: 5 },
      ]),
    ).toBeNull();
  });

  it('counts a tie with a threshold as top and as growing', () => {
    const t = DEFAULT_QUADRANT_THRESHOLDS;
    expect(quadrantOf(50, 0, t)).toBe('rising_star');
    expect(quadrantOf(50, -0.01, t)).toBe('falling_star');
    expect(quadrantOf(49.9, 0, t)).toBe('improving_laggard');
    expect(quadrantOf(49.9, -1, t)).toBe('declining_laggard');
    expect(quadrantOf(80, 3, { ...t, levelPercentile: 90, trendSlope: 5 })).toBe('declining_laggard');
  });

  it('places reps by level percentile and slope, leaving out reps with too short a history', () => {
    const placed = placeReps(
      [
        { userId: 1, scores: [100, 110, 120] },
        { userId: 2, scores: [80, 70, 60] },
        { userId: 3, scores: [90, null, 90] },
        { userId: 4, scores: [120, 100, 80] },
        { userId: 5, scores: [50, 60, 70] },
      ],
      DEFAULT_QUADRANT_THRESHOLDS,
    );
    const by = new Map(placed.map((p) => [p.userId, p]));
    // Peers (rep 3 has 2 scores < minPeriods 3): levels 110, 70, 100, 60.
    expect(by.get(1)).toMatchObject({
      level: 110,
      levelPercentile: 87.5,
      slope: 10,
      quadrant: 'rising_star',
    });
    expect(by.get(4)).toMatchObject({
      level: 100,
      levelPercentile: 62.5,
      slope: -20,
      quadrant: 'falling_star',
    });
    expect(by.get(2)).toMatchObject({ levelPercentile: 37.5, slope: -10, quadrant: 'declining_laggard' });
    expect(by.get(5)).toMatchObject({ levelPercentile: 12.5, slope: 10, quadrant: 'improving_laggard' });
    expect(by.get(3)).toMatchObject({ level: 90, periodsWithScore: 2, slope: null, quadrant: null });
  });

  it('puts reps with equal levels and flat trends together', () => {
    const placed = placeReps(
      [
        { userId: 1, scores: [100, 100, 100] },
        { userId: 2, scores: [100, 100, 100] },
      ],
      DEFAULT_QUADRANT_THRESHOLDS,
    );
    expect(placed.map((p) => [p.levelPercentile, p.slope, p.quadrant])).toEqual([
      [50, 0, 'rising_star'],
      [50, 0, 'rising_star'],
    ]);
  });

  it('checks thresholds', () => {
    expect(thresholdProblems(DEFAULT_QUADRANT_THRESHOLDS)).toEqual([]);
    expect(
      thresholdProblems({ levelPercentile: 120, trendSlope: 1e308, minPeriods: 1 }).map((p) => p.field),
    ).toEqual(['levelPercentile', 'trendSlope', 'minPeriods']);
  });
});
