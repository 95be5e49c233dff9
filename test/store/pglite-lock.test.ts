import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { LOCK_FILE, lockDataDir } from '../../src/store/data-dir-lock.ts';
import { openDb } from '../../src/store/db.ts';
import { runCli } from '../support/cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pacesetter-lock-'));
  dirs.push(d);
  return d;
}

/** A lock file as another process would have written it. */
function writeLock(dir: string, pid: number, extra: Record<string, unknown> = {}): void {
  writeFileSync(
    join(dir, LOCK_FILE),
    JSON.stringify({
      pid,
      hostname: hostname(),
      startTicks: null,
      startedAt: '2026-01-01T00:00:00.000Z',
      command: 'pacesetter serve',
      nonce: 'abc',
      ...extra,
    }),
  );
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid as number;
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('the PGlite data directory lock', () => {
  it('refuses a directory locked by a live process, naming it, and leaves the directory alone', async () => {
    const dir = tempDir();
    writeLock(dir, process.ppid);
    const err = refusal(() => lockDataDir(dir));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe(
      `The store in ${dir} is open by process ${process.ppid} (pacesetter serve); stop it, or run this through the server's API.`,
    );
    await expect(openDb({ kind: 'pglite', dataDir: dir })).rejects.toThrow(/is open by process/);
    // PGlite never started: no file of its own, and the other process's lock is untouched.
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.ppid);
  });

  it('takes over the lock of a process that is gone, and releases it', () => {
    const dir = tempDir();
    const pid = deadPid();
    writeLock(dir, pid);
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
    });
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self/stat'))('treats a reused pid (another start time) as gone', () => {
    const dir = tempDir();
    writeLock(dir, process.ppid, { startTicks: '1' });
    lockDataDir(dir).release();
  });

  it('treats its own pid as a previous process (a restarted container), but refuses a second open here', () => {
    const dir = tempDir();
    writeLock(dir, process.pid);
    const lock = lockDataDir(dir);
    expect(refusal(() => lockDataDir(dir)).message).toContain(`open by process ${process.pid}`);
    lock.release();
    lockDataDir(dir).release();
  });

  it('refuses a lock from another host, saying which file to delete if it no longer runs', () => {
    const dir = tempDir();
    writeLock(dir, 1234, { hostname: 'elsewhere' });
    expect(refusal(() => lockDataDir(dir)).message).toBe(
      `The store in ${dir} is open by process 1234 on host elsewhere (pacesetter serve); stop it there, ` +
        `or, if it no longer runs, delete ${join(dir, LOCK_FILE)}.`,
    );
  });

  it('does not take over a stale lock while another live process is taking it over', () => {
    const dir = tempDir();
    writeLock(dir, deadPid());
    writeFileSync(
      join(dir, `${LOCK_FILE}.takeover`),
      JSON.stringify({ pid: process.ppid, hostname: hostname(), command: 'pacesetter serve', nonce: 'x' }),
    );
    expect(refusal(() => lockDataDir(dir)).message).toContain(`open by process ${process.ppid}`);
  });
});

/** A free TCP port on 127.0.0.1 (the server binds it right after). */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done));
  const address = srv.address();
  await new Promise((done) => srv.close(done));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// Issue 11, item 2: with `serve` running, `users add` reported success and the store no longer opened afterwards.
it('a CLI command on the directory of a running server exits 2 with one sentence; the store stays intact', async () => {
  const dir = tempDir();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PACESETTER_LOG_LEVEL: 'silent',
    PACESETTER_DATA: dir,
    PACESETTER_ADMIN_PASSWORD: 'first-admin-password',
  };
  const server = spawn(
    process.execPath,
    ['bin/pacesetter.js', 'serve', '--no-jobs', '--port', String(await freePort())],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)));
  let out = '';
  await new Promise<void>((ready, fail) => {
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Pacesetter is running')) ready();
    });
    server.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((code) => fail(new Error(`serve exited ${code}:\n${out}`)));
  });

  const add = runCli(['users', 'add', '--email', 'late@example.test', '--name', 'Late'], {
    PACESETTER_DATA: dir,
  });
  expect(add.status).toBe(2);
  expect(add.out).toBe('');
  expect(add.err).toBe(
    `error: The store in ${dir} is open by process ${server.pid} (pacesetter serve); stop it, or run this through the server's API.\n`,
  );

  const reset = runCli(['demo', '--reset'], { PACESETTER_DATA: dir });
  expect(reset.status).toBe(2);
  expect(reset.err).toContain(`is open by process ${server.pid} (pacesetter serve)`);

  server.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

  const db = await openDb({ kind: 'pglite', dataDir: dir });
  try {
    const emails = await db.selectFrom('users').select('email').execute();
    expect(emails).toEqual([{ email: 'admin@pacesetter.local' }]); // written by the server, and nothing else
  } finally {
    await db.destroy();
  }
}, 120_000);
