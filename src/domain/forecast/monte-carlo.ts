import type { Random } from '../random/seeded-random.ts';
import { daysBetween } from '../calendar/local-date.ts';
import { effectiveCloseDate } from './deal-window.ts';
import type { ForecastDeal, ForecastWindow, MethodResult } from './types.ts';

/** Historical slippage: actual close minus first expected close date, in days, with how many won deals slipped so. */
export interface SlipHistogram {
  days: readonly number[];
  counts: readonly number[];
}

export interface MonteCarloOptions {
  iterations: number;
  random: Random;
  /** Deals still to be created and won in the period (new-pipeline.ts): a Poisson count of average-size deals. */
  newPipeline?: { expectedDeals: number; avgDeal: number };
}

/** Above this mean a Poisson draw uses its normal approximation (Knuth's product method gets slow and underflows). */
const POISSON_NORMAL_ABOVE = 30;

/** A Poisson-distributed count with mean `mean`. */
export function poisson(r: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > POISSON_NORMAL_ABOVE) return Math.max(0, Math.round(mean + Math.sqrt(mean) * r.normal()));
  const limit = Math.exp(-mean);
  let n = 0;
  let p = r.next();
  while (p > limit) {
    n += 1;
    p *= r.next();
  }
  return n;
}

/** Draws a slip (days) in proportion to how often it happened; no history means no slip. */
function slipSampler(h: SlipHistogram): (r: Random) => number {
  const total = h.counts.reduce((a, b) => a + b, 0);
  if (total <= 0 || h.days.length === 0) return () => 0;
  const cumulative: number[] = [];
  let run = 0;
  for (const c of h.counts) {
    run += c;
    cumulative.push(run);
  }
  return (r) => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return h.days[lo] as number;
  };
}

/** Nearest-rank quantile of an ascending list. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

/**
 * Monte Carlo range. Each run decides every open deal independently: won with its stage probability, on its
 * expected close date moved by a slip drawn from history (never before the as-of day); the run's revenue is won to
 * date plus the won deals landing in the period. P10 / P50 / P90 are nearest-rank quantiles over the runs, and the
 * same seed gives the same numbers. Deals without a close date are left out (nothing says when they would land).
 */
export function monteCarloForecast(
  deals: readonly ForecastDeal[],
  window: ForecastWindow,
  slips: SlipHistogram,
  wonToDate: number,
  options: MonteCarloOptions,
): MethodResult {
  const sampleSlip = slipSampler(slips);
  // Work in whole days after the as-of day so the inner loop is integer arithmetic.
  const startDay = daysBetween(window.asOfDate, window.start);
  const endDay = daysBetween(window.asOfDate, window.end);
  const minSlip = slips.days.length > 0 ? Math.min(...slips.days) : 0;
  const maxSlip = slips.days.length > 0 ? Math.max(...slips.days) : 0;
  // Only deals that some slip can bring into the period take part; the others never count.
  const dated: ForecastDeal[] = [];
  const expected: number[] = [];
  for (const d of deals) {
    if (d.expectedCloseDate === null || d.probability <= 0) continue;
    const day = daysBetween(window.asOfDate, effectiveCloseDate(d, window.asOfDate) as string);
    if (Math.max(0, day + minSlip) >= endDay || Math.max(0, day + maxSlip) < startDay) continue;
    dated.push(d);
    expected.push(day);
  }
  const outcomes: number[] = new Array(options.iterations);
  const r = options.random;
  const fresh = options.newPipeline;
  let sum = 0;
  let freshSum = 0;
  for (let i = 0; i < options.iterations; i++) {
    let total = 0;
    if (fresh && fresh.expectedDeals > 0) {
      const added = poisson(r, fresh.expectedDeals) * fresh.avgDeal;
      total += added;
      freshSum += added;
    }
    for (let k = 0; k < dated.length; k++) {
      const d = dated[k] as ForecastDeal;
      if (r.next() >= d.probability) continue;
      const close = Math.max(0, (expected[k] as number) + sampleSlip(r));
      if (close >= startDay && close < endDay) total += d.amount;
    }
    outcomes[i] = total;
    sum += total;
  }
  outcomes.sort((a, b) => a - b);
  const p50 = Math.round(quantile(outcomes, 0.5));
  // The split of the median between today's deals and deals still to be created follows their mean shares.
  const toBeCreated =
    fresh && sum > 0 ? Math.round((p50 * freshSum) / sum) : fresh && fresh.expectedDeals > 0 ? p50 : 0;
  return {
    method: 'monte_carlo',
    value: wonToDate + p50,
    wonToDate,
    projected: p50,
    low: wonToDate + Math.round(quantile(outcomes, 0.1)),
    high: wonToDate + Math.round(quantile(outcomes, 0.9)),
    inPipeline: fresh ? p50 - toBeCreated : null,
    toBeCreated: fresh ? toBeCreated : null,
    breakdown: {
      iterations: options.iterations,
      mean: options.iterations > 0 ? Math.round(wonToDate + sum / options.iterations) : wonToDate,
      deals: dated.length,
    },
  };
}
