import { errorStats, mostAccurate, type ErrorStats, type ForecastOutcome } from './accuracy.ts';
import type { MethodId } from './types.ts';

/**
 * The blended forecast: the methods' numbers averaged with weights from their recent accuracy for the scope.
 * A method's weight is 1 / MAPE² (inverse squared error, as an inverse-variance average would weigh them), so a
 * method twice as accurate counts four times as much and one that misses by 90% barely counts. MAPEs below
 * MIN_MAPE are raised to it so one lucky period cannot take all the weight.
 */
export const MIN_MAPE = 0.02;

/** Normalised weights (sum 1) of the methods with a measured MAPE; empty when none has one. */
export function blendWeights(accuracy: ReadonlyMap<MethodId, ErrorStats>): Map<MethodId, number> {
  const raw = new Map<MethodId, number>();
  let total = 0;
  for (const [method, s] of accuracy) {
    if (s.mape === null) continue;
    const w = 1 / Math.max(s.mape, MIN_MAPE) ** 2;
    raw.set(method, w);
    total += w;
  }
  const out = new Map<MethodId, number>();
  for (const [m, w] of raw) out.set(m, w / total);
  return out;
}

/** Σ weight x value over the weighted methods that have a value, renormalised; null when none has one. */
export function blendedValue(
  values: ReadonlyMap<MethodId, number>,
  weights: ReadonlyMap<MethodId, number>,
): number | null {
  let sum = 0;
  let weight = 0;
  for (const [m, w] of weights) {
    const v = values.get(m);
    if (v === undefined) continue;
    sum += w * v;
    weight += w;
  }
  return weight > 0 ? Math.round(sum / weight) : null;
}

/** One checkpoint of a backtest for one scope: every method's number and what was won. */
export interface BacktestCheckpoint {
  /** Index of the period in the backtest, oldest first. */
  period: number;
  /** 'start' | 'week2' | 'mid' | null for the other weekly checkpoints. */
  slot: 'start' | 'week2' | 'mid' | null;
  actual: number;
  values: ReadonlyMap<MethodId, number>;
}

/** The blended forecast's track record, and whether it beat the best single method on the same periods. */
export interface BlendedAccuracy {
  atStart: ErrorStats;
  atWeek2: ErrorStats;
  atMid: ErrorStats;
  allCheckpoints: ErrorStats;
  /** The most accurate single method at period start over the periods the blend was scored on. */
  bestSingle: MethodId | null;
  bestSingleMape: number | null;
  /** True when the blend's MAPE at start is at most the best single method's; null when not measurable. */
  beatsBest: boolean | null;
}

/** Blend weights for period `p` from the start forecasts of the periods before it (no look-ahead). */
export function priorWeights(rows: readonly BacktestCheckpoint[], p: number): Map<MethodId, number> {
  const prior = new Map<MethodId, ForecastOutcome[]>();
  for (const r of rows) {
    if (r.period >= p || r.slot !== 'start') continue;
    for (const [m, v] of r.values) prior.set(m, [...(prior.get(m) ?? []), { forecast: v, actual: r.actual }]);
  }
  return blendWeights(new Map([...prior].map(([m, o]) => [m, errorStats(o)])));
}

/**
 * Scores the blend without look-ahead: each period's checkpoints are blended with weights from the start
 * forecasts of the periods before it, so the first period (nothing to learn from) is not scored; the best single
 * method is judged on the same periods.
 */
export function blendedBacktest(rows: readonly BacktestCheckpoint[]): BlendedAccuracy {
  const out = {
    start: [] as ForecastOutcome[],
    week2: [] as ForecastOutcome[],
    mid: [] as ForecastOutcome[],
  };
  const all: ForecastOutcome[] = [];
  const singles = new Map<MethodId, ForecastOutcome[]>();
  const periods = [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b);
  for (const p of periods) {
    const weights = priorWeights(rows, p);
    if (weights.size === 0) continue;
    for (const r of rows) {
      if (r.period !== p) continue;
      const v = blendedValue(r.values, weights);
      if (v === null) continue;
      const outcome = { forecast: v, actual: r.actual };
      all.push(outcome);
      if (r.slot !== null) out[r.slot].push(outcome);
      if (r.slot === 'start') {
        for (const [m, mv] of r.values)
          singles.set(m, [...(singles.get(m) ?? []), { forecast: mv, actual: r.actual }]);
      }
    }
  }
  const singleStats = new Map([...singles].map(([m, o]) => [m, errorStats(o)]));
  const bestSingle = mostAccurate(singleStats);
  const bestSingleMape = bestSingle === null ? null : (singleStats.get(bestSingle)?.mape ?? null);
  const atStart = errorStats(out.start);
  return {
    atStart,
    atWeek2: errorStats(out.week2),
    atMid: errorStats(out.mid),
    allCheckpoints: errorStats(all),
    bestSingle,
    bestSingleMape,
    beatsBest: atStart.mape === null || bestSingleMape === null ? null : atStart.mape <= bestSingleMape,
  };
}
