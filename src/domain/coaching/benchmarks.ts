/**
 * Peer statistics for benchmarks: quantiles by linear interpolation between order statistics (the common
 * "type 7" definition, what spreadsheets' PERCENTILE.INC gives), and a rep's percentile as a mid-rank.
 */

/** The p-quantile (0..1) of the values; null for none. */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/**
 * The better quartile's boundary: the 75th percentile for higher-is-better metrics, the 25th for lower-is-better
 * ones (a top-quartile response time is a short one).
 */
export function topQuartile(values: readonly number[], direction: 'higher' | 'lower'): number | null {
  return quantile(values, direction === 'higher' ? 0.75 : 0.25);
}

/**
 * Percentile of `value` among `values` (which include it), 0-100, higher = better: the share of peers it beats
 * plus half the share it ties with (mid-rank), so equal values get equal percentiles and a lone rep gets 50.
 * For lower-is-better metrics beating means being lower. Null when the value or the peers are missing.
 */
export function percentileOf(
  values: readonly number[],
  value: number | null,
  direction: 'higher' | 'lower' = 'higher',
): number | null {
  if (value === null || values.length === 0) return null;
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (v === value) equal += 1;
    else if (direction === 'higher' ? v < value : v > value) below += 1;
  }
  return Math.round((1000 * (below + 0.5 * equal)) / values.length) / 10;
}
