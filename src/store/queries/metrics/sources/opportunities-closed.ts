import { sql } from 'kysely';
import type { Fragment, SourceContext, SourceDimensions, SourceSpec } from '../source-spec.ts';
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
 * A closed deal's activities up to its closing that match `where` (on alias `a`): those logged on the deal, and
 * those on its contact that name no opportunity (the cadence rule, src/store/queries/cadence/deal-cadence.ts).
 * Each branch is one index range scan (activities_opportunity_idx, activities_contact_idx).
 */
const dealActivities = (select: Fragment, where: Fragment) => sql`(
    select ${select} from activities a
    where a.opportunity_id = o.id and a.occurred_at <= o.closed_at and ${where}
    union all
    select ${select} from activities a
    where o.contact_id is not null and a.contact_id = o.contact_id and a.opportunity_id is null
      and a.occurred_at <= o.closed_at and ${where})`;

/**
 * True when the deal had a held meeting before closing and fewer than the follow-up target (settings) follow-ups
 * after its last held meeting, up to closing: outbound activities other than meetings and not only scheduled, as the cadence gaps count
 * "touches since the meeting". Only metrics that name the column read it.
 */
const fewFollowUpsAfterMeeting = (ctx: SourceContext) => {
  const held = sql`(a.type = 'meeting' and a.outcome = 'held')`;
  // A scheduled row is a plan, not an attempt (the cadence rule): it is no follow-up.
  const touch = sql`(a.direction = 'outbound' and a.type <> 'meeting' and coalesce(a.outcome, '') <> 'scheduled')`;
  // One pass over the deal's activities: each row knows the last held meeting through a window over them all.
  return sql`(select coalesce(bool_or(t.held), false)
      and count(*) filter (where t.touch and t.at > t.last_meeting) < ${ctx.followUpTarget}::int
    from (select u.*, max(u.at) filter (where u.held) over () as last_meeting
      from ${dealActivities(sql`a.occurred_at as at, ${held} as held, ${touch} as touch`, sql`(${held} or ${touch})`)}
        u) t)`;
};

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
