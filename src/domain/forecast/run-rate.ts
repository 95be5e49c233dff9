import type { MethodResult } from './types.ts';

/** A rep hired recently enough that the look-back window does not reflect them yet. */
export interface NewRep {
  /** Share of a fully ramped rep's output expected for the rest of the period, 0..1 (see rampFactor). */
  rampFactor: number;
}

export interface RunRateInput {
  /** Revenue won in the look-back window (minor units). */
  wonInLookback: number;
  lookbackDays: number;
  /** Length of the forecast period and the days of it still ahead (from the as-of day). */
  periodDays: number;
  remainingDays: number;
  /** Growth applied to the run-rate, e.g. 0.05 for +5%: the planned growth setting, else the trailing trend. */
  growthRate: number;
  /** Where the growth comes from, for display. */
  growthSource?: GrowthSource;
  /** Same period last year against last year's look-back (run-rate-season.ts); null or absent = no season. */
  seasonFactor?: number | null;
  newReps: readonly NewRep[];
  /** Won deals a ramped rep closes in a whole period, and the average won deal size. */
  dealsPerRepPerPeriod: number;
  avgDealSize: number;
  wonToDate: number;
}

/** 'planned': the workspace's planned growth; 'trend': the trailing trend; 'season': none on top of the season. */
export type GrowthSource = 'planned' | 'trend' | 'season';

/**
 * Historical run-rate: won to date + (daily won rate over the look-back x remaining days x season) x (1 + growth)
 * + new reps x deals per rep x average deal x ramp factor, scaled to the part of the period still ahead.
 */
export function runRateForecast(i: RunRateInput): MethodResult {
  const share = i.periodDays > 0 ? i.remainingDays / i.periodDays : 0;
  const season = i.seasonFactor ?? 1;
  const base = i.lookbackDays > 0 ? (i.wonInLookback / i.lookbackDays) * i.remainingDays * season : 0;
  const growth = base * i.growthRate;
  let rampedReps = 0;
  for (const r of i.newReps) rampedReps += r.rampFactor;
  const newRepRevenue = rampedReps * i.dealsPerRepPerPeriod * i.avgDealSize * share;
  const projected = Math.round(base + growth + newRepRevenue);
  return {
    method: 'run_rate',
    value: i.wonToDate + projected,
    wonToDate: i.wonToDate,
    projected,
    low: null,
    high: null,
    inPipeline: null,
    toBeCreated: null,
    breakdown: {
      lookbackDays: i.lookbackDays,
      base: Math.round(base),
      growth: Math.round(growth),
      growthRate: i.growthRate,
      growthSource: i.growthSource ?? 'trend',
      seasonFactor: i.seasonFactor ?? null,
      newReps: i.newReps.length,
      newRepRevenue: Math.round(newRepRevenue),
    },
  };
}

/** Growth trend: the last window's won revenue against the window before it, capped at +-50% so one lumpy deal cannot run away. */
export function growthTrend(recentWon: number, priorWon: number): number {
  if (priorWon <= 0) return 0;
  return Math.max(-0.5, Math.min(0.5, recentWon / priorWon - 1));
}

/**
 * Average productivity over the next `periodMonths` of a rep `monthsSinceHire` into a linear ramp of `rampMonths`
 * (productivity t / rampMonths until ramped, then 1). A rep with no ramp is at 1.
 */
export function rampFactor(monthsSinceHire: number, rampMonths: number, periodMonths: number): number {
  if (periodMonths <= 0) return 0;
  if (rampMonths <= 0) return 1;
  // Integral of min(t / R, 1): t^2 / 2R below R, then R / 2 + (t - R).
  const integral = (t: number) =>
    t < rampMonths ? (t * t) / (2 * rampMonths) : rampMonths / 2 + (t - rampMonths);
  const a = Math.max(0, monthsSinceHire);
  return (integral(a + periodMonths) - integral(a)) / periodMonths;
}
