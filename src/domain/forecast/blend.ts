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
  /** Days from the period start to the checkpoint (0 at the start). */
  day: number;
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
  /** The same comparison at each checkpoint (start, week 2, mid): the checkpoints differ in which method is best. */
  versusBest: Record<BlendSlot, SlotComparison>;
}

export type BlendSlot = 'start' | 'week2' | 'mid';

/** The blend against the most accurate single method at one checkpoint, on the same scored checkpoints. */
export interface SlotComparison {
  blendMape: number | null;
  bestSingle: MethodId | null;
  bestSingleMape: number | null;
  beatsBest: boolean | null;
}

function compare(
  blend: ForecastOutcome[],
  singles: ReadonlyMap<MethodId, ForecastOutcome[]>,
): SlotComparison {
  const stats = new Map([...singles].map(([m, o]) => [m, errorStats(o)]));
  const bestSingle = mostAccurate(stats);
  const bestSingleMape = bestSingle === null ? null : (stats.get(bestSingle)?.mape ?? null);
  const blendMape = errorStats(blend).mape;
  return {
    blendMape,
    bestSingle,
    bestSingleMape,
    beatsBest: blendMape === null || bestSingleMape === null ? null : blendMape <= bestSingleMape,
  };
}

/**
 * Earlier checkpoints count for a checkpoint `day` days into a period when they lie within this many days of the
 * same point of their own period: the same slot and its weekly neighbours, so a method that is good at the start
 * but not late in the period (or the reverse) is weighted for the point in the period the forecast is made at.
 */
export const BLEND_NEIGHBOUR_DAYS = 7;

/**
 * Blend weights for a checkpoint `day` days into period `p`: 1 / MAPE² of each method over the checkpoints of the
 * periods before `p` at the same point of their period (± BLEND_NEIGHBOUR_DAYS), so no figure of period `p`
 * itself (nor of any later one) is used.
 */
export function priorWeights(rows: readonly BacktestCheckpoint[], p: number, day = 0): Map<MethodId, number> {
  const prior = new Map<MethodId, ForecastOutcome[]>();
  for (const r of rows) {
    if (r.period >= p || Math.abs(r.day - day) > BLEND_NEIGHBOUR_DAYS) continue;
    for (const [m, v] of r.values) prior.set(m, [...(prior.get(m) ?? []), { forecast: v, actual: r.actual }]);
  }
  return blendWeights(new Map([...prior].map(([m, o]) => [m, errorStats(o)])));
}

/**
 * Scores the blend without look-ahead: each checkpoint is blended with weights from the same point of the periods
 * before it (priorWeights), so the first period (nothing to learn from) is not scored; the best single method is
 * judged at each checkpoint (start, week 2, mid) on the same scored checkpoints.
 */
export function blendedBacktest(rows: readonly BacktestCheckpoint[]): BlendedAccuracy {
  const out = {
    start: [] as ForecastOutcome[],
    week2: [] as ForecastOutcome[],
    mid: [] as ForecastOutcome[],
  };
  const all: ForecastOutcome[] = [];
  const singles: Record<BlendSlot, Map<MethodId, ForecastOutcome[]>> = {
    start: new Map(),
    week2: new Map(),
    mid: new Map(),
  };
  const periods = [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b);
  for (const p of periods) {
    for (const r of rows) {
      if (r.period !== p) continue;
      const weights = priorWeights(rows, p, r.day);
      if (weights.size === 0) continue;
      const v = blendedValue(r.values, weights);
      if (v === null) continue;
      const outcome = { forecast: v, actual: r.actual };
      all.push(outcome);
      if (r.slot === null) continue;
      out[r.slot].push(outcome);
      const slot = singles[r.slot];
      for (const [m, mv] of r.values)
        slot.set(m, [...(slot.get(m) ?? []), { forecast: mv, actual: r.actual }]);
    }
  }
  const versusBest = {
    start: compare(out.start, singles.start),
    week2: compare(out.week2, singles.week2),
    mid: compare(out.mid, singles.mid),
  };
  return {
    atStart: errorStats(out.start),
    atWeek2: errorStats(out.week2),
    atMid: errorStats(out.mid),
    allCheckpoints: errorStats(all),
    bestSingle: versusBest.start.bestSingle,
    bestSingleMape: versusBest.start.bestSingleMape,
    beatsBest: versusBest.start.beatsBest,
    versusBest,
  };
}
