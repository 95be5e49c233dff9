import { sql } from 'kysely';
import {
  BURST_MINUTES,
  BURST_ROWS,
  REPEAT_TOUCH_NTH,
  TYPED_IN_VIA,
  ZERO_LENGTH_CALL_SECONDS,
} from '../../../../domain/integrity/thresholds.ts';
import type { Fragment, SourceContext } from '../source-spec.ts';

/*
 * The activities source's columns for the integrity signals (issue 18, docs/capture.md "Integrity (data
 * quality)"). integrity_touch and integrity_repeat_touch are also columns of the count rollups (the latter kept
 * at write time, migration 0041, src/store/derived/activity-flags.ts); a part naming another one is declined by
 * the rollups (filterClauseIfKnown) and reads the raw rows. These raw formulas stay the definition (the raw path,
 * and the tests' oracle for the stored flag). The correlated subqueries are only in the
 * FILTER of the parts that name them, and each walks one index range:
 * activities_contact_idx / activities_lead_idx (person, occurred_at) and activities_user_logged_idx
 * (user_id, created_at).
 */

const nth = REPEAT_TOUCH_NTH;
const typedIn = sql.join(TYPED_IN_VIA.map((v) => sql.lit(v)));

/** The activities source's integrity columns over alias `a`. */
export function integrityColumns(ctx: SourceContext): Record<string, Fragment> {
  const tz = ctx.timeZone;
  // Midnight of the row's local day in the workspace zone, as an instant.
  const dayStart = sql`(date_trunc('day', a.occurred_at at time zone ${tz}) at time zone ${tz})`;
  // Earlier touches of the same person by the same rep on the same local day (ties in occurred_at by id). Only
  // the person and the time bound the index range; the rest is an aggregate FILTER, so the planner cannot AND the
  // range with a scan of the rep's whole (user_id, ...) index (it did, and a month took minutes on 200 reps).
  const sameDay = sql`b.occurred_at >= ${dayStart} and b.occurred_at <= a.occurred_at`;
  const earlierTouch = sql`b.user_id = a.user_id and (b.direction = 'outbound' or b.type = 'meeting')
    and coalesce(b.outcome, '') <> 'scheduled' and (b.occurred_at < a.occurred_at or b.id < a.id)`;
  const isTouch = sql`((a.direction = 'outbound' or a.type = 'meeting') and coalesce(a.outcome, '') <> 'scheduled'
    and (a.contact_id is not null or a.lead_id is not null))`;
  // Outside working hours by the local time of day of created_at: the minutes since the start of work, divided
  // by the working day's length, are not in [0, 1). One zone conversion per row (the conversion is most of this
  // column's cost); the settings are read once (uncorrelated subqueries); no working time means always outside.
  const minuteOfDay = sql`(extract(epoch from (a.created_at at time zone ${tz})::time) / 60)`;
  const afterHours = sql`coalesce(floor((${minuteOfDay} - (select s.work_start_minute from settings s where s.id = 1))
    / nullif((select s.work_end_minute - s.work_start_minute from settings s where s.id = 1), 0)) <> 0, true)`;
  return {
    // Outbound calls with a logged duration, and those under the zero-length threshold.
    integrity_timed_call: sql`(a.type = 'call' and a.direction = 'outbound' and a.duration_seconds is not null)`,
    integrity_zero_length_call: sql`(a.type = 'call' and a.direction = 'outbound'
      and a.duration_seconds < ${sql.lit(ZERO_LENGTH_CALL_SECONDS)})`,
    // Touches (outbound work or a meeting, not only scheduled, to a contact or lead: is_person_touch) and the repeat ones. The person
    // is the contact, else the lead; CASE so the subqueries run only for touches, and the exact count only when
    // the person has at least NTH rows of anyone that day up to this one: that first count reads only the
    // index (an index-only scan, about twice as fast as reading the rows), and most touches stop there.
    integrity_touch: isTouch,
    integrity_repeat_touch: sql`(case when not ${isTouch} then false
      when a.contact_id is not null then
        case when (select count(*) from activities b where b.contact_id = a.contact_id and ${sameDay})
          < ${sql.lit(nth)} then false
        else (select count(*) filter (where ${earlierTouch}) from activities b
          where b.contact_id = a.contact_id and ${sameDay}) >= ${sql.lit(nth - 1)} end
      else
        case when (select count(*) from activities b where b.lead_id = a.lead_id and ${sameDay}) < ${sql.lit(nth)} then false
        else (select count(*) filter (where b.contact_id is null and ${earlierTouch}) from activities b
          where b.lead_id = a.lead_id and ${sameDay}) >= ${sql.lit(nth - 1)} end
      end)`,
    // Rows a person typed in, and those written outside working hours in a burst of the same rep's typed-in rows.
    integrity_typed_in: sql`(a.logged_via in (${typedIn}))`,
    integrity_bulk_logged: sql`(case when a.logged_via is null or a.logged_via not in (${typedIn}) then false
      when ${afterHours} then (select count(*) filter (where b.logged_via in (${typedIn})) from activities b
        where b.user_id = a.user_id
        and b.created_at >= a.created_at - ${sql.lit(BURST_MINUTES)} * interval '1 minute'
        and b.created_at <= a.created_at + ${sql.lit(BURST_MINUTES)} * interval '1 minute') >= ${sql.lit(BURST_ROWS)}
      else false end)`,
  };
}
