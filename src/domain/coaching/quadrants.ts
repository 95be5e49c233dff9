import { median, percentileOf } from './benchmarks.ts';

/** The four groups: top reps whose results grew or fell, and the rest, improving or declining. */
export const QUADRANTS = ['rising_star', 'falling_star', 'improving_laggard', 'declining_laggard'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** What a manager may set: where "top" starts and what counts as growing, and how much history is needed. */
export interface QuadrantThresholds {
  /** Percentile (0-100) of the level among peers at or above which a rep is a top rep. */
  levelPercentile: number;
  /** Slope (score points per period) at or above which a rep's trend counts as growing. */
  trendSlope: number;
  /** Periods with a score needed before a rep is placed (fewer: no group). */
  minPeriods: number;
}

export const DEFAULT_QUADRANT_THRESHOLDS: QuadrantThresholds = {
  levelPercentile: 50,
  trendSlope: 0,
  minPeriods: 3,
};

/**
 * Theil-Sen slope: the median of the slopes between every pair of points with different x. One odd period moves
 * at most the pairs it belongs to, so the median barely shifts (breakdown point about 29%). Null with fewer than
 * two distinct x.
 */
export function theilSenSlope(points: readonly { x: number; y: number }[]): number | null {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i += 1) {
    for (let j = i + 1; j < points.length; j += 1) {
      const a = points[i]!;
      const b = points[j]!;
      if (a.x !== b.x) slopes.push((b.y - a.y) / (b.x - a.x));
    }
  }
  if (slopes.length === 0) return null;
  slopes.sort((p, q) => p - q);
  const mid = Math.floor(slopes.length / 2);
  return slopes.length % 2 === 1 ? slopes[mid]! : (slopes[mid - 1]! + slopes[mid]!) / 2;
}

/**
 * What the trend is fitted on: `relative` (default) the rep's score minus the peers' median score of the same
 * period, so a month that is slow for everyone (August, the year-end) or growth of the whole team does not read as
 * the rep's trend; `absolute` the score itself.
 */
export type TrendBasis = 'relative' | 'absolute';

/** One rep's scores over the window, oldest first; null = no score that period (left out of the fit). */
export interface RepSeries {
  userId: number;
  scores: readonly (number | null)[];
}

/** Where a rep stands: level (mean score), its percentile among peers, the slope and the group (null = too little history). */
export interface QuadrantPlacement {
  userId: number;
  level: number | null;
  levelPercentile: number | null;
  slope: number | null;
  periodsWithScore: number;
  quadrant: Quadrant | null;
}

/** The group for a level percentile and a slope; ties with a threshold count as top / growing. */
export function quadrantOf(levelPercentile: number, slope: number, t: QuadrantThresholds): Quadrant {
  const top = levelPercentile >= t.levelPercentile;
  const growing = slope >= t.trendSlope;
  if (top) return growing ? 'rising_star' : 'falling_star';
  return growing ? 'improving_laggard' : 'declining_laggard';
}

/**
 * Places every rep: level = mean of their scores over the window, percentile of that level among the reps with
 * enough history, trend = Theil-Sen slope of score per period (relative: of the gap to the peers' median that
 * period, the peers being every series given). Reps with fewer than minPeriods scores get no group
 * (and are left out of the peers' percentiles).
 */
export function placeReps(
  series: readonly RepSeries[],
  t: QuadrantThresholds,
  trendBasis: TrendBasis = 'absolute',
): QuadrantPlacement[] {
  const length = Math.max(0, ...series.map((s) => s.scores.length));
  const periodMedians = Array.from({ length }, (_, x) =>
    trendBasis === 'relative'
      ? (median(series.map((s) => s.scores[x] ?? null).filter((y): y is number => y !== null)) ?? 0)
      : 0,
  );
  const fitted = series.map((s) => {
    const points = s.scores.flatMap((y, x) => (y === null ? [] : [{ x, y }]));
    const trendPoints = points.map((p) => ({ x: p.x, y: p.y - periodMedians[p.x]! }));
    const enough = points.length >= Math.max(2, t.minPeriods);
    return {
      userId: s.userId,
      n: points.length,
      level: points.length > 0 ? points.reduce((sum, p) => sum + p.y, 0) / points.length : null,
      slope: enough ? theilSenSlope(trendPoints) : null,
      enough,
    };
  });
  const peerLevels = fitted.filter((f) => f.enough && f.level !== null).map((f) => f.level as number);
  return fitted.map((f) => {
    const pct = f.enough ? percentileOf(peerLevels, f.level) : null;
    return {
      userId: f.userId,
      level: f.level === null ? null : Math.round(f.level * 10) / 10,
      levelPercentile: pct,
      slope: f.slope === null ? null : Math.round(f.slope * 100) / 100,
      periodsWithScore: f.n,
      quadrant: pct !== null && f.slope !== null ? quadrantOf(pct, f.slope, t) : null,
    };
  });
}

/** Checks thresholds; returns the problems (field + reason), empty when fine. */
export function thresholdProblems(t: QuadrantThresholds): { field: string; reason: string }[] {
  const out: { field: string; reason: string }[] = [];
  if (!(t.levelPercentile >= 0 && t.levelPercentile <= 100))
    out.push({ field: 'levelPercentile', reason: 'must be between 0 and 100' });
  if (!(Math.abs(t.trendSlope) <= 1000))
    out.push({
      field: 'trendSlope',
      reason: 'must be a number from -1000 to 1000 (score points per period)',
    });
  if (!Number.isInteger(t.minPeriods) || t.minPeriods < 2 || t.minPeriods > 24)
    out.push({ field: 'minPeriods', reason: 'must be a whole number from 2 to 24' });
  return out;
}
