import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/store/data-dir-lock.ts';
import { openDb, type StoreTarget } from '../../src/store/db.ts';
import { runCli } from '../support/cli.ts';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { storeFingerprint } from '../support/fingerprint.ts';
import { copyMigratedDataDir, copySmallDemoDataDir, smallDemoArgs } from '../support/store-templates.ts';
import { storeNames, type StoreName } from '../support/stores.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pacesetter-backup-'));
  dirs.push(d);
  return d;
}

/**
 * A store the CLI can reach through its environment: a data directory, or a fresh PostgreSQL schema. A source
 * store's data directory is a copy of the run's migrated, empty template; a restore target's does not exist yet.
 */
async function freshStore(
  name: StoreName,
  use: 'source' | 'target' = 'source',
): Promise<{ env: Record<string, string>; target: StoreTarget; schema?: string }> {
  const dir = join(tempDir(), 'data');
  if (name === 'pglite') {
    if (use === 'source') copyMigratedDataDir(dir);
    return { env: { PACESETTER_DATA: dir }, target: { kind: 'pglite', dataDir: dir } };
  }
  const base = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${randomBytes(6).toString('hex')}`; // dropped by test/support/global-setup.ts
  const admin = await openDb({ kind: 'postgres', url: base });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { PACESETTER_DATA: dir, DATABASE_URL: url.toString() },
    target: { kind: 'postgres', url: url.toString() },
    schema,
  };
}

/** A source store holding the CLI's small demo: a copy of the run's filled PGlite directory, or the demo run. */
async function demoStore(name: StoreName): ReturnType<typeof freshStore> {
  if (name === 'postgres') {
    const store = await freshStore(name);
    ok(runCli(smallDemoArgs, store.env));
    return store;
  }
  const dir = join(tempDir(), 'data');
  await copySmallDemoDataDir(dir);
  return { env: { PACESETTER_DATA: dir }, target: { kind: 'pglite', dataDir: dir } };
}

async function withDb<T>(target: StoreTarget, fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>) {
  const db = await openDb(target);
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

const fingerprintOf = (target: StoreTarget) => withDb(target, storeFingerprint);

/*
 * Backup and restore, the commands under test, run as real processes: a refused restore can leave a stream
 * reading the file that only the process's exit ends, and the refusals while this process holds a directory's
 * lock need another process. Setting up rows, reading the result back and the message for a missing pg_dump
 * run in this process (cli-in-process.ts): the same code and messages without a Node start-up each.
 */
const cli = runCliInProcess;

function ok(r: ReturnType<typeof runCli>): string {
  if (r.status !== 0) throw new Error(`exit ${r.status}\n${r.out}${r.err}`);
  return r.out;
}

for (const name of storeNames()) {
  describe(`pacesetter backup / restore [${name}]`, () => {
    it('round trip: every table and sequence comes back as it was; data is only replaced with --force; a bad file changes nothing', async () => {
      const store = await demoStore(name);
      ok(
        await cli(
          [
            'alerts',
            'add-webhook',
            '--url',
            'https://hooks.example.test/p',
            '--secret',
            'a-shared-secret-of-16+',
          ],
          store.env,
        ),
      );
      const before = await fingerprintOf(store.target);
      // The demo filled the tables reports read; the comparison below is over real rows, not empty tables.
      const filled = before.tables.filter((t) => t.rows > 0).map((t) => t.table);
      expect(filled).toEqual(
        expect.arrayContaining(['activities', 'opportunities', 'users', 'webhook_endpoints']),
      );

      const file = join(tempDir(), name === 'pglite' ? 'store.tar.gz' : 'store.dump');
      expect(ok(runCli(['backup', file], store.env))).toMatch(/^Backed up the /);

      // Changes after the backup: a new row, a changed row and a deleted row.
      const changed = await withDb(store.target, async (db) => {
        await sql`insert into holidays (day, name) values ('2026-12-24', 'Christmas Eve')`.execute(db);
        await sql`update users set name = 'Renamed' where id = (select min(id) from users)`.execute(db);
        await sql`delete from activities where id = (select max(id) from activities)`.execute(db);
        return storeFingerprint(db);
      });
      expect(changed).not.toEqual(before);

      const refused = runCli(['restore', file], store.env);
      expect(refused.status).toBe(2);
      expect(refused.err).toMatch(
        /already has data \(in .*activities.*\); restore replaces all of it: add --force/,
      );

      // A truncated backup: refused before anything is touched.
      const truncated = join(tempDir(), `truncated-${name}`);
      writeFileSync(truncated, readFileSync(file).subarray(0, 4096));
      const bad = runCli(['restore', '--force', truncated], store.env);
      expect(bad.status).toBe(2);
      expect(bad.err).toMatch(/^error: .*(could not be unpacked|not a readable pg_dump archive)/);
      // Neither refusal changed anything (one look at the store for both: each opening of it costs a start-up).
      expect(await fingerprintOf(store.target)).toEqual(changed);

      ok(runCli(['restore', '--force', file], store.env));
      expect(await fingerprintOf(store.target)).toEqual(before);

      // Into a store that does not exist yet: a new data directory, or the schema dropped.
      const empty =
        name === 'pglite'
          ? await freshStore(name, 'target')
          : (await withDb({ kind: 'postgres', url: process.env.TEST_DATABASE_URL as string }, async (db) => {
              await sql`drop schema ${sql.id(store.schema as string)} cascade`.execute(db);
            }),
            store);
      ok(runCli(['restore', file], empty.env));
      expect(await fingerprintOf(empty.target)).toEqual(before);
      // And the restored store opens and works for the CLI.
      expect(ok(await cli(['users', 'list'], empty.env))).toContain('@demo.pacesetter.test');
    }, 300_000);

    it('refuses a backup of the other kind of store, naming what to do', async () => {
      const store = await freshStore(name, 'target');
      const other = join(tempDir(), 'other');
      writeFileSync(other, name === 'pglite' ? 'PGDMP\u0001\u000e' : Buffer.from([0x1f, 0x8b, 8, 0]));
      const r = runCli(['restore', other], store.env);
      expect(r.status).toBe(2);
      expect(r.err).toBe(
        name === 'pglite'
          ? `error: ${other} is a pg_dump archive of a PostgreSQL store; restore it with DATABASE_URL set.\n`
          : `error: ${other} is a backup of an embedded (PGlite) store; restore it without DATABASE_URL, into PACESETTER_DATA.\n`,
      );
    });
  });
}

for (const name of storeNames()) {
  describe(`restoring a backup written by a newer Pacesetter [${name}]`, () => {
    it('is refused before anything changes', async () => {
      const source = await freshStore(name);
      ok(await cli(['users', 'add', '--email', 'a@example.test', '--name', 'A'], source.env));
      await withDb(source.target, async (db) => {
        await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')`.execute(
          db,
        );
      });
      const file = join(tempDir(), name === 'pglite' ? 'future.tar.gz' : 'future.dump');
      ok(runCli(['backup', file], source.env));
      // The target: a new data directory, or the same schema dropped (an archive restores into its own schema).
      const target =
        name === 'pglite'
          ? await freshStore(name, 'target')
          : (await withDb({ kind: 'postgres', url: process.env.TEST_DATABASE_URL as string }, async (db) => {
              await sql`drop schema ${sql.id(source.schema as string)} cascade`.execute(db);
            }),
            source);
      const r = runCli(['restore', file], target.env);
      expect(r.status).toBe(2);
      expect(r.err).toBe(
        `error: ${file} was written by a newer Pacesetter (migrations 9999-from-the-future); upgrade Pacesetter first.\n`,
      );
      // Nothing was left behind: no store, no staging directory, no lock; no schema.
      if (name === 'pglite') expect(readdirSync(target.env.PACESETTER_DATA as string)).toEqual([]);
      else
        await withDb({ kind: 'postgres', url: process.env.TEST_DATABASE_URL as string }, async (db) => {
          const r = await sql<{ n: number }>`
            select count(*)::int as n from pg_namespace where nspname = ${source.schema as string}`.execute(
            db,
          );
          expect(r.rows[0]?.n).toBe(0);
        });
    }, 300_000);
  });
}

