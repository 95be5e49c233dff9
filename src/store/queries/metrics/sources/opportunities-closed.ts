import { sql } from 'kysely';
import type { SourceContext, SourceSpec } from '../source-spec.ts';
import { opportunityClosedDays } from './opportunity-rollups.ts';

/** Money in the workspace currency; other currencies read as null so sums leave them out (no FX table yet). */
export const amountInCurrency = (ctx: SourceContext) =>
  sql`(case when o.currency = ${ctx.currency} then o.amount_minor end)`;

/** Opportunity columns shared by the closed and created sources. */
export const opportunityColumns = (ctx: SourceContext) => ({
  status: sql`o.status`,
  type: sql`o.type`,
  amount: amountInCurrency(ctx),
  // Calendar days between the local creation and close dates.
  cycle_days: sql`((o.closed_at at time zone ${ctx.timeZone})::date - (o.created_at at time zone ${ctx.timeZone})::date)`,
});

/** Opportunities won or lost, in the period by closed_at, credited to their owner. */
export const opportunitiesClosedSource: SourceSpec = {
  name: 'opportunities_closed',
  mode: 'event',
  from: () => sql`opportunities o left join users u on u.id = o.owner_id`,
  where: () => [sql`o.status in ('won', 'lost')`],
  owner: sql`o.owner_id`,
  team: sql`u.team_id`,
  timeColumns: { closed_at: { expr: sql`o.closed_at`, type: 'timestamptz' } },
  columns: opportunityColumns,
  filterColumns: {
    pipeline: sql`o.pipeline_id`,
    opportunityType: sql`o.type`,
    leadSource: sql`o.lead_source`,
  },
  rollups: [opportunityClosedDays],
};
