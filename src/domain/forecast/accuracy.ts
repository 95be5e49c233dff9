import type { MethodId } from './types.ts';

/** One forecast made for a period, against what was actually won in it. */
export interface ForecastOutcome {
  forecast: number;
  actual: number;
}

/** Error of a method over many forecasts. */
export interface ErrorStats {
  /** Mean absolute percentage error, 0.12 = 12%; null when no forecast had a non-zero actual. */
  mape: number | null;
  /** Sum(forecast - actual) / sum(actual): positive = over-forecast, negative = under-forecast. */
  bias: number | null;
  /** Forecasts counted (those with actual > 0). */
  n: number;
  /** Forecasts left out because nothing was won (a percentage error is undefined there). */
  skipped: number;
}

/** MAPE and bias over forecasts whose actual is positive. */
export function errorStats(outcomes: readonly ForecastOutcome[]): ErrorStats {
  let ape = 0;
  let diff = 0;
  let actualSum = 0;
  let n = 0;
  for (const o of outcomes) {
    if (o.actual <= 0) continue;
    ape += Math.abs(o.forecast - o.actual) / o.actual;
    diff += o.forecast - o.actual;
    actualSum += o.actual;
    n += 1;
  }
  return {
    mape: n > 0 ? ape / n : null,
    bias: n > 0 ? diff / actualSum : null,
    n,
    skipped: outcomes.length - n,
  };
}

/** The method with the lowest MAPE (ties: the smaller absolute bias); null when no method has any error measured. */
export function mostAccurate(stats: ReadonlyMap<MethodId, ErrorStats>): MethodId | null {
  let best: MethodId | null = null;
  let bestStats: ErrorStats | null = null;
  for (const [method, s] of stats) {
    if (s.mape === null) continue;
    if (
      bestStats === null ||
      s.mape < (bestStats.mape as number) ||
      (s.mape === bestStats.mape && Math.abs(s.bias ?? 0) < Math.abs(bestStats.bias ?? 0))
    ) {
      best = method;
      bestStats = s;
    }
  }
  return best;
}
