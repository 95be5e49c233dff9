import { sql } from 'kysely';
import type { SourceContext, SourceSpec } from '../source-spec.ts';
import { FOLLOW_UP_GAP_THRESHOLD } from '../../../../domain/metrics/definitions/lost-deals-few-follow-ups.ts';
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

/**
 * True when the deal had a held meeting before closing and fewer than FOLLOW_UP_GAP_THRESHOLD outbound touches
 * (call, email, LinkedIn, meeting) logged on it after the first held meeting, up to closing. Two index lookups per
 * closed deal (activities_opportunity_idx); only metrics that name the column read it.
 */
const fewFollowUpsAfterMeeting = sql`(exists (select 1 from activities m where m.opportunity_id = o.id
    and m.type = 'meeting' and m.outcome = 'held' and m.occurred_at <= o.closed_at)
  and (select count(*) from activities f where f.opportunity_id = o.id and f.direction = 'outbound'
    and f.type in ('call', 'email', 'linkedin', 'meeting') and f.occurred_at <= o.closed_at
    and f.occurred_at > (select min(m.occurred_at) from activities m where m.opportunity_id = o.id
      and m.type = 'meeting' and m.outcome = 'held')) < ${sql.lit(FOLLOW_UP_GAP_THRESHOLD)})`;

/** Opportunities won or lost, in the period by closed_at, credited to their owner. */
export const opportunitiesClosedSource: SourceSpec = {
  name: 'opportunities_closed',
  mode: 'event',
  from: () => sql`opportunities o left join users u on u.id = o.owner_id`,
  where: () => [sql`o.status in ('won', 'lost')`],
  owner: sql`o.owner_id`,
  team: sql`u.team_id`,
  timeColumns: { closed_at: { expr: sql`o.closed_at`, type: 'timestamptz' } },
  columns: (ctx) => ({ ...opportunityColumns(ctx), few_follow_ups_after_meeting: fewFollowUpsAfterMeeting }),
  filterColumns: {
    pipeline: sql`o.pipeline_id`,
    opportunityType: sql`o.type`,
    leadSource: sql`o.lead_source`,
  },
  rollups: [opportunityClosedDays],
};
