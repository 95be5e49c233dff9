import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openConfiguredStore } from '../../src/cli/store-from-config.ts';
import { parseConfig } from '../../src/config.ts';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { ABANDONED_RUN_ERROR, failAbandonedImportRuns } from '../../src/import/run-lock.ts';
import { runImport } from '../../src/import/run-import.ts';
import type { Db } from '../../src/store/db.ts';
import { childStoreEnv, waitUntilSessionGone } from '../support/child-store.ts';
import { describeStores, storeNames } from '../support/stores.ts';

const HEADER =
  'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on';

/** Polls `check` until it returns a value (not undefined); a condition, not a guess at how long things take. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

async function runRow(db: Db, id: number) {
  return db
    .selectFrom('imports')
    .select(['status', 'error', 'finished_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

// Issue 11, item 9: an import killed with kill -9 stayed 'running' forever.
describeStores('import runs whose process is gone', (ctx) => {
  it('a run left running without its lock is marked failed; finished runs are untouched', async () => {
    const [left, done] = await ctx.db
      .insertInto('imports')
      .values([
        {
          source: 'pipedrive',
          entity: 'opportunities',
          file_name: 'left.csv',
          status: 'running',
          started_by: null,
        },
        {
          source: 'pipedrive',
          entity: 'opportunities',
          file_name: 'ok.csv',
          status: 'succeeded',
          started_by: null,
        },
      ])
      .returning('id')
      .execute();
    expect(await failAbandonedImportRuns(ctx.db)).toEqual([left?.id]);
    expect(await runRow(ctx.db, left?.id as number)).toMatchObject({
      status: 'failed',
      error: ABANDONED_RUN_ERROR,
    });
    expect((await runRow(ctx.db, left?.id as number)).finished_at).toBeInstanceOf(Date);
    expect(await runRow(ctx.db, done?.id as number)).toMatchObject({
      status: 'succeeded',
      finished_at: null,
    });
  });

  // On PGlite there is one session, which may take its own lock again; the data directory lock makes the opening
  // process the only one, and the sweep runs only at open, before any import of its own.
  it.skipIf(ctx.store === 'pglite')(
    'a running import of a live process (another connection holds its lock) is left alone',
    async () => {
      const input = new PassThrough();
      input.write(`${HEADER}\n1,One,Alice Moreno,100,Acme Corp,Lead In,Open,2024-01-02 10:00:00,\n`);
      const running = runImport(ctx.db, SYSTEM_VIEWER, { fileName: 'live.csv', input, createMissing: true });
      const id = await waitFor('the run row', async () => {
        const r = await ctx.db
          .selectFrom('imports')
          .select('id')
          .where('file_name', '=', 'live.csv')
          .executeTakeFirst();
        return r?.id;
      });
      expect(await failAbandonedImportRuns(ctx.db)).toEqual([]);
      expect((await runRow(ctx.db, id)).status).toBe('running');
      input.end();
      expect((await running).created).toBe(1);
      expect((await runRow(ctx.db, id)).status).toBe('succeeded');
    },
  );
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

for (const name of storeNames()) {
  it(`kill -9 in the middle of an import: at the next open the run is failed and none of its rows exist [${name}]`, async () => {
    const appName = `killed-import-${randomBytes(4).toString('hex')}`;
    const env = await childStoreEnv(name, dirs, appName);
    const child = spawn(process.execPath, ['test/support/import-until-killed.ts'], {
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
      void exited.then(() => fail(new Error(`the import process ended on its own:\n${out}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    if (env.DATABASE_URL) await waitUntilSessionGone(appName);

    const db = await openConfiguredStore(parseConfig(env));
    try {
      const runs = await db.selectFrom('imports').select(['file_name', 'status', 'error']).execute();
      expect(runs).toEqual([{ file_name: 'endless.csv', status: 'failed', error: ABANDONED_RUN_ERROR }]);
      const counts = await sql<{ deals: number; users: number; accounts: number }>`
        select (select count(*) from opportunities) as deals, (select count(*) from users) as users,
          (select count(*) from accounts) as accounts`.execute(db);
      expect(counts.rows[0]).toEqual({ deals: 0, users: 0, accounts: 0 });
    } finally {
      await db.destroy();
    }
  }, 120_000);
}
