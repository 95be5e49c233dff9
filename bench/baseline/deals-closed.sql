-- Closed-deal KPIs of one period, one row per listed rep: win rate, counts, revenue by type, deal size, revenue
-- per distinct customer, sales cycle, close rate against held meetings, quota attainment (docs/metrics.md metric reference, "Money",
-- "Sales cycle", "Quota"). Hand-written for the benchmark. Parameters: :from_ts, :to_ts (instants, end
-- exclusive), :from_date, :to_date (local dates, inclusive), :zone, :currency.
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
closed as (
  select
    o.owner_id,
    o.status,
    o.type,
    case when o.currency = :currency then o.amount_minor end as amount,
    -- Who bought (revenue per customer): the account, else the contact, else the deal itself.
    case
      when o.account_id is not null then o.account_id * 3
      when o.contact_id is not null then o.contact_id * 3 + 1
      else o.id * 3 + 2
    end as customer,
    (o.closed_at at time zone :zone)::date - (o.created_at at time zone :zone)::date as cycle_days
  from opportunities o
  where o.status in ('won', 'lost') and o.closed_at >= :from_ts and o.closed_at < :to_ts and o.owner_id is not null
),
per_rep as (
  select
    owner_id,
    count(*) as closed,
    count(*) filter (where status = 'won') as won,
    count(*) filter (where status = 'lost') as lost,
    sum(amount) filter (where status = 'won') as won_amount,
    count(amount) filter (where status = 'won') as won_priced,
    count(distinct customer) filter (where status = 'won' and amount is not null) as customers,
    sum(amount) filter (where status = 'won' and type = 'new_business') as new_business,
    sum(amount) filter (where status = 'won' and type = 'upsell') as upsell,
    sum(amount) filter (where status = 'won' and type = 'renewal') as renewal,
    percentile_cont(0.5) within group (order by cycle_days) filter (where status = 'won') as cycle_median,
    avg(cycle_days) filter (where status = 'won') as cycle_mean
  from closed
  group by owner_id
),
-- Distinct prospects (account, else contact, else lead) with a held meeting in the period.
met as (
  select user_id, count(distinct coalesce(account_id * 3, contact_id * 3 + 1, lead_id * 3 + 2)) as prospects
  from activities
  where type = 'meeting' and outcome = 'held' and occurred_at >= :from_ts and occurred_at < :to_ts
    and coalesce(account_id, contact_id, lead_id) is not null
  group by user_id
),
-- Quota: active per-rep won-revenue goals whose own period (calendar 'YYYY-Qn', 'YYYY-MM' or 'YYYY') lies
-- inside the queried dates.
goal_periods as (
  select
    g.scope_id as rep_id,
    g.target,
    case
      when g.period_key ~ '^\d{4}-Q[1-4]$' then make_date(left(g.period_key, 4)::int, right(g.period_key, 1)::int * 3 - 2, 1)
      when g.period_key ~ '^\d{4}-\d{2}$' then make_date(left(g.period_key, 4)::int, right(g.period_key, 2)::int, 1)
      when g.period_key ~ '^\d{4}$' then make_date(g.period_key::int, 1, 1)
    end as starts,
    case
      when g.period_key ~ '^\d{4}-Q[1-4]$' then interval '3 months'
      when g.period_key ~ '^\d{4}-\d{2}$' then interval '1 month'
      when g.period_key ~ '^\d{4}$' then interval '1 year'
    end as length
  from goals g
  where g.metric_id = 'won_revenue' and g.scope_type = 'user' and g.archived_at is null and g.period_key is not null
),
quota as (
  select rep_id, sum(target) as target
  from goal_periods
  where starts >= :from_date::date and (starts + length)::date - 1 <= :to_date::date
  group by rep_id
),
v as (
  select
    r.id as rep_id,
    coalesce(p.closed, 0) as closed,
    coalesce(p.won, 0) as won,
    coalesce(p.lost, 0) as lost,
    coalesce(p.won_amount, 0) as won_amount,
    coalesce(p.won_priced, 0) as won_priced,
    coalesce(p.customers, 0) as customers,
    coalesce(p.new_business, 0) as new_business,
    coalesce(p.upsell, 0) as upsell,
    coalesce(p.renewal, 0) as renewal,
    p.cycle_median,
    p.cycle_mean,
    coalesce(m.prospects, 0) as prospects,
    q.target as quota
  from reps r
  left join per_rep p on p.owner_id = r.id
  left join met m on m.user_id = r.id
  left join quota q on q.rep_id = r.id
)
select v.rep_id, x.metric, x.value::float8 as value
from v
cross join lateral (values
  ('win_rate', v.won::float8 / nullif(v.closed, 0)),
  ('won_count', v.won::float8),
  ('lost_count', v.lost::float8),
  ('won_revenue', v.won_amount::float8),
  ('avg_deal_size', v.won_amount::float8 / nullif(v.won_priced, 0)),
  ('revenue_per_customer', v.won_amount::float8 / nullif(v.customers, 0)),
  ('new_business_revenue', v.new_business::float8),
  ('upsell_revenue', v.upsell::float8),
  ('renewal_revenue', v.renewal::float8),
  ('sales_cycle_days_median', v.cycle_median::float8),
  ('sales_cycle_days_mean', v.cycle_mean::float8),
  ('close_rate_meetings', v.won::float8 / nullif(v.prospects, 0)),
  ('quota_attainment', v.won_amount::float8 / nullif(v.quota, 0)::float8),
  ('quota_attainment_rate', case when v.quota is null then null when v.won_amount >= v.quota then 1 else 0 end::float8)
) as x(metric, value)
