import { sql } from 'kysely';
import type { Aggregate, Condition } from '../../../../domain/metrics/definition.ts';
import { filterClauseIfKnown } from '../compile-aggregate.ts';
import type { RollupSpec } from '../source-spec.ts';

/*
 * The activity rollup of migration 0010 (docs/performance.md, "Maintained aggregates"). Its conditions are the
 * activities source's own formulas rewritten over the rollup columns, so a part reads the same rows either way.
 * Distinct people come from the month table over whole months; met prospects (close_rate_meetings), distinct
 * counts over ranges that are not whole months and anything on other columns stay on the raw rows.
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
  period: 'day',
  periodStart: sql`r.day`,
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

/** Which activity_month_people counter stands for the condition of a distinct-person count. */
function peopleCounter(where: readonly Condition[] | undefined) {
  if (!where || where.length !== 1) return null;
  const [c] = where;
  if (c?.op !== 'is_true') return null;
  if (c.column === 'is_person_touch') return sql`r.touches`;
  if (c.column === 'is_new_prospect') return sql`r.new_prospects`;
  return null;
}

/**
 * Activities per rep, local month, contact and lead. The person key is the activities source's formula over the
 * live leads join (a conversion moves it without rewriting the rollup); rows naming neither have no person and
 * only keep the rep's month visible, as the raw rows would.
 */
export const activityMonthPeople: RollupSpec = {
  name: 'activity_month_people',
  timeColumn: 'occurred_at',
  from: () =>
    sql`activity_month_people r left join users u on u.id = r.user_id left join leads l on l.id = r.lead_id`,
  period: 'month',
  periodStart: sql`r.month`,
  owner: sql`r.user_id`,
  team: sql`u.team_id`,
  filterColumns: {},
  aggregate(agg: Aggregate) {
    if (agg.fn !== 'count_distinct' || agg.column !== 'person') return null;
    // Only a single condition that is a per-activity counter survives rolling up: two conditions could hold on two
    // different activities of the same row.
    const counter = peopleCounter(agg.where);
    if (counter === null) return null;
    return sql`count(distinct coalesce(coalesce(r.contact_id, l.converted_contact_id) * 2, r.lead_id * 2 + 1))
      filter (where ${counter} > 0)`;
  },
};
