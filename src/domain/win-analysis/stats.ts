/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of an empty list');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('mean of an empty list');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Index of the first value in the sorted list `s` that is not before `x` (strictly: above `x`). */
function firstIndex(s: readonly number[], x: number, strictlyAbove: boolean): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (s[m]! < x || (strictlyAbove && s[m] === x)) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * Cliff's delta: P(a > b) - P(a < b) over every pair (a from `as`, b from `bs`), from -1 to 1; 0 when the two
 * overlap fully. Equal to the rank-biserial correlation of the Mann-Whitney U test. Sorting `bs` once makes it
 * O(n log n) rather than a loop over every pair (a company's quarter has thousands of deals).
 */
export function cliffsDelta(as: readonly number[], bs: readonly number[]): number {
  if (as.length === 0 || bs.length === 0) throw new Error("Cliff's delta needs two non-empty lists");
  const s = [...bs].sort((x, y) => x - y);
  let net = 0;
  for (const a of as) {
    const below = firstIndex(s, a, false);
    const above = s.length - firstIndex(s, a, true);
    net += below - above;
  }
  return net / (as.length * bs.length);
}

export type EffectSize = 'negligible' | 'small' | 'moderate' | 'large';

/** Romano et al.'s (2006) thresholds for |Cliff's delta|: 0.147, 0.33, 0.474. */
export function effectSize(delta: number): EffectSize {
  const d = Math.abs(delta);
  if (d < 0.147) return 'negligible';
  if (d < 0.33) return 'small';
  if (d < 0.474) return 'moderate';
  return 'large';
}
