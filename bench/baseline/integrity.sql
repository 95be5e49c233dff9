-- Integrity signals, one row per listed rep (docs/metrics.md `zero_length_call_share`, `repeat_touch_share`,
-- `bulk_logged_share`; docs/capture.md "Integrity (data quality)"), over the period's activities by occurred_at.
-- Zero-length: outbound calls with a duration under 10 s / outbound calls with a duration. Repeat touch: a touch
-- (outbound or a meeting, naming a contact or lead, not only scheduled) preceded by 2 or more touches of the same
-- person (contact, else lead) by the same rep on the same local day, ordered by occurred_at then id / touches.
-- Bulk-logged: typed-in rows (quick_log, api) written (created_at) outside working hours by local time of day,
-- with 10 or more typed-in rows of the same rep, this one included, written within 5 minutes either side /
-- typed-in rows. Written from the docs, not from the engine. Parameters: :from_ts, :to_ts, :from_date, :to_date,
-- :zone.
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
-- Touches numbered within their rep, person and local day (a sort of the period's touches only).
touches as (
  select t.user_id, count(*) filter (where t.nth >= 3) as repeated, count(*) as touches
  from (
    select a.user_id,
      row_number() over (
        partition by a.user_id, coalesce(a.contact_id * 2, a.lead_id * 2 + 1), (a.occurred_at at time zone :zone)::date
        order by a.occurred_at, a.id
      ) as nth
    from activities a
    where a.occurred_at >= :from_ts and a.occurred_at < :to_ts and a.user_id is not null
      and (a.direction = 'outbound' or a.type = 'meeting') and a.outcome is distinct from 'scheduled'
      and (a.contact_id is not null or a.lead_id is not null)
  ) t
  group by t.user_id
),
per_rep as (
  select a.user_id,
    count(*) filter (where a.type = 'call' and a.direction = 'outbound' and a.duration_seconds < 10) as zero_length,
    count(*) filter (where a.type = 'call' and a.direction = 'outbound' and a.duration_seconds is not null) as timed,
    count(*) filter (where a.logged_via in ('quick_log', 'api')) as typed_in,
    -- After hours by the local time of day, then the burst around the row: the rep's typed-in rows written within
    -- 5 minutes either side (whatever their occurred_at).
    count(*) filter (where a.logged_via in ('quick_log', 'api')
      and ((a.created_at at time zone :zone)::time < make_time(s.work_start_minute / 60, s.work_start_minute % 60, 0)
        or (a.created_at at time zone :zone)::time >= make_time(s.work_end_minute / 60, s.work_end_minute % 60, 0))
      and (select count(*) from activities b
        where b.user_id = a.user_id and b.logged_via in ('quick_log', 'api')
          and b.created_at between a.created_at - interval '5 minutes' and a.created_at + interval '5 minutes') >= 10
    ) as bulk
  from activities a
  cross join settings s
  where a.occurred_at >= :from_ts and a.occurred_at < :to_ts and a.user_id is not null
  group by a.user_id
)
select r.id as rep_id, x.metric, x.value
from reps r
left join per_rep p on p.user_id = r.id
left join touches t on t.user_id = r.id
cross join lateral (values
  ('zero_length_call_share', p.zero_length::float8 / nullif(p.timed, 0)),
  ('repeat_touch_share', t.repeated::float8 / nullif(t.touches, 0)),
  ('bulk_logged_share', p.bulk::float8 / nullif(p.typed_in, 0))
) as x(metric, value)
