-- Lead KPIs of one period, one row per listed rep (docs/metrics.md: leads created, MQL/SQL by their own
-- timestamps, response time over the period's leads that were answered, SLA met/decided, and the cohort of the
-- period's leads by how far each got, whenever: a later step implies the earlier ones). Parameters: :from_ts,
-- :to_ts (instants, end exclusive), :now.
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
created as (
  select
    l.owner_id,
    count(*) as created,
    percentile_cont(0.5) within group (order by l.response_business_minutes) as p50,
    percentile_cont(0.9) within group (order by l.response_business_minutes) as p90,
    avg(l.response_business_minutes) as mean,
    count(*) filter (where l.first_response_at <= l.sla_deadline_at) as sla_met,
    count(*) filter (where l.first_response_at is not null or l.sla_deadline_at <= :now) as sla_decided,
    count(*) filter (where l.mql_at is not null or l.sql_at is not null or o.id is not null) as reached_mql,
    count(*) filter (where l.sql_at is not null or o.id is not null) as reached_sql,
    count(o.id) as converted,
    count(*) filter (where o.status = 'won') as won
  from leads l
  left join opportunities o on o.id = l.converted_opportunity_id
  where l.created_at >= :from_ts and l.created_at < :to_ts
  group by l.owner_id
),
mql as (
  select owner_id, count(*) as n from leads where mql_at >= :from_ts and mql_at < :to_ts group by owner_id
),
sql_ as (
  select owner_id, count(*) as n from leads where sql_at >= :from_ts and sql_at < :to_ts group by owner_id
)
select r.id as rep_id, x.metric, x.value
from reps r
left join created c on c.owner_id = r.id
left join mql m on m.owner_id = r.id
left join sql_ s on s.owner_id = r.id
cross join lateral (values
  ('leads_created', coalesce(c.created, 0)::float8),
  ('mql_count', coalesce(m.n, 0)::float8),
  ('sql_count', coalesce(s.n, 0)::float8),
  ('lead_response_time_p50', c.p50::float8),
  ('lead_response_time_p90', c.p90::float8),
  ('lead_response_time_mean', c.mean::float8),
  ('leads_contacted_within_sla', c.sla_met::float8 / nullif(c.sla_decided, 0)),
  ('leads_reaching_mql', coalesce(c.reached_mql, 0)::float8),
  ('leads_reaching_sql', coalesce(c.reached_sql, 0)::float8),
  ('leads_converted', coalesce(c.converted, 0)::float8),
  ('leads_won', coalesce(c.won, 0)::float8)
) as x(metric, value)
