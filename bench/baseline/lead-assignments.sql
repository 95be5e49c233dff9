-- Routing KPIs of one period, one row per listed rep (docs/metrics.md: leads assigned, counted by assigned_at for
-- the rep who received the lead, every kind; and the mean of the lead's score when assigned, over the
-- assignments whose lead had one). Parameters: :from_ts, :to_ts (instants, end exclusive).
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
received as (
  select user_id, count(*) as n, avg(lead_score) as mean_score
  from lead_assignments
  where assigned_at >= :from_ts and assigned_at < :to_ts
  group by user_id
)
select r.id as rep_id, x.metric, x.value
from reps r
left join received a on a.user_id = r.id
cross join lateral (values
  ('leads_assigned', coalesce(a.n, 0)::float8),
  ('assigned_lead_score_mean', a.mean_score::float8)
) as x(metric, value);
