import type { BusinessCalendar } from '../calendar/business-time.ts';
import type { ScopeCalls } from './judgement.ts';
import type { StageOutcome } from './learned-probability.ts';
import type { CreatedDeal } from './new-pipeline.ts';
import type { StageDurationBucket } from './stage-age.ts';
import type { StageWinTiming } from './stage-timing.ts';
import type { CycleStats } from './cycle-age.ts';
import type { SlipHistogram } from './monte-carlo.ts';
import type { ForecastDeal, ForecastWindow } from './types.ts';

/** Won revenue and won deal count of one owner in a window. */
export interface WonTotals {
  amount: number;
  count: number;
}

/** A rep as the run-rate's ramp sees them. */
export interface RepProfile {
  id: number;
  hireDate: string | null;
  rampMonths: number;
}

/**
 * Everything every method needs for one as-of instant, company-wide, keyed by owner ('rep:ID' / 'rep:none') so
 * one load serves many scopes (snapshots and backtests compute every rep and team from the same inputs).
 */
export interface ForecastInputs {
  window: ForecastWindow;
  /** Open deals at the as-of instant (all of them, not only those closing in the period). */
  deals: ForecastDeal[];
  wonToDateByOwner: ReadonlyMap<string, number>;
  lookbackDays: number;
  /** Won in [asOf - lookbackDays, asOf) and in the window before that, by owner. */
  lookbackWonByOwner: ReadonlyMap<string, WonTotals>;
  priorWonByOwner: ReadonlyMap<string, number>;
  reps: readonly RepProfile[];
  /** Every user, in id order: a company forecast without a call adds up each one's number (see rollupKeys). */
  userIds: readonly number[];
  /** Cycle statistics per 'pipelineId:type' (won deals closed before the as-of instant). */
  cycleStats: ReadonlyMap<string, CycleStats>;
  slips: SlipHistogram;
  calls: ReadonlyMap<string, ScopeCalls>;
  /** Closed deals per pipeline, stage and owner before the as-of instant, for learned stage probabilities. */
  stageOutcomes: readonly StageOutcome[];
  /** When the wins of each stage came (won deals before the as-of instant), for the within-period rate. */
  stageTimings?: readonly StageWinTiming[];
  /** How long closed deals stayed in each stage, won apart (the age factor of learned probabilities). */
  stageDurations?: readonly StageDurationBucket[];
  /**
   * Pipelines whose workspace setting is 'learned' (pipelines.probability_source): their deals use learned stage
   * probabilities unless a request overrides the source. Absent = every pipeline uses its configured ones.
   */
  learnedPipelines?: ReadonlySet<number>;
  /** The workspace's planned growth in percent (run-rate); null or absent = the trailing trend. */
  plannedGrowthPct?: number | null;
  /** Won by owner a year ago (RUN_RATE_SEASON_SHIFT_DAYS) in the rest of the period and in the look-back. */
  lastYearWon?: {
    remainingByOwner: ReadonlyMap<string, WonTotals>;
    lookbackByOwner: ReadonlyMap<string, WonTotals>;
  };
  /** Deals created before the as-of instant (wins after it hidden), for the pipeline yet to be created. */
  created: {
    deals: readonly CreatedDeal[];
    firstDate: string | null;
    calendar: BusinessCalendar;
  };
}

/** Minimum similar won deals before cycle statistics are trusted (below this the stage probability stands alone). */
export const MIN_CYCLE_SAMPLES = 5;
