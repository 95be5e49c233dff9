/**
 * The built workspace, cached between runs and keyed by storeKey(): a PGlite data directory under bench/.cache,
 * and a PostgreSQL template database on the BENCH_DATABASE_URL server. Each run measures a fresh copy, so what
 * a run writes (sign-ins, imports) never reaches the cache.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDb } from '../../src/store/db.ts';
import { ROOT, storeKey } from './workspace.ts';

export const CACHE_DIR = join(ROOT, 'bench', '.cache');

/** A store to measure: how to open it, and how to get rid of it afterwards. */
export interface WorkingStore {
  target: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  /** Seconds spent building the cache in this run (0 when it was reused). */
  builtSeconds: number;
  drop(): Promise<void>;
}

function build(kind: 'pglite' | 'postgres', target: string, log: (s: string) => void): void {
  log(`  building the ${kind} workspace (200 reps, 24 months); cached afterwards`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'suite', 'build-store.ts'), kind, target], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the ${kind} workspace failed (exit ${r.status})`);
  log(`  built: ${r.stdout.trim().split('\n').pop()}`);
}

export async function pgliteWorkspace(log: (s: string) => void): Promise<WorkingStore> {
  const key = storeKey();
  const cached = join(CACHE_DIR, `pglite-${key}`);
  let builtSeconds = 0;
  if (!existsSync(cached)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    for (const old of readdirSync(CACHE_DIR).filter((f) => f.startsWith('pglite-')))
      rmSync(join(CACHE_DIR, old), { recursive: true, force: true });
    const building = `${cached}.building`;
    const t = performance.now();
    build('pglite', building, log);
    renameSync(building, cached);
    builtSeconds = (performance.now() - t) / 1000;
  }
  const copy = join(tmpdir(), `pacesetter-bench-${process.pid}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(cached, copy, { recursive: true });
  return {
    target: { kind: 'pglite', dataDir: copy },
    builtSeconds,
    drop: async () => rmSync(copy, { recursive: true, force: true }),
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function postgresWorkspace(url: string, log: (s: string) => void): Promise<WorkingStore> {
  const key = storeKey();
  const template = `bench_tpl_${key}`;
  const admin = await openDb({ kind: 'postgres', url });
  try {
    const existing = await sql<{ datname: string }>`
      select datname from pg_database where datname like 'bench\_tpl\_%'`.execute(admin);
    let builtSeconds = 0;
    if (!existing.rows.some((r) => r.datname === template)) {
      for (const old of existing.rows)
        await sql`drop database if exists ${sql.id(old.datname)}`.execute(admin);
      const building = `${template}_building`;
      await sql`drop database if exists ${sql.id(building)}`.execute(admin);
      await sql`create database ${sql.id(building)}`.execute(admin);
      const t = performance.now();
      build('postgres', withDatabase(url, building), log);
      await sql`alter database ${sql.id(building)} rename to ${sql.id(template)}`.execute(admin);
      builtSeconds = (performance.now() - t) / 1000;
    }
    const run = `bench_run_${process.pid}`;
    await sql`drop database if exists ${sql.id(run)}`.execute(admin);
    await sql`create database ${sql.id(run)} template ${sql.id(template)}`.execute(admin);
    return {
      target: { kind: 'postgres', url: withDatabase(url, run) },
      builtSeconds,
      drop: async () => {
        const a = await openDb({ kind: 'postgres', url });
        try {
          await sql`drop database if exists ${sql.id(run)} with (force)`.execute(a);
        } finally {
          await a.destroy();
        }
      },
    };
  } finally {
    await admin.destroy();
  }
}

/** An empty, migrated-on-open store for the import: a temporary PGlite directory or a new database. */
export async function emptyStore(
  kind: 'pglite' | 'postgres',
  url: string | undefined,
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = join(tmpdir(), `pacesetter-bench-import-${process.pid}-${Date.now()}`);
    return { env: { PACESETTER_DATA: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!url) throw new Error('BENCH_DATABASE_URL is not set');
  const database = `bench_import_${process.pid}_${Date.now()}`;
  const admin = await openDb({ kind: 'postgres', url });
  await sql`create database ${sql.id(database)}`.execute(admin);
  await admin.destroy();
  return {
    env: { DATABASE_URL: withDatabase(url, database) },
    drop: async () => {
      const a = await openDb({ kind: 'postgres', url });
      try {
        await sql`drop database if exists ${sql.id(database)} with (force)`.execute(a);
      } finally {
        await a.destroy();
      }
    },
  };
}
