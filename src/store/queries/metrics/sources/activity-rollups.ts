import { sql } from 'kysely';
import type { Aggregate } from '../../../../domain/metrics/definition.ts';
import { filterClauseIfKnown } from '../compile-aggregate.ts';
import type { RollupSpec } from '../source-spec.ts';

/*
 * The activity rollup of migration 0010 (docs/performance.md, "Maintained aggregates"). Its conditions are the
 * activities source's own formulas rewritten over the rollup columns, so a part reads the same rows either way.
 * Distinct counts (unique contacts, new prospects, met prospects) and anything on other columns stay on the raw
 * rows: a person rollup at day grain is as large as the activities themselves (see the migration).
 */

/** Activities source columns that are functions of activity_day_counts' key (same formulas as activities.ts). */
const countColumns = {
  type: sql`r.type`,
  direction: sql`r.direction`,
  outcome: sql`r.outcome`,
  is_touch: sql`((r.type in ('call', 'email', 'linkedin') and r.direction = 'outbound')
    or (r.type = 'meeting' and coalesce(r.outcome, '') not in ('no_show', 'scheduled')))`,
  is_person_touch: sql`((r.direction = 'outbound' or r.type = 'meeting') and r.has_person)`,
  is_new_prospect: sql`r.is_new_prospect`,
  customer_facing: sql`(r.type = 'call' or (r.type = 'meeting' and r.outcome = 'held'))`,
};

/** Counts and duration sums per rep, local day, type, direction, outcome, has-person and new-prospect flag. */
export const activityDayCounts: RollupSpec = {
  name: 'activity_day_counts',
  timeColumn: 'occurred_at',
  from: () => sql`activity_day_counts r left join users u on u.id = r.user_id`,
  day: sql`r.day`,
  owner: sql`r.user_id`,
  team: sql`u.team_id`,
  filterColumns: {},
  aggregate(agg: Aggregate) {
    const f = filterClauseIfKnown(countColumns, agg.where);
    if (f === null) return null;
    if (agg.fn === 'count') return sql`coalesce(sum(r.n)${f}, 0)`;
    // The stored sum adds the same numeric duration_seconds / 60.0 values the raw sum adds, so it is exact.
    if (agg.fn === 'sum' && agg.column === 'duration_minutes')
      return sql`coalesce(sum(r.duration_minutes)${f}, 0)`;
    return null;
  },
};
