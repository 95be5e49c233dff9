-- Opportunities created in the period, one row per listed rep (docs/metrics.md, opportunities_created).
-- Parameters: :from_ts, :to_ts (instants, end exclusive), :from_date, :to_date.
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
)
select r.id as rep_id, 'opportunities_created' as metric, count(o.id)::float8 as value
from reps r
left join opportunities o on o.owner_id = r.id and o.created_at >= :from_ts and o.created_at < :to_ts
group by r.id
