import { sql } from 'kysely';
import { businessMinutesBetween } from '../../domain/calendar/business-time.ts';
import { getBusinessCalendar } from '../tables/calendar.ts';
import { idArray, type DbOrTx, type ResolvedScope } from './scope.ts';

/** Leads read and written back per round trip when computing business minutes. */
export const RESPONSE_CHUNK = 5_000;

interface LeadTimes {
  id: number;
  created_at: Date;
  first_response_at: Date | null;
  response_business_minutes: number | null;
}

/**
 * leads.response_business_minutes: business minutes from created_at to first_response_at on the workspace
 * calendar (null when not contacted). Computed in JS, RESPONSE_CHUNK leads at a time by id, each chunk written
 * back with one UPDATE ... FROM (VALUES ...) holding only the leads whose value changed.
 */
export async function refreshResponseMinutes(db: DbOrTx, scope: ResolvedScope | null): Promise<number> {
  if (scope !== null && scope.leadIds.length === 0) return 0;
  const leadFilter = scope === null ? sql`true` : sql`id = any(${idArray(scope.leadIds)})`;
  const span = await sql<{ lo: Date | null; hi: Date | null }>`
    select min(created_at) as lo, max(first_response_at) as hi from leads where ${leadFilter}`.execute(db);
  const lo = span.rows[0]?.lo;
  if (!lo) return 0;
  const hi = span.rows[0]?.hi ?? lo;
  // One year of margin each side: holidays are local dates and the zone may sit across a year boundary.
  const cal = await getBusinessCalendar(
    db,
    new Date(lo).getUTCFullYear() - 1,
    new Date(hi).getUTCFullYear() + 1,
  );

  let written = 0;
  let afterId = 0;
  for (;;) {
    const chunk = await sql<LeadTimes>`
      select id, created_at, first_response_at, response_business_minutes from leads
      where ${leadFilter} and id > ${afterId}
      order by id limit ${RESPONSE_CHUNK}`.execute(db);
    const rows = chunk.rows;
    if (rows.length === 0) break;
    afterId = Number(rows[rows.length - 1]!.id);
    const changed: { id: number; minutes: number | null }[] = [];
    for (const r of rows) {
      const minutes =
        r.first_response_at === null
          ? null
          : businessMinutesBetween(new Date(r.created_at), new Date(r.first_response_at), cal);
      if (minutes !== r.response_business_minutes) changed.push({ id: Number(r.id), minutes });
    }
    if (changed.length > 0) {
      const values = sql.join(changed.map((c) => sql`(${c.id}::bigint, ${c.minutes}::integer)`));
      await sql`
        update leads set response_business_minutes = v.minutes
        from (values ${values}) as v(id, minutes)
        where leads.id = v.id`.execute(db);
      written += changed.length;
    }
    if (rows.length < RESPONSE_CHUNK) break;
  }
  return written;
}
