import { sql } from 'kysely';
import { mondayOffset, type Grain, type PeriodCalendar } from '../../../domain/calendar/period.ts';
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
 * The first day of the week holding `local`, for weeks starting on ISO weekday `weekStartDay`. date_trunc('week')
 * gives the Monday; moving the row forward by the days from the start day to Monday first and back after gives
 * the start day (with a Sunday start, Sunday + 1 day truncates to the Monday after it, minus 1 day: Sunday).
 */
function weekStartSql(local: Fragment, weekStartDay: number): Fragment {
  const shiftDays = mondayOffset(weekStartDay);
  if (shiftDays === 0) return sql`date_trunc('week', ${local})::date`;
  const shift = sql.lit(`${shiftDays} days`);
  return sql`(date_trunc('week', ${local} + interval ${shift}) - interval ${shift})::date`;
}

/**
 * First local date of the bucket a row falls in: weeks start on the workspace's first day of the week; quarters
 * and years start in the fiscal year's start month, matching periodContaining in the calendar.
 */
export function bucketStart(
  col: TimeColumn,
  timeZone: string,
  grain: Grain,
  calendar: PeriodCalendar,
): Fragment {
  const { fiscalYearStartMonth } = calendar;
  const local = localTimestamp(col, timeZone);
  switch (grain) {
    case 'day':
      return sql`${local}::date`;
    case 'week':
      return weekStartSql(local, calendar.weekStartDay);
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
