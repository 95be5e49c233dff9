import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { isSilentDeal, type CadenceRules, type DealCadence } from '../../../domain/cadence/cadence.ts';
import { visibleOwner } from '../../access/visible-owner.ts';
import type { Db } from '../../db.ts';
import { localDateOf, minorOrNull } from '../money/listed-amounts.ts';
import { toWorkspaceCurrency } from '../money/to-workspace-currency.ts';

interface Row {
  id: number;
  name: string;
  owner_id: number | null;
  owner_name: string | null;
  amount_minor: number;
  currency: string;
  workspace_amount_minor: string | null;
  stage_name: string;
  last_meeting_at: Date | null;
  touches_since_meeting: number;
  attempts: number;
  last_touch_at: Date | null;
  days_since: number;
}

/**
 * Cadence of every open opportunity the viewer can see, computed in one set-based query: activities linked by
 * opportunity id or (when they name no opportunity) by the deal's contact, the last held meeting, touches since
 * it, and local days since the last touch. With `gapsOnly`, just the deals that fell silent before the
 * follow-up target, longest silence first.
 */
export async function dealCadence(
  db: Db,
  viewer: Viewer,
  opts: { now: Date; timeZone: string; rules: CadenceRules; gapsOnly?: boolean; limit?: number },
): Promise<DealCadence[]> {
  const now = opts.now.toISOString();
  const tz = opts.timeZone;
  const gapFilter = opts.gapsOnly
    ? sql`where days_since >= ${opts.rules.silentDays}::int and touches_since_meeting < ${opts.rules.followUpTarget}::int`
    : sql``;
  const r = await sql<Row>`
    with opp as (
      select o.id, o.name, o.owner_id, o.contact_id, o.amount_minor, o.currency, o.created_at, o.stage_id
      from opportunities o
      where o.status = 'open' and o.created_at <= ${now}::timestamptz and ${visibleOwner(viewer, 'o.owner_id')}
    ),
    linked as (
      select opp.id as opp_id, a.occurred_at, a.type, a.outcome, a.direction
      from opp join activities a on a.opportunity_id = opp.id
      where a.occurred_at <= ${now}::timestamptz
      union all
      select opp.id, a.occurred_at, a.type, a.outcome, a.direction
      from opp join activities a on a.contact_id = opp.contact_id and a.opportunity_id is null
      where opp.contact_id is not null and a.occurred_at <= ${now}::timestamptz
    ),
    touches as (
      select opp_id, occurred_at, (type = 'meeting' and outcome = 'held') as is_meeting
      from linked
      -- A scheduled row is a plan, not an attempt, even once its date has passed (docs/metrics.md).
      where (type = 'meeting' and outcome = 'held')
        or (direction = 'outbound' and type <> 'meeting' and coalesce(outcome, '') <> 'scheduled')
    ),
    meet as (
      select opp_id, max(occurred_at) as last_meeting_at from touches where is_meeting group by opp_id
    ),
    agg as (
      select t.opp_id,
        count(*)::int as attempts,
        max(t.occurred_at) as last_touch_at,
        (count(*) filter (where not t.is_meeting and t.occurred_at > coalesce(m.last_meeting_at, '-infinity'::timestamptz)))::int
          as touches_since_meeting
      from touches t left join meet m on m.opp_id = t.opp_id
      group by t.opp_id
    ),
    result as (
      select opp.id, opp.name, opp.owner_id, u.name as owner_name, opp.amount_minor, opp.currency,
        ${toWorkspaceCurrency(sql`opp.amount_minor`, sql`opp.currency`, localDateOf(opts.now, tz))}::text as workspace_amount_minor,
        s.name as stage_name,
        m.last_meeting_at,
        coalesce(agg.touches_since_meeting, 0) as touches_since_meeting,
        coalesce(agg.attempts, 0) as attempts,
        agg.last_touch_at,
        ((${now}::timestamptz at time zone ${tz})::date
          - (coalesce(agg.last_touch_at, opp.created_at) at time zone ${tz})::date)::int as days_since
      from opp
      join stages s on s.id = opp.stage_id
      left join users u on u.id = opp.owner_id
      left join meet m on m.opp_id = opp.id
      left join agg on agg.opp_id = opp.id
    )
    select * from result ${gapFilter}
    order by days_since desc, id
    limit ${opts.limit ?? 500}`.execute(db);
  return r.rows.map((row) => {
    const d = {
      opportunityId: Number(row.id),
      name: row.name,
      ownerId: row.owner_id === null ? null : Number(row.owner_id),
      ownerName: row.owner_name,
      amountMinor: Number(row.amount_minor),
      currency: row.currency.trim(),
      workspaceAmountMinor: minorOrNull(row.workspace_amount_minor),
      stageName: row.stage_name,
      lastMeetingAt: row.last_meeting_at,
      touchesSinceMeeting: Number(row.touches_since_meeting),
      attempts: Number(row.attempts),
      lastTouchAt: row.last_touch_at,
      daysSinceLastTouch: Number(row.days_since),
    };
    return { ...d, silent: isSilentDeal(d, opts.rules) };
  });
}
