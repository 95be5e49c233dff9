/** Which way is better for a board: most calls win, fastest response time wins. */
export type Better = 'higher' | 'lower';

/** A competitor with the value it is ranked on (null: no value, e.g. a ratio without a denominator). */
export interface Competitor {
  id: number;
  name: string;
  value: number | null;
}

/** A competitor with its place; rank is null for competitors without a value (listed last). */
export interface Ranked extends Competitor {
  rank: number | null;
}

/**
 * Standard competition ranking ("1224"): equal values share a rank and the next rank skips the tied places.
 * Competitors without a value come last, unranked, ordered by name. Ties are listed by name for stable output.
 */
export function competitionRank(competitors: readonly Competitor[], better: Better): Ranked[] {
  const valued = competitors.filter((c) => c.value !== null);
  const unvalued = competitors.filter((c) => c.value === null);
  const sign = better === 'higher' ? -1 : 1;
  valued.sort(
    (a, b) =>
      sign * ((a.value as number) - (b.value as number)) || a.name.localeCompare(b.name) || a.id - b.id,
  );
  const out: Ranked[] = [];
  valued.forEach((c, i) => {
    const prev = out[i - 1];
    out.push({ ...c, rank: prev && prev.value === c.value ? (prev.rank as number) : i + 1 });
  });
  unvalued.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  for (const c of unvalued) out.push({ ...c, rank: null });
  return out;
}

/** Places moved since the previous period: positive = up (rank 5 -> 2 is +3); null when unranked in either. */
export function movement(rank: number | null, previousRank: number | null): number | null {
  if (rank === null || previousRank === null) return null;
  return previousRank - rank;
}
