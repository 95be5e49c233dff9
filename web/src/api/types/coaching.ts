import type { MetricUnit } from './metrics.ts';

/** Types of the coaching endpoints (src/server/routes/coaching/); see docs/coaching.md. */

export type Quadrant = 'rising_star' | 'falling_star' | 'improving_laggard' | 'declining_laggard';

/** GET /api/coaching/scorecard: one rep's scores over the buckets of the period. */
export interface RepScorecard {
  userId: number;
  name: string;
  teamId: number | null;
  salesRole: string | null;
  scorecardId: number;
  buckets: {
    period: string | null;
    start: string;
    end: string;
    activityScore: number | null;
    resultsScore: number | null;
    ramp: number;
  }[];
}

export interface ScorecardReport {
  period: { key: string; start: string; end: string };
  grain: string | null;
  reps: RepScorecard[];
}

export const SCORECARD_FIELDS = [
  'period',
  'grain',
  'reps',
] as const satisfies readonly (keyof ScorecardReport)[];

/** One KPI of a rep in GET /api/coaching/benchmarks. */
export interface RepKpi {
  metricId: string;
  label: string;
  unit: MetricUnit;
  kind: 'leading' | 'lagging';
  weight: number;
  direction: 'higher' | 'lower';
  value: number | null;
  benchmark: number;
  ratio: number | null;
  median: number | null;
  topQuartile: number | null;
  percentile: number | null;
}

export interface RepBenchmarks {
  userId: number;
  name: string;
  salesRole: string | null;
  ramp: number;
  activityScore: number | null;
  activityPercentile: number | null;
  resultsScore: number | null;
  resultsPercentile: number | null;
  kpis: RepKpi[];
}

export interface PeerStats {
  median: number | null;
  topQuartile: number | null;
}

export interface BenchmarksReport {
  period: { key: string; start: string; end: string };
  peers: number;
  activity: PeerStats;
  results: PeerStats;
  reps: RepBenchmarks[];
}

export const BENCHMARKS_FIELDS = [
  'period',
  'peers',
  'activity',
  'results',
  'reps',
] as const satisfies readonly (keyof BenchmarksReport)[];

/** One rep of GET /api/coaching/quadrants. */
export interface RepQuadrant {
  userId: number;
  name: string;
  level: number | null;
  levelPercentile: number | null;
  slope: number | null;
  periodsWithScore: number;
  quadrant: Quadrant | null;
  scores: { period: string; score: number | null }[];
  history: { period: string; quadrant: Quadrant | null }[];
}

export interface QuadrantsReport {
  grain: string;
  periods: number;
  basis: 'results' | 'activity';
  thresholds: { levelPercentile: number; trendSlope: number; minPeriods: number };
  window: string[];
  peers: number;
  reps: RepQuadrant[];
}

export const QUADRANTS_FIELDS = [
  'grain',
  'periods',
  'thresholds',
  'window',
  'reps',
] as const satisfies readonly (keyof QuadrantsReport)[];
