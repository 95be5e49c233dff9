-- Opportunities created in the period, one row per active rep (docs/metrics.md, opportunities_created).
-- Parameters: :from_ts, :to_ts (instants, end exclusive).
select r.id as rep_id, 'opportunities_created' as metric, count(o.id)::float8 as value
from users r
left join opportunities o on o.owner_id = r.id and o.created_at >= :from_ts and o.created_at < :to_ts
where r.role = 'rep' and (r.active or (r.hire_date <= :to_date::date and r.left_on > :from_date::date))
group by r.id
