import { sql } from 'kysely';
import type { Aggregate, Condition } from '../../../../domain/metrics/definition.ts';
import { filterClauseIfKnown } from '../compile-aggregate.ts';
import type { RollupSpec } from '../source-spec.ts';

/*
 * The activity rollups of migration 0010 (docs/performance.md, "Maintained aggregates"). Their conditions are the
 * activities source's own formulas rewritten over the rollup columns, so a part reads the same rows either way.
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
    if (agg.fn === 'sum' && agg.column === 'duration_minutes') return sql`coalesce(sum(r.duration_minutes)${f}, 0)`;
    return null;
  },
};

/** Which activity_day_people counter stands for a single condition of a distinct-person count. */
function peopleCounter(where: readonly Condition[] | undefined) {
  if (!where || where.length !== 1) return null;
  const [c] = where;
  if (c?.op !== 'is_true') return null;
  if (c.column === 'is_person_touch') return sql`r.touches`;
  if (c.column === 'is_new_prospect') return sql`r.new_prospects`;
  return null;
}

/**
 * Activities per rep, local day, contact and lead. The person key is the activities source's formula over the
 * live leads join (a conversion moves it without rewriting the rollup); rows with neither have no person.
 */
export const activityDayPeople: RollupSpec = {
  name: 'activity_day_people',
  timeColumn: 'occurred_at',
  from: () =>
    sql`activity_day_people r left join users u on u.id = r.user_id left join leads l on l.id = r.lead_id`,
  day: sql`r.day`,
  owner: sql`r.user_id`,
  team: sql`u.team_id`,
  filterColumns: {},
  aggregate(agg: Aggregate) {
    if (agg.fn !== 'count_distinct' || agg.column !== 'person') return null;
    // A person counts when one of their rows here holds a matching activity: only single conditions that are a
    // per-activity counter can be told apart after rolling up (two conditions could hold on different activities).
    const counter = peopleCounter(agg.where);
    if (counter === null) return null;
    return sql`count(distinct coalesce(coalesce(r.contact_id, l.converted_contact_id) * 2, r.lead_id * 2 + 1))
      filter (where ${counter} > 0)`;
  },
};
