import { sql } from 'kysely';
import type { Viewer } from '../../domain/access/viewer.ts';
import type { Db } from '../db.ts';

/** One change to record: what was done to which entity, with its state before and after. */
export interface AuditEntry {
  /** Verb, e.g. 'create', 'update', 'deactivate', 'revoke', 'import'. */
  action: string;
  /** Kind of thing changed, e.g. 'user', 'team', 'settings', 'goal', 'quota', 'api_token', 'import'. */
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

// Secrets must never reach the log, whoever calls it.
const SECRET_KEYS = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'token',
  'token_hash',
  'tokenHash',
]);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

function asJson(value: unknown) {
  return value === undefined ? null : sql`cast(${JSON.stringify(redact(value))} as jsonb)`;
}

/**
 * Appends one entry to the audit log: who (the viewer: user, API token or system), did what, to which entity.
 * Call it inside the same transaction as the change, so a rolled-back change leaves no entry.
 */
export async function recordAudit(db: Db, viewer: Viewer, entry: AuditEntry): Promise<void> {
  const label =
    viewer.userId === null
      ? sql<string>`'system'`
      : sql<string>`coalesce((select email from users where id = ${viewer.userId}), ${'user ' + viewer.userId})`;
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: viewer.userId,
      actor_token_id: viewer.tokenId ?? null,
      actor_label: label,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: asJson(entry.before),
      after: asJson(entry.after),
    })
    .execute();
}
