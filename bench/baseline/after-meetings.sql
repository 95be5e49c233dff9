-- Prospecting and follow-ups around held meetings, one row per listed rep (docs/metrics.md, "Meetings booked,
-- prospecting, follow-ups after meetings and selling time (issue 18)" and the metric reference): an outbound
-- call, email or LinkedIn touch of a person with no held meeting (by anyone) strictly before it is prospecting;
-- an outbound non-meeting touch after one is a follow-up after a meeting. A person is met through a meeting naming
-- their contact (for a converted lead, the contact it became) or naming their lead. Meetings booked count by
-- booked_at. Written from the docs, not from the engine. Parameters: :from_ts, :to_ts (instants, end exclusive),
-- :from_date, :to_date.
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
-- Each contact's and each lead's first held meeting, over the whole history up to the period end.
held as (
  select contact_id, lead_id, occurred_at
  from activities
  where type = 'meeting' and outcome = 'held' and occurred_at < :to_ts
),
contact_met as (
  select contact_id as id, min(occurred_at) as first_at from held where contact_id is not null group by contact_id
),
lead_met as (
  select lead_id as id, min(occurred_at) as first_at from held where lead_id is not null group by lead_id
),
touches as (
  select
    a.user_id,
    a.type,
    coalesce(cm.first_at < a.occurred_at, false) or coalesce(lm.first_at < a.occurred_at, false) as met_before
  from activities a
  left join leads l on l.id = a.lead_id
  left join contact_met cm on cm.id = coalesce(a.contact_id, l.converted_contact_id)
  left join lead_met lm on lm.id = a.lead_id
  where a.occurred_at >= :from_ts and a.occurred_at < :to_ts and a.user_id is not null
    and a.direction = 'outbound' and a.type <> 'meeting' and a.outcome is distinct from 'scheduled'
    and (a.contact_id is not null or a.lead_id is not null)
),
per_rep as (
  select
    user_id,
    count(*) filter (where met_before) as after_meeting,
    count(*) filter (where not met_before and type in ('call', 'email', 'linkedin')) as prospecting
  from touches
  group by user_id
),
booked as (
  select user_id, count(*) as n
  from activities
  where type = 'meeting' and booked_at >= :from_ts and booked_at < :to_ts
  group by user_id
)
select r.id as rep_id, x.metric, x.value
from reps r
left join per_rep p on p.user_id = r.id
left join booked b on b.user_id = r.id
cross join lateral (values
  ('follow_ups_after_meeting', coalesce(p.after_meeting, 0)::float8),
  ('prospecting_activities', coalesce(p.prospecting, 0)::float8),
  ('meetings_booked', coalesce(b.n, 0)::float8),
  ('meetings_per_prospecting_activity', coalesce(b.n, 0)::float8 / nullif(p.prospecting, 0))
) as x(metric, value)
