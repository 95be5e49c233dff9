import { sql } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import { inList } from '../../sql/lists.ts';

/**
 * Scope conditions for funnel queries over opportunities `o` (owner's user row `u`) — the funnel is an aggregate,
 * so it is open to every signed-in user, with rep filters already narrowed to visible users by resolveScope.
 */
export function scopeWhere(scope: Scope, ownerColumn = sql`o.owner_id`) {
  const parts = [sql`true`];
  if (scope.ownerIds !== null) parts.push(inList(ownerColumn, scope.ownerIds));
  if (scope.teamIds !== null) parts.push(inList('u.team_id', scope.teamIds));
  return sql.join(parts, sql` and `);
}

/** Extra conditions on opportunity columns (type, lead source). */
export function opportunityWhere(scope: Scope) {
  const parts = [sql`true`];
  if (scope.opportunityTypes) parts.push(inList('o.type', scope.opportunityTypes));
  if (scope.leadSources) parts.push(inList('o.lead_source', scope.leadSources));
  return sql.join(parts, sql` and `);
}
