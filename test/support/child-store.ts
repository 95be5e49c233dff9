import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDb } from '../../src/store/db.ts';
import { runCli } from './cli.ts';
import { copyMigratedDataDir, copySmallDemoDataDir, smallDemoArgs } from './store-templates.ts';
import type { StoreName } from './stores.ts';

/**
 * The environment that points a child process (the CLI, `serve`) at a fresh store: a new PGlite data directory
 * under `dirs` (a copy of the run's migrated, empty template: the child finds no migration to apply), or a new
 * PostgreSQL schema of TEST_DATABASE_URL (dropped by global-setup.ts). With `appName`, PostgreSQL sessions carry
 * it, so a test can wait until a killed process has left the server. With `contents` 'small demo' the store holds
 * the CLI's small demo (store-templates.ts), for tests that need filled tables but do not test the demo.
 */
export async function childStoreEnv(
  name: StoreName,
  dirs: string[],
  appName?: string,
  contents: 'empty' | 'small demo' = 'empty',
): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'pacesetter-child-'));
  dirs.push(dir);
  if (name === 'pglite') {
    if (contents === 'small demo') await copySmallDemoDataDir(join(dir, 'data'));
    else copyMigratedDataDir(join(dir, 'data'));
    return { PACESETTER_DATA: join(dir, 'data') };
  }
  const base = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ kind: 'postgres', url: base });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  if (appName) url.searchParams.set('application_name', appName);
  const env = { DATABASE_URL: url.toString() };
  // No template for PostgreSQL: a schema cannot be copied in SQL, and the demo's client CPU here is a third of
  // PGlite's (the server does the rest).
  if (contents === 'small demo') {
    const r = runCli(smallDemoArgs, env);
    if (r.status !== 0) throw new Error(`the demo failed: exit ${r.status}\n${r.out}${r.err}`);
  }
  return env;
}

/**
 * Waits until no PostgreSQL session of `appName` is left. PostgreSQL rolls a killed client's transaction back
 * only when it notices the closed socket; until then its locks hold and its rows are still being undone.
 */
export async function waitUntilSessionGone(appName: string, timeoutMs = 30_000): Promise<void> {
  const admin = await openDb({ kind: 'postgres', url: process.env.TEST_DATABASE_URL as string });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity where application_name = ${appName}`.execute(admin);
      if (r.rows[0]?.n === 0) return;
      if (Date.now() > deadline) throw new Error(`the killed process (${appName}) stayed in PostgreSQL`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await admin.destroy();
  }
}
