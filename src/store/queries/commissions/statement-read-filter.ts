import { sql, type Expression, type SqlBool } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';

/**
 * The statement read rule (src/domain/commissions/access.ts) as SQL over a statements alias, so lists, disputes
 * and exports filter in the query instead of after it: admins all; everyone their own once locked; managers the
 * people below them (their visible users other than themself) in any status.
 */
export function statementReadable(viewer: Viewer, alias: string): Expression<SqlBool> {
  if (viewer.role === 'admin') return sql<SqlBool>`true`;
  const me = viewer.userId ?? -1;
  const own = sql<SqlBool>`(${sql.ref(`${alias}.user_id`)} = ${me} and ${sql.ref(`${alias}.status`)} <> 'draft')`;
  const below =
    viewer.role === 'manager' && viewer.visibleUserIds !== null
      ? viewer.visibleUserIds.filter((id) => id !== me)
      : [];
  if (below.length === 0) return own;
  return sql<SqlBool>`(${own} or ${sql.ref(`${alias}.user_id`)} in (${sql.join(below)}))`;
}
