import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';
import {
  activityDayCounts,
  activityMonthCounts,
  activityMonthMeetingProspects,
  activityMonthPeople,
} from './activity-rollups.ts';
import { integrityColumns } from './activity-integrity-columns.ts';

/** Effort counted by the activities metric: outbound calls, emails and LinkedIn, plus meetings that were not no-shows or only scheduled. */
const isTouch = sql`((a.type in ('call', 'email', 'linkedin') and a.direction = 'outbound')
  or (a.type = 'meeting' and coalesce(a.outcome, '') not in ('no_show', 'scheduled')))`;

/** Activities by the rep who logged them (user_id), in the period by occurred_at. */
export const activitiesSource: SourceSpec = {
  name: 'activities',
  mode: 'event',
  from: () => sql`activities a left join users u on u.id = a.user_id left join leads l on l.id = a.lead_id`,
  where: () => [],
  owner: sql`a.user_id`,
  team: sql`u.team_id`,
  timeColumns: { occurred_at: { expr: sql`a.occurred_at`, type: 'timestamptz' } },
  columns: (ctx) => ({
    type: sql`a.type`,
    direction: sql`a.direction`,
    outcome: sql`a.outcome`,
    is_touch: isTouch,
    // A touch as the derived columns define it (what is_new_prospect flags): outbound work or any meeting, to a person.
    is_person_touch: sql`((a.direction = 'outbound' or a.type = 'meeting') and (a.contact_id is not null or a.lead_id is not null))`,
    is_new_prospect: sql`a.is_new_prospect`,
    // One number per person as in the derived-column refresh: contact c is 2c, an unconverted lead l is 2l+1 and a
    // converted lead is its contact, so distinct counts stay on integers and agree with is_new_prospect.
    person: sql`coalesce(coalesce(a.contact_id, l.converted_contact_id) * 2, a.lead_id * 2 + 1)`,
    // A prospect is the account met, else the contact, else the lead.
    prospect: sql`(case when a.account_id is not null then a.account_id * 3
      when a.contact_id is not null then a.contact_id * 3 + 1 else a.lead_id * 3 + 2 end)`,
    duration_minutes: sql`(a.duration_seconds / 60.0)`,
    customer_facing: sql`(a.type = 'call' or (a.type = 'meeting' and a.outcome = 'held'))`,
    // Integrity signals (issue 18): their own block, in their own file.
    ...integrityColumns(ctx),
  }),
  filterColumns: {},
  // Tried in order: month tables before the day table, so whole-month ranges read the fewest rows.
  rollups: [activityMonthCounts, activityDayCounts, activityMonthPeople, activityMonthMeetingProspects],
};
