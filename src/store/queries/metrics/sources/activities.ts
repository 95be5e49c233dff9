import { sql } from 'kysely';
import type { Fragment, SourceContext, SourceSpec } from '../source-spec.ts';
import {
  activityDayCounts,
  activityMonthCounts,
  activityMonthMeetingProspects,
  activityMonthPeople,
} from './activity-rollups.ts';
import { activityPeopleRuns } from './activity-people-runs.ts';
import { integrityColumns } from './activity-integrity-columns.ts';

/** Effort counted by the activities metric: outbound calls, emails and LinkedIn, plus meetings that were not no-shows or only scheduled. */
const isTouch = sql`((a.type in ('call', 'email', 'linkedin') and a.direction = 'outbound'
    and coalesce(a.outcome, '') <> 'scheduled')
  or (a.type = 'meeting' and coalesce(a.outcome, '') not in ('no_show', 'scheduled')))`;

/** The deal an activity was logged on (at most one: a key lookup), joined only for the dimension groupings. */
const activityDeal = sql`left join opportunities ao on ao.id = a.opportunity_id`;
/** Time with customers as before time categories existed: calls in either direction and held meetings. */
const customerFacing = sql`(a.type = 'call' or (a.type = 'meeting' and a.outcome = 'held'))`;

/** The effective time category: the one logged, else selling for customer-facing time, else none. */
const effectiveTimeCategory = sql`coalesce(a.time_category, case when ${customerFacing} then 'selling' end)`;

/**
 * Each person's first held meeting, for held_meeting_before: `id` is a contact (by `contact_id`) or a lead (by
 * `lead_id`), as the meetings name them. The first month comes from the maintained rollup
 * activity_month_meeting_prospects (kept with the activities in the same transaction; about 120,000 rows at the
 * 200-rep size, against 3.2M activities); the exact first instant is looked up (one index range of a month) only
 * for people whose first month lies near the range, the only ones whose activities in the range it can decide.
 * Month starts are local dates of the rollup's zone: every bound keeps two days of margin, so no zone matters.
 */
const firstHeldMeetings = (key: 'contact_id' | 'lead_id', ctx: SourceContext) => {
  const k = sql.id(key);
  const near = sql`min(r.month) >= ${ctx.from}::date - 40 and min(r.month) < ${ctx.toExclusive}::date + 5`;
  return sql`(select r.${k} as id, min(r.month) as first_month,
      case when ${near} then (select min(m.occurred_at) from activities m
        where m.${k} = r.${k} and m.type = 'meeting' and m.outcome = 'held'
          and m.occurred_at >= (min(r.month) - 2)::timestamp at time zone 'UTC'
          and m.occurred_at < (min(r.month) + 33)::timestamp at time zone 'UTC') end as first_at
    from activity_month_meeting_prospects r
    where r.is_meeting and r.outcome = 'held' and r.${k} is not null
    group by r.${k})`;
};

/**
 * Whether the person `h` (hc or hl in `from`) had a held meeting strictly before the activity: by the exact first
 * instant when it was looked up; else by the first month when the activity is more than a month (and two days)
 * after its start or two days before it; else (an activity outside the range, read for another time column) by
 * one probe of `probe`, a backward range scan of activities_contact_idx or activities_lead_idx.
 */
const heldBefore = (h: string, probe: Fragment) => {
  const t = sql.id(h);
  return sql`(case when ${t}.first_month is null then false
    when ${t}.first_at is not null then ${t}.first_at < a.occurred_at
    when a.occurred_at >= (${t}.first_month + 33)::timestamp at time zone 'UTC' then true
    when a.occurred_at < (${t}.first_month - 2)::timestamp at time zone 'UTC' then false
    else exists (select 1 from activities m where ${probe} and m.occurred_at < a.occurred_at
      and m.type = 'meeting' and m.outcome = 'held') end)`;
};

/**
 * True when the activity's person had a held meeting (with anyone) strictly before it: a meeting naming the same
 * contact (for a touch of a converted lead, its contact), or the same lead. Not matched: a meeting logged on a lead
 * alone while the touch names only the contact the lead became (leads has no index on converted_contact_id).
 */
