import type { Better } from './rank.ts';

/** One metric's part in a weighted score. */
export interface ScoreComponent {
  metricId: string;
  weight: number;
  better: Better;
}

/**
 * Weighted score 0-100 per competitor. Each metric is min-max normalised within the board: the best value gets
 * 1, the worst 0, linearly between (inverted for lower-is-better metrics); when everyone has the same value each
 * gets 1; a missing value gets 0. The score is 100 x sum(weight x normalised) / sum(weights), rounded to 2 decimals
 * so that float noise cannot break a tie.
 */
export function weightedScores(
  values: ReadonlyMap<number, Readonly<Record<string, number | null>>>,
  components: readonly ScoreComponent[],
): Map<number, number> {
  const totalWeight = components.reduce((s, c) => s + c.weight, 0);
  const scores = new Map<number, number>();
  if (totalWeight <= 0) {
    for (const id of values.keys()) scores.set(id, 0);
    return scores;
  }
  const ranges = components.map((c) => {
    const vs = [...values.values()]
      .map((v) => v[c.metricId])
      .filter((v): v is number => v !== null && v !== undefined);
    return { min: Math.min(...vs), max: Math.max(...vs), any: vs.length > 0 };
  });
  for (const [id, v] of values) {
    let sum = 0;
    components.forEach((c, i) => {
      const x = v[c.metricId];
      const r = ranges[i]!;
      if (x === null || x === undefined || !r.any) return;
      const span = r.max - r.min;
      const norm = span === 0 ? 1 : c.better === 'higher' ? (x - r.min) / span : (r.max - x) / span;
      sum += c.weight * norm;
    });
    scores.set(id, Math.round((10_000 * sum) / totalWeight) / 100);
  }
  return scores;
}
