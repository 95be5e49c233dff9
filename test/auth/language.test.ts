import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

type App = Awaited<ReturnType<typeof testApp>>;

describeStores("a user's language (issue 19)", (ctx) => {
  let app: App;
  let rep: AuthHeaders;
  let other: AuthHeaders;
  let repId: number;

  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    const r = await seedUser(ctx.db, { role: 'rep' });
    repId = r.id;
    rep = await signIn(app, r);
    other = await signIn(app, await seedUser(ctx.db, { role: 'rep' }));
  });
  afterAll(() => app.close());

  const me = async (h: AuthHeaders) =>
    ((await app.inject({ url: '/api/auth/me', headers: h })).json() as { user: { language: string | null } })
      .user;
  const put = (h: AuthHeaders, payload: unknown) =>
    app.inject({ method: 'PUT', url: '/api/auth/language', headers: h, payload: payload as object });

  it('is null until chosen, then follows the user to /api/auth/me and sign-in, and only they change it', async () => {
    expect((await me(rep)).language).toBeNull();
    const res = await put(rep, { language: 'he' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ language: 'he' });
    expect((await me(rep)).language).toBe('he');
    // Another user's choice is their own.
    expect((await me(other)).language).toBeNull();
    const row = await ctx.db
      .selectFrom('users')
      .select('language')
      .where('id', '=', repId)
      .executeTakeFirstOrThrow();
    expect(row.language).toBe('he');
    // null hands the choice back to the browser.
    expect((await put(rep, { language: null })).statusCode).toBe(200);
    expect((await me(rep)).language).toBeNull();
  });

  it('refuses languages the app does not have, other fields, read-only tokens and anonymous callers', async () => {
    for (const payload of [
      { language: 'de' },
      { language: 'PL' },
      { language: 'pl\u0000' },
      {},
      { language: 'pl', userId: 1 },
    ]) {
      const res = await put(rep, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    // API tokens are an admin's; a read-only one cannot change even its owner's language.
    const admin = await signIn(app, await seedUser(ctx.db, { role: 'admin' }));
    const token = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin,
      payload: { name: 'read', scope: 'read' },
    });
    expect(token.statusCode, token.body).toBe(201);
    expect(
      (await put(bearer((token.json() as { token: string }).token), { language: 'pl' })).statusCode,
    ).toBe(403);
    expect((await put({}, { language: 'pl' })).statusCode).toBe(401);
    expect((await me(rep)).language).toBeNull();
  });
});
