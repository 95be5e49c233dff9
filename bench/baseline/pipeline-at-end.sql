-- Pipeline open at the end of the period, one row per listed rep (docs/metrics.md, "Pipeline as of a date"):
-- each deal's stage, amount and owner from its last history row at or before the end (its current row when it
-- has none), open when that stage is neither won nor lost and the deal was not closed by then; weighted by the
-- stage's probability. Parameters: :to_ts (the instant the period ends), :from_date, :to_date, :currency.
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
at_end as (
  select
    o.id,
    o.currency,
    coalesce(h.stage_id, o.stage_id) as stage_id,
    coalesce(h.amount_minor, o.amount_minor) as amount,
    case when h.opportunity_id is null then o.owner_id else coalesce(h.owner_id, o.owner_id) end as owner_id,
    o.closed_at
  from opportunities o
  left join lateral (
    select oh.opportunity_id, oh.stage_id, oh.amount_minor, oh.owner_id
    from opportunity_history oh
    where oh.opportunity_id = o.id and oh.changed_at <= :to_ts
    order by oh.changed_at desc, oh.id desc
    limit 1
  ) h on true
  where o.created_at <= :to_ts
),
open_deals as (
  select e.owner_id, e.amount, e.amount * s.probability_pct / 100 as weighted
  from at_end e
  join stages s on s.id = e.stage_id
  where not s.is_won and not s.is_lost and (e.closed_at is null or e.closed_at > :to_ts) and e.currency = :currency
),
per_rep as (
  select owner_id, sum(amount) as pipeline, sum(weighted) as weighted from open_deals group by owner_id
)
select r.id as rep_id, x.metric, x.value
from reps r
left join per_rep p on p.owner_id = r.id
cross join lateral (values
  ('pipeline_value', coalesce(p.pipeline, 0)::float8),
  ('weighted_pipeline', coalesce(p.weighted, 0)::float8)
) as x(metric, value)
