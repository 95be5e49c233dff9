import { sql } from 'kysely';
import { expect, it, vi } from 'vitest';
import type { Job } from '../src/jobs/job.ts';
import { runJobOnce, startJobRunner } from '../src/jobs/runner.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { describeStores } from './support/stores.ts';

/** A job that counts its runs and writes inside the runner's transaction. */
function countingJob(name: string, everyMs = 60_000): Job & { runs: number } {
  const job = {
    name,
    everyMs,
    runs: 0,
    run: async (db: Db) => {
      job.runs += 1;
      await sql`select 1`.execute(db);
      return `run ${job.runs}`;
    },
  };
  return job;
}

describeStores('job runner', (ctx) => {
  it('runs a job under its advisory lock and reports the summary', async () => {
    const job = countingJob('test-once');
    const r = await runJobOnce(ctx.db, job, new Date());
    expect(r).toMatchObject({ ran: true, summary: 'run 1' });
  });

  it('skips a job while another connection holds its lock (PostgreSQL)', async (t) => {
    if (ctx.store !== 'postgres') t.skip();
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(ctx.db)).rows[0]!.s;
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const other = await openDb({ kind: 'postgres', url: url.toString() });
    const job = countingJob('test-locked');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = other.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${job.name}))`.execute(tx);
      locked();
      await held;
    });
    try {
      await isLocked;
      expect(await runJobOnce(ctx.db, job, new Date())).toEqual({ ran: false, reason: 'locked' });
      expect(job.runs).toBe(0);
      release();
      await holder;
      expect(await runJobOnce(ctx.db, job, new Date())).toMatchObject({ ran: true });
      expect(job.runs).toBe(1);
    } finally {
      release();
      await other.destroy();
    }
  });

  it('repeats jobs on their interval, logs failures, and stops cleanly', async () => {
    const job = countingJob('test-repeat', 5);
    const failing: Job = {
      name: 'test-fail',
      everyMs: 5,
      run: async () => {
        throw new Error('boom');
      },
    };
    const quiet: Job = { name: 'test-quiet', everyMs: 5, run: async () => '' };
    const infos: string[] = [];
    const errors: string[] = [];
    const runner = startJobRunner(ctx.db, [job, failing, quiet], {
      initialDelayMs: 0,
      log: { info: (m) => infos.push(m), error: (m) => errors.push(m) },
    });
    await vi.waitFor(() => expect(job.runs).toBeGreaterThanOrEqual(3), { timeout: 5000, interval: 5 });
    await runner.stop();
    const after = job.runs;
    await new Promise((r) => setTimeout(r, 30));
    expect(job.runs).toBe(after);
    expect(infos[0]).toMatch(/^job test-repeat: run 1 \(\d+ ms\)$/);
    expect(errors[0]).toBe('job test-fail failed');
    // Quiet ticks (empty summaries) are not logged.
    expect(infos.some((m) => m.startsWith('job test-quiet'))).toBe(false);
  });
});
