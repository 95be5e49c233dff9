-- Rep turnover KPIs of one period, one row per listed rep (docs/metrics.md; docs/coaching.md "Turnover and tenure"):
-- a rep with a hire date is employed from hire_date up to the day before left_on; rep_headcount is the share of
-- the period's days they were employed, rep_turnover 1 or 0 (left in the period) over that share,
-- rep_tenure_at_leaving the months (30.4375 days) from hire to leaving of a rep who left in the period.
-- Listed reps: the active ones and those employed at some point of the period. Parameters: :from_date, :to_date.
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
employed as (
  select
    u.id,
    (least(coalesce(u.left_on, :to_date::date + 1), :to_date::date + 1) - greatest(u.hire_date, :from_date::date))::float8
      / ((:to_date::date + 1) - :from_date::date) as share,
    u.left_on is not null and u.left_on <= :to_date::date as left_in,
    (u.left_on - u.hire_date) / 30.4375 as tenure
  from users u
  where u.role = 'rep' and u.hire_date is not null and u.hire_date <= :to_date::date
    and (u.left_on is null or u.left_on > :from_date::date) and (u.left_on is null or u.left_on > u.hire_date)
)
select r.id as rep_id, x.metric, x.value
from reps r
left join employed e on e.id = r.id
cross join lateral (values
  ('rep_headcount', coalesce(e.share, 0)::float8),
  ('rep_turnover', case when e.share > 0 then (case when e.left_in then 1.0 else 0.0 end) / e.share end::float8),
  ('rep_tenure_at_leaving', case when e.left_in then e.tenure end::float8)
) as x(metric, value);
