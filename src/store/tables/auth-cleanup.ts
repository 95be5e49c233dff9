import { SESSION_IDLE_MS } from '../../domain/access/session-policy.ts';
import type { Db } from '../db.ts';

// Throttle windows are at most an hour; a day of history is plenty for investigating an attack.
const FAILURES_KEEP_MS = 24 * 60 * 60 * 1000;

/** Deletes sessions past their absolute or idle expiry and throttle events older than a day; returns the counts. */
export async function purgeExpiredAuth(db: Db, now: Date): Promise<{ sessions: number; failures: number }> {
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('last_seen_at', '<=', new Date(now.getTime() - SESSION_IDLE_MS)),
      ]),
    )
    .executeTakeFirst();
  const failures = await db
    .deleteFrom('auth_failures')
    .where('at', '<', new Date(now.getTime() - FAILURES_KEEP_MS))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), failures: Number(failures.numDeletedRows) };
}
