import { sql } from 'kysely';
import type { SourceContext, SourceDimensions, SourceSpec } from '../source-spec.ts';
import { amountInCurrency, cycleDays } from './opportunity-amount.ts';
import { opportunityClosedDays } from './opportunity-rollups.ts';

/** The dimensions of a deal row (alias `o`): its lead source, type, pipeline and product, as recorded on it. */
export const opportunityDimensions: SourceDimensions = {
  lead_source: sql`o.lead_source`,
  deal_type: sql`o.type`,
  pipeline: sql`o.pipeline_id`,
  product: sql`o.product`,
};

/** Opportunity columns shared by the closed and created sources. */
export const opportunityColumns = (ctx: SourceContext) => ({
  status: sql`o.status`,
  type: sql`o.type`,
  amount: amountInCurrency(ctx),
  cycle_days: cycleDays(ctx),
});

/**
 * True when the deal had a held meeting before closing and fewer than the follow-up target (settings) follow-ups
 * after its last held meeting, up to closing: outbound activities other than meetings and not only scheduled, as the
 * cadence gaps count "touches since the meeting". The count is kept at write time per closed deal
 * (opportunity_follow_ups, migration 0043; its raw definition is rawFollowUpsAfterMeeting in
 * src/store/derived/deal-follow-ups.ts): one primary-key probe per deal instead of two index ranges of its activities.
 * The target is compared here, so a settings change needs no rebuild. Only metrics that name the column read it.
 */
const fewFollowUpsAfterMeeting = (ctx: SourceContext) =>
  sql`coalesce((select f.follow_ups < ${ctx.followUpTarget}::int from opportunity_follow_ups f
    where f.opportunity_id = o.id), false)`;

/** Opportunities won or lost, in the period by closed_at, credited to their owner. */
export const opportunitiesClosedSource: SourceSpec = {
  name: 'opportunities_closed',
  mode: 'event',
  from: () => sql`opportunities o left join users u on u.id = o.owner_id`,
  where: () => [sql`o.status in ('won', 'lost')`],
  owner: sql`o.owner_id`,
  team: sql`u.team_id`,
  timeColumns: { closed_at: { expr: sql`o.closed_at`, type: 'timestamptz' } },
  columns: (ctx) => ({
    ...opportunityColumns(ctx),
    few_follow_ups_after_meeting: fewFollowUpsAfterMeeting(ctx),
    // Who bought (revenue_per_customer): the account, else the contact, else the deal itself; one integer per
    // customer, the three kinds kept apart as the activities source's prospect key does.
    customer: sql`(case when o.account_id is not null then o.account_id * 3
      when o.contact_id is not null then o.contact_id * 3 + 1 else o.id * 3 + 2 end)`,
  }),
  filterColumns: {
    pipeline: sql`o.pipeline_id`,
    opportunityType: sql`o.type`,
    leadSource: sql`o.lead_source`,
  },
  rollups: [opportunityClosedDays],
  dimensions: opportunityDimensions,
};
