import type { Grain } from '../calendar/period.ts';
import { addDays, dateParts, daysBetween, ymd } from '../calendar/local-date.ts';

/** Whether a scorecard metric counts toward the activity score (leading) or the results score (lagging). */
export type ScoreKind = 'leading' | 'lagging';

/** One line of a scorecard: a metric of the registry, its monthly benchmark and its weight. */
export interface ScorecardMetric {
  metricId: string;
  kind: ScoreKind;
  /** What a fully ramped rep should reach in one calendar month (a ratio metric: the ratio itself). */
  benchmark: number;
  /** Relative weight within its kind (> 0). */
  weight: number;
}

/** A scorecard for one sales role (null = the default for reps without a role or without a card of their own). */
export interface Scorecard {
  id: number;
  salesRole: string | null;
  name: string;
  metrics: ScorecardMetric[];
}

/**
 * The built-in default card (what migration 0026 seeds): the activity score weighs calls 20, e-mails 10, new
 * prospects 30 and meetings held 40; the results score won revenue 40, win rate 20 and quota attainment 40.
 * Benchmarks are per month for a fully ramped rep; money in minor units ($80,000).
 */
export const DEFAULT_SCORECARD_METRICS: readonly ScorecardMetric[] = [
  { metricId: 'calls', kind: 'leading', benchmark: 400, weight: 20 },
  { metricId: 'emails', kind: 'leading', benchmark: 320, weight: 10 },
  { metricId: 'new_prospects', kind: 'leading', benchmark: 140, weight: 30 },
  { metricId: 'meetings_held', kind: 'leading', benchmark: 30, weight: 40 },
  { metricId: 'won_revenue', kind: 'lagging', benchmark: 8_000_000, weight: 40 },
  { metricId: 'win_rate', kind: 'lagging', benchmark: 0.35, weight: 20 },
  { metricId: 'quota_attainment', kind: 'lagging', benchmark: 1, weight: 40 },
];

/** Id of the built-in default card while no default card is stored (a store emptied by demo --reset). */
export const BUILT_IN_DEFAULT_ID = 0;

/** The most one metric may contribute, as a multiple of its benchmark: 2 = 200% (one outlier cannot carry a score). */
export const RATIO_CAP = 2;

/** Days in an average calendar month (365.25 / 12): the time share of day and week buckets. */
export const AVERAGE_MONTH_DAYS = 30.4375;

/**
 * How many months of benchmark a bucket holds (calendar share, not business days): a month 1, a quarter 3, a year
 * 12 (any span from a first of the month to a first of the month: its months), a day or week (or a bucket cut
 * short by the query's range) its days / 30.4375.
 */
export function monthsInBucket(grain: Grain | null, start: string, endExclusive: string): number {
  // Whole calendar months (a month, quarter or year bucket, or a whole period asked without a grain) count as
  // such; a day or week bucket never starts and ends on a first of the month.
  const whole = grain === 'day' || grain === 'week' ? null : wholeMonths(start, endExclusive);
  return whole ?? daysBetween(start, endExclusive) / AVERAGE_MONTH_DAYS;
}

/** The number of calendar months from start to endExclusive when both are first days of a month, else null. */
function wholeMonths(start: string, endExclusive: string): number | null {
  const a = dateParts(start);
  const b = dateParts(endExclusive);
  if (a.day !== 1 || b.day !== 1) return null;
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/**
 * The ramp month a date falls in: 1 from the hire date until the same day a month later, then 2, and so on
 * (0 before the hire date).
 */
export function rampMonthOf(hireDate: string, date: string): number {
  if (date < hireDate) return 0;
  const h = dateParts(hireDate);
  const d = dateParts(date);
  let months = (d.year - h.year) * 12 + (d.month - h.month);
  // Not yet at the monthly anniversary (the day clamps to the month's last day: hired on the 31st).
  if (date < anniversary(h.year, h.month + months, h.day)) months -= 1;
  return months + 1;
}

function anniversary(year: number, month: number, day: number): string {
  const first = ymd(year, month, 1);
  const lastDay = dateParts(addDays(ymd(year, month + 1, 1), -1)).day;
  return ymd(dateParts(first).year, dateParts(first).month, Math.min(day, lastDay));
}

/**
 * Ramp factor on one date: in ramp month k of n the benchmark is k/n of the full one; from month n + 1 on (or with
 * no hire date or no ramp) it is 1. Before the hire date it is 1/n, the first month's share.
 */
export function rampFactor(hireDate: string | null, rampMonths: number, date: string): number {
  if (!hireDate || rampMonths <= 0) return 1;
  const k = Math.max(1, rampMonthOf(hireDate, date));
  return k >= rampMonths ? 1 : k / rampMonths;
}

/** The ramp factor of a bucket: the mean of the daily factors over its days (a quarter across months 2-4 of 3 ...). */
export function rampFactorForRange(
  hireDate: string | null,
  rampMonths: number,
  start: string,
  endExclusive: string,
): number {
  if (!hireDate || rampMonths <= 0) return 1;
  const days = daysBetween(start, endExclusive);
  if (days <= 0) return 1;
  // The factor never falls, so a bucket that starts fully ramped is 1 throughout (most buckets of most reps).
  if (rampFactor(hireDate, rampMonths, start) === 1) return 1;
  let sum = 0;
  for (let i = 0; i < days; i += 1) sum += rampFactor(hireDate, rampMonths, addDays(start, i));
  return sum / days;
}

/**
 * The benchmark a rep is held to in one bucket: the monthly benchmark times the bucket's months (additive metrics
 * only: a ratio such as win rate does not grow with time) times the rep's ramp factor.
 */
export function bucketBenchmark(monthly: number, additive: boolean, months: number, ramp: number): number {
  return monthly * (additive ? months : 1) * ramp;
}

/**
 * How a value compares with its benchmark, capped at RATIO_CAP: value / benchmark for higher-is-better metrics,
 * benchmark / value for lower-is-better ones (a value of 0 there earns the cap). Null when there is no value or
 * no positive benchmark, so the metric is left out of the score.
 */
export function benchmarkRatio(
  value: number | null,
  benchmark: number,
  direction: 'higher' | 'lower',
  cap = RATIO_CAP,
): number | null {
  if (value === null || !Number.isFinite(value) || !(benchmark > 0)) return null;
  if (direction === 'higher') return Math.min(Math.max(value, 0) / benchmark, cap);
  if (value <= 0) return cap;
  return Math.min(benchmark / value, cap);
}

/** One metric's part of a score: its weight and its capped ratio (null = left out). */
export interface ScorePart {
  weight: number;
  ratio: number | null;
}

/**
 * Score = 100 x sum(weight x ratio) / sum(weight), over the parts that have a ratio; 100 = on benchmark, above
 * 100 = beyond it (up to 100 x RATIO_CAP). Null when no part has a ratio. Rounded to 1 decimal.
 */
export function weightedBenchmarkScore(parts: readonly ScorePart[]): number | null {
  let num = 0;
  let den = 0;
  for (const p of parts) {
    if (p.ratio === null || !(p.weight > 0)) continue;
    num += p.weight * p.ratio;
    den += p.weight;
  }
  if (den === 0) return null;
  return Math.round((1000 * num) / den) / 10;
}

/** The scorecard that applies to a rep: the one for their sales role, else the default (role null). */
export function scorecardFor<T extends { salesRole: string | null }>(
  cards: readonly T[],
  salesRole: string | null,
): T | null {
  return (
    (salesRole !== null ? cards.find((c) => c.salesRole === salesRole) : undefined) ??
    cards.find((c) => c.salesRole === null) ??
    null
  );
}
