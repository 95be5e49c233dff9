import { sql } from 'kysely';
import type { Db } from '../store/db.ts';
import type { Job } from './job.ts';
import { recordJobFailure, recordJobSuccess } from '../store/tables/job-runs.ts';

/** Result of one attempt to run a job. */
export type JobRunResult = { ran: true; summary: string; ms: number } | { ran: false; reason: 'locked' };

/**
 * Runs a job once if no other process is running it: takes pg_try_advisory_xact_lock(hashtext(name)) inside a
 * transaction (works on PGlite too) and runs the job with that transaction, so the lock is released exactly when
 * the job's writes commit or roll back.
 */
export async function runJobOnce(
  db: Db,
  job: Job,
  now: Date,
  progress?: (line: string) => void,
): Promise<JobRunResult> {
  const started = Date.now();
  return db.transaction().execute(async (tx) => {
    const r = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(hashtext(${job.name})) as locked`.execute(tx);
    if (!r.rows[0]?.locked) return { ran: false as const, reason: 'locked' as const };
    const summary = await job.run(tx, now, progress);
    await recordJobSuccess(tx, job.name, now, Date.now() - started);
    return { ran: true as const, summary, ms: Date.now() - started };
  });
}

/** Where the runner writes its one-line summaries. */
export interface JobLogger {
  info: (msg: string) => void;
  error: (msg: string, err: unknown) => void;
}

/** A started runner; stop() waits for running jobs to finish. */
export interface JobRunner {
  stop: () => Promise<void>;
}

/**
 * Starts every job on its own timer (first run after `initialDelayMs`, then every job.everyMs after the previous
 * run ends, so a slow run never overlaps itself). A failing run is logged and retried at the next tick.
 */
export function startJobRunner(
  db: Db,
  jobs: readonly Job[],
  opts: { log?: JobLogger; clock?: () => Date; initialDelayMs?: number } = {},
): JobRunner {
  const log = opts.log ?? {
    info: (m: string) => console.log(m),
    error: (m: string, e: unknown) => console.error(m, e),
  };
  const clock = opts.clock ?? (() => new Date());
  let stopped = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();

  const schedule = (job: Job, delay: number) => {
    if (stopped) return;
    timers.set(
      job.name,
      setTimeout(() => {
        const p = tick(job).finally(() => {
          running.delete(p);
          schedule(job, job.everyMs);
        });
        running.add(p);
      }, delay),
    );
  };

  const tick = async (job: Job) => {
    try {
      const r = await runJobOnce(db, job, clock(), (line) => log.info(`job ${job.name}: ${line}`));
      // An empty summary means a quiet tick (nothing to do); frequent jobs return one to keep the log readable.
      if (r.ran && r.summary) log.info(`job ${job.name}: ${r.summary} (${r.ms} ms)`);
    } catch (err) {
      log.error(`job ${job.name} failed`, err);
      // Best effort: monitoring must not turn one failure into two (a store that is down fails this as well).
      await recordJobFailure(db, job.name, clock(), err instanceof Error ? err.message : String(err)).catch(
        () => undefined,
      );
    }
  };

  for (const job of jobs) schedule(job, opts.initialDelayMs ?? Math.min(job.everyMs, 5_000));

  return {
    stop: async () => {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
