import type { Viewer } from '../../../domain/access/viewer.ts';
import {
  DEFAULT_FORECAST_CHECKPOINT,
  DEFAULT_FORECAST_METHOD,
  type GroupBy,
  type MetricFilters,
} from '../../../domain/metrics/query.ts';
import type { Db } from '../../db.ts';

/** Who and what a metrics query may read, after access rules and filters are combined. */
export interface MetricScope {
  groupBy: GroupBy;
  /** Only facts owned by these users; null = no restriction. */
  ownerIds: number[] | null;
  /** Only facts of these teams (descendant teams included); null = no restriction. */
  teamIds: number[] | null;
  pipelineIds: number[] | null;
  opportunityTypes: string[] | null;
  leadSources: string[] | null;
  /** The forecast method and checkpoint forecast facts are read for (defaults: stage-weighted, period start). */
  forecastMethod: string;
  forecastCheckpoint: string;
}

function nonEmpty<T>(xs: readonly T[] | undefined): T[] | null {
  return xs && xs.length > 0 ? [...xs] : null;
}

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

/**
 * Per-rep rows are row-level data: a rep sees only their own, a manager their subtree. Team and company
 * aggregates are open to every signed-in user, but a user filter is still narrowed to the visible users so an
 * aggregate cannot be used to read one colleague's numbers.
 */
export function visibleOwners(viewer: Viewer): number[] | null {
  if (viewer.role === 'rep') return viewer.userId === null ? [] : [viewer.userId];
  return viewer.visibleUserIds === null ? null : [...viewer.visibleUserIds];
}

/** Combines the viewer's access with the query filters. */
export async function resolveScope(
  db: Db,
  viewer: Viewer,
  groupBy: GroupBy,
  filters: MetricFilters | undefined,
): Promise<MetricScope> {
  const visible = visibleOwners(viewer);
  const requested = nonEmpty(filters?.userIds);
  let ownerIds: number[] | null;
  if (groupBy === 'rep') {
    ownerIds = requested && visible ? requested.filter((id) => visible.includes(id)) : (requested ?? visible);
  } else {
    ownerIds = requested ? (visible ? requested.filter((id) => visible.includes(id)) : requested) : null;
  }
  const teamRoots = nonEmpty(filters?.teamIds);
  return {
    groupBy,
    ownerIds,
    teamIds: teamRoots ? await withDescendantTeams(db, teamRoots) : null,
    pipelineIds: nonEmpty(filters?.pipelineIds),
    opportunityTypes: nonEmpty(filters?.opportunityTypes),
    leadSources: nonEmpty(filters?.leadSources),
    forecastMethod: filters?.forecastMethod ?? DEFAULT_FORECAST_METHOD,
    forecastCheckpoint: filters?.forecastCheckpoint ?? DEFAULT_FORECAST_CHECKPOINT,
  };
}
