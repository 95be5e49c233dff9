import { sql, type Expression, type SqlBool } from 'kysely';
import type { Viewer } from '../../domain/access/viewer.ts';

/**
 * The row-level access rule as a WHERE condition on an owner column, e.g.
 * `.where(visibleOwner(viewer, 'opportunities.owner_id'))`. Admins and the system see every row; managers see
 * their subtree's rows plus unassigned ones (someone has to assign them); reps see only their own. Mirrors
 * `canSeeOwner` in src/domain/access/viewer.ts. Use it in every store query that returns row-level data.
 */
export function visibleOwner(viewer: Viewer, ownerColumn: string): Expression<SqlBool> {
  const ids = viewer.visibleUserIds;
  if (ids === null) return sql<SqlBool>`true`;
  const ref = sql.ref(ownerColumn);
  const owned = ids.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`${ref} in (${sql.join([...ids])})`;
  if (viewer.role === 'rep') return owned;
  return sql<SqlBool>`(${owned} or ${ref} is null)`;
}

/** The same rule for a user-id column that must match exactly (users lists): no unassigned case. */
export function visibleUser(viewer: Viewer, userColumn: string): Expression<SqlBool> {
  const ids = viewer.visibleUserIds;
  if (ids === null) return sql<SqlBool>`true`;
  if (ids.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(userColumn)} in (${sql.join([...ids])})`;
}
