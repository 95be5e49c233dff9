import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openConfiguredStore } from '../../src/cli/store-from-config.ts';
import { parseConfig } from '../../src/config.ts';
import { openDb } from '../../src/store/db.ts';
import { runCli } from '../support/cli.ts';
import { storeFingerprint } from '../support/fingerprint.ts';
import { storeNames, type StoreName } from '../support/stores.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Environment for a CLI process on a fresh store; PostgreSQL sessions carry `appName` so the test can see them. */
async function freshStore(name: StoreName, appName: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'pacesetter-killed-demo-'));
  dirs.push(dir);
  if (name === 'pglite') return { PACESETTER_DATA: join(dir, 'data') };
  const base = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${randomBytes(6).toString('hex')}`; // dropped by test/support/global-setup.ts
  const admin = await openDb({ kind: 'postgres', url: base });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  url.searchParams.set('application_name', appName);
  return { DATABASE_URL: url.toString() };
}

async function fingerprintOf(env: Record<string, string>) {
  const db = await openConfiguredStore(parseConfig(env));
  try {
    return await storeFingerprint(db);
  } finally {
    await db.destroy();
  }
}

/** Polls until `check` holds; a condition, not a guess at how long things take. */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

for (const name of storeNames()) {
  it(`kill -9 in the middle of \`demo --reset\`: the store opens with its previous data, unchanged [${name}]`, async () => {
    const appName = `killed-demo-${randomBytes(4).toString('hex')}`;
    const env = await freshStore(name, appName);
    const first = runCli(['demo', '--reps', '2', '--months', '1', '--until', '2026-06-30'], env);
    expect(first.status, first.err).toBe(0);
    const before = await fingerprintOf(env);
    expect(before.tables.find((t) => t.table === 'activities')?.rows).toBeGreaterThan(0);

    const child = spawn(process.execPath, ['test/support/demo-reset-until-killed.ts'], {
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
    await new Promise<void>((halfway, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('half written')) halfway();
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      void exited.then(() => fail(new Error(`the demo process ended on its own:\n${out}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    if (name === 'postgres') {
      // PostgreSQL rolls the transaction back when it notices the closed socket; until then its locks hold.
      const admin = await openDb({ kind: 'postgres', url: process.env.TEST_DATABASE_URL as string });
      try {
        await waitUntil('the killed process to leave PostgreSQL', async () => {
          const r = await sql<{ n: number }>`
            select count(*)::int as n from pg_stat_activity where application_name = ${appName}`.execute(
            admin,
          );
          return r.rows[0]?.n === 0;
        });
      } finally {
        await admin.destroy();
      }
    }

    // The interrupted load is absent: every table and sequence is as the first demo left it.
    expect(await fingerprintOf(env)).toEqual(before);
    // And the store works: the same command runs to the end.
    const again = runCli(['demo', '--reset', '--reps', '2', '--months', '1', '--until', '2026-06-30'], env);
    expect(again.status, again.err).toBe(0);
  }, 300_000);
}
