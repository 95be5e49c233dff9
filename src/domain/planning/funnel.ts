/** One stage of the sales funnel and the share of top-of-funnel entries that reach it. */
export interface FunnelStage {
  id: string;
  label: string;
  /** Share of the first stage's entries that reach this stage, 0..1 (1 for the first stage). */
  reach: number;
}

/** What the funnel needs at each stage for a target number of wins. */
export interface FunnelRequirement {
  id: string;
  label: string;
  reach: number;
  required: number;
}

/** Stage reach from step conversion rates (each step's rate from the stage before it). */
export function reachFromStepRates(
  stages: ReadonlyArray<{ id: string; label: string; stepRate: number }>,
): FunnelStage[] {
  let reach = 1;
  return stages.map((s, i) => {
    if (i > 0) reach *= s.stepRate;
    return { id: s.id, label: s.label, reach };
  });
}

/** Step rate of stage i from the one before it (1 for the first stage, 0 when nothing reached the stage before). */
export function stepRate(stages: readonly FunnelStage[], i: number): number {
  if (i === 0) return 1;
  const prev = (stages[i - 1] as FunnelStage).reach;
  return prev > 0 ? (stages[i] as FunnelStage).reach / prev : 0;
}

/**
 * Reverse funnel: entries needed at each stage for `targetWins` at the last stage (rounded up; a tiny epsilon keeps
 * 49.999999 from becoming 50 + 1). The brief: 50% reach a quote, 20% negotiation, 10% close -> 500 leads,
 * 250 quotes and 100 negotiations for 50 customers. Null when the funnel never reaches its last stage.
 */
export function requiredFunnel(
  stages: readonly FunnelStage[],
  targetWins: number,
): FunnelRequirement[] | null {
  const last = stages[stages.length - 1];
  if (!last || last.reach <= 0) return null;
  const top = targetWins / last.reach;
  return stages.map((s) => ({
    id: s.id,
    label: s.label,
    reach: s.reach,
    required: Math.ceil(top * s.reach - 1e-9),
  }));
}

/** Forward funnel: expected entries at each stage from `topCount` entries (100 inquiries at 10% -> 10 customers). */
export function projectFunnel(stages: readonly FunnelStage[], topCount: number): FunnelRequirement[] {
  return stages.map((s) => ({ id: s.id, label: s.label, reach: s.reach, required: topCount * s.reach }));
}

/**
 * What-if on the last step (the win rate): adds `points` percentage points to the step rate into the last stage,
 * capped at 100%, and returns the funnel with the new reach for the last stage.
 */
export function withWinRateDelta(stages: readonly FunnelStage[], points: number): FunnelStage[] {
  const n = stages.length;
  if (n < 2) return [...stages];
  const rate = Math.min(1, Math.max(0, stepRate(stages, n - 1) + points / 100));
  return stages.map((s, i) =>
    i === n - 1 ? { ...s, reach: (stages[n - 2] as FunnelStage).reach * rate } : s,
  );
}

/** Wins needed for a revenue target at the average deal size (rounded up); null without a deal size. */
export function winsForRevenue(targetRevenue: number, avgDealSize: number): number | null {
  if (avgDealSize <= 0) return null;
  return Math.ceil(targetRevenue / avgDealSize - 1e-9);
}
