import { sql } from 'kysely';
import type { Aggregate, Condition } from '../../../../domain/metrics/definition.ts';
import { assertNever } from '../../../../errors.ts';
import type { Fragment, RollupRange, RollupSpec } from '../source-spec.ts';

/*
 * activity_people_runs (migration 0039; docs/performance.md, "Distinct people per rep and run of months"): per
 * rep and run of whole local months (1 month, and 3 months from every month), the distinct people touched and
 * the new prospects, recounted by triggers when a person's month row flips. One row answers one rep's bucket, so
 * it serves a grouping by rep over one month or three, or whole months / fiscal quarters by month / quarter; a
 * team or company (people touched by two reps count once), weeks, days, years and partial months read
 * activity_month_people or the raw rows, as before.
 */

/** Run lengths kept in the table. */
const RUN_MONTHS = [1, 3] as const;

/** Months from `from` to `to`, both first days of a month. */
function monthsBetween(from: string, to: string): number {
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return index(to) - index(from);
}

/** The rows answering the range, one per rep and bucket: the run starting at each bucket's first month. */
function peopleRuns(range: RollupRange): Fragment[] | null {
  const { from, toExclusive: to, grain } = range;
  if (!from.endsWith('-01') || !to.endsWith('-01')) return null;
  const span = monthsBetween(from, to);
  const inRange = sql`r.month >= ${from}::date and r.month < ${to}::date`;
  if (grain === null) {
    if (!(RUN_MONTHS as readonly number[]).includes(span)) return null;
    return [sql`r.months = ${span}`, sql`r.month = ${from}::date`];
  }
  switch (grain) {
    case 'month':
      return [sql`r.months = 1`, inRange];
    case 'quarter': {
      // Whole fiscal quarters only: the range must start and end on a quarter's first day.
      const start = range.calendar?.fiscalYearStartMonth;
      if (start === undefined || span % 3 !== 0 || (Number(from.slice(5, 7)) - start + 12) % 3 !== 0)
        return null;
      return [sql`r.months = 3`, inRange, sql`(extract(month from r.month)::int - ${start} + 12) % 3 = 0`];
    }
    case 'day':
    case 'week':
    case 'year':
      return null;
    default:
      return assertNever(grain, 'grain');
  }
}

/** Which counter stands for the single condition of a distinct-person count (as on activity_month_people). */
function runCounter(where: readonly Condition[] | undefined): Fragment | null {
  if (!where || where.length !== 1) return null;
  const [c] = where;
  if (c?.op !== 'is_true') return null;
  if (c.column === 'is_person_touch') return sql`r.touched`;
  if (c.column === 'is_new_prospect') return sql`r.new_prospects`;
  return null;
}

export const activityPeopleRuns: RollupSpec = {
  name: 'activity_people_runs',
  timeColumn: 'occurred_at',
  from: () => sql`activity_people_runs r left join users u on u.id = r.user_id`,
  period: 'month',
  periodStart: sql`r.month`,
  owner: sql`r.user_id`,
  team: sql`u.team_id`,
  filterColumns: {},
  runs: peopleRuns,
  groupings: ['rep'],
  aggregate(agg: Aggregate) {
    if (agg.fn !== 'count_distinct' || agg.column !== 'person') return null;
    const counter = runCounter(agg.where);
    // One row per rep and bucket: the sum is that row's count.
    return counter === null ? null : sql`coalesce(sum(${counter}), 0)`;
  },
};
