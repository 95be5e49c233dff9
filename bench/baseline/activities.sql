-- Activity KPIs of one period, one row per listed rep, from the raw activities table (docs/metrics.md, "Touches,
-- new prospects and response time" and the metric reference). Written by hand for the benchmark; the engine's
-- compiled SQL is not consulted. Parameters: :from_ts, :to_ts (the period's local midnights as instants,
-- end exclusive), :working_minutes (business minutes of the period for one rep).
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
  union
  select user_id from commission_statements
  where status <> 'draft' and period_start >= :from_date::date and period_end <= :to_date::date + 1
),
facts as (
  select
    a.user_id,
    a.type,
    a.direction,
    a.outcome,
    a.duration_seconds,
    a.is_new_prospect,
    -- A scheduled row is a plan, not work done: it is no call, email, touch or follow-up (docs/metrics.md, Touch).
    a.outcome is not distinct from 'scheduled' as planned,
    -- The effective time category: the one logged, else selling for calls and held meetings (issue 18).
    coalesce(a.time_category,
      case when a.type = 'call' or (a.type = 'meeting' and a.outcome = 'held') then 'selling' end) as time_category,
    -- The person: the contact, else the contact the lead was converted to, else the lead (even/odd keys).
    case
      when a.contact_id is not null then a.contact_id * 2
      when l.converted_contact_id is not null then l.converted_contact_id * 2
      when a.lead_id is not null then a.lead_id * 2 + 1
    end as person,
    -- The prospect met (close rate): the account, else the contact, else the lead.
    case
      when a.account_id is not null then a.account_id * 3
      when a.contact_id is not null then a.contact_id * 3 + 1
      when a.lead_id is not null then a.lead_id * 3 + 2
    end as prospect
  from activities a
  left join leads l on l.id = a.lead_id
  where a.occurred_at >= :from_ts and a.occurred_at < :to_ts and a.user_id is not null
),
per_rep as (
  select
    user_id,
    count(*) filter (where type = 'call' and direction = 'outbound' and not planned) as calls,
    count(*) filter (where type = 'call' and direction = 'outbound' and outcome = 'connected') as connected,
    count(*) filter (where type = 'email' and direction = 'outbound' and not planned) as emails,
    count(*) filter (where type = 'meeting' and outcome is distinct from 'no_show' and outcome is distinct from 'scheduled') as meetings,
    count(*) filter (where type = 'linkedin' and direction = 'outbound' and not planned) as linkedin,
    count(*) filter (
      where (type in ('call', 'email', 'linkedin') and direction = 'outbound' and not planned)
         or (type = 'meeting' and outcome is distinct from 'no_show' and outcome is distinct from 'scheduled')
    ) as touches,
    count(distinct person) filter (where person is not null and (direction = 'outbound' or type = 'meeting') and not planned)
      as people,
    count(distinct person) filter (where is_new_prospect) as new_people,
    count(*) filter (
      where person is not null and (direction = 'outbound' or type = 'meeting') and not planned and not is_new_prospect
    ) as follow_ups,
    count(*) filter (where type = 'meeting' and outcome = 'held') as held,
    count(*) filter (where is_new_prospect) as first_touches,
    coalesce(sum(duration_seconds) filter (where time_category = 'selling'), 0) / 60.0 as selling_minutes,
    coalesce(sum(duration_seconds), 0) / 60.0 as logged_minutes,
    sum(duration_seconds) filter (where time_category is not null) / 60.0 as categorised_minutes,
    sum(duration_seconds) filter (
      where time_category in ('prospecting', 'admin', 'crm_updates', 'internal_meetings', 'training', 'travel')
    ) / 60.0 as non_selling_minutes
  from facts
  group by user_id
),
v as (
  select
    r.id as rep_id,
    coalesce(p.calls, 0) as calls,
    coalesce(p.connected, 0) as connected,
    coalesce(p.emails, 0) as emails,
    coalesce(p.meetings, 0) as meetings,
    coalesce(p.linkedin, 0) as linkedin,
    coalesce(p.touches, 0) as touches,
    coalesce(p.people, 0) as people,
    coalesce(p.new_people, 0) as new_people,
    coalesce(p.follow_ups, 0) as follow_ups,
    coalesce(p.held, 0) as held,
    coalesce(p.first_touches, 0) as first_touches,
    coalesce(p.selling_minutes, 0) as selling_minutes,
    coalesce(p.logged_minutes, 0) as logged_minutes,
    p.categorised_minutes,
    coalesce(p.non_selling_minutes, 0) as non_selling_minutes,
    -- Working time is counted for active reps only: a former rep (or a manager) listed for the period has none.
    (select u.active and u.role = 'rep' from users u where u.id = r.id) as working
  from reps r
  left join per_rep p on p.user_id = r.id
)
select v.rep_id, m.metric, m.value::float8 as value
from v
cross join lateral (values
  ('calls', v.calls::float8),
  ('emails', v.emails::float8),
  ('meetings', v.meetings::float8),
  ('linkedin_touches', v.linkedin::float8),
  ('activities', v.touches::float8),
  ('unique_contacts', v.people::float8),
  ('new_prospects', v.new_people::float8),
  ('follow_ups', v.follow_ups::float8),
  ('connect_rate', v.connected::float8 / nullif(v.calls, 0)),
  ('meetings_held', v.held::float8),
  ('meetings_held_per_first_touch', v.held::float8 / nullif(v.first_touches, 0)),
  ('selling_time_share', case when v.working then v.selling_minutes::float8 / nullif(:working_minutes::float8, 0) end),
  ('logged_minutes', v.logged_minutes::float8),
  ('logged_time_share', case when v.working then v.logged_minutes::float8 / nullif(:working_minutes::float8, 0) end),
  ('non_selling_time_share', v.non_selling_minutes::float8 / nullif(v.categorised_minutes, 0)::float8)
) as m(metric, value)
