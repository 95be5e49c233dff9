import type { Scope } from '../../../domain/access/scope.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { leadFunnel, type LeadFunnelStep } from '../../../domain/funnel/funnel.ts';
import { leadsConverted } from '../../../domain/metrics/definitions/leads-converted.ts';
import { leadsCreated } from '../../../domain/metrics/definitions/leads-created.ts';
import { leadsReachingMql } from '../../../domain/metrics/definitions/leads-reaching-mql.ts';
import { leadsReachingSql } from '../../../domain/metrics/definitions/leads-reaching-sql.ts';
import { leadsWon } from '../../../domain/metrics/definitions/leads-won.ts';
import type { Db } from '../../db.ts';
import { runMetricsInScope } from '../metrics/run-metrics.ts';

/** The funnel's steps, each a registry metric over the cohort of leads created in the period. */
const STEPS = {
  lead: leadsCreated.id,
  mql: leadsReachingMql.id,
  sql: leadsReachingSql.id,
  opportunity: leadsConverted.id,
  won: leadsWon.id,
} as const;

/**
 * Lead -> MQL -> SQL -> opportunity -> won for the cohort of leads created in the period, whenever they moved on.
 * A later step implies the earlier ones (a lead converted straight to an opportunity counts as MQL and SQL), so
 * every step is a subset of the one before.
 */
export async function leadFunnelSteps(
  db: Db,
  range: { from: string; toExclusive: string },
  scope: Scope,
): Promise<LeadFunnelStep[]> {
  const [row] = await runMetricsInScope(db, scope, {
    metricIds: Object.values(STEPS),
    from: range.from,
    to: addDays(range.toExclusive, -1),
    groupBy: 'company',
  });
  // Counts are never null; a missing company row would be an engine bug, read as an empty funnel.
  const count = (id: string) => row?.values[id]?.value ?? 0;
  return leadFunnel({
    lead: count(STEPS.lead),
    mql: count(STEPS.mql),
    sql: count(STEPS.sql),
    opportunity: count(STEPS.opportunity),
    won: count(STEPS.won),
  });
}
