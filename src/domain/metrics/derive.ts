import { assertNever } from '../../errors.ts';
import type { MetricDefinition, MetricValue } from './definition.ts';

/** Values of a metric's parts for one group and bucket; a missing part means "not available for this group". */
export type PartValues = Readonly<Record<string, number | null | undefined>>;

/** Workspace facts some formulas need beside the parts. */
export interface DeriveContext {
  /** Gross margin in percent (settings.gross_margin_pct). */
  grossMarginPct: number;
  /** Length of the bucket in months (days / 30.4375). */
  months: number;
}

/** Per-rep inputs for the quota attainment rate. */
export interface RepQuota {
  won: number;
  quota: number;
}

/** Divides, giving null when the denominator is zero or a part is unavailable. */
export function ratioValue(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): MetricValue {
  if (numerator === undefined || denominator === undefined || numerator === null || denominator === null) {
    return { value: null };
  }
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

/** Turns the summed parts of one group and bucket into the metric's value; ratios keep numerator and denominator. */
export function combineParts(def: MetricDefinition, parts: PartValues, ctx: DeriveContext): MetricValue {
  switch (def.kind) {
    case 'count':
    case 'sum':
    case 'percentile':
    case 'median': {
      const v = parts.value;
      return { value: v === undefined ? null : v };
    }
    case 'mean': {
      const v = parts.value;
      return { value: v === undefined ? null : v };
    }
    case 'ratio':
      return ratioValue(parts.numerator, parts.denominator);
    case 'derived':
      return deriveValue(def, parts, ctx);
    default:
      return assertNever(def.kind, 'metric kind');
  }
}

function deriveValue(def: MetricDefinition, parts: PartValues, ctx: DeriveContext): MetricValue {
  const derivation = def.derivation;
  if (!derivation) throw new Error(`Derived metric ${def.id} has no derivation`);
  switch (derivation) {
    case 'share_of_reps_at_quota':
      // Needs per-rep values; the engine calls quotaAttainmentRate with them and never reaches here.
      throw new Error('share_of_reps_at_quota is computed from per-rep values');
    case 'customer_lifetime_value':
      return customerLifetimeValue(parts, ctx);
    case 'forecast_accuracy':
      return forecastAccuracy(parts);
    default:
      return assertNever(derivation, 'derivation');
  }
}

/** Share of reps with a quota whose won revenue reached it; reps without a quota are left out. */
export function quotaAttainmentRate(reps: readonly RepQuota[]): MetricValue {
  const withQuota = reps.filter((r) => r.quota > 0);
  const atQuota = withQuota.filter((r) => r.won >= r.quota).length;
  return ratioValue(atQuota, withQuota.length);
}

/**
 * CLV = (MRR per customer at period end) x gross margin / monthly churn rate. With no churn the formula has no
 * finite value, so the observed revenue to date per customer x gross margin is returned instead.
 */
export function customerLifetimeValue(parts: PartValues, ctx: DeriveContext): MetricValue {
  const margin = ctx.grossMarginPct / 100;
  const mrr = parts.mrr ?? 0;
  const atEnd = parts.customers_at_end ?? 0;
  const churned = parts.churned ?? 0;
  const atStart = parts.active_at_start ?? 0;
  if (churned > 0 && atStart > 0 && atEnd > 0 && ctx.months > 0) {
    const monthlyChurn = churned / atStart / ctx.months;
    return { value: ((mrr / atEnd) * margin) / monthlyChurn };
  }
  const seen = parts.customers_seen ?? 0;
  if (seen === 0) return { value: null };
  return { value: ((parts.lifetime_revenue ?? 0) / seen) * margin };
}

/**
 * Forecast accuracy = 1 - |forecast - actual| / actual over the group's summed forecasts and wins (a team's
 * forecast is the sum of its reps'); below 0 when the miss is larger than what was won. Null when nothing was won
 * (a relative error is undefined) or no forecast was made.
 */
export function forecastAccuracy(parts: PartValues): MetricValue {
  const forecast = parts.forecast;
  const actual = parts.actual;
  if (forecast === undefined || forecast === null || actual === undefined || actual === null)
    return { value: null };
  if (actual <= 0) return { value: null };
  return { value: 1 - Math.abs(forecast - actual) / actual, numerator: forecast, denominator: actual };
}
