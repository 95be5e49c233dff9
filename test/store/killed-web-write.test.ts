import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import { openConfiguredStore } from '../../src/cli/store-from-config.ts';
import { parseConfig } from '../../src/config.ts';
import { failAbandonedImportRuns } from '../../src/import/run-lock.ts';
import { freePort } from '../support/free-port.ts';
import { childStoreEnv } from '../support/child-store.ts';
import { storeNames } from '../support/stores.ts';

/*
 * kill -9 of the server in the middle of a web request that writes: a CSV streamed to POST /api/imports, the
 * server killed once it has taken thousands of rows into the import's transaction. At the next open the run is
 * marked failed and none of its rows exist.
 */

const HEADER =
  'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on';
const EMAIL = 'killed-web@example.test';
const PASSWORD = 'correct horse battery';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * Bytes the process has read through read(2)-like calls (files and sockets), from /proc/<pid>/io. The client having
 * written N rows proves nothing about the server: loopback socket buffers (several MB) can absorb them before the
 * server reads any. The server having read a few MB more than before the upload is evidence from its side that
 * it is consuming the body, which it does only as fast as the import takes rows (the body stream is back-pressured).
 */
function bytesRead(pid: number): number {
  const line = readFileSync(`/proc/${pid}/io`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('rchar:'));
  if (!line) throw new Error(`no rchar in /proc/${pid}/io`);
  return Number(line.slice('rchar:'.length));
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

for (const name of storeNames()) {
  it(`kill -9 of the server during an upload that writes: none of it is kept [${name}]`, async () => {
    const env = await childStoreEnv(name, dirs);
    const port = await freePort();
    const server = spawn(
      process.execPath,
      ['bin/pacesetter.js', 'serve', '--port', String(port), '--no-jobs'],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          PACESETTER_LOG_LEVEL: 'silent',
          PACESETTER_WEB_DIST: '/nonexistent',
          PACESETTER_ADMIN_EMAIL: EMAIL,
          PACESETTER_ADMIN_PASSWORD: PASSWORD,
          ...env,
        },
        stdio: 'ignore',
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      server.on('exit', (_c, signal) => done(signal)),
    );
    let stop = false;
    try {
      const base = `http://127.0.0.1:${port}`;
      await until('the server', async () =>
        (await fetch(`${base}/api/health`).catch(() => null))?.ok ? true : undefined,
      );
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };

      const readBefore = bytesRead(server.pid as number);
      // An upload that never ends: rows go as fast as the server takes them (write waits for drain).
      const upload = request(`${base}/api/imports?fileName=endless.csv`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'text/csv' },
      });
      let closed = false;
      let answered: number | null = null;
      upload.on('error', () => (closed = true)); // the server dies under it
      upload.on('close', () => (closed = true));
      upload.on('response', (res) => {
        answered = res.statusCode ?? 0;
        res.resume();
      });
      let sent = 0;
      void (async () => {
        upload.write(`${HEADER}\n`);
        while (!stop && !closed) {
          sent += 1;
          const line = `${sent},Deal ${sent},Alice Moreno,100,Acme Corp,Lead In,Open,2024-01-02 10:00:00,\n`;
          if (!upload.write(line)) {
            await new Promise<void>((go) => {
              upload.once('drain', go);
              upload.once('close', go);
            });
          }
        }
      })();
      await until('the upload to be well under way', async () => {
        // An answer before the end of an endless upload would mean it was refused: nothing is being written.
        if (answered !== null) throw new Error(`the server answered ${String(answered)} during the upload`);
        if (closed) throw new Error('the connection closed during the upload');
        // 2 MB is about 25,000 rows, well past the first batches written inside the import's transaction.
        return sent > 5_000 && bytesRead(server.pid as number) - readBefore > 2_000_000 ? true : undefined;
      });
      server.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
    } finally {
      stop = true;
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    }

    // Opening the store sweeps runs whose process is gone; PostgreSQL frees the dead session's lock once it
    // notices the closed socket, so the sweep is repeated until then (a condition, not a sleep).
    const db = await openConfiguredStore(parseConfig(env));
    try {
      const runs = await until('the killed run to be swept', async () => {
        await failAbandonedImportRuns(db);
        const r = await db.selectFrom('imports').select(['status', 'file_name']).execute();
        return r.some((x) => x.status === 'running') ? undefined : r;
      });
      expect(runs.map((r) => `${r.file_name} ${r.status}`)).toEqual(['endless.csv failed']);
      const deals = await db
        .selectFrom('opportunities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(deals.n)).toBe(0);
    } finally {
      await db.destroy();
    }
  }, 300_000);
}
