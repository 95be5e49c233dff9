import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { copyMigratedDataDir } from '../../test/support/store-templates.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A running Pacesetter server over a throw-away PGlite directory. */
export interface RunningServer {
  baseUrl: string;
  db: Db;
  dataDir: string;
  stop: () => Promise<void>;
}

/** Runs the real CLI (`node bin/pacesetter.js ...`) against a data dir and resolves with its output. */
export function runCli(args: string[], dataDir: string): Promise<string> {
  return new Promise((done, fail) => {
    // Always the embedded store in a throw-away directory, whatever DATABASE_URL the test run has.
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, [join(ROOT, 'bin/pacesetter.js'), ...args], {
      cwd: ROOT,
      env: { ...env, PACESETTER_DATA: dataDir, PACESETTER_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done(out) : fail(new Error(`pacesetter ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}

/**
 * Seeds a fresh PGlite directory with the demo command, then serves the API and the built web app from this
 * process on a free port (the same buildApp that `pacesetter serve` uses).
 */
export async function startServer(demoArgs: string[]): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pacesetter-e2e-'));
  copyMigratedDataDir(dataDir); // the run's migrated, empty store (test/support/store-templates.ts)
  await runCli(['demo', ...demoArgs], dataDir);
  const db = await openDb({ kind: 'pglite', dataDir });
  await migrateToLatest(db);
  const config = parseConfig({
    PACESETTER_LOG_LEVEL: 'silent',
    PACESETTER_DATA: dataDir,
    PACESETTER_WEB_DIST: join(ROOT, 'web/dist'),
    PACESETTER_SECURE_COOKIES: 'false',
  });
  const app = await buildApp({ db, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    db,
    dataDir,
    stop: async () => {
      await app.close();
      await db.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
