-- Forecast accuracy of one period, one row per listed rep (docs/metrics.md `forecast_accuracy`, its defaults:
-- stage-weighted at quarter start). The quarters that ended in the period and are over by :now; each one's
-- earliest snapshot taken in its first week (days 0-6 in the workspace zone); the rep's own stored value for the
-- method (in the workspace currency); what the rep won in that quarter. 1 - |forecast - actual| / actual over
-- the rep's quarters, no value when nothing was won. Parameters: :from_date, :to_date, :zone, :currency, :now.
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
quarter_start as (
  select distinct on (s.period_key) s.id, s.currency, s.period_start, s.period_end
  from forecast_snapshots s
  where s.period_key like '%-Q_'
    and s.period_end - 1 between :from_date::date and :to_date::date
    and (s.period_end::timestamp at time zone :zone) <= :now::timestamptz
    and (s.as_of at time zone :zone)::date - s.period_start between 0 and 6
  order by s.period_key, s.as_of
),
per_quarter as (
  select v.scope_id as rep_id,
    case when q.currency = :currency then v.value_minor end as forecast,
    (select coalesce(sum(o.amount_minor), 0) from opportunities o
      where o.owner_id = v.scope_id and o.status = 'won' and o.currency = :currency
        and o.closed_at >= (q.period_start::timestamp at time zone :zone)
        and o.closed_at < (q.period_end::timestamp at time zone :zone)) as actual
  from quarter_start q
  join forecast_snapshot_values v on v.snapshot_id = q.id and v.scope_type = 'rep' and v.method = 'stage_weighted'
),
per_rep as (
  select rep_id, sum(forecast) as forecast, sum(actual) as actual from per_quarter group by rep_id
)
select r.id as rep_id, 'forecast_accuracy' as metric,
  (1 - abs(p.forecast - p.actual)::float8 / nullif(p.actual, 0)) as value
from reps r
left join per_rep p on p.rep_id = r.id
