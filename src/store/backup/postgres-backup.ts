import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Db } from '../db.ts';
import { migrations } from '../migrations/index.ts';
import { writeAtomically } from './backup-file.ts';
import { nonEmptyTables, refuseOverData, type RunSql } from './non-empty-tables.ts';

/** What a PostgreSQL client tool printed. */
interface ToolRun {
  out: string;
  err: string;
}

/**
 * Runs pg_dump or pg_restore. The password travels in PGPASSWORD rather than on the command line, where any user
 * of the machine could read it in the process list.
 */
function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], url?: string): Promise<ToolRun> {
  // The tool inherits this environment (PATH, PGSSLMODE and the like): passed through, not read as configuration.
  // eslint-disable-next-line no-restricted-syntax
  const env: Record<string, string | undefined> = { ...process.env };
  const fullArgs = [...args];
  if (url !== undefined) {
    const u = new URL(url);
    if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
    // libpq reads '+' as a plus sign, where node-postgres (and URLSearchParams) mean a space: re-encode with %20.
    const query = [...u.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
    u.search = query.length > 0 ? `?${query.join('&')}` : '';
    fullArgs.push(`--dbname=${u.toString()}`);
  }
  return new Promise((done, fail) => {
    const child = spawn(tool, fullArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', (e) => {
      if ('code' in e && e.code === 'ENOENT')
        fail(
          new AppError(
            'validation',
            `${tool} was not found on PATH: install the PostgreSQL client tools of the server's major version ` +
              `(Debian/Ubuntu: apt-get install postgresql-client) or add their directory to PATH.`,
          ),
        );
      else fail(e);
    });
    child.on('close', (code) => {
      if (code === 0) done({ out, err });
      else
        fail(
          new AppError(
            'validation',
            `${tool} failed (exit code ${code})`,
            err
              .trim()
              .split('\n')
              .filter(Boolean)
              .map((reason) => ({ reason })),
          ),
        );
    });
  });
}

function runOn(db: Db): RunSql {
  return async <R>(statement: string) => (await sql.raw<R>(statement).execute(db)).rows;
}

/**
 * The schema this store lives in: the first of the connection's search_path (the database's `public` unless
 * DATABASE_URL sets `options=-c search_path=...`), even when it does not exist yet.
 */
async function storeSchema(db: Db): Promise<{ name: string; exists: boolean }> {
  const r = await sql<{ current: string | null; path: string }>`
    select current_schema() as current, current_setting('search_path') as path`.execute(db);
  const row = r.rows[0];
  if (row?.current) return { name: row.current, exists: true };
  const first =
    (row?.path ?? '')
      .split(',')[0]
      ?.trim()
      .replace(/^"(.*)"$/, '$1') ?? '';
  if (!first || first === '$user') throw new Error('cannot tell which schema DATABASE_URL points at');
  return { name: first, exists: false };
}

/** pg_dump of the store's schema (custom format: compressed, restorable table by table). Servers may keep running. */
export async function backupPostgres(db: Db, url: string, file: string): Promise<void> {
  const schema = await storeSchema(db);
  if (!schema.exists)
    throw new AppError('not_found', `No store in schema ${schema.name}: nothing to back up.`);
  await writeAtomically(file, async (tmp) => {
    await runTool(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schema.name}`, `--file=${tmp}`],
      url,
    );
  });
}

/** The schema a pg_dump archive holds, from its table of contents. */
async function archiveSchema(file: string): Promise<string | null> {
  let out: string;
  try {
    ({ out } = await runTool('pg_restore', ['--list', file]));
  } catch (err) {
    if (!(err instanceof AppError) || err.details.length === 0) throw err;
    throw new AppError(
      'validation',
      `${file} is not a readable pg_dump archive; nothing was changed`,
      err.details,
    );
  }
  return /^\d+; \d+ \d+ SCHEMA - (\S+) /m.exec(out)?.[1] ?? null;
}

/** Migrations recorded in the archive that this version does not know: it was written by a newer Pacesetter. */
async function unknownMigrations(file: string): Promise<string[]> {
  const { out } = await runTool('pg_restore', ['--data-only', '--table=kysely_migration', '--file=-', file]);
  const lines = out.split('\n');
  const start = lines.findIndex((l) => /^COPY \S*kysely_migration /.test(l));
  if (start < 0) return [];
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    names.push(line.split('\t')[0] ?? '');
  }
  return names.filter((name) => !(name in migrations));
}

/**
 * Restores a pg_dump archive over the store's schema in one transaction (pg_restore --single-transaction
 * --clean): on any error nothing changes. A store with data is only replaced with `force`. Stop the servers first:
 * they would otherwise block the restore's DROP statements or see the tables vanish.
 */
export async function restorePostgres(db: Db, url: string, file: string, force: boolean): Promise<void> {
  const schema = await storeSchema(db);
  const archived = await archiveSchema(file);
  if (archived !== schema.name)
    throw new AppError(
      'validation',
      `${file} holds schema ${archived ?? '(none)'}, but this store is schema ${schema.name}: restore it into a ` +
        `database (or search_path) whose schema is ${archived ?? 'the one backed up'}.`,
    );
  const unknown = await unknownMigrations(file);
  if (unknown.length > 0)
    throw new AppError(
      'validation',
      `${file} was written by a newer Pacesetter (migrations ${unknown.join(', ')}); upgrade Pacesetter first.`,
    );
  const tables = schema.exists ? await nonEmptyTables(runOn(db)) : [];
  if (tables.length > 0 && !force)
    throw new AppError('conflict', refuseOverData(`in schema ${schema.name}`, tables));
  const restoring = runTool(
    'pg_restore',
    [
      '--single-transaction',
      '--exit-on-error',
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      file,
    ],
    url,
  );
  try {
    await restoring;
  } catch (err) {
    if (!(err instanceof AppError) || err.details.length === 0) throw err;
    throw new AppError('validation', `${err.message}; the store is unchanged (one transaction)`, err.details);
  }
}
