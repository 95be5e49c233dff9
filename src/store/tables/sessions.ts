import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/access/viewer.ts';
import { SESSION_PREFIX, hashSecret } from '../../domain/access/secrets.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, needsTouch } from '../../domain/access/session-policy.ts';
import { newSecret } from './new-secret.ts';
import type { Db } from '../db.ts';

/** A live session with the user it belongs to. */
export interface SessionInfo {
  sessionId: number;
  userId: number;
  role: Role;
  csrfToken: string;
}

/** Starts a session; returns the secret for the cookie (shown only here) and the CSRF token. */
export async function createSession(
  db: Db,
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<{ token: string; csrfToken: string; sessionId: number; expiresAt: Date }> {
  const token = newSecret(SESSION_PREFIX);
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const { id } = await db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(token),
      csrf_token: csrfToken,
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Expired rows of anyone are swept here, so the table does not grow without a background job.
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  return { token, csrfToken, sessionId: id, expiresAt };
}

/**
 * The live session for a cookie secret, or null when unknown, expired, idle too long or its user is inactive.
 * Marks the session as seen (at most once a minute).
 */
export async function findSession(db: Db, token: string, now: Date): Promise<SessionInfo | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.csrf_token', 's.last_seen_at', 'u.id as user_id', 'u.role'])
    .where('s.token_hash', '=', hashSecret(token))
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', new Date(now.getTime() - SESSION_IDLE_MS))
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  if (needsTouch(row.last_seen_at, now)) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  return { sessionId: row.id, userId: row.user_id, role: row.role, csrfToken: row.csrf_token };
}

/** Ends one session (sign-out). */
export async function deleteSession(db: Db, sessionId: number): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user except, optionally, the one making the request (password change, deactivation). */
export async function deleteUserSessions(db: Db, userId: number, exceptSessionId?: number): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId !== undefined) q = q.where('id', '<>', exceptSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}
