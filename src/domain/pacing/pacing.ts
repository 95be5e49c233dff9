import type { GoalDirection } from '../goals/goal.ts';

/** on_track / at_risk / behind as documented in docs/goals.md; no_data when a ratio has no denominator yet. */
export type PacingStatus = 'on_track' | 'at_risk' | 'behind' | 'no_data';

/**
 * How far from the expected value still counts as "at risk" rather than "behind": 10%. For at_least goals a rep
 * at 90-100% of the expected-to-date value is at risk; for at_most goals 100-110% of the allowed value.
 */
export const AT_RISK_TOLERANCE = 0.1;

/** What pacing needs: the goal, the actual so far, and the period's business days. */
export interface PacingInput {
  target: number;
  direction: GoalDirection;
  /** From the metric definition: counts and sums accumulate through the period and are pro-rated; ratios are not. */
  additive: boolean;
  /** The metric's value from the period start to now (null: undefined ratio, e.g. no leads yet). */
  actual: number | null;
  /** Business days in the whole period (working weekdays minus holidays). */
  totalBusinessDays: number;
  /** Business days elapsed so far, fractional for the current day (see elapsedBusinessDays). */
  elapsedBusinessDays: number;
}

/** The pacing of one goal for the current period. */
export interface Pacing {
  actual: number | null;
  target: number;
  /** Target pro-rated to elapsed business days (additive), or the target itself (ratios). */
  expectedToDate: number;
  /** Linear projection at the current daily rate (additive), or the current value (ratios). */
  projected: number | null;
  /** Share of the period's business time elapsed, 0-1. */
  elapsedShare: number;
  remainingBusinessDays: number;
  /**
   * at_least: what is needed per remaining business day (today's partial day counts as one) to reach the
   * target (0 when reached);
   * at_most: the most that may still be added per remaining business day. Null for ratios and when no
   * business day remains.
   */
  requiredPerBusinessDay: number | null;
  status: PacingStatus;
}

/** Compares `value` with `reference` in the goal's direction, with the at-risk tolerance. */
function statusFor(direction: GoalDirection, value: number, reference: number): PacingStatus {
  if (direction === 'at_least') {
    if (value >= reference) return 'on_track';
    return value >= reference * (1 - AT_RISK_TOLERANCE) ? 'at_risk' : 'behind';
  }
  if (value <= reference) return 'on_track';
  return value <= reference * (1 + AT_RISK_TOLERANCE) ? 'at_risk' : 'behind';
}

/**
 * Pacing for additive metrics: expected = target x elapsed/total business days, projected = actual / (elapsed
 * share), status compares actual with expected. Non-additive metrics (ratios, percentiles, means) compare the
 * current value with the target directly: a win rate does not grow through the month.
 */
export function computePacing(input: PacingInput): Pacing {
  const total = Math.max(0, input.totalBusinessDays);
  if (total === 0 && input.additive) {
    // A period without business days (a daily goal on a Saturday or a holiday): nothing is expected of anyone.
    const actual = input.actual ?? 0;
    return {
      actual,
      target: input.target,
      expectedToDate: 0,
      projected: actual,
      elapsedShare: 1,
      remainingBusinessDays: 0,
      requiredPerBusinessDay: null,
      status: statusFor(input.direction, actual, 0),
    };
  }
  const elapsed = Math.min(Math.max(0, input.elapsedBusinessDays), total);
  const share = total === 0 ? 1 : elapsed / total;
  const remainingDays = total - elapsed;
  if (!input.additive) {
    return {
      actual: input.actual,
      target: input.target,
      expectedToDate: input.target,
      projected: input.actual,
      elapsedShare: share,
      remainingBusinessDays: remainingDays,
      requiredPerBusinessDay: null,
      status: input.actual === null ? 'no_data' : statusFor(input.direction, input.actual, input.target),
    };
  }
  const actual = input.actual ?? 0;
  const expected = input.target * share;
  // at_least: still needed; at_most: still allowed. Either way the distance to the target, floored at zero.
  const left = Math.max(0, input.target - actual);
  return {
    actual,
    target: input.target,
    expectedToDate: expected,
    projected: share > 0 ? actual / share : null,
    elapsedShare: share,
    remainingBusinessDays: remainingDays,
    // Per business day left including today's partial one (1.5 days left = today and tomorrow = 2), so the
    // number reads as "what to do each day", not a rate that explodes late in the day.
    requiredPerBusinessDay: remainingDays > 0 ? left / Math.ceil(remainingDays - 1e-9) : null,
    status: statusFor(input.direction, actual, expected),
  };
}
