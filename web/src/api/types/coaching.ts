/** Response types of the coaching endpoints (src/server/routes/coaching/). */

export type PipelineCategory =
  | 'added'
  | 'pulled_in'
  | 'reassigned_in'
  | 'amount_up'
  | 'amount_down'
  | 'moved_forward'
  | 'moved_back'
  | 'stalled'
  | 'unchanged'
  | 'won'
  | 'lost'
  | 'pushed'
  | 'reassigned_out'
  | 'removed';

export type PipelineFlag =
  | 'created'
  | 'moved_forward'
  | 'moved_back'
  | 'close_date_later'
  | 'close_date_earlier'
  | 'amount_up'
  | 'amount_down'
  | 'owner_changed'
  | 'stalled';

/** One currency's reconciliation: start + the categories' effects = end. */
export interface PipelineTotals {
  currency: string;
  startCount: number;
  startValueMinor: number;
  endCount: number;
  endValueMinor: number;
  categories: Array<{ category: PipelineCategory; count: number; amountMinor: number; effectMinor: number }>;
  flags: Array<{ flag: PipelineFlag; count: number }>;
}

export interface PipelineDeal {
  opportunityId: number;
  name: string;
  currency: string;
  ownerId: number | null;
  ownerName: string | null;
  category: PipelineCategory;
  flags: PipelineFlag[];
  startAmountMinor: number;
  endAmountMinor: number;
  effectMinor: number;
  amountMinor: number;
  startCloseDate: string | null;
  endCloseDate: string | null;
  /** The same amounts in the workspace currency; null when the deal's currency has no rate. */
  workspace: {
    startAmountMinor: number;
    endAmountMinor: number;
    effectMinor: number;
    amountMinor: number;
  } | null;
}

/** GET /api/pipeline-changes. */
export interface PipelineChanges {
  week: { key: string; from: string; to: string };
  closePeriod: { key: string; from: string | null; to: string | null };
  subject: { type: 'rep' | 'team' | 'visible'; id: number | null; name: string };
  stalledDays: number;
  /** Per currency, in the deals' own amounts. */
  totals: PipelineTotals[];
  /** Every deal with a rate, converted to the workspace currency (one reconciliation). */
  workspaceTotals: PipelineTotals;
  currenciesWithoutRate: string[];
  /** At most `limit` deals (of `category` when asked), largest effect first. */
  deals: PipelineDeal[];
  dealCount: number;
}

export const PIPELINE_CHANGES_FIELDS = [
  'week',
  'closePeriod',
  'subject',
  'stalledDays',
  'totals',
  'workspaceTotals',
  'currenciesWithoutRate',
  'deals',
] as const;

interface StageSide {
  entered: number;
  advanced: number;
  rate: number | null;
  medianDays: number | null;
  avgDays: number | null;
}

export type DiagnosisSentence =
  | { kind: 'biggest_gap'; values: { from: string; to: string; rep: number; team: number }; text: string }
  | { kind: 'no_gap'; values: { points: number }; text: string }
  | {
      kind: 'follow_up_gaps';
      values: { count: number; lost: number; threshold: number; teamShare: number | null };
      text: string;
    }
  | { kind: 'response_time'; values: { rep: number; team: number | null }; text: string };

/** GET /api/coaching/funnel-diagnosis. */
export interface FunnelDiagnosis {
  rep: { id: number; name: string };
  peers: { kind: 'team' | 'company'; teamId: number | null; teamName: string | null; reps: number };
  period: { key: string; from: string; to: string };
  stages: Array<{
    stageId: number;
    from: string;
    to: string;
    rep: StageSide;
    team: StageSide;
    gap: number | null;
    daysGap: number | null;
  }>;
  biggestGap: { stageId: number; from: string; to: string; repRate: number; teamRate: number } | null;
  followUps: {
    threshold: number;
    rep: { lost: number; fewFollowUps: number; share: number | null };
    team: { lost: number; fewFollowUps: number; share: number | null };
  };
  responseTime: { repMinutes: number | null; teamMinutes: number | null };
  sentences: DiagnosisSentence[];
}

export const FUNNEL_DIAGNOSIS_FIELDS = [
  'rep',
  'peers',
  'period',
  'stages',
  'biggestGap',
  'followUps',
  'responseTime',
  'sentences',
] as const;
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
