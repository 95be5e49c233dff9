import { sql } from 'kysely';
import type { Grain } from '../../../domain/calendar/period.ts';
import { assertNever } from '../../../errors.ts';
import type { Fragment, SourceContext, TimeColumn } from './source-spec.ts';

/** The local timestamp of a time column in the workspace zone (dates are already local). */
function localTimestamp(col: TimeColumn, timeZone: string): Fragment {
  return col.type === 'timestamptz'
    ? sql`(${col.expr} at time zone ${timeZone})`
    : sql`(${col.expr})::timestamp`;
}

/** Rows whose time column falls in [from, toExclusive) local dates; written so the time index can be used. */
export function inRange(col: TimeColumn, ctx: SourceContext): Fragment {
  if (col.type === 'date') {
    return sql`${col.expr} >= ${ctx.from}::date and ${col.expr} < ${ctx.toExclusive}::date`;
  }
  return sql`${col.expr} >= (${ctx.from}::date)::timestamp at time zone ${ctx.timeZone}
    and ${col.expr} < (${ctx.toExclusive}::date)::timestamp at time zone ${ctx.timeZone}`;
}

function truncShifted(unit: 'quarter' | 'year', local: Fragment, shiftMonths: number): Fragment {
  const u = sql.lit(unit);
  if (shiftMonths === 0) return sql`date_trunc(${u}, ${local})::date`;
  const shift = sql.lit(`${shiftMonths} months`);
  return sql`(date_trunc(${u}, ${local} - interval ${shift}) + interval ${shift})::date`;
}

/**
 * First local date of the bucket a row falls in: ISO weeks start on Monday; quarters and years start in the
 * fiscal year's start month, matching periodContaining in the calendar.
 */
export function bucketStart(
  col: TimeColumn,
  timeZone: string,
  grain: Grain,
  fiscalYearStartMonth: number,
): Fragment {
  const local = localTimestamp(col, timeZone);
  switch (grain) {
    case 'day':
      return sql`${local}::date`;
    case 'week':
      return sql`date_trunc('week', ${local})::date`;
    case 'month':
      return sql`date_trunc('month', ${local})::date`;
    case 'quarter':
      return truncShifted('quarter', local, (fiscalYearStartMonth - 1) % 3);
    case 'year':
      return truncShifted('year', local, fiscalYearStartMonth - 1);
    default:
      return assertNever(grain, 'grain');
  }
}
