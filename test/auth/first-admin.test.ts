import { beforeEach, expect, it } from 'vitest';
import { DEFAULT_ADMIN_EMAIL, ensureFirstAdmin } from '../../src/auth/first-admin.ts';
import { verifyPassword } from '../../src/auth/password.ts';
import { parseConfig } from '../../src/config.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

describeStores('first admin on serve', (ctx) => {
  beforeEach(async () => truncateAll(ctx.db));
  const admins = () =>
    ctx.db
      .selectFrom('users')
      .select(['id', 'email', 'password_hash', 'active'])
      .where('role', '=', 'admin')
      .execute();

  it('creates an admin with a random password (returned once) when none exists, then does nothing', async () => {
    const r = await ensureFirstAdmin(ctx.db, parseConfig({}));
    if (!r.created) throw new Error('expected an admin to be created');
    expect(r.email).toBe(DEFAULT_ADMIN_EMAIL);
    expect(r.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const [row] = await admins();
    expect(await verifyPassword(row!.password_hash!, r.generatedPassword!)).toBe(true);
    expect(await ensureFirstAdmin(ctx.db, parseConfig({}))).toEqual({ created: false });
    expect(await admins()).toHaveLength(1);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'actor_label']).execute();
    expect(audit).toEqual([{ action: 'create_first_admin', actor_label: 'system' }]);
  });

  it('uses PACESETTER_ADMIN_EMAIL / _PASSWORD, promoting an existing user with that email', async () => {
    await seedUser(ctx.db, { role: 'rep', email: 'owner@example.test' });
    const config = parseConfig({
      PACESETTER_ADMIN_EMAIL: 'Owner@Example.test',
      PACESETTER_ADMIN_PASSWORD: 'from-the-env-123',
    });
    expect(await ensureFirstAdmin(ctx.db, config)).toEqual({
      created: true,
      email: 'owner@example.test',
      generatedPassword: null,
    });
    const rows = await admins();
    expect(rows.map((r) => r.email)).toEqual(['owner@example.test']);
    expect(await verifyPassword(rows[0]!.password_hash!, 'from-the-env-123')).toBe(true);
  });

  it('leaves a store with an active admin alone', async () => {
    await seedUser(ctx.db, { role: 'admin' });
    expect(await ensureFirstAdmin(ctx.db, parseConfig({}))).toEqual({ created: false });
    expect(await admins()).toHaveLength(1);
  });
});
