import { NO_VALUE_NAMES, type Dimension, type GroupBy } from '../../../domain/metrics/query.ts';
import { assertNever } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inList } from '../../sql/lists.ts';
import type { Scope } from '../../../domain/access/scope.ts';
import type { GroupKey } from './collect-parts.ts';

/**
 * A result group: a rep, a team (null = reps without a team), the company, or a dimension value. `key` is what the
 * collected parts are indexed by (the id, or a dimension's text value); `id` is what the row shows (a pipeline's
 * id, null for text dimensions).
 */
export interface ResultGroup {
  key: GroupKey;
  id: number | null;
  name: string;
}

/** Display name of the group of reps without a team. */
export const NO_TEAM = 'No team';

/**
 * The groups a report lists: every active rep (or team) in scope, so that someone with no activity shows zeros,
 * plus any other group that has facts in the period (inactive reps who still closed deals, "No team").
 */
export async function listGroups(
  db: Db,
  scope: Scope,
  groupBy: GroupBy,
  seen: ReadonlySet<GroupKey>,
): Promise<ResultGroup[]> {
  switch (groupBy) {
    case 'company':
      return [{ key: null, id: null, name: 'Company' }];
    case 'rep': {
      const seenIds = [...seen].filter((id): id is number => typeof id === 'number');
      let q = db.selectFrom('users').select(['id', 'name']);
      q = q.where((eb) => {
        const base = eb.and([eb('active', '=', true), eb('role', '=', 'rep')]);
        return seenIds.length > 0 ? eb.or([base, eb('id', 'in', seenIds)]) : base;
      });
      if (scope.ownerIds !== null) q = q.where(inList('id', scope.ownerIds));
      if (scope.teamIds !== null) q = q.where(inList('team_id', scope.teamIds));
      const rows = await q.orderBy('name').orderBy('id').execute();
      return rows.map((r) => ({ key: r.id, id: r.id, name: r.name }));
    }
    case 'team': {
      let q = db.selectFrom('teams').select(['id', 'name']);
      if (scope.teamIds !== null) q = q.where(inList('id', scope.teamIds));
      const rows = await q.orderBy('name').orderBy('id').execute();
      const out: ResultGroup[] = rows.map((r) => ({ key: r.id, id: r.id, name: r.name }));
      const listed = new Set(out.map((g) => g.id));
      const missing = [...seen].filter((id): id is number => typeof id === 'number' && !listed.has(id));
      if (missing.length > 0) {
        const extra = await db
          .selectFrom('teams')
          .select(['id', 'name'])
          .where('id', 'in', missing)
          .execute();
        out.push(...extra.map((r) => ({ key: r.id, id: r.id, name: r.name })));
      }
      if (seen.has(null)) out.push({ key: null, id: null, name: NO_TEAM });
      return out;
    }
    case 'pipeline': {
      const ids = [...seen].filter((id): id is number => typeof id === 'number');
      const rows =
        ids.length > 0
          ? await db
              .selectFrom('pipelines')
              .select(['id', 'name'])
              .where('id', 'in', ids)
              .orderBy('name')
              .orderBy('id')
              .execute()
          : [];
      return withNoValue(
        rows.map((r) => ({ key: r.id, id: r.id, name: r.name })),
        'pipeline',
        seen,
      );
    }
    case 'lead_source':
    case 'deal_type':
    case 'product':
    case 'time_category': {
      const values = [...seen].filter((v): v is string => typeof v === 'string').sort();
      return withNoValue(
        values.map((v) => ({ key: v, id: null, name: v })),
        groupBy,
        seen,
      );
    }
    default:
      return assertNever(groupBy, 'group');
  }
}

/**
 * Dimension groups are the values that have facts in the period (a listed value with no facts would be a guess
 * at which values exist), then the "not recorded" group last when facts lack the value.
 */
function withNoValue(
  groups: ResultGroup[],
  dimension: Dimension,
  seen: ReadonlySet<GroupKey>,
): ResultGroup[] {
  return seen.has(null) ? [...groups, { key: null, id: null, name: NO_VALUE_NAMES[dimension] }] : groups;
}

/** The team of each of the given users (for rolling per-rep values up to teams). */
export async function teamsOfUsers(db: Db, userIds: readonly number[]): Promise<Map<number, number | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'team_id'])
    .where('id', 'in', [...userIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.team_id]));
}
