import { errorStats, mostAccurate, type ErrorStats, type ForecastOutcome } from './accuracy.ts';
import { blendedValue, priorWeights, type BacktestCheckpoint } from './blend.ts';
import type { MethodId } from './types.ts';

/**
 * The recommended forecast: the blend when it has beaten the best single method so far, otherwise that method.
 * Blending correlated methods (stage-weighted, cycle-age and Monte Carlo share one pipeline and one
 * new-pipeline line) gains little, and a method far off drags it, so the blend is used only while its own
 * record earns it. Decided per period from the periods before it only, so the backtest scores the rule honestly.
 */
export type Recommendation = 'blended' | MethodId;

export interface RecommendedAccuracy {
  /** The rule's error at period start over the periods it was scored on (from the second period). */
  atStart: ErrorStats;
  /** What the rule chose for each scored period, oldest first. */
  picks: Recommendation[];
  /** The most accurate single method in hindsight over the same periods, and its MAPE. */
  bestSingle: MethodId | null;
  bestSingleMape: number | null;
  /** True when the rule's MAPE at start is at most the hindsight best method's; null when not measurable. */
  beatsBest: boolean | null;
}

/** Start-of-period outcomes of each method, by period. */
function startRows(rows: readonly BacktestCheckpoint[]): Map<number, BacktestCheckpoint> {
  return new Map(rows.filter((r) => r.slot === 'start').map((r) => [r.period, r]));
}

/**
 * What to recommend for period `p` from the periods before it: the blend when, over the earlier periods it
 * was scored on, its MAPE at start is at most the best single method's on the same periods; else that method.
 * Null when no earlier period has a measured error.
 */
export function recommendationFor(rows: readonly BacktestCheckpoint[], p: number): Recommendation | null {
  const starts = startRows(rows);
  const earlier = [...starts.values()].filter((r) => r.period < p);
  const byMethod = new Map<MethodId, ForecastOutcome[]>();
  for (const r of earlier)
    for (const [m, v] of r.values)
      byMethod.set(m, [...(byMethod.get(m) ?? []), { forecast: v, actual: r.actual }]);
  const best = mostAccurate(new Map([...byMethod].map(([m, o]) => [m, errorStats(o)])));
  if (best === null) return null;
  const blend: ForecastOutcome[] = [];
  const single: ForecastOutcome[] = [];
  for (const r of earlier) {
    const v = blendedValue(r.values, priorWeights(rows, r.period));
    const s = r.values.get(best);
    if (v === null || s === undefined) continue;
    blend.push({ forecast: v, actual: r.actual });
    single.push({ forecast: s, actual: r.actual });
  }
  const b = errorStats(blend).mape;
  const s = errorStats(single).mape;
  return b !== null && s !== null && b <= s ? 'blended' : best;
}

/** Scores the recommendation rule at period start without look-ahead, against the hindsight best method. */
export function recommendedBacktest(rows: readonly BacktestCheckpoint[]): RecommendedAccuracy {
  const starts = startRows(rows);
  const outcomes: ForecastOutcome[] = [];
  const picks: Recommendation[] = [];
  const singles = new Map<MethodId, ForecastOutcome[]>();
  for (const r of [...starts.values()].sort((a, b) => a.period - b.period)) {
    const pick = recommendationFor(rows, r.period);
    if (pick === null) continue;
    const v = pick === 'blended' ? blendedValue(r.values, priorWeights(rows, r.period)) : r.values.get(pick);
    if (v === null || v === undefined) continue;
    picks.push(pick);
    outcomes.push({ forecast: v, actual: r.actual });
    for (const [m, mv] of r.values)
      singles.set(m, [...(singles.get(m) ?? []), { forecast: mv, actual: r.actual }]);
  }
  const singleStats = new Map([...singles].map(([m, o]) => [m, errorStats(o)]));
  const bestSingle = mostAccurate(singleStats);
  const bestSingleMape = bestSingle === null ? null : (singleStats.get(bestSingle)?.mape ?? null);
  const atStart = errorStats(outcomes);
  return {
    atStart,
    picks,
    bestSingle,
    bestSingleMape,
    beatsBest: atStart.mape === null || bestSingleMape === null ? null : atStart.mape <= bestSingleMape,
  };
}
