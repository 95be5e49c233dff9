/**
 * Run-rate seasonality from the same period last year: how last year's won revenue in the days still ahead
 * compared with last year's trailing look-back at the same point. The run-rate's base (this year's trailing daily
 * rate x days left) times this factor is then "the same period last year, grown as much as the look-back grew
 * since" (base x season = won last year in the days ahead x won in the look-back / won in last year's look-back),
 * so a quarter-end push or a quiet summer shows up, and the year-on-year growth comes with it.
 */

/** A year ago in whole weeks, so weekdays line up (the same shift the new-pipeline season uses). */
export const RUN_RATE_SEASON_SHIFT_DAYS = 364;
/** Below this many won deals in either window last year, the season is not trusted. */
export const RUN_RATE_SEASON_MIN_WON = 5;
/** One year of one scope is a noisy witness: the factor stays within these bounds. */
export const RUN_RATE_SEASON_MIN = 0.5;
export const RUN_RATE_SEASON_MAX = 2;

export interface LastYearWon {
  /** Won revenue and deals last year in the days matching the rest of the period. */
  remaining: { amount: number; count: number };
  /** Won revenue and deals last year in the look-back window matching this year's. */
  lookback: { amount: number; count: number };
}

/**
 * (won last year in the days ahead / those days) / (won in last year's look-back / look-back days), clamped;
 * null when last year is not fully recorded or too thin to say anything.
 */
export function runRateSeason(
  lastYear: LastYearWon,
  remainingDays: number,
  lookbackDays: number,
): number | null {
  if (remainingDays <= 0 || lookbackDays <= 0) return null;
  const { remaining, lookback } = lastYear;
  if (remaining.count < RUN_RATE_SEASON_MIN_WON || lookback.count < RUN_RATE_SEASON_MIN_WON) return null;
  if (lookback.amount <= 0) return null;
  const factor = remaining.amount / remainingDays / (lookback.amount / lookbackDays);
  return Math.min(RUN_RATE_SEASON_MAX, Math.max(RUN_RATE_SEASON_MIN, factor));
}
