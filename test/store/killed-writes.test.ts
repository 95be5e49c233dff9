import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openConfiguredStore } from '../../src/cli/store-from-config.ts';
import { parseConfig } from '../../src/config.ts';
import { runJobOnce } from '../../src/jobs/runner.ts';
import { slaCheckJob } from '../../src/jobs/definitions/sla-check.ts';
import { refreshDerived } from '../../src/store/derived/refresh.ts';
import type { Db } from '../../src/store/db.ts';
import { storeFingerprint } from '../support/fingerprint.ts';
import { childStoreEnv, waitUntilSessionGone } from '../support/child-store.ts';
import { storeNames, type StoreName } from '../support/stores.ts';

/*
 * kill -9 in the middle of the derived-data refresh and of the SLA/webhook job: each runs in one transaction, so
 * after the kill the store opens with none of it written, and running the work again does it exactly once.
 * (The import, `demo --reset` and a writing web request have their own kill tests.)
 */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function withStore<T>(env: Record<string, string>, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openConfiguredStore(parseConfig(env));
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Runs the child in `mode` until it says "written", kills it with SIGKILL and waits until it is gone. */
async function killMidway(name: StoreName, env: Record<string, string>, appName: string, mode: string) {
  const child = spawn(process.execPath, ['test/support/work-until-killed.ts', mode], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PACESETTER_LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.on('exit', (_code, signal) => done(signal)),
  );
  let out = '';
  await new Promise<void>((written, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('written')) written();
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then(() => fail(new Error(`the ${mode} process ended on its own:\n${out}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  if (name !== 'postgres') return;
  await waitUntilSessionGone(appName);
}

/**
 * The store's tables as comparable values. Sequences are left out: PostgreSQL hands out ids outside transactions,
 * so a rolled-back insert still moves its sequence. The day-count rollup is compared by value: its numeric sums
 * keep whatever scale the arithmetic that maintained them produced, so equal values can print differently.
 */
async function contents(db: Db) {
  const { tables } = await storeFingerprint(db);
  const r = await sql<{ md5: string }>`
    select md5(coalesce(string_agg(concat_ws(',', day, user_id, type, direction, outcome, has_person,
      is_new_prospect, time_category, repeat_touch, held_meeting_before, has_duration, zero_length, typed_in, n,
      duration_minutes::float8), E'\n'
      order by day, user_id, type, direction, outcome, has_person, is_new_prospect, time_category, repeat_touch,
        held_meeting_before, has_duration, zero_length, typed_in), '')) as md5
    from activity_day_counts`.execute(db);
  // metrics_data_version is a counter of write statements (migration 0023), not data: the stale-making update and
  // the refresh each move it, so a repaired store equals the original in everything but that counter.
  return [
    ...tables.filter((t) => t.table !== 'activity_day_counts' && t.table !== 'metrics_data_version'),
    { table: 'activity_day_counts (values)', rows: -1, md5: r.rows[0]?.md5 ?? '' },
  ];
}

/** The tables whose contents differ between two snapshots, by name. */
function differing(a: Awaited<ReturnType<typeof contents>>, b: Awaited<ReturnType<typeof contents>>) {
  return a.filter((t, i) => t.md5 !== b[i]?.md5 || t.rows !== b[i]?.rows).map((t) => t.table);
}

async function demoStore(name: StoreName): Promise<{ env: Record<string, string>; appName: string }> {
  const appName = `killed-${randomBytes(4).toString('hex')}`;
  return { env: await childStoreEnv(name, dirs, appName, 'small demo'), appName };
}

for (const name of storeNames()) {
  it(`kill -9 in the middle of the derived-data refresh: none of it is written, a rerun completes it [${name}]`, async () => {
    const { env, appName } = await demoStore(name);
    const correct = await withStore(env, contents);
    // Stale derived values for the refresh to repair: every new-prospect flag flipped.
    await withStore(env, (db) =>
      sql`update activities set is_new_prospect = not is_new_prospect`.execute(db),
    );
    const stale = await withStore(env, contents);
    expect(differing(stale, correct)).toContain('activities');

    await killMidway(name, env, appName, 'refresh');
    expect(differing(await withStore(env, contents), stale)).toEqual([]);
    await withStore(env, (db) => db.transaction().execute((tx) => refreshDerived(tx, { all: true })));
    expect(differing(await withStore(env, contents), correct)).toEqual([]);
  }, 300_000);

  it(`kill -9 in the middle of the SLA/webhook job: no alert is kept, the next run raises each once [${name}]`, async () => {
    const { env, appName } = await demoStore(name);
    // Unanswered leads of a week ago: each is one SLA breach for the job to alert.
    await withStore(env, async (db) => {
      const rep = await db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'rep')
        .executeTakeFirstOrThrow();
      const weekAgo = new Date(Date.now() - 7 * 86_400_000);
      await db
        .insertInto('leads')
        .values(
          [1, 2, 3].map((i) => ({ name: `Killed-job lead ${i}`, owner_id: rep.id, created_at: weekAgo })),
        )
        .execute();
      await db.transaction().execute((tx) => refreshDerived(tx, { all: true }));
    });
    const before = await withStore(env, contents);
    await killMidway(name, env, appName, 'sla');
    expect(differing(await withStore(env, contents), before)).toEqual([]);

    const count = (db: Db) =>
      sql<{ alerts: number; runs: number }>`select (select count(*)::int from alerts) as alerts,
        (select count(*)::int from job_runs where name = 'sla-check') as runs`.execute(db);
    const first = await withStore(env, async (db) => {
      expect((await runJobOnce(db, slaCheckJob, new Date())).ran).toBe(true);
      return (await count(db)).rows[0];
    });
    expect(first?.alerts).toBeGreaterThanOrEqual(3);
    const second = await withStore(env, async (db) => {
      expect((await runJobOnce(db, slaCheckJob, new Date())).ran).toBe(true);
      return (await count(db)).rows[0];
    });
    expect(second?.alerts).toBe(first?.alerts);
  }, 300_000);
}
