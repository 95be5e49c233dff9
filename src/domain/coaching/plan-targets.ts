import { businessDaysInRange, type BusinessCalendar } from '../calendar/business-time.ts';
import type { MetricDefinition } from '../metrics/definition.ts';
import type { Cadence, DeltaUnit } from './plan.ts';

/** What a relative target needs to become a number. */
export interface RelativeTargetInput {
  metric: Pick<MetricDefinition, 'id' | 'unit' | 'additive'>;
  /** The rep's value of the metric over the whole baseline period (null: no data, e.g. no closed deals). */
  baseline: number | null;
  delta: number;
  unit: DeltaUnit;
  /**
   * For additive metrics (counts, sums): business days of the window the target applies to divided by the
   * baseline period's, so a quarter's 120 calls become 40 for a 30-day plan (see baselineScale). 1 otherwise.
   */
  scale: number;
}

export type Resolved = { ok: true; value: number } | { ok: false; reason: string };

/**
 * Resolves "close rate +5 points vs last quarter" to a number, once, when the plan is saved:
 * - points (ratios only): baseline + delta / 100, kept within 0..1 (0.30 + 5 points = 0.35);
 * - percent: baseline x scale x (1 + delta / 100) (40 calls a week + 10% = 44).
 * A rep without a baseline value cannot get a relative target: the caller reports it (use an absolute target).
 */
export function resolveRelativeTarget(input: RelativeTargetInput): Resolved {
  const { metric, baseline, delta, unit } = input;
  if (!Number.isFinite(delta)) return { ok: false, reason: 'delta must be a finite number' };
  if (baseline === null || !Number.isFinite(baseline)) {
    return {
      ok: false,
      reason: `no value of ${metric.id} for this rep in the baseline period; use an absolute target`,
    };
  }
  if (unit === 'points') {
    if (metric.unit !== 'ratio') {
      return {
        ok: false,
        reason: `points apply to rates only; ${metric.id} is a ${metric.unit}, use percent`,
      };
    }
    return { ok: true, value: Math.min(1, Math.max(0, baseline + delta / 100)) };
  }
  const base = metric.additive ? baseline * input.scale : baseline;
  return { ok: true, value: Math.max(0, base * (1 + delta / 100)) };
}

/**
 * How an additive baseline is carried over to the target's window, by business days (holidays and non-working
 * weekdays excluded): the plan's own span for 'plan' targets, one normal working week (the workspace's number of
 * working weekdays) for 'weekly' ones. Null when the baseline period has no business day.
 */
export function baselineScale(
  cadence: Cadence,
  plan: { startOn: string; endOnExclusive: string },
  baseline: { start: string; endExclusive: string },
  cal: BusinessCalendar,
): number | null {
  const baseDays = businessDaysInRange(baseline.start, baseline.endExclusive, cal);
  if (baseDays === 0) return null;
  const windowDays =
    cadence === 'weekly'
      ? cal.workingDays.length
      : businessDaysInRange(plan.startOn, plan.endOnExclusive, cal);
  return windowDays / baseDays;
}
