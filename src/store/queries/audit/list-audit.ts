import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { Db } from '../../db.ts';

/** One audit entry as the API returns it. */
export interface AuditEvent {
  id: number;
  at: Date;
  actorUserId: number | null;
  actorTokenId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Filters for the audit log: entity (and id), actor, and a time window [from, to). */
export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorUserId?: number;
  from?: Date;
  to?: Date;
}

/**
 * Audit entries, newest first, with the total for paging. Only viewers who see everyone (admins, system)
 * read the log; anyone else gets nothing, whatever route calls this.
 */
export async function listAudit(
  db: Db,
  viewer: Viewer,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditEvent[]; total: number }> {
  if (viewer.visibleUserIds !== null || viewer.role !== 'admin') return { items: [], total: 0 };
  let q = db.selectFrom('audit_log');
  if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actorUserId !== undefined) q = q.where('actor_user_id', '=', filter.actorUserId);
  if (filter.from !== undefined) q = q.where('at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('at', '<', filter.to);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorTokenId: r.actor_token_id,
      actor: r.actor_label,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
  };
}
