import { queryScope, type Scope } from '../../../domain/access/scope.ts';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { GroupBy, MetricFilters } from '../../../domain/metrics/query.ts';
import type { Db } from '../../db.ts';

/** The teams in `roots` and every team below them. */
export async function withDescendantTeams(db: Db, roots: readonly number[]): Promise<number[]> {
  // Teams are a small configuration table; walking it here keeps the metric SQL free of recursion.
  const teams = await db.selectFrom('teams').select(['id', 'parent_team_id']).execute();
  const out = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of teams) {
      if (t.parent_team_id !== null && out.has(t.parent_team_id) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return [...out];
}

/** Combines the viewer's access with the query filters (see queryScope), with the filter's sub-teams added. */
export async function resolveScope(
  db: Db,
  viewer: Viewer,
  groupBy: GroupBy,
  filters: MetricFilters | undefined,
  rowLevel = false,
): Promise<Scope> {
  const scope = queryScope(viewer, groupBy, filters, rowLevel);
  return scope.teamIds ? { ...scope, teamIds: await withDescendantTeams(db, scope.teamIds) } : scope;
}
