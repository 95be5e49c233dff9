-- Activity KPIs of one period, one row per active rep, from the raw activities table (docs/metrics.md, "Touches,
-- new prospects and response time" and the metric reference). Written by hand for the benchmark; the engine's
-- compiled SQL is not consulted. Parameters: :from_ts, :to_ts (the period's local midnights as instants,
-- end exclusive), :working_minutes (business minutes of the period for one rep).
with reps as (
  select id from users where role = 'rep' and (active or (hire_date <= :to_date::date and left_on > :from_date::date))
),
facts as (
  select
    a.user_id,
    a.type,
    a.direction,
    a.outcome,
    a.duration_seconds,
    a.is_new_prospect,
    a.time_category,
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
    count(*) filter (where type = 'call' and direction = 'outbound') as calls,
    count(*) filter (where type = 'call' and direction = 'outbound' and outcome = 'connected') as connected,
    count(*) filter (where type = 'email' and direction = 'outbound') as emails,
    count(*) filter (where type = 'meeting' and outcome is distinct from 'no_show' and outcome is distinct from 'scheduled') as meetings,
    count(*) filter (where type = 'linkedin' and direction = 'outbound') as linkedin,
    count(*) filter (
      where (type in ('call', 'email', 'linkedin') and direction = 'outbound')
         or (type = 'meeting' and outcome is distinct from 'no_show' and outcome is distinct from 'scheduled')
    ) as touches,
    count(distinct person) filter (where person is not null and (direction = 'outbound' or type = 'meeting')) as people,
    count(distinct person) filter (where is_new_prospect) as new_people,
    count(*) filter (where person is not null and (direction = 'outbound' or type = 'meeting') and not is_new_prospect) as follow_ups,
    count(*) filter (where type = 'meeting' and outcome = 'held') as held,
    count(*) filter (where is_new_prospect) as first_touches,
    -- Selling time: the logged time category, else calls and held meetings (issue 18).
    coalesce(sum(duration_seconds) filter (where coalesce(time_category,
      case when type = 'call' or (type = 'meeting' and outcome = 'held') then 'selling' end) = 'selling'), 0) / 60.0
      as selling_minutes
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
    coalesce(p.selling_minutes, 0) as selling_minutes
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
  -- Working time is counted for active reps only: a former rep listed for the period has no selling-time share.
  ('selling_time_share', case when (select u.active from users u where u.id = v.rep_id)
    then v.selling_minutes::float8 / nullif(:working_minutes::float8, 0) end)
) as m(metric, value)
