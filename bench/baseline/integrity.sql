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
period as (
  select a.id, a.user_id, a.type, a.direction, a.outcome, a.duration_seconds, a.occurred_at, a.created_at,
    a.logged_via, coalesce(a.contact_id * 2, a.lead_id * 2 + 1) as person
  from activities a
  where a.occurred_at >= :from_ts and a.occurred_at < :to_ts and a.user_id is not null
),
calls as (
  select user_id,
    count(*) filter (where duration_seconds < 10) as zero_length,
    count(*) as timed
  from period
  where type = 'call' and direction = 'outbound' and duration_seconds is not null
  group by user_id
),
touches as (
  select user_id,
    row_number() over (
      partition by user_id, person, (occurred_at at time zone :zone)::date order by occurred_at, id
    ) as nth
  from period
  where (direction = 'outbound' or type = 'meeting') and outcome is distinct from 'scheduled' and person is not null
),
repeats as (
  select user_id, count(*) filter (where nth >= 3) as repeated, count(*) as touches from touches group by user_id
),
typed as (
  select p.user_id,
    (p.created_at at time zone :zone)::time < make_time(s.work_start_minute / 60, s.work_start_minute % 60, 0)
      or (p.created_at at time zone :zone)::time >= make_time(s.work_end_minute / 60, s.work_end_minute % 60, 0)
      as after_hours,
    p.created_at
  from period p, settings s
  where p.logged_via in ('quick_log', 'api')
),
bulk as (
  select t.user_id,
    count(*) as typed_in,
    -- The burst around an after-hours row: the rep's typed-in rows written within 5 minutes either side (any date).
    count(*) filter (where t.after_hours and (
      select count(*) from activities b
      where b.user_id = t.user_id and b.logged_via in ('quick_log', 'api')
        and b.created_at between t.created_at - interval '5 minutes' and t.created_at + interval '5 minutes'
    ) >= 10) as bulk
  from typed t
  group by t.user_id
)
select r.id as rep_id, x.metric, x.value
from reps r
left join calls c on c.user_id = r.id
left join repeats t on t.user_id = r.id
left join bulk b on b.user_id = r.id
cross join lateral (values
  ('zero_length_call_share', c.zero_length::float8 / nullif(c.timed, 0)),
  ('repeat_touch_share', t.repeated::float8 / nullif(t.touches, 0)),
  ('bulk_logged_share', b.bulk::float8 / nullif(b.typed_in, 0))
) as x(metric, value)
