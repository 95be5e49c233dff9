import { conversionCounts, type ConversionCounts, type LeadOutcome } from './outcomes.ts';

/** A band of scores [from, to): `from` null is open below, `to` null open above. */
export interface ScoreBand extends ConversionCounts {
  from: number | null;
  to: number | null;
}

/**
 * Conversion by score band, for bands cut at the given edges (ascending, distinct): edges [0, 10, 20] give
 * (<0), [0,10), [10,20), (>=20). A well-chosen set of points shows rates that rise band by band; a flat or
 * falling line says the points do not tell good leads from bad ones.
 */
export function scoreBands(outcomes: readonly LeadOutcome[], edges: readonly number[]): ScoreBand[] {
  for (let i = 1; i < edges.length; i += 1) {
    if ((edges[i] as number) <= (edges[i - 1] as number))
      throw new Error('scoreBands: edges must be ascending');
  }
  const groups: LeadOutcome[][] = Array.from({ length: edges.length + 1 }, () => []);
  for (const o of outcomes) {
    // The number of edges at or below the score is the band's index.
    let k = 0;
    while (k < edges.length && o.score >= (edges[k] as number)) k += 1;
    (groups[k] as LeadOutcome[]).push(o);
  }
  return groups.map((g, k) => ({
    from: k === 0 ? null : (edges[k - 1] as number),
    to: k === edges.length ? null : (edges[k] as number),
    ...conversionCounts(g),
  }));
}

/**
 * Edges every `width` points from the lowest to the highest score seen (a round start, so bands read 0-9, 10-19),
 * at most `maxBands` bands (the width doubles until they fit).
 */
export function evenEdges(outcomes: readonly LeadOutcome[], width: number, maxBands = 12): number[] {
  if (!(width > 0)) throw new Error('evenEdges: width must be positive');
  if (outcomes.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const o of outcomes) {
    lo = Math.min(lo, o.score);
    hi = Math.max(hi, o.score);
  }
  let w = width;
  while ((hi - lo) / w + 1 > maxBands) w *= 2;
  const start = Math.floor(lo / w) * w;
  const edges: number[] = [];
  for (let e = start + w; e <= hi; e += w) edges.push(e);
  return edges;
}
