import type { Scope } from '../../../domain/access/scope.ts';
import { addDays, daysBetween } from '../../../domain/calendar/local-date.ts';
import { avgDealSize } from '../../../domain/metrics/definitions/avg-deal-size.ts';
import { leadsConverted } from '../../../domain/metrics/definitions/leads-converted.ts';
import { leadsCreated } from '../../../domain/metrics/definitions/leads-created.ts';
import { leadsReachingMql } from '../../../domain/metrics/definitions/leads-reaching-mql.ts';
import { leadsReachingSql } from '../../../domain/metrics/definitions/leads-reaching-sql.ts';
import { lostCount } from '../../../domain/metrics/definitions/lost-count.ts';
import { winRate } from '../../../domain/metrics/definitions/win-rate.ts';
import { wonCount } from '../../../domain/metrics/definitions/won-count.ts';
import { wonRevenue } from '../../../domain/metrics/definitions/won-revenue.ts';
import { observedFunnelOf, type FunnelCounts } from '../../../domain/planning/observed.ts';
import type { ObservedFunnel } from '../../../domain/planning/plan.ts';
import type { Db } from '../../db.ts';
import { runMetricsInScope } from '../metrics/run-metrics.ts';

const METRICS = {
  leads: leadsCreated.id,
  mql: leadsReachingMql.id,
  sql: leadsReachingSql.id,
  opportunities: leadsConverted.id,
  won: wonCount.id,
  lost: lostCount.id,
  wonAmount: wonRevenue.id,
  winRate: winRate.id,
  avgDealSize: avgDealSize.id,
} as const;

/**
 * The funnel observed over local days [from, to] for a scope, counted by the metrics engine: the lead-funnel
 * steps of the leads created in the window, and the win rate, deal counts and revenue of the opportunities
 * closed in it (a lead cohort's deals are often still open).
 */
export async function observedFunnel(
  db: Db,
  scope: Scope,
  window: { from: string; to: string },
  periodDays: number,
): Promise<{ funnel: ObservedFunnel; counts: FunnelCounts }> {
  const [row] = await runMetricsInScope(db, scope, {
    metricIds: Object.values(METRICS),
    from: window.from,
    to: window.to,
    groupBy: 'company',
  });
  const value = (id: string) => row?.values[id]?.value ?? null;
  const count = (id: string) => value(id) ?? 0;
  return observedFunnelOf(
    {
      leads: count(METRICS.leads),
      mql: count(METRICS.mql),
      sql: count(METRICS.sql),
      opportunities: count(METRICS.opportunities),
      won: count(METRICS.won),
      lost: count(METRICS.lost),
      wonAmount: count(METRICS.wonAmount),
      winRate: value(METRICS.winRate),
      avgDealSize: value(METRICS.avgDealSize),
    },
    daysBetween(window.from, addDays(window.to, 1)),
    periodDays,
  );
}