describe('backup of an embedded store that a server holds', () => {
  it('is refused with how to do it, and the store is untouched', { timeout: 300_000 }, async () => {
    const store = await freshStore('pglite');
    ok(await cli(['users', 'add', '--email', 'a@example.test', '--name', 'A'], store.env));
    const before = await fingerprintOf(store.target);
    const dir = store.env.PACESETTER_DATA as string;
    const lock = lockDataDir(dir); // this test process plays the running server
    try {
      const file = join(tempDir(), 'held.tar.gz');
      const r = runCli(['backup', file], store.env);
      expect(r.status).toBe(2);
      // The holder's command is this test worker's name; the advice is the backup's own.
      expect(r.err).toMatch(
        new RegExp(`^error: The store in ${dir} is open by process ${process.pid} \\(.+\\); `),
      );
      expect(r.err).toContain(
        'stop it, run `pacesetter backup` again and start it again (the embedded store is backed up while closed; ' +
          'a PostgreSQL store can be backed up while servers run).\n',
      );
      const restore = runCli(['restore', '--force', file], store.env);
      expect(restore.status).toBe(2);
    } finally {
      lock.release();
    }
    expect(await fingerprintOf(store.target)).toEqual(before);
  });
});

describe('backup of PostgreSQL without its client tools', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)('names the missing tool and how to install it', async () => {
    const store = await freshStore('postgres');
    ok(await cli(['users', 'add', '--email', 'a@example.test', '--name', 'A'], store.env));
    const file = join(tempDir(), 'none.dump');
    // Only node's own directory on PATH: no pg_dump there.
    const r = await cli(['backup', file], { ...store.env, PATH: join(process.execPath, '..') });
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/^error: pg_dump was not found on PATH: install the PostgreSQL client tools/);
  });
});
