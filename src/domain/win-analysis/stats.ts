/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of an empty list');
  const s = Float64Array.from(xs).sort();
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('mean of an empty list');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Cliff's delta: P(a > b) - P(a < b) over every pair (a from `as`, b from `bs`), from -1 to 1; 0 when the two
 * overlap fully. Equal to the rank-biserial correlation of the Mann-Whitney U test. Both lists are sorted once
 * (typed arrays: a native numeric sort) and walked together, O(n log n) rather than a loop over every pair (a
 * company's quarter has thousands of deals).
 */
export function cliffsDelta(as: readonly number[], bs: readonly number[]): number {
  if (as.length === 0 || bs.length === 0) throw new Error("Cliff's delta needs two non-empty lists");
  const a = Float64Array.from(as).sort();
  const b = Float64Array.from(bs).sort();
  let below = 0; // values of b strictly below a[i]
  let notAbove = 0; // values of b at most a[i]
  let net = 0;
  for (const x of a) {
    while (below < b.length && b[below]! < x) below += 1;
    if (notAbove < below) notAbove = below;
    while (notAbove < b.length && b[notAbove]! <= x) notAbove += 1;
    net += below - (b.length - notAbove);
  }
  return net / (a.length * b.length);
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
