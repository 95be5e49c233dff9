-- Commission cost of sales, one row per listed rep (docs/metrics.md `commission_cost_of_sales`): locked or paid
-- statements (not drafts) whose whole period lies inside the queried dates (period_end is the first day after
-- the statement's period), in the workspace currency: payouts / credited revenue, per the statement's person.
-- Parameters: :from_date, :to_date (inclusive local dates), :currency.
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
per_rep as (
  select user_id, sum(payout_minor) as payout, sum(credited_minor) as credited
  from commission_statements
  where status in ('locked', 'paid') and currency = :currency
    and period_start >= :from_date::date and period_end <= :to_date::date + 1
  group by user_id
)
select r.id as rep_id, 'commission_cost_of_sales' as metric, p.payout::float8 / nullif(p.credited, 0) as value
from reps r
left join per_rep p on p.user_id = r.id
