import { sql } from 'kysely';
import type { Period } from '../../../domain/calendar/period.ts';
import type { DealFeatures } from '../../../domain/win-analysis/features.ts';
import type { Db } from '../../db.ts';
import { idArray, inList } from '../../sql/lists.ts';
import { toWorkspaceCurrency } from '../money/to-workspace-currency.ts';

/** Which closed deals a win analysis reads; the owners are already narrowed to what the viewer may see. */
export interface DealFeatureFilter {
  period: Period;
  timeZone: string;
  currency: string;
  /** Owners whose deals count; null = every owner (unassigned deals included). */
  ownerIds: readonly number[] | null;
  types: readonly string[] | null;
  pipelineIds: readonly number[] | null;
}

interface Row {
  id: number;
  status: 'won' | 'lost';
  owner_id: number | null;
  lead_source: string | null;
  amount_minor: number | null;
  touches: number;
  meetings_held: number;
  follow_ups: number | null;
  response_minutes: number | null;
  median_gap_days: number | null;
  stage_days: [number, number][] | null;
}

/**
 * Per-deal features of the deals won or lost in the period (closed_at in the workspace's local dates), in one
 * statement. A deal's activities are the cadence rule's (src/store/queries/cadence/deal-cadence.ts): those logged
 * on it plus those on its contact that name no opportunity, up to closing. A touch is a held meeting or an
 * outbound activity other than a meeting, not only scheduled (as cadence counts attempts). Follow-ups are the touches other than
 * meetings after the deal's first held meeting (null without one). Days in a stage come from the stage spans'
 * entries (migration 0011): from entering the stage to the next entry, summed over re-entries. The lead response
 * time is the lead's stored business minutes (the lead metrics' definition). Amounts are in the workspace currency,
 * a deal in another converted by the rate of its close date (toWorkspaceCurrency; null without a rate). The cadence is the median days between consecutive touches.
 */
export async function dealFeatures(db: Db, f: DealFeatureFilter): Promise<DealFeatures[]> {
  const tz = f.timeZone;
  const owners = f.ownerIds === null ? sql`true` : inList(sql`o.owner_id`, f.ownerIds);
  const types = f.types === null ? sql`true` : inList(sql`o.type`, f.types);
  const pipelines = f.pipelineIds === null ? sql`true` : sql`o.pipeline_id = any(${idArray(f.pipelineIds)})`;
  const r = await sql<Row>`
    with deal as (
      select o.id, o.status, o.owner_id, o.contact_id, o.lead_id, o.lead_source, o.closed_at,
        ${toWorkspaceCurrency(sql`o.amount_minor`, sql`o.currency`, sql`(o.closed_at at time zone ${tz})::date`, f.currency)}::bigint
          as amount_minor
      from opportunities o
      where o.status in ('won', 'lost')
        and o.closed_at >= (${f.period.start}::date::timestamp at time zone ${tz})
        and o.closed_at < (${f.period.end}::date::timestamp at time zone ${tz})
        and ${owners} and ${types} and ${pipelines}
    ),
    act as (
      select d.id as deal_id, a.occurred_at, (a.type = 'meeting' and a.outcome = 'held') as held
      from deal d join activities a on a.opportunity_id = d.id
      where a.occurred_at <= d.closed_at
        and ((a.type = 'meeting' and a.outcome = 'held')
          or (a.direction = 'outbound' and a.type <> 'meeting' and coalesce(a.outcome, '') <> 'scheduled'))
      union all
      select d.id, a.occurred_at, (a.type = 'meeting' and a.outcome = 'held')
      from deal d join activities a on a.contact_id = d.contact_id and a.opportunity_id is null
      where d.contact_id is not null and a.occurred_at <= d.closed_at
        and ((a.type = 'meeting' and a.outcome = 'held')
          or (a.direction = 'outbound' and a.type <> 'meeting' and coalesce(a.outcome, '') <> 'scheduled'))
    ),
    seq as (
      select deal_id, occurred_at, held,
        min(occurred_at) filter (where held) over (partition by deal_id) as first_meeting,
        extract(epoch from occurred_at - lag(occurred_at) over (partition by deal_id order by occurred_at)) / 86400.0
          as gap_days
      from act
    ),
    touch as (
      select deal_id,
        count(*)::int as touches,
        (count(*) filter (where held))::int as meetings_held,
        case when bool_or(held) then
          (count(*) filter (where not held and occurred_at > first_meeting))::int end as follow_ups,
        percentile_cont(0.5) within group (order by gap_days) filter (where gap_days is not null) as median_gap_days
      from seq group by deal_id
    ),
    stage as (
      select st.deal_id, json_agg(json_build_array(st.stage_id, st.days) order by st.stage_id) as stage_days
      from (
        select d.id as deal_id, sp.stage_id,
          sum(extract(epoch from sp.left_at - sp.changed_at)) / 86400.0 as days
        from deal d
        join opportunity_stage_spans sp on sp.opportunity_id = d.id and sp.is_entry
        join stages s on s.id = sp.stage_id and not s.is_won and not s.is_lost
        where sp.left_at is not null and sp.changed_at < d.closed_at
        group by d.id, sp.stage_id
      ) st
      group by st.deal_id
    )
    select d.id, d.status, d.owner_id, d.lead_source, d.amount_minor,
      coalesce(t.touches, 0) as touches, coalesce(t.meetings_held, 0) as meetings_held, t.follow_ups,
      l.response_business_minutes as response_minutes, t.median_gap_days, s.stage_days
    from deal d
    left join touch t on t.deal_id = d.id
    left join stage s on s.deal_id = d.id
    left join leads l on l.id = d.lead_id
    order by d.id`.execute(db);
  return r.rows.map((row) => ({
    id: Number(row.id),
    won: row.status === 'won',
    ownerId: row.owner_id === null ? null : Number(row.owner_id),
    leadSource: row.lead_source,
    amountMinor: row.amount_minor === null ? null : Number(row.amount_minor),
    touches: Number(row.touches),
    meetingsHeld: Number(row.meetings_held),
    followUps: row.follow_ups === null ? null : Number(row.follow_ups),
    responseMinutes: row.response_minutes === null ? null : Number(row.response_minutes),
    medianGapDays: row.median_gap_days === null ? null : Number(row.median_gap_days),
    stageDays: (typeof row.stage_days === 'string'
      ? (JSON.parse(row.stage_days) as [number, number][])
      : (row.stage_days ?? [])
    ).map(([stageId, days]) => ({ stageId: Number(stageId), days: Number(days) })),
  }));
}
