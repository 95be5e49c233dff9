/**
 * Hiring scorecard arithmetic (issue 16, docs/coaching.md "Hiring scorecards"): pure functions, no I/O.
 *
 * - A criterion's score is the mean over the interviewers who scored it; its spread is max - min of those scores
 *   (0 when one interviewer scored it), the disagreement shown beside it.
 * - A candidate's score is the weighted mean of the criterion scores. Weights are relative (they need not sum
 *   to 1); a criterion nobody scored yet is left out and the remaining weights are re-normalised, and the
 *   scorecard says it is incomplete.
 * - Ranks are competition ranks (1, 1, 3): equal scores share a rank; candidates with no score are unranked.
 */

export interface CriterionDef {
  id: number;
  weight: number;
}

export interface ScoreEntry {
  criterionId: number;
  interviewerId: number;
  score: number;
}

export interface CriterionResult {
  criterionId: number;
  /** Mean over the interviewers who scored it; null when none did. */
  mean: number | null;
  /** Interviewers who scored it. */
  n: number;
  min: number | null;
  max: number | null;
  /** max - min: how much the interviewers disagree (0 with one interviewer). */
  spread: number | null;
}

export interface Scorecard {
  /** Weighted mean of the scored criteria; null when no criterion has a score. */
  total: number | null;
  criteria: CriterionResult[];
  /** Distinct interviewers who scored at least one criterion. */
  interviewers: number;
  /** True when every criterion has at least one score. */
  complete: boolean;
  /** The largest criterion spread (null without scores). */
  maxSpread: number | null;
}

/** The scorecard of one candidate from the scores of all interviewers. Scores for unknown criteria are ignored. */
export function scoreCandidate(criteria: readonly CriterionDef[], scores: readonly ScoreEntry[]): Scorecard {
  const results: CriterionResult[] = [];
  let weighted = 0;
  let weightSum = 0;
  for (const c of criteria) {
    const values = scores.filter((s) => s.criterionId === c.id).map((s) => s.score);
    if (values.length === 0) {
      results.push({ criterionId: c.id, mean: null, n: 0, min: null, max: null, spread: null });
      continue;
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const min = Math.min(...values);
    const max = Math.max(...values);
    results.push({ criterionId: c.id, mean, n: values.length, min, max, spread: max - min });
    weighted += c.weight * mean;
    weightSum += c.weight;
  }
  const known = new Set(criteria.map((c) => c.id));
  const interviewers = new Set(scores.filter((s) => known.has(s.criterionId)).map((s) => s.interviewerId))
    .size;
  const spreads = results.map((r) => r.spread).filter((s): s is number => s !== null);
  return {
    total: weightSum > 0 ? weighted / weightSum : null,
    criteria: results,
    interviewers,
    complete: criteria.length > 0 && results.every((r) => r.n > 0),
    maxSpread: spreads.length > 0 ? Math.max(...spreads) : null,
  };
}

/** Competition ranks by score, highest first (equal scores share a rank, the next rank skips); null: unranked. */
export function rankByScore(totals: ReadonlyArray<number | null>): Array<number | null> {
  return totals.map((t) => (t === null ? null : 1 + totals.filter((o) => o !== null && o > t).length));
}

/** True when `score` is an integer on the opening's scale. */
export function scoreOnScale(score: number, scale: { min: number; max: number }): boolean {
  return Number.isInteger(score) && score >= scale.min && score <= scale.max;
}

/** Hiring score bands, on the 1-5 scale (other scales are mapped onto it linearly first). */
export const SCORE_BANDS = ['below_3', '3_to_4', '4_and_above'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** A total's band: below 3, 3 up to (not including) 4, 4 and above, after mapping scale min..max to 1..5. */
export function scoreBand(total: number, scale: { min: number; max: number }): ScoreBand {
  const onFive = 1 + (4 * (total - scale.min)) / (scale.max - scale.min);
  // Rounding noise from the mapping (e.g. 3.9999999) must not move a total across a band edge.
  const v = Math.round(onFive * 1e9) / 1e9;
  if (v < 3) return 'below_3';
  if (v < 4) return '3_to_4';
  return '4_and_above';
}

/** Average ranks (1-based), ties sharing the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  let k = 0;
  while (k < order.length) {
    let j = k;
    while (j + 1 < order.length && order[j + 1]!.v === order[k]!.v) j += 1;
    const rank = (k + j) / 2 + 1;
    for (let m = k; m <= j; m += 1) ranks[order[m]!.i] = rank;
    k = j + 1;
  }
  return ranks;
}

/** Fewer pairs than this and the predictors report says "too few hires to tell" instead of a correlation. */
export const MIN_PREDICTOR_N = 5;

export interface Correlation {
  /** Spearman's rho, or null with fewer than MIN_PREDICTOR_N pairs or when either side is constant. */
  rho: number | null;
  n: number;
  verdict: 'too_few' | 'no_variation' | 'computed';
}

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks (so ties are handled), over the pairs
 * where both values are known.
 */
export function spearman(pairs: ReadonlyArray<readonly [number | null, number | null]>): Correlation {
  const known = pairs.filter((p): p is readonly [number, number] => p[0] !== null && p[1] !== null);
  const n = known.length;
  if (n < MIN_PREDICTOR_N) return { rho: null, n, verdict: 'too_few' };
  const rx = averageRanks(known.map((p) => p[0]));
  const ry = averageRanks(known.map((p) => p[1]));
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return { rho: null, n, verdict: 'no_variation' };
  return { rho: sxy / Math.sqrt(sxx * syy), n, verdict: 'computed' };
}

/** A total (or criterion score) on the opening's scale mapped linearly onto 1..5, so openings can be compared. */
export function onFivePointScale(value: number, scale: { min: number; max: number }): number {
  return 1 + (4 * (value - scale.min)) / (scale.max - scale.min);
}

/**
 * The last day of a rep's first year: the day before the anniversary of hire_date (the anniversary of 29 February
 * is 28 February, so a hire on 2024-02-29 ends their first year on 2025-02-27).
 */
export function firstYearLastDay(hireDate: string): string {
  const [y, m, d] = hireDate.split('-').map(Number) as [number, number, number];
  const nextYear = new Date(Date.UTC(y + 1, m - 1, Math.min(d, m === 2 && d === 29 ? 28 : d)));
  nextYear.setUTCDate(nextYear.getUTCDate() - 1);
  return nextYear.toISOString().slice(0, 10);
}

/** The predictor rows always shown: the weighted total, then the four standard criterion kinds. */
export const CRITERION_KEYS_FIXED = [
  'total',
  'role_fit',
  'past_achievement',
  'acumen',
  'culture_fit',
] as const;
