/**
 * Totals of a what-if (docs/commissions.md "What-if"): pure sums over per-person results, so the store, the API
 * and the CLI report the same numbers. Money in minor units of the modelled plan's currency.
 */

/** One person's modelled statement for one period. */
export interface ModelledStatement {
  userId: number;
  /** Credited revenue the person brought in (owner and split credits; roll-up credits are the team's again). */
  revenueMinor: number;
  payoutMinor: number;
  targetMinor: number;
  attainmentPct: number;
}

/** A period of a what-if scenario, summed over its people. */
export interface WhatIfPeriod {
  periodKey: string;
  periodStart: string;
  /** Exclusive. */
  periodEnd: string;
  revenueMinor: number;
  payoutMinor: number;
  /** payout / revenue x 100, two decimals; null without revenue. */
  costOfSalesPct: number | null;
  /** People with a target who reached 100% of it. */
  repsOverTarget: number;
  reps: number;
}

/** payout / revenue as a percentage with two decimals, or null when nothing was sold. */
export function costOfSalesPct(payoutMinor: number, revenueMinor: number): number | null {
  if (revenueMinor <= 0) return null;
  return Math.round((payoutMinor / revenueMinor) * 10_000) / 100;
}

/** Sums one period's modelled statements. */
export function summarizePeriod(
  period: { key: string; start: string; end: string },
  rows: readonly ModelledStatement[],
): WhatIfPeriod {
  const revenueMinor = rows.reduce((s, r) => s + r.revenueMinor, 0);
  const payoutMinor = rows.reduce((s, r) => s + r.payoutMinor, 0);
  return {
    periodKey: period.key,
    periodStart: period.start,
    periodEnd: period.end,
    revenueMinor,
    payoutMinor,
    costOfSalesPct: costOfSalesPct(payoutMinor, revenueMinor),
    repsOverTarget: rows.filter((r) => r.targetMinor > 0 && r.attainmentPct >= 100).length,
    reps: rows.length,
  };
}

/**
 * A scenario's totals over its periods (cost of sales from the summed parts, never a mean of percentages).
 * `reps` and `repsOverTarget` count person-periods: 3 people over 4 periods are 12, of which so many on target.
 */
export function scenarioTotals(periods: readonly WhatIfPeriod[]): {
  revenueMinor: number;
  payoutMinor: number;
  costOfSalesPct: number | null;
  repsOverTarget: number;
  reps: number;
} {
  const revenueMinor = periods.reduce((s, p) => s + p.revenueMinor, 0);
  const payoutMinor = periods.reduce((s, p) => s + p.payoutMinor, 0);
  return {
    revenueMinor,
    payoutMinor,
    costOfSalesPct: costOfSalesPct(payoutMinor, revenueMinor),
    repsOverTarget: periods.reduce((s, p) => s + p.repsOverTarget, 0),
    reps: periods.reduce((s, p) => s + p.reps, 0),
  };
}

/** The q-quantile (0 < q <= 1) by nearest rank: the smallest value with at least q of the values at or below it. */
export function nearestRank(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] as number;
}
