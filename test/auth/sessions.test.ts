import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeStores, truncateAll } from '../support/stores.ts';
import { signIn, testApp } from '../support/app.ts';
import { seedUser } from '../support/users.ts';

describeStores('sessions, CSRF and sign-in throttling', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    app = await testApp(ctx.db);
  });
  afterAll(async () => app?.close());
  beforeEach(async () => truncateAll(ctx.db));

  it('stores only an argon2id hash of the password', async () => {
    const u = await seedUser(ctx.db, { role: 'rep', password: 'tango-foxtrot-42' });
    const row = await ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain('tango-foxtrot-42');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, Secure only over HTTPS in auto mode, and stores only its hash', async () => {
    const u = await seedUser(ctx.db, { role: 'rep' });
    const plain = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: u.password },
    });
    expect(plain.statusCode).toBe(200);
    const cookie = plain.cookies.find((c) => c.name === 'pacesetter_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    const sessions = await ctx.db.selectFrom('sessions').select(['token_hash']).execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.token_hash).not.toBe(cookie?.value);
    expect(sessions[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // Secure behind a TLS-terminating proxy: test/auth/proxy-trust.test.ts (X-Forwarded-Proto from a trusted hop).
  });

  it('rejects anonymous API calls with 401 but keeps /api/health public', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    });
    const forged = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'pacesetter_session=pss_forged' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in first', details: [] },
    });
  });

  it('refuses a cross-site form post to the sign-in endpoint (JSON only)', async () => {
    const u = await seedUser(ctx.db, { role: 'rep' });
    const form = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(u.email)}&password=${encodeURIComponent(u.password)}`,
    });
    expect(form.statusCode).toBeGreaterThanOrEqual(400);
    expect(form.cookies).toEqual([]);
    const plain = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ email: u.email, password: u.password }),
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.cookies).toEqual([]);
  });

  it('answers unknown email and wrong password identically', async () => {
    const u = await seedUser(ctx.db, { role: 'rep' });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: 'nope-nope-nope' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ghost@example.test', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
  });

  it('refuses cookie-authenticated state changes without the CSRF header (403 csrf), accepts them with it', async () => {
    const u = await seedUser(ctx.db, { role: 'rep' });
    const headers = await signIn(app, u);
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: headers.cookie as string },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: u.id, role: 'rep' },
      via: 'session',
      csrfToken: headers['x-csrf-token'],
    });

    const formPost = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: headers.cookie as string, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'x=1',
    });
    expect(formPost.statusCode).toBe(403);
    expect(formPost.json().error.code).toBe('csrf');
    const wrongToken = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: headers.cookie as string, 'x-csrf-token': 'guess' },
    });
    expect(wrongToken.statusCode).toBe(403);

    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ signedOut: true });
    // The session is gone server-side: replaying the old cookie fails.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('throttles repeated bad passwords per email with 429 and Retry-After, even for the right password', async () => {
    const u = await seedUser(ctx.db, { role: 'rep' });
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: u.email, password: `wrong-${i}-xxxxx` },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email.toUpperCase(), password: u.password },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    const wait = Number(blocked.headers['retry-after']);
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // Another account from the same IP is not blocked yet (IP limit is 20).
    const other = await seedUser(ctx.db, { role: 'rep' });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: other.email, password: other.password },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('expires sessions after 12 idle hours or 7 days in all', async () => {
    const u = await seedUser(ctx.db, { role: 'rep' });
    const idle = await signIn(app, u);
    const old = await signIn(app, u);
    const fresh = await signIn(app, u);
    const [s1, s2] = await ctx.db.selectFrom('sessions').select('id').orderBy('id').execute();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: hoursAgo(12.1) })
      .where('id', '=', s1!.id)
      .execute();
    await ctx.db
      .updateTable('sessions')
      .set({ expires_at: hoursAgo(0.01) })
      .where('id', '=', s2!.id)
      .execute();
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: idle })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: old })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: fresh })).statusCode).toBe(200);
    const row = await ctx.db
      .selectFrom('sessions')
      .select(['created_at', 'expires_at'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(7 * 24 * 3_600_000);
  });

  it('does not let deactivated users sign in, and ends their live sessions', async () => {
    const u = await seedUser(ctx.db, { role: 'rep' });
    const headers = await signIn(app, u);
    await ctx.db.updateTable('users').set({ active: false }).where('id', '=', u.id).execute();
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: u.email, password: u.password },
    });
    expect(r.statusCode).toBe(401);
  });

  it('changes the password only with the current one and ends the other sessions', async () => {
    const u = await seedUser(ctx.db, { role: 'manager' });
    const a = await signIn(app, u);
    const b = await signIn(app, u);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a,
      payload: { currentPassword: 'not-it-at-all', newPassword: 'a brand new secret' },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a,
      payload: { currentPassword: u.password, newPassword: 'a brand new secret' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ otherSessionsEnded: 1 });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: a })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: b })).statusCode).toBe(401);
    await expect(signIn(app, u)).rejects.toThrow(/401/);
    await signIn(app, { email: u.email, password: 'a brand new secret' });
    const audit = await ctx.db.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((e) => [e.action, e.entity, e.entity_id, e.actor_user_id])).toEqual([
      ['change_password', 'user', String(u.id), u.id],
    ]);
  });
});
