import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.ts';
import { MIGRATION_LOCK_NAME } from '../../src/store/migrate.ts';
import { migrations } from '../../src/store/migrations/index.ts';

const base = process.env.TEST_DATABASE_URL;

/** A fresh, empty schema (dropped by test/support/global-setup.ts) and a URL whose search_path points at it. */
async function freshSchema(): Promise<{ schema: string; url: string }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ kind: 'postgres', url: base as string });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  const url = new URL(base as string);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { schema, url: url.toString() };
}

/** A migrating child process: its output lines as they come, and its exit. */
function migrateInChild(url: string) {
  const child = spawn(process.execPath, ['test/support/migrate-in-child.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    /** Resolves once the child printed `line` (fails if it exits first). */
    printed: (line: string) =>
      new Promise<void>((done, fail) => {
        const check = () => (out.split('\n').includes(line) ? done() : waiters.push(check));
        check();
        void exited.then(() => (out.split('\n').includes(line) ? done() : fail(new Error(`${out}${err}`))));
      }),
    /** The migrations the child applied, once it has exited successfully. */
    applied: async (): Promise<string[]> => {
      const code = await exited;
      if (code !== 0) throw new Error(`child exited ${code}:\n${out}${err}`);
      return JSON.parse(out.trim().split('\n').at(-1) ?? 'null') as string[];
    },
  };
}

describe.skipIf(!base)('migrations under a lock [postgres]', () => {
  const all = Object.keys(migrations);

  // Issue 14: two servers starting at once on one database must not both migrate it.
  it('two processes starting while a third migrates both wait, then neither applies anything twice', async () => {
    const { schema, url } = await freshSchema();
    // This test plays the process that is migrating: it holds the lock the way migrateToLatest takes it.
    const holder = new pg.Client({ connectionString: base });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock(hashtext($1), hashtext($2))', [
        MIGRATION_LOCK_NAME,
        schema,
      ]);
      const a = migrateInChild(url);
      const b = migrateInChild(url);
      await Promise.all([a.printed('waiting'), b.printed('waiting')]);
      await holder.query('select pg_advisory_unlock(hashtext($1), hashtext($2))', [
        MIGRATION_LOCK_NAME,
        schema,
      ]);
      const applied = [await a.applied(), await b.applied()];
      // One of them migrated everything, the other found the store up to date.
      expect(applied.map((x) => x.length).sort()).toEqual([0, all.length]);
      expect(applied.flat()).toEqual(all);
    } finally {
      await holder.end();
    }
    const db = await openDb({ kind: 'postgres', url });
    try {
      const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
      expect(rows.rows.map((r) => r.name)).toEqual([...all].sort());
    } finally {
      await db.destroy();
    }
  }, 120_000);

  it('two processes racing on a fresh schema both succeed and the migrations are applied once', async () => {
    const { url } = await freshSchema();
    const a = migrateInChild(url);
    const b = migrateInChild(url);
    const applied = [await a.applied(), await b.applied()];
    expect(applied.flat().sort()).toEqual([...all].sort());
  }, 120_000);
});
