import type { Better } from '../leaderboard/rank.ts';

/** Streak lengths that earn a badge. */
export const STREAK_MILESTONES: readonly number[] = [3, 5, 10, 20, 52];

/** One completed period of a goal: met or not. */
export interface MetPeriod {
  period: string;
  met: boolean;
}

/**
 * Streak milestones reached in a chronological series of completed periods: wherever the run of consecutive
 * met periods reaches a milestone, that period earns a badge. Recomputing over the same history gives the same
 * awards, so the job can run any number of times.
 */
export function streakAwards(
  series: readonly MetPeriod[],
  milestones: readonly number[] = STREAK_MILESTONES,
) {
  const out: Array<{ period: string; streak: number }> = [];
  let run = 0;
  for (const p of series) {
    run = p.met ? run + 1 : 0;
    if (milestones.includes(run)) out.push({ period: p.period, streak: run });
  }
  return out;
}

/** A completed period's value of a metric for one rep. */
export interface PeriodValue {
  period: string;
  value: number | null;
}

/**
 * A personal best: the latest completed period is strictly better than every earlier one with a value (at least
 * one earlier value is required, so a first period is not a "best"). Zero is never a best for higher-is-better.
 */
export function personalBest(
  series: readonly PeriodValue[],
  better: Better,
): { period: string; value: number; previousBest: number } | null {
  const last = series[series.length - 1];
  if (!last || last.value === null) return null;
  const earlier = series
    .slice(0, -1)
    .map((p) => p.value)
    .filter((v): v is number => v !== null);
  if (earlier.length === 0) return null;
  const previousBest = better === 'higher' ? Math.max(...earlier) : Math.min(...earlier);
  if (better === 'higher' && (last.value <= previousBest || last.value <= 0)) return null;
  if (better === 'lower' && last.value >= previousBest) return null;
  return { period: last.period, value: last.value, previousBest };
}
