import { DrawBlock, type Random } from '../random/seeded-random.ts';
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

/** Above this many won deals in the slip history, the slip lookup table is not built (binary search instead). */
const SLIP_TABLE_MAX = 1 << 22;

/**
 * Draws a slip (days) in proportion to how often it happened: a draw u in [0, 1) picks the first slip whose
 * cumulative count exceeds u x total; no history means no slip and no draw. With whole counts the pick for x
 * equals the pick for floor(x) (an integer c exceeds x exactly when it exceeds floor(x)), so `table[floor(x)]`
 * holds the answer of the binary search for every x: the same slips, looked up instead of searched.
 */
interface SlipSampler {
  /** False: a slip is always 0 and takes no draw. */
  draws: boolean;
  total: number;
  days: Float64Array;
  /** Index into days per whole x, or null when counts are not small whole numbers. */
  table: Int32Array | null;
  cumulative: Float64Array;
}

function slipSampler(h: SlipHistogram): SlipSampler {
  const total = h.counts.reduce((a, b) => a + b, 0);
  const cumulative = new Float64Array(h.counts.length);
  let run = 0;
  h.counts.forEach((c, i) => {
    run += c;
    cumulative[i] = run;
  });
  const days = Float64Array.from(h.days);
  const draws = total > 0 && h.days.length > 0;
  const whole = h.counts.every((c) => Number.isInteger(c) && c >= 0) && total <= SLIP_TABLE_MAX;
  let table: Int32Array | null = null;
  if (draws && whole) {
    table = new Int32Array(total);
    let i = 0;
    for (let x = 0; x < total; x++) {
      while ((cumulative[i] as number) <= x) i++;
      table[x] = i;
    }
  }
  return { draws, total, days, table, cumulative };
}

/** The slip for draw u (see slipSampler). */
function slipFor(s: SlipSampler, u: number): number {
  const x = u * s.total;
  if (s.table !== null) return s.days[s.table[Math.floor(x)] as number] as number;
  let lo = 0;
  let hi = s.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((s.cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return s.days[lo] as number;
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
  const sampler = slipSampler(slips);
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
  // The deals as flat arrays and the draws read from a block: the inner loop runs iterations x deals times
  // (10M at 200 reps) and is then array reads and compares. The draws are the generator's sequence, in the same
  // order as one next() per decision and per slip, so a seed gives the same numbers.
  const n = dated.length;
  const probability = Float64Array.from(dated, (d) => d.probability);
  const amount = Float64Array.from(dated, (d) => d.amount);
  const expectedDay = Float64Array.from(expected);
  const outcomes: number[] = new Array(options.iterations);
  // Room for several runs' draws per block, so most runs take the unchecked loop below (the generator is this
  // call's own: how far ahead the block reads changes no draw).
  const block = new DrawBlock(options.random, Math.max(4096, 16 * n));
  const buffer = block.buffer;
  const size = buffer.length;
  const fresh = options.newPipeline;
  const slipDraws = sampler.draws;
  let sum = 0;
  let freshSum = 0;
  // The block's read position lives in a local inside the loop and is handed back around the Poisson draw.
  let pos = block.pos;
  for (let i = 0; i < options.iterations; i++) {
    let total = 0;
    if (fresh && fresh.expectedDeals > 0) {
      block.pos = pos;
      const added = poisson(block.random, fresh.expectedDeals) * fresh.avgDeal;
      pos = block.pos;
      total += added;
      freshSum += added;
    }
    // A run reads at most two draws per deal: when the block holds that many, the loop needs no refill checks.
    if (size - pos >= 2 * n) {
      for (let k = 0; k < n; k++) {
        if ((buffer[pos++] as number) >= (probability[k] as number)) continue;
        const slip = slipDraws ? slipFor(sampler, buffer[pos++] as number) : 0;
        const close = Math.max(0, (expectedDay[k] as number) + slip);
        if (close >= startDay && close < endDay) total += amount[k] as number;
      }
      outcomes[i] = total;
      sum += total;
      continue;
    }
    for (let k = 0; k < n; k++) {
      if (pos === size) {
        block.refill();
        pos = 0;
      }
      if ((buffer[pos++] as number) >= (probability[k] as number)) continue;
      let slip = 0;
      if (slipDraws) {
        if (pos === size) {
          block.refill();
          pos = 0;
        }
        slip = slipFor(sampler, buffer[pos++] as number);
      }
      const close = Math.max(0, (expectedDay[k] as number) + slip);
      if (close >= startDay && close < endDay) total += amount[k] as number;
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
