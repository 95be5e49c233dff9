import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { openConfiguredStore } from '../../src/cli/store-from-config.ts';
import { parseConfig } from '../../src/config.ts';
import { runCli } from '../support/cli.ts';
import { storeFingerprint } from '../support/fingerprint.ts';
import { childStoreEnv, waitUntilSessionGone } from '../support/child-store.ts';
import { storeNames } from '../support/stores.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function fingerprintOf(env: Record<string, string>) {
  const db = await openConfiguredStore(parseConfig(env));
  try {
    return await storeFingerprint(db);
  } finally {
    await db.destroy();
  }
}

for (const name of storeNames()) {
  it(`kill -9 in the middle of \`demo --reset\`: the store opens with its previous data, unchanged [${name}]`, async () => {
    const appName = `killed-demo-${randomBytes(4).toString('hex')}`;
    // The first demo: on PGlite a copy of the run's small-demo directory (the same command, run once per run).
    const env = await childStoreEnv(name, dirs, appName, 'small demo');
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

    if (name === 'postgres') await waitUntilSessionGone(appName);

    // The interrupted load is absent: every table and sequence is as the first demo left it.
    expect(await fingerprintOf(env)).toEqual(before);
    // And the store works: the same command runs to the end.
    const again = runCli(['demo', '--reset', '--reps', '2', '--months', '1', '--until', '2026-06-30'], env);
    expect(again.status, again.err).toBe(0);
  }, 300_000);
}