const heldMeetingBefore = sql`(${heldBefore('hc', sql`m.contact_id = hc.id`)}
  or (a.lead_id is not null and ${heldBefore('hl', sql`m.lead_id = hl.id`)}))`;

/** Activities by the rep who logged them (user_id), in the period by occurred_at. */
export const activitiesSource: SourceSpec = {
  name: 'activities',
  mode: 'event',
  // The first-held-meeting joins are unique on their key, so PostgreSQL drops them from any query that does not
  // read held_meeting_before (left join removal): other metrics pay nothing for them.
  from: (ctx) => sql`activities a left join users u on u.id = a.user_id left join leads l on l.id = a.lead_id
    left join ${firstHeldMeetings('contact_id', ctx)} hc on hc.id = coalesce(a.contact_id, l.converted_contact_id)
    left join ${firstHeldMeetings('lead_id', ctx)} hl on hl.id = a.lead_id`,
  where: () => [],
  owner: sql`a.user_id`,
  team: sql`u.team_id`,
  timeColumns: {
    occurred_at: { expr: sql`a.occurred_at`, type: 'timestamptz' },
    // When a meeting was set (migration 0032); rows without it fall outside every range (meetings_booked).
    booked_at: { expr: sql`a.booked_at`, type: 'timestamptz' },
  },
  columns: (ctx) => ({
    type: sql`a.type`,
    direction: sql`a.direction`,
    outcome: sql`a.outcome`,
    is_touch: isTouch,
    // A touch as the derived columns define it (what is_new_prospect flags): outbound work or any meeting, not only
    // scheduled (a plan is no work), to a person.
    is_person_touch: sql`((a.direction = 'outbound' or a.type = 'meeting') and coalesce(a.outcome, '') <> 'scheduled'
      and (a.contact_id is not null or a.lead_id is not null))`,
    is_new_prospect: sql`a.is_new_prospect`,
    // One number per person as in the derived-column refresh: contact c is 2c, an unconverted lead l is 2l+1 and a
    // converted lead is its contact, so distinct counts stay on integers and agree with is_new_prospect.
    person: sql`coalesce(coalesce(a.contact_id, l.converted_contact_id) * 2, a.lead_id * 2 + 1)`,
    // A prospect is the account met, else the contact, else the lead.
    prospect: sql`(case when a.account_id is not null then a.account_id * 3
      when a.contact_id is not null then a.contact_id * 3 + 1 else a.lead_id * 3 + 2 end)`,
    duration_minutes: sql`(a.duration_seconds / 60.0)`,
    customer_facing: customerFacing,
    // The effective time category: the one logged, else selling for customer-facing time, else none.
    time_category: effectiveTimeCategory,
    // Read per row only by metrics that name it (an index probe per activity): keep it last in a where list.
    held_meeting_before: heldMeetingBefore,
    // Integrity signals (issue 18): their own block, in their own file.
    ...integrityColumns(ctx),
  }),
  filterColumns: {},
  dimensions: {
    // The deal the activity was logged on, else its lead's source; neither (a contact touch, internal time): none.
    lead_source: { expr: sql`coalesce(ao.lead_source, l.source)`, join: activityDeal },
    // Deal properties of activities logged on a deal; others fall in the "not recorded" group, never dropped.
    deal_type: { expr: sql`ao.type`, join: activityDeal },
    pipeline: { expr: sql`ao.pipeline_id`, join: activityDeal },
    product: { expr: sql`ao.product`, join: activityDeal },
    // The effective category (the metrics' time_category column), so a share by category sums as they do.
    time_category: effectiveTimeCategory,
  },
  // Per-row probes (the first held meeting's joins, the integrity signals' index walks): each set its own statement.
  ownStatementColumns: ['held_meeting_before', 'integrity_repeat_touch', 'integrity_bulk_logged'],
  // Tried in order: month tables before the day table, so whole-month ranges read the fewest rows.
  // Distinct people per rep and run of months before the per-person month rows.
  rollups: [
    activityMonthCounts,
    activityDayCounts,
    activityPeopleRuns,
    activityMonthPeople,
    activityMonthMeetingProspects,
  ],
};
