/** Timing helpers: every figure is the min and median of several runs, in milliseconds. */

export interface Timing {
  min: number;
  median: number;
  runs: number;
}

function summarise(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: round(sorted[0]!), median: round(median), runs: sorted.length };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/**
 * Runs `fn` `runs` times (after `warmup` unmeasured runs), stopping early once `budgetMs` is spent so one slow
 * measure cannot blow the suite's time; returns min/median of what ran.
 */
async function time(
  fn: () => Promise<unknown>,
  o: { runs: number; warmup?: number; budgetMs?: number },
): Promise<Timing> {
  for (let i = 0; i < (o.warmup ?? 0); i++) await fn();
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < o.runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    if (o.budgetMs !== undefined && performance.now() - started > o.budgetMs) break;
  }
  return summarise(times);
}

export const measure = { summarise, time, round };
