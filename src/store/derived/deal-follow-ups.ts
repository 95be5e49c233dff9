import { sql } from 'kysely';
import type { DbOrTx } from './people.ts';

/*
 * opportunity_follow_ups (migration 0043): per deal won or lost that had a held meeting at or before closing, the
 * number of follow-ups after its last held meeting up to closing, kept by triggers on activities and opportunities.
 * lost_deals_few_follow_ups compares it with settings.follow_up_target at read time
 * (src/store/queries/metrics/sources/opportunities-closed.ts). The definition, from the raw rows, is below; the
 * migration's refresh function computes the same per deal, and the tests compare the two after every kind of write.
 */

/**
 * From the raw rows, for the deal at alias `o`: the number of follow-ups after its last held meeting up to closing,
 * or null when it had no held meeting by then. A deal's activities are those logged on it and those on its contact
 * naming no opportunity (the cadence rule, src/store/queries/cadence/deal-cadence.ts); a follow-up is an outbound
 * activity other than a meeting and not only scheduled (a scheduled row is a plan, not an attempt).
 */
export const rawFollowUpsAfterMeeting = sql<number | null>`(select
      case when bool_or(t.held) then count(*) filter (where t.follow_up and t.at > t.last_meeting) end
    from (select u.*, max(u.at) filter (where u.held) over () as last_meeting from (
      select a.occurred_at as at, a.type = 'meeting' and a.outcome = 'held' as held,
        a.direction = 'outbound' and a.type <> 'meeting' and coalesce(a.outcome, '') <> 'scheduled' as follow_up
      from activities a where a.opportunity_id = o.id and a.occurred_at <= o.closed_at
      union all
      select a.occurred_at, a.type = 'meeting' and a.outcome = 'held',
        a.direction = 'outbound' and a.type <> 'meeting' and coalesce(a.outcome, '') <> 'scheduled'
      from activities a
      where o.contact_id is not null and a.contact_id = o.contact_id and a.opportunity_id is null
        and a.occurred_at <= o.closed_at) u) t)`;

/** A closed deal whose stored count differs from the raw definition. */
export interface FollowUpsDrift {
  opportunityId: number;
  stored: number | null;
  raw: number | null;
}

/** The deals won or lost whose stored follow-up count is not the raw one (none when the triggers did their work). */
export async function dealFollowUpsDrift(db: DbOrTx): Promise<FollowUpsDrift[]> {
  const r = await sql<{ id: string | number; stored: number | null; raw: string | number | null }>`
    select o.id, f.follow_ups as stored, ${rawFollowUpsAfterMeeting} as raw
    from opportunities o left join opportunity_follow_ups f on f.opportunity_id = o.id
    where o.status in ('won', 'lost') or f.opportunity_id is not null
    order by o.id`.execute(db);
  return r.rows
    .map((x) => ({
      opportunityId: Number(x.id),
      stored: x.stored === null ? null : Number(x.stored),
      raw: x.raw === null ? null : Number(x.raw),
    }))
    .filter((x) => x.stored !== x.raw);
}

/** Recomputes the stored counts of the given deals, or of every closed deal (after a load with triggers off). */
export async function refreshDealFollowUps(db: DbOrTx, ids: readonly number[] | 'all'): Promise<void> {
  const list =
    ids === 'all'
      ? sql`array(select id from opportunities where status in ('won', 'lost'))`
      : sql`${[...ids].map(Number)}::bigint[]`;
  await sql`select opportunity_follow_ups_refresh(${list})`.execute(db);
}
