import { parsePeriod, periodsBetween, type Grain, type PeriodCalendar } from '../calendar/period.ts';
import { daysBetween } from '../calendar/local-date.ts';

/** A quota goal as commissions read it: a won_revenue goal of one person (docs/goals.md). */
export interface QuotaGoal {
  userId: number;
  grain: Grain;
  /** null: recurring, one target per period of its grain. */
  periodKey: string | null;
  targetMinor: number;
}

/**
 * A person's target for a statement period [start, end) from their quota goals: each goal period counts by the
 * share of its days inside the statement period, so a quarterly quota gives a monthly plan the quarter's target
 * x the month's days / the quarter's days, and a monthly quota gives a quarterly plan the sum of its three months.
 * (The quota_attainment metric counts only goal periods wholly inside the queried period; a plan needs a target
 * for every period, so commissions pro-rate instead.) A goal whose key the calendar cannot read counts nothing,
 * as in the metrics engine. Rounded half away from zero per person, at the end.
 */
export function quotaTargetsFor(
  goals: readonly QuotaGoal[],
  start: string,
  end: string,
  cal: PeriodCalendar,
): Map<number, number> {
  const exact = new Map<number, number>();
  for (const g of goals) {
    let periods: Array<{ start: string; end: string }>;
    if (g.periodKey === null) {
      periods = periodsBetween(start, end, g.grain, cal);
    } else {
      try {
        periods = [parsePeriod(g.periodKey, cal)];
      } catch {
        continue;
      }
    }
    for (const p of periods) {
      const from = p.start > start ? p.start : start;
      const to = p.end < end ? p.end : end;
      if (to <= from) continue;
      const share = daysBetween(from, to) / daysBetween(p.start, p.end);
      exact.set(g.userId, (exact.get(g.userId) ?? 0) + g.targetMinor * share);
    }
  }
  const out = new Map<number, number>();
  for (const [userId, v] of exact) out.set(userId, Math.sign(v) * Math.round(Math.abs(v)));
  return out;
}
