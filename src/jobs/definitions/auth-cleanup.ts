import { purgeExpiredAuth } from '../../store/tables/auth-cleanup.ts';
import type { Job } from '../job.ts';

/** Hourly: drops expired and idle sessions and old sign-in throttle events (idempotent deletes). */
export const authCleanupJob: Job = {
  name: 'auth-cleanup',
  everyMs: 60 * 60 * 1000,
  run: async (db, now) => {
    const r = await purgeExpiredAuth(db, now);
    return `${r.sessions} expired sessions, ${r.failures} old throttle events removed`;
  },
};
