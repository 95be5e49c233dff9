import { sql } from 'kysely';
import { businessMinutesBetween, leadSlaDeadline } from '../../domain/calendar/business-time.ts';
import { getBusinessCalendar } from '../tables/calendar.ts';
import { getSettings } from '../tables/settings.ts';
import { type DbOrTx, type AffectedPeople } from './people.ts';
import { idArray } from '../sql/lists.ts';

/** Leads read and written back per round trip when computing business minutes. */
export const RESPONSE_CHUNK = 5_000;

interface LeadTimes {
  id: number;
  created_at: Date;
  first_response_at: Date | null;
  response_business_minutes: number | null;
  sla_deadline_at: Date | null;
}

/**
 * leads.response_business_minutes: business minutes from created_at to first_response_at on the workspace
 * calendar (null when not contacted), and leads.sla_deadline_at: leadSlaDeadline with the workspace SLA settings.
 * Computed in JS, RESPONSE_CHUNK leads at a time by id, each chunk written back with one
 * UPDATE ... FROM (VALUES ...) holding only the leads whose values changed.
 */
export async function refreshResponseMinutes(db: DbOrTx, people: AffectedPeople | null): Promise<number> {
  if (people !== null && people.leadIds.length === 0) return 0;
  const leadFilter = people === null ? sql`true` : sql`id = any(${idArray(people.leadIds)})`;
  const span = await sql<{ lo: Date | null; hi: Date | null }>`
    select min(created_at) as lo, greatest(max(created_at), max(first_response_at)) as hi from leads where ${leadFilter}`.execute(
    db,
  );
  const lo = span.rows[0]?.lo;
  if (!lo) return 0;
  const hi = span.rows[0]?.hi ?? lo;
  // One year of margin each side: holidays are local dates and the zone may sit across a year boundary.
  const cal = await getBusinessCalendar(
    db,
    new Date(lo).getUTCFullYear() - 1,
    new Date(hi).getUTCFullYear() + 1,
  );
  const settings = await getSettings(db);

  let written = 0;
  let afterId = 0;
  for (;;) {
    const chunk = await sql<LeadTimes>`
      select id, created_at, first_response_at, response_business_minutes, sla_deadline_at from leads
      where ${leadFilter} and id > ${afterId}
      order by id limit ${RESPONSE_CHUNK}`.execute(db);
    const rows = chunk.rows;
    if (rows.length === 0) break;
    afterId = Number(rows[rows.length - 1]!.id);
    const changed: { id: number; minutes: number | null; deadline: Date }[] = [];
    for (const r of rows) {
      const created = new Date(r.created_at);
      const minutes =
        r.first_response_at === null
          ? null
          : businessMinutesBetween(created, new Date(r.first_response_at), cal);
      const deadline = leadSlaDeadline(
        created,
        cal,
        settings.leadSlaMinutes,
        settings.leadSlaSameBusinessDay,
      );
      const stored = r.sla_deadline_at === null ? null : new Date(r.sla_deadline_at).getTime();
      if (minutes !== r.response_business_minutes || stored !== deadline.getTime())
        changed.push({ id: Number(r.id), minutes, deadline });
    }
    if (changed.length > 0) {
      const values = sql.join(
        changed.map(
          (c) => sql`(${c.id}::bigint, ${c.minutes}::integer, ${c.deadline.toISOString()}::timestamptz)`,
        ),
      );
      await sql`
        update leads set response_business_minutes = v.minutes, sla_deadline_at = v.deadline
        from (values ${values}) as v(id, minutes, deadline)
        where leads.id = v.id`.execute(db);
      written += changed.length;
    }
    if (rows.length < RESPONSE_CHUNK) break;
  }
  return written;
}
