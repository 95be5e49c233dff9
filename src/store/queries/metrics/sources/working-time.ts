import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';

/** One row per active rep carrying the business minutes of the range, for time-share denominators. */
export const workingTimeSource: SourceSpec = {
  name: 'working_time',
  mode: 'snapshot',
  from: () => sql`users u`,
  where: () => [sql`u.active`, sql`u.role = 'rep'`],
  owner: sql`u.id`,
  team: sql`u.team_id`,
  timeColumns: {},
  columns: (ctx) => ({ business_minutes: sql`${ctx.businessMinutes}::numeric` }),
  filterColumns: {},
  // Business minutes have no category: the whole is the denominator of every category's share of time.
  dimensions: { time_category: 'total' },
};
