import { sql } from 'kysely';
import type { SourceSpec } from '../source-spec.ts';

/**
 * Per-user quota goals (metric won_revenue) counted in the range; which goals count, and how often, is decided
 * from their period keys before the query (ctx.quotaGoals), since period keys are parsed by the calendar.
 */
export const goalsSource: SourceSpec = {
  name: 'goals',
  mode: 'snapshot',
  from: (ctx) => {
    const ids = ctx.quotaGoals.length > 0 ? ctx.quotaGoals.map((g) => g.goalId) : [0];
    const weights = ctx.quotaGoals.length > 0 ? ctx.quotaGoals.map((g) => g.weight) : [0];
    const pairs = sql.join(ids.map((id, i) => sql`(${id}::bigint, ${weights[i]}::numeric)`));
    return sql`goals g join (values ${pairs}) w(goal_id, weight) on w.goal_id = g.id
      left join users u on u.id = g.scope_id`;
  },
  where: () => [sql`g.scope_type = 'user'`],
  owner: sql`g.scope_id`,
  team: sql`u.team_id`,
  timeColumns: {},
  columns: () => ({ target: sql`(g.target * w.weight)` }),
  filterColumns: {},
};
