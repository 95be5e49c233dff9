import { sql } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';

function inList(values: readonly (string | number)[]) {
  return values.length === 0 ? sql`(null)` : sql`(${sql.join(values.map((v) => sql`${v}`))})`;
}

/**
 * Scope conditions for funnel queries over opportunities `o` (owner's user row `u`) — the funnel is an aggregate,
 * so it is open to every signed-in user, with rep filters already narrowed to visible users by resolveScope.
 */
export function scopeWhere(scope: Scope, ownerColumn = sql`o.owner_id`) {
  const parts = [sql`true`];
  if (scope.ownerIds !== null) parts.push(sql`${ownerColumn} in ${inList(scope.ownerIds)}`);
  if (scope.teamIds !== null) parts.push(sql`u.team_id in ${inList(scope.teamIds)}`);
  return sql.join(parts, sql` and `);
}

/** Extra conditions on opportunity columns (type, lead source). */
export function opportunityWhere(scope: Scope) {
  const parts = [sql`true`];
  if (scope.opportunityTypes) parts.push(sql`o.type in ${inList(scope.opportunityTypes)}`);
  if (scope.leadSources) parts.push(sql`o.lead_source in ${inList(scope.leadSources)}`);
  return sql.join(parts, sql` and `);
}
