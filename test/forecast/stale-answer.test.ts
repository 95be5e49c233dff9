import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedForecastWorld, type ForecastFixture } from './fixture.ts';

interface Answer {
  asOf: string;
  stale: boolean;
  seed: number;
  methods: Array<{ method: string; value: number }>;
  deals: Array<{ opportunityId: number; ownerId: number | null }>;
}

// GET /api/forecast?stale=allow (the manager home's panel): after a write, the stored answer of the same scope,
// period, day and options comes back at once flagged stale with the instant it was made, while the current one is
// computed in the background and then served; the default request still computes the current answer; the viewer's
// deal filter applies on the stale path as on the others.
describeStores('forecast: a stale answer on request', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let f: ForecastFixture;
  let admin: AuthHeaders;
  let rep: AuthHeaders;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    f = await seedForecastWorld(ctx.db);
    app = await testApp(ctx.db);
    admin = await signIn(app, f.admin);
    rep = await signIn(app, f.r1);
  });
  afterAll(async () => app?.close());

  const base = '/api/forecast?period=2026-Q4&scope=company&seed=3&iterations=300&trackRecord=true';
  const get = async (url: string, headers: AuthHeaders): Promise<Answer> => {
    const res = await app.inject({ method: 'GET', url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const value = (a: Answer, method: string) => a.methods.find((m) => m.method === method)?.value;
  /** Asks with stale=allow until the answer is current (the background computation has stored it). */
  const current = async (url: string, headers: AuthHeaders): Promise<Answer> => {
    for (let i = 0; i < 300; i++) {
      const a = await get(url, headers);
      if (!a.stale) return a;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${url} stayed stale`);
  };
  // A change to an open deal closing in the period: the stage-weighted number moves.
  const write = () =>
    sql`update opportunities set amount_minor = amount_minor + 10000 where id = ${f.deals.B}`.execute(ctx.db);

  it('returns the stored answer flagged stale after a write, then the current one once computed', async () => {
    const url = `${base}&deals=false&stale=allow`;
    // Nothing stored yet: computed as by default, not stale.
    const first = await get(url, admin);
    expect(first.stale).toBe(false);
    expect(await get(url, admin)).toEqual(first);

    await write();
    const started = Date.now();
    const stale = await get(url, admin);
    expect(stale.stale).toBe(true);
    // The very answer made before the write, with the instant it was made at.
    expect(stale).toEqual({ ...first, stale: true });

    const fresh = await current(url, admin);
    expect(Date.parse(fresh.asOf)).toBeGreaterThanOrEqual(started);
    expect(value(fresh, 'stage_weighted')).not.toBe(value(first, 'stage_weighted'));
    // What the default (always current) request gives: it is now served the same stored answer.
    const byDefault = await get(`${base}&deals=false`, admin);
    expect(byDefault).toEqual(fresh);
    // Same data, same answer: the seed and the range hold.
    expect(fresh.seed).toBe(3);
  }, 120_000);

  it('leaves the default request current: after a write it computes, it never serves the older answer', async () => {
    const url = `${base}&deals=false`;
    const before = await get(url, admin);
    expect(before.stale).toBe(false);
    await write();
    const started = Date.now();
    const after = await get(url, admin);
    expect(after.stale).toBe(false);
    expect(Date.parse(after.asOf)).toBeGreaterThanOrEqual(started);
    expect(value(after, 'stage_weighted')).not.toBe(value(before, 'stage_weighted'));
    // The stale path now finds that current answer: not stale.
    expect(await get(`${url}&stale=allow`, admin)).toEqual(after);
  }, 120_000);

  it("filters the deal lines of a stale answer for the viewer: a rep gets only the rep's own", async () => {
    const url = `${base}&deals=true&stale=allow`;
    const all = await current(url, admin);
    expect(all.deals.some((d) => d.ownerId === f.r2.id)).toBe(true);
    await write();
    // The first request after the write is served the stored answer (it starts the computation, which the next
    // requests may already find done).
    const mine = await get(url, rep);
    expect(mine.stale).toBe(true);
    expect(mine.asOf).toBe(all.asOf);
    expect(mine.deals.length).toBeGreaterThan(0);
    expect(mine.deals.every((d) => d.ownerId === f.r1.id)).toBe(true);
    expect(mine.deals).toEqual(all.deals.filter((d) => d.ownerId === f.r1.id));
    // Another rep's scope stays refused on the stale path.
    const other = await app.inject({
      method: 'GET',
      url: `/api/forecast?period=2026-Q4&scope=rep:${f.r2.id}&stale=allow`,
      headers: rep,
    });
    expect(other.statusCode).toBe(403);
    const fresh = await current(url, rep);
    expect(fresh.deals.every((d) => d.ownerId === f.r1.id)).toBe(true);
  }, 120_000);

  it('documents the option in the OpenAPI schema', async () => {
    const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const params: Array<{ name: string; schema: { enum?: string[]; default?: string } }> =
      openapi.paths['/api/forecast'].get.parameters;
    const stale = params.find((p) => p.name === 'stale');
    expect(stale?.schema).toMatchObject({ enum: ['allow', 'never'], default: 'never' });
    const body = openapi.paths['/api/forecast'].get.responses['200'].content['application/json'].schema;
    expect(body.properties.stale.type).toBe('boolean');
  });
});
