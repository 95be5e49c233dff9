-- Lost deals with few follow-ups, one row per listed rep (docs/metrics.md `lost_deals_few_follow_ups`): deals lost
-- in the period that had a held meeting at or before closing, with fewer outbound non-meeting activities (not only
-- scheduled: a plan is no follow-up) after the last such meeting, up to closing, than settings.follow_up_target. A
-- deal's activities are those logged on it and those on its contact that name no deal, by anyone. Written from the
-- docs, not from the engine. Parameters: :from_ts, :to_ts (instants, end exclusive), :from_date, :to_date.
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
lost as (
  select o.id, o.owner_id, o.contact_id, o.closed_at
  from opportunities o
  where o.status = 'lost' and o.closed_at >= :from_ts and o.closed_at < :to_ts and o.owner_id is not null
),
-- The deal's activities up to its closing.
deal_activities as (
  select d.id, a.type, a.direction, a.outcome, a.occurred_at
  from lost d
  join activities a on a.opportunity_id = d.id and a.occurred_at <= d.closed_at
  union all
  select d.id, a.type, a.direction, a.outcome, a.occurred_at
  from lost d
  join activities a on a.contact_id = d.contact_id and a.opportunity_id is null and a.occurred_at <= d.closed_at
),
last_meeting as (
  select d.id, d.owner_id, max(a.occurred_at) as met_at
  from lost d
  join deal_activities a on a.id = d.id
  where a.type = 'meeting' and a.outcome = 'held'
  group by d.id, d.owner_id
),
per_deal as (
  select m.id, m.owner_id, count(a.id) as follow_ups
  from last_meeting m
  left join deal_activities a on a.id = m.id and a.occurred_at > m.met_at and a.direction = 'outbound'
    and a.type <> 'meeting' and a.outcome is distinct from 'scheduled'
  group by m.id, m.owner_id
),
per_rep as (
  select owner_id, count(*) as n
  from per_deal
  where follow_ups < (select follow_up_target from settings)
  group by owner_id
)
select r.id as rep_id, 'lost_deals_few_follow_ups' as metric, coalesce(p.n, 0)::float8 as value
from reps r
left join per_rep p on p.owner_id = r.id
