import {
  projectFunnel,
  requiredFunnel,
  winsForRevenue,
  withWinRateDelta,
  type FunnelRequirement,
  type FunnelStage,
} from './funnel.ts';

/** Observed funnel for a scope over a look-back, scaled to the plan period. */
export interface ObservedFunnel {
  stages: FunnelStage[];
  /** Average won deal size, minor units. */
  avgDealSize: number;
  /** Entries at the top of the funnel per plan period at the observed pace. */
  topPerPeriod: number;
}

export interface PlanRequest {
  targetRevenue?: number | null;
  targetWins?: number | null;
  /** What-if: this many top-of-funnel entries instead of the observed pace. */
  leads?: number | null;
  /** What-if: win rate (last step) better by this many percentage points. */
  winRateDeltaPoints?: number | null;
}

/** The planner's answer: what the target needs, and what the observed (or what-if) pace would give. */
export interface Plan {
  stages: FunnelStage[];
  targetWins: number | null;
  targetRevenue: number | null;
  required: FunnelRequirement[] | null;
  /** Entries the plan assumes at the top: the what-if leads, else the observed pace. */
  topCount: number;
  projected: FunnelRequirement[];
  projectedWins: number;
  projectedRevenue: number;
  /** Projected wins minus target wins (negative = short of target). */
  gapWins: number | null;
}

/** Runs the reverse funnel and the what-if projection on an observed funnel. */
export function planFunnel(observed: ObservedFunnel, req: PlanRequest): Plan {
  const stages = req.winRateDeltaPoints
    ? withWinRateDelta(observed.stages, req.winRateDeltaPoints)
    : observed.stages;
  const targetWins =
    req.targetWins ??
    (req.targetRevenue !== null && req.targetRevenue !== undefined
      ? winsForRevenue(req.targetRevenue, observed.avgDealSize)
      : null);
  const required = targetWins === null ? null : requiredFunnel(stages, targetWins);
  const topCount = req.leads ?? observed.topPerPeriod;
  const projected = projectFunnel(stages, topCount);
  const projectedWins = projected[projected.length - 1]?.required ?? 0;
  return {
    stages,
    targetWins,
    targetRevenue: req.targetRevenue ?? (targetWins === null ? null : targetWins * observed.avgDealSize),
    required,
    topCount,
    projected,
    projectedWins,
    projectedRevenue: Math.round(projectedWins * observed.avgDealSize),
    gapWins: targetWins === null ? null : projectedWins - targetWins,
  };
}
