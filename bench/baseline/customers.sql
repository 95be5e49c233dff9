-- Customer KPIs of one period, one row per listed rep (acquired_by): new customers, churn, tenure, CLV
-- (docs/metrics.md, "Customer economics"). CAC has no per-rep value (costs carry a team), so it is null on every
-- rep row. Months are 30.4375 days (the mean Gregorian month; docs/metrics.md rounds it to 30.44, which differs
-- in the fifth digit), and the months in the period are its days / 30.4375. "The period end" is the instant the
-- period ends, the day after :to_date. Parameters: :from_date, :to_date (inclusive local dates), :currency,
-- :months (months in the period).
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
c as (
  select
    cu.id,
    cu.acquired_by,
    cu.started_at,
    cu.ended_at,
    cu.started_at between :from_date::date and :to_date::date as started_in,
    cu.started_at < :from_date::date and (cu.ended_at is null or cu.ended_at >= :from_date::date) as active_at_start,
    cu.ended_at between :from_date::date and :to_date::date as ended_in,
    cu.started_at <= :to_date::date and (cu.ended_at is null or cu.ended_at > :to_date::date) as active_at_end
  from customers cu
  where cu.acquired_by is not null
),
subs as (
  select
    s.customer_id,
    sum(s.mrr_minor) filter (
      where s.start_date <= :to_date::date and (s.end_date is null or s.end_date > :to_date::date)
    ) as mrr_at_end,
    -- Observed revenue to date: MRR x months active (30.4375-day months, see below) up to the period end (the day after
    -- :to_date, as tenure below).
    sum(s.mrr_minor * greatest(0, least(coalesce(s.end_date, :to_date::date + 1), :to_date::date + 1) - s.start_date) / 30.4375)
      filter (where s.start_date <= :to_date::date) as revenue
  from subscriptions s
  where s.currency = :currency
  group by s.customer_id
),
per_rep as (
  select
    c.acquired_by as rep_id,
    count(*) filter (where started_in) as new_customers,
    count(*) filter (where active_at_start) as at_start,
    count(*) filter (where active_at_start and ended_in) as churned,
    avg(((case when ended_in then ended_at else :to_date::date + 1 end) - started_at) / 30.4375)
      filter (where active_at_end or ended_in) as tenure,
    count(*) filter (where active_at_end) as at_end,
    sum(s.mrr_at_end) filter (where active_at_end) as mrr,
    sum(s.revenue) as revenue,
    count(*) filter (where c.started_at <= :to_date::date) as seen
  from c
  left join subs s on s.customer_id = c.id
  group by c.acquired_by
),
v as (
  select r.id as rep, p.new_customers, p.at_start, p.churned, p.tenure, p.at_end, p.mrr, p.revenue, p.seen,
    (select gross_margin_pct from settings) / 100.0 as margin
  from reps r
  left join per_rep p on p.rep_id = r.id
)
select v.rep as rep_id, x.metric, x.value
from v
cross join lateral (values
  ('new_customers', coalesce(v.new_customers, 0)::float8),
  ('cac', null::float8),
  ('churn_rate', v.churned::float8 / nullif(v.at_start, 0)),
  ('avg_tenure_months', v.tenure::float8),
  ('clv', case
    when v.churned > 0 and v.at_end > 0
      then (v.mrr::float8 / v.at_end) * v.margin::float8 / ((v.churned::float8 / v.at_start) / :months::float8)
    when coalesce(v.churned, 0) = 0 and v.seen > 0
      then coalesce(v.revenue, 0)::float8 / v.seen * v.margin::float8
  end)
) as x(metric, value)
