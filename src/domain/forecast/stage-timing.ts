import { PRIOR_DEALS } from './learned-probability.ts';

/**
 * When a stage's wins come: the learned stage probability is the chance a deal in the stage is won _eventually_,
 * but a forecast for a period needs the chance it is won before the period ends. Late in a quarter the difference
 * is large: a Discovery deal is typically won months after it sat in Discovery, so with 49 days left only part of
 * its eventual chance still lands in the quarter.
 *
 * Learned from the same day-weighted history as the stage probability (learned-probability.ts): a won deal's stay
 * in a stage is a span of days [entered, left) before its win at W. Of the span's days t, those with W − t < k were
 * won within k days; they number max(0, min(left, W) − max(entered, W − k)). Summed over the won spans this is
 * `wonWithin(k)`, and `wonWithin(k) / wonDays` is the share of the stage's won deal-days whose win came within k
 * days: the timing factor. The probability of a deal in the stage being won within the k days left is then
 * `learned probability × factor(k)`.
 *
 * In terms of the gaps ge = W − left and gs = W − entered (ge ≤ gs), a span adds ramp(k − ge) − ramp(k − gs),
 * ramp(x) = max(0, x); over many spans Σ ramp(k − g) = k × #{g < k} − Σ{g | g < k}. So per stage a histogram of
 * both gaps by whole days (count and sum of gaps in each day) gives the exact figure for every whole k.
 */

/** Gaps (days from a span's end or start to the win) in one whole-day bucket: how many, and their sum. */
export interface GapBucket {
  /** floor(gap in days) */
  day: number;
  count: number;
  sum: number;
}

/** The won spans of one pipeline stage (company-wide), as gap histograms. */
export interface StageWinTiming {
  pipelineId: number;
  stageId: number;
  /** Won deals that passed through the stage (the evidence the factor rests on). */
  wonDeals: number;
  /** Total days the won deals spent in the stage (before their win). */
  wonDays: number;
  /** W − left (the span's end, or the win when it never left before it), bucketed by whole day. */
  endGaps: readonly GapBucket[];
  /** W − entered, bucketed by whole day. */
  startGaps: readonly GapBucket[];
}

/** Σ ramp(k − g) over the gaps: k × #{g < k} − Σ{g | g < k} (whole k, so g < k ⇔ floor(g) < k). */
function rampSum(buckets: readonly GapBucket[], k: number): number {
  let total = 0;
  for (const b of buckets) if (b.day < k) total += k * b.count - b.sum;
  return total;
}

/** Won deal-days whose win came within k days. */
export function wonWithin(t: StageWinTiming, k: number): number {
  if (k <= 0) return 0;
  return rampSum(t.endGaps, k) - rampSum(t.startGaps, k);
}

/**
 * The share of a stage's eventual wins (by deal-days) that lands within k days, shrunk toward 1 (no timing, the
 * eventual rate) by PRIOR_DEALS pseudo-deals, so a stage with few won deals keeps close to its eventual rate.
 */
export function timingFactor(t: StageWinTiming | undefined, k: number): number {
  if (!t || t.wonDays <= 0 || t.wonDeals <= 0) return 1;
  const observed = Math.min(1, Math.max(0, wonWithin(t, k) / t.wonDays));
  return (t.wonDeals * observed + PRIOR_DEALS) / (t.wonDeals + PRIOR_DEALS);
}

/** Timing factors by 'pipelineId:stageId', for one number of days left. */
export class StageTimings {
  private readonly byStage = new Map<string, StageWinTiming>();

  constructor(timings: readonly StageWinTiming[]) {
    for (const t of timings) this.byStage.set(`${t.pipelineId}:${t.stageId}`, t);
  }

  /** The share of the stage's eventual wins that comes within `daysLeft` days (1 without history). */
  factor(pipelineId: number, stageId: number, daysLeft: number): number {
    return timingFactor(this.byStage.get(`${pipelineId}:${stageId}`), daysLeft);
  }
}
