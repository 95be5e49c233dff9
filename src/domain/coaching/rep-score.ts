import type { Grain } from '../calendar/period.ts';
import { getMetric } from '../metrics/registry.ts';
import {
  benchmarkRatio,
  bucketBenchmark,
  monthsInBucket,
  rampFactorForRange,
  weightedBenchmarkScore,
  type ScoreKind,
  type ScorecardMetric,
} from './scorecard.ts';

/** What a rep's benchmarks depend on. */
export interface RepProfile {
  hireDate: string | null;
  rampMonths: number;
}

/** One metric of a rep's scorecard in one bucket. */
export interface ScoredMetric {
  metricId: string;
  kind: ScoreKind;
  weight: number;
  value: number | null;
  /** The monthly benchmark pro-rated to the bucket and the rep's ramp. */
  benchmark: number;
  /** value vs benchmark, capped (null: left out of the score). */
  ratio: number | null;
}

/** A rep's scorecard in one bucket: the activity (leading) and results (lagging) scores and their lines. */
export interface BucketScore {
  activityScore: number | null;
  resultsScore: number | null;
  /** Ramp factor applied to every benchmark of the bucket (1 = fully ramped). */
  ramp: number;
  metrics: ScoredMetric[];
}

/** A bucket's dates, as the metrics engine counted it: start inclusive, end exclusive. */
export interface BucketDates {
  start: string;
  end: string;
}

/**
 * Scores one rep in one bucket from the metric values the engine returned: each line's benchmark pro-rated by
 * time (additive metrics) and ramp, its capped ratio, then the two weighted scores. A bucket that ends on or
 * before the rep's hire date has no scores.
 */
export function scoreBucket(
  card: readonly ScorecardMetric[],
  values: Readonly<Record<string, number | null | undefined>>,
  profile: RepProfile,
  grain: Grain | null,
  bucket: BucketDates,
): BucketScore {
  // Not hired yet for the whole bucket: nothing to score (the zeros would read as a collapse).
  if (profile.hireDate !== null && bucket.end <= profile.hireDate) {
    return {
      activityScore: null,
      resultsScore: null,
      ramp: 0,
      metrics: card.map((m) => ({
        metricId: m.metricId,
        kind: m.kind,
        weight: m.weight,
        value: values[m.metricId] ?? null,
        benchmark: 0,
        ratio: null,
      })),
    };
  }
  const months = monthsInBucket(grain, bucket.start, bucket.end);
  const ramp = rampFactorForRange(profile.hireDate, profile.rampMonths, bucket.start, bucket.end);
  const metrics = card.map((m): ScoredMetric => {
    const def = getMetric(m.metricId);
    if (!def) throw new Error(`scorecard metric ${m.metricId} is not in the registry`);
    const benchmark = bucketBenchmark(m.benchmark, def.additive, months, ramp);
    const value = values[m.metricId] ?? null;
    return {
      metricId: m.metricId,
      kind: m.kind,
      weight: m.weight,
      value,
      benchmark: Math.round(benchmark * 1000) / 1000,
      ratio: benchmarkRatio(value, benchmark, def.direction),
    };
  });
  const of = (kind: ScoreKind) =>
    weightedBenchmarkScore(
      metrics.filter((m) => m.kind === kind).map((m) => ({ weight: m.weight, ratio: m.ratio })),
    );
  return {
    activityScore: of('leading'),
    resultsScore: of('lagging'),
    ramp: Math.round(ramp * 1000) / 1000,
    metrics,
  };
}
