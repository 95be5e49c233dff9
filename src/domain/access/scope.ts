import { isDimension, type GroupBy, type MetricFilters } from '../metrics/query.ts';
import type { Viewer } from './viewer.ts';

/** Whom a scope is for: the whole company, a team (with its sub-teams) or one rep. */
export type ScopeSubject = { type: 'company' } | { type: 'team'; id: number } | { type: 'rep'; id: number };

/**
 * Which facts a report covers, once the viewer's access and the request's filters are combined: the one answer
 * to "whose data" that metrics, funnels, forecasts and plans all read. Lists are never empty-means-all: null is
 * "no restriction" and an empty list matches nothing (a rep filter that access narrowed to no one).
 */
export interface Scope {
  /** Whom it is for. Metric and funnel queries are the company's, narrowed by the lists below. */
  subject: ScopeSubject;
  /** Only facts owned by these users; null = every owner, facts without an owner included. */
  ownerIds: readonly number[] | null;
  /** Only facts whose owner is in one of these teams (sub-teams already added); null = no restriction. */
  teamIds: readonly number[] | null;
  /** Only opportunities of these pipelines (facts without a pipeline ignore it); null = all. */
  pipelineIds: readonly number[] | null;
  /** Only opportunities of these types; null = all. */
  opportunityTypes: readonly string[] | null;
  /** Only leads of these sources and opportunities of these lead sources; null = all. */
  leadSources: readonly string[] | null;
  /** Only leads whose first response falls in these speed-to-lead buckets (other facts ignore it); null = all. */
  responseBuckets?: readonly string[] | null;
}

/** Everything of everyone: the company with no filter. */
export const COMPANY_SCOPE: Scope = {
  subject: { type: 'company' },
  ownerIds: null,
  teamIds: null,
  pipelineIds: null,
  opportunityTypes: null,
  leadSources: null,
};

/** The scope of one team's or rep's owners (forecasts and plans follow owners, not filters). */
export function ownersScope(subject: ScopeSubject, ownerIds: readonly number[]): Scope {
  return { ...COMPANY_SCOPE, subject, ownerIds };
}

/** True when facts owned by `ownerId` (null = unassigned) are in the scope's owners. */
export function coversOwner(scope: Scope, ownerId: number | null): boolean {
  if (scope.ownerIds === null) return true;
  return ownerId !== null && scope.ownerIds.includes(ownerId);
}

function nonEmpty<T>(xs: readonly T[] | undefined): T[] | null {
  return xs && xs.length > 0 ? [...xs] : null;
}

/**
 * Per-rep rows and dimension splits are row-level data: a rep sees only their own, a manager their subtree.
 * Team and company aggregates are open to every signed-in user, but a user filter is still narrowed to the visible users so an
 * aggregate cannot be used to read one colleague's numbers.
 */
export function visibleOwners(viewer: Viewer): number[] | null {
  if (viewer.role === 'rep') return viewer.userId === null ? [] : [viewer.userId];
  return viewer.visibleUserIds === null ? null : [...viewer.visibleUserIds];
}

/**
 * The company scope of a report grouped by `groupBy`, narrowed by the viewer's access and the query filters.
 * `teamIds` are the filter's teams as given: the store adds their sub-teams.
 */
export function queryScope(
  viewer: Viewer,
  groupBy: GroupBy,
  filters: MetricFilters | undefined,
  rowLevel = false,
): Scope {
  const visible = visibleOwners(viewer);
  const requested = nonEmpty(filters?.userIds);
  let ownerIds: number[] | null;
  // rowLevel (a pay metric is asked for): every grouping is narrowed like per-rep rows. Dimension groupings are
  // row-level too: a split by lead source or product of a team's deals is a view of individual deals (one deal of
  // a channel is that deal), so a rep sees their own deals' split, a manager their people's.
  if (groupBy === 'rep' || rowLevel || isDimension(groupBy)) {
    ownerIds = requested && visible ? requested.filter((id) => visible.includes(id)) : (requested ?? visible);
  } else {
    ownerIds = requested ? (visible ? requested.filter((id) => visible.includes(id)) : requested) : null;
  }
  return {
    subject: { type: 'company' },
    ownerIds,
    teamIds: nonEmpty(filters?.teamIds),
    pipelineIds: nonEmpty(filters?.pipelineIds),
    opportunityTypes: nonEmpty(filters?.opportunityTypes),
    leadSources: nonEmpty(filters?.leadSources),
    responseBuckets: nonEmpty(filters?.responseBuckets),
  };
}
