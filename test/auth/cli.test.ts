import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../support/cli-in-process.ts';
import { closeSharedPglite } from '../support/shared-pglite.ts';
import { verifyPassword } from '../../src/auth/password.ts';
import { hashSecret } from '../../src/domain/access/secrets.ts';
import { openDb } from '../../src/store/db.ts';
import { copyMigratedDataDir } from '../support/store-templates.ts';

vi.mock(import('../../src/store/db.ts'), async (original) =>
  (await import('../support/shared-pglite.ts')).sharingPgliteDirs(await original()),
);

// The CLI runs against a PGlite directory (one process at a time); the SQL it shares with the API is covered on
// both stores by the route tests, so this file checks the commands' wiring and output only.
const dir = mkdtempSync(join(tmpdir(), 'pacesetter-auth-cli-'));
// A copy of the run's migrated, empty store (store-templates.ts): the first command finds nothing to create.
copyMigratedDataDir(dir);
afterAll(async () => {
  await closeSharedPglite();
  rmSync(dir, { recursive: true, force: true });
});

// Commands run in this process (cli-in-process.ts) on one open handle of the directory (shared-pglite.ts).
const cli = (...args: string[]) => runCliInProcess(args, { PACESETTER_DATA: dir });

it('users add prints a generated password once, tokens create prints a secret once; only hashes are stored', async () => {
  const add = await cli('users', 'add', '--email', 'Boss@Example.test', '--name', 'Boss', '--role', 'admin');
  expect(add.err).toBe('');
  expect(add.status).toBe(0);
  const password = /Password \(shown once\): (\S+)/.exec(add.out)?.[1];
  expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

  const token = await cli('tokens', 'create', '--name', 'BI', '--scope', 'read');
  expect(token.status).toBe(0);
  const secret = /Token \(shown once\): (\S+)/.exec(token.out)?.[1];
  expect(secret).toMatch(/^pst_/);
  expect(token.out).toContain('acting as boss@example.test');

  const db = await openDb({ kind: 'pglite', dataDir: dir });
  try {
    const user = await db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: 'boss@example.test', role: 'admin', active: true });
    expect(await verifyPassword(user.password_hash as string, password as string)).toBe(true);
    const t = await db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(t).toMatchObject({ scope: 'read', created_by: user.id, token_hash: hashSecret(secret as string) });
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'actor_label'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', entity: 'user', actor_label: 'system' },
      { action: 'create', entity: 'api_token', actor_label: 'system' },
    ]);
  } finally {
    await db.destroy();
  }
}, 300_000);
