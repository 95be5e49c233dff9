import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeStores, truncateAll } from '../support/stores.ts';
import { bearer, signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { seedUser } from '../support/users.ts';

describeStores('API tokens, admin writes and the audit log', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let admin: { id: number; email: string; password: string };
  let adminHeaders: AuthHeaders;
  beforeAll(async () => {
    app = await testApp(ctx.db);
  });
  afterAll(async () => app?.close());
  beforeEach(async () => {
    await truncateAll(ctx.db);
    admin = await seedUser(ctx.db, { role: 'admin' });
    adminHeaders = await signIn(app, admin);
  });

  const createToken = async (scope: 'read' | 'write') => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: adminHeaders,
      payload: { name: `BI ${scope}`, scope },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number; token: string; hint: string };
  };

  it('shows a token once, stores only its hash, and lists it without the secret', async () => {
    const t = await createToken('read');
    expect(t.token).toMatch(/^pst_[A-Za-z0-9_-]{43}$/);
    expect(t.hint).toBe(t.token.slice(-4));
    const row = await ctx.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(t.token);
    const list = await app.inject({ method: 'GET', url: '/api/tokens', headers: adminHeaders });
    expect(list.body).not.toContain(t.token);
    expect(list.json().items).toMatchObject([{ id: t.id, scope: 'read', lastUsedAt: null, revokedAt: null }]);
  });

  it('a read token reads as its admin but cannot POST; a write token can, without CSRF', async () => {
    const read = await createToken('read');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(read.token) });
    expect(me.json()).toMatchObject({
      user: { id: admin.id },
      via: 'token',
      tokenScope: 'read',
      csrfToken: null,
    });
    const lastUsed = await ctx.db.selectFrom('api_tokens').select('last_used_at').executeTakeFirstOrThrow();
    expect(lastUsed.last_used_at).toBeInstanceOf(Date);
    const post = await app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: bearer(read.token),
      payload: { name: 'X' },
    });
    expect(post.statusCode).toBe(403);
    expect(await ctx.db.selectFrom('teams').selectAll().execute()).toEqual([]);

    const write = await createToken('write');
    const ok = await app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: bearer(write.token),
      payload: { name: 'X' },
    });
    expect(ok.statusCode).toBe(201);
    // Tokens cannot mint tokens (a leaked token must not be able to persist itself).
    const mint = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(write.token),
      payload: { name: 'again', scope: 'write' },
    });
    expect(mint.statusCode).toBe(403);
  });

  it('a revoked token stops working at once', async () => {
    const t = await createToken('write');
    expect(
      (await app.inject({ method: 'GET', url: '/api/users', headers: bearer(t.token) })).statusCode,
    ).toBe(200);
    const del = await app.inject({ method: 'DELETE', url: `/api/tokens/${t.id}`, headers: adminHeaders });
    expect(del.statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/api/users', headers: bearer(t.token) });
    expect(after.statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/tokens/${t.id}`, headers: adminHeaders })).statusCode,
    ).toBe(404);
  });

  it('throttles guessing bearer tokens per IP, but never a valid token from that IP', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await app.inject({ method: 'GET', url: '/api/users', headers: bearer(`pst_guess${i}`) });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await app.inject({ method: 'GET', url: '/api/users', headers: bearer('pst_guess20') });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Issue 11, item 6: bad tokens from a shared address (an office, a proxy) must not lock out valid ones.
    const t = await createToken('read');
    const valid = await app.inject({ method: 'GET', url: '/api/users', headers: bearer(t.token) });
    expect(valid.statusCode).toBe(200);
    const stillBlocked = await app.inject({
      method: 'GET',
      url: '/api/users',
      headers: bearer('pst_guess21'),
    });
    expect(stillBlocked.statusCode).toBe(429);
  });

  it('only admins create tokens, users and teams or read the audit log', async () => {
    const manager = await seedUser(ctx.db, { role: 'manager' });
    const h = await signIn(app, manager);
    for (const [method, url, payload] of [
      ['POST', '/api/tokens', { name: 'x', scope: 'read' }],
      ['POST', '/api/users', { name: 'x', email: 'x@example.test', role: 'rep' }],
      ['POST', '/api/teams', { name: 'x' }],
      ['GET', '/api/audit', undefined],
      ['GET', '/api/tokens', undefined],
    ] as const) {
      const r = await app.inject({ method, url, headers: h, payload });
      expect(r.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('audits user, team and token changes with before/after and never a password', async () => {
    const team = await app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: adminHeaders,
      payload: { name: 'North' },
    });
    const teamId = team.json().id as number;
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminHeaders,
      payload: {
        name: 'Ann',
        email: 'Ann@Example.test',
        role: 'rep',
        teamId,
        password: 'ann-secret-password',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'ann@example.test', hasPassword: true, teamId });
    const userId = created.json().id as number;
    const dup = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminHeaders,
      payload: { name: 'Ann 2', email: 'ann@example.test', role: 'rep' },
    });
    expect(dup.statusCode).toBe(409);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/users/${userId}`,
      headers: adminHeaders,
      payload: { role: 'manager' },
    });
    expect(patched.json()).toMatchObject({ role: 'manager' });
    await signIn(app, { email: 'ann@example.test', password: 'ann-secret-password' });
    const t = await createToken('read');
    await app.inject({ method: 'DELETE', url: `/api/tokens/${t.id}`, headers: adminHeaders });

    const audit = await app.inject({ method: 'GET', url: '/api/audit?limit=10', headers: adminHeaders });
    expect(audit.statusCode).toBe(200);
    const items = audit.json().items as Array<{
      action: string;
      entity: string;
      actor: string;
      before: unknown;
      after: unknown;
    }>;
    expect(items.map((i) => `${i.action} ${i.entity}`)).toEqual([
      'revoke api_token',
      'create api_token',
      'update user',
      'create user',
      'create team',
    ]);
    expect(items.every((i) => i.actor === admin.email)).toBe(true);
    expect(items[2]).toMatchObject({ before: { role: 'rep' }, after: { role: 'manager' } });
    expect(audit.body).not.toContain('ann-secret-password');
    expect(audit.body).not.toContain('argon2');
    const byEntity = await app.inject({
      method: 'GET',
      url: `/api/audit?entity=user&entityId=${userId}`,
      headers: adminHeaders,
    });
    expect(byEntity.json().total).toBe(2);
  });

  it('keeps the last admin and rejects team cycles', async () => {
    const demote = await app.inject({
      method: 'PATCH',
      url: `/api/users/${admin.id}`,
      headers: adminHeaders,
      payload: { role: 'rep' },
    });
    expect(demote.statusCode).toBe(409);
    const a = (
      await app.inject({ method: 'POST', url: '/api/teams', headers: adminHeaders, payload: { name: 'A' } })
    ).json();
    const b = (
      await app.inject({
        method: 'POST',
        url: '/api/teams',
        headers: adminHeaders,
        payload: { name: 'B', parentTeamId: a.id },
      })
    ).json();
    const loop = await app.inject({
      method: 'PATCH',
      url: `/api/teams/${a.id}`,
      headers: adminHeaders,
      payload: { parentTeamId: b.id },
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.details[0]).toMatchObject({ field: 'parentTeamId' });
  });

  it('deactivating a user ends their sessions', async () => {
    const rep = await seedUser(ctx.db, { role: 'rep' });
    const h = await signIn(app, rep);
    const r = await app.inject({
      method: 'PATCH',
      url: `/api/users/${rep.id}`,
      headers: adminHeaders,
      payload: { active: false },
    });
    expect(r.statusCode).toBe(200);
    expect(await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', rep.id).execute()).toEqual(
      [],
    );
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: h })).statusCode).toBe(401);
  });
});
