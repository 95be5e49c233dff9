import { LearnedProbabilities } from '../../../domain/forecast/learned-probability.ts';
import type { Db } from '../../db.ts';
import { stageOutcomesBefore } from '../forecast/stage-outcomes.ts';
import { pipelinesWithStages, type PipelineInfo, type StageInfo } from './pipelines-with-stages.ts';

/** A stage with its calibration: the configured probability beside what closed deals say (percent, 0-100). */
export interface CalibratedStage extends StageInfo {
  /** Won share of the days closed deals spent in the stage over the last 365 days; null for none or closed stages. */
  observedPct: number | null;
  /** Won share of those deals, each counted once. */
  dealWonSharePct: number | null;
  /** Deals that were in the stage and closed in the last 365 days. */
  closedDeals: number;
  /** The company-level learned probability (observed shrunk toward configured); null for won and lost stages. */
  learnedPct: number | null;
}

export interface CalibratedPipeline extends Omit<PipelineInfo, 'stages'> {
  stages: CalibratedStage[];
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 100);

/**
 * Every pipeline with its stages, each open stage's configured probability beside the observed and learned rates
 * as of `at` (the calibration table of settings and GET /api/pipelines; same numbers as GET /api/forecast).
 */
export async function pipelinesWithCalibration(db: Db, at: Date): Promise<CalibratedPipeline[]> {
  const [pipelines, outcomes] = await Promise.all([pipelinesWithStages(db), stageOutcomesBefore(db, at)]);
  const learned = new LearnedProbabilities(outcomes);
  return pipelines.map((p) => ({
    ...p,
    stages: p.stages.map((s) => {
      if (s.isWon || s.isLost)
        return { ...s, observedPct: null, dealWonSharePct: null, closedDeals: 0, learnedPct: null };
      const [c] = learned.calibration([
        { pipelineId: p.id, stageId: s.id, configured: s.probabilityPct / 100 },
      ]);
      return {
        ...s,
        observedPct: pct(c?.observed ?? null),
        dealWonSharePct: pct(c?.dealWonShare ?? null),
        closedDeals: c?.closed ?? 0,
        learnedPct: pct(c?.learned ?? null),
      };
    }),
  }));
}
