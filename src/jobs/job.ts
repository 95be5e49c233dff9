import type { Db } from '../store/db.ts';

/**
 * A recurring background job. Jobs run inside every server process; each run takes a PostgreSQL advisory lock
 * (see runner.ts) so that with several processes on one database only one executes a given job at a time, and
 * every job must itself be idempotent (unique constraints, ON CONFLICT) so a repeated run changes nothing.
 */
export interface Job {
  /** Stable name; also the advisory-lock key. */
  name: string;
  /** How often to run. */
  everyMs: number;
  /** Does the work for `now`; returns a short summary for the log. Long jobs report progress lines as they go. */
  run: (db: Db, now: Date, progress?: (line: string) => void) => Promise<string>;
}
