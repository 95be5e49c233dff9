import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { CadenceRules, LeadCadence } from '../../../domain/cadence/cadence.ts';
import { visibleOwner } from '../../access/visible-owner.ts';
import type { Db } from '../../db.ts';

interface Row {
  id: number;
  name: string;
  company: string | null;
  source: string | null;
  status: string;
  owner_id: number | null;
  owner_name: string | null;
  created_at: Date;
  attempts: number;
  last_touch_at: Date | null;
  days_since: number;
}

/**
 * Attempts on every open lead (new, working, mql, sql) the viewer can see: outbound activities and held meetings
 * linked by lead id, in one grouped query. With `gapsOnly`, only leads with fewer than the minimum attempts.
 */
export async function leadCadence(
  db: Db,
  viewer: Viewer,
  opts: { now: Date; timeZone: string; rules: CadenceRules; gapsOnly?: boolean; limit?: number },
): Promise<LeadCadence[]> {
  const now = opts.now.toISOString();
  const tz = opts.timeZone;
  const gapFilter = opts.gapsOnly ? sql`where attempts < ${opts.rules.leadMinAttempts}::int` : sql``;
  const r = await sql<Row>`
    with lead as (
      select l.id, l.name, l.company, l.source, l.status, l.owner_id, l.created_at
      from leads l
      where l.status in ('new', 'working', 'mql', 'sql') and l.created_at <= ${now}::timestamptz
        and ${visibleOwner(viewer, 'l.owner_id')}
    ),
    agg as (
      select a.lead_id, count(*)::int as attempts, max(a.occurred_at) as last_touch_at
      from lead join activities a on a.lead_id = lead.id
      where a.occurred_at <= ${now}::timestamptz
        and ((a.type = 'meeting' and a.outcome = 'held') or (a.direction = 'outbound' and a.type <> 'meeting'))
      group by a.lead_id
    ),
    result as (
      select lead.*, u.name as owner_name, coalesce(agg.attempts, 0) as attempts, agg.last_touch_at,
        ((${now}::timestamptz at time zone ${tz})::date
          - (coalesce(agg.last_touch_at, lead.created_at) at time zone ${tz})::date)::int as days_since
      from lead
      left join agg on agg.lead_id = lead.id
      left join users u on u.id = lead.owner_id
    )
    select * from result ${gapFilter}
    order by attempts, created_at, id
    limit ${opts.limit ?? 500}`.execute(db);
  return r.rows.map((row) => ({
    leadId: Number(row.id),
    name: row.name,
    company: row.company,
    source: row.source,
    status: row.status,
    ownerId: row.owner_id === null ? null : Number(row.owner_id),
    ownerName: row.owner_name,
    createdAt: row.created_at,
    attempts: Number(row.attempts),
    lastTouchAt: row.last_touch_at,
    daysSinceLastTouch: Number(row.days_since),
    underAttempted: Number(row.attempts) < opts.rules.leadMinAttempts,
  }));
}
