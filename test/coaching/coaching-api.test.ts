import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { seedUser } from '../support/users.ts';

type App = Awaited<ReturnType<typeof testApp>>;

async function calls(db: Db, userId: number, day: string, n: number) {
  await db
    .insertInto('activities')
    .values(
      Array.from({ length: n }, () => ({
        type: 'call' as const,
        direction: 'outbound' as const,
        user_id: userId,
        occurred_at: `${day}T15:00:00Z`,
      })),
    )
    .execute();
}

// A scorecard of one metric per score, so every number below is computed by hand:
// activity = 100 x min(calls / benchmark, 2), results = 100 x min(won revenue / benchmark, 2).
const CARD = {
  salesRole: null,
  name: 'Test card',
  metrics: [
    { metricId: 'calls', kind: 'leading', benchmark: 10, weight: 1 },
    { metricId: 'won_revenue', kind: 'lagging', benchmark: 100_000, weight: 1 },
  ],
};

describeStores('coaching API and access', (ctx) => {
  let app: App;
  const h: Record<string, AuthHeaders> = {};
  const id: Record<string, number> = {};
  let defaultId = 0;

  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    const team = await ctx.db
      .insertInto('teams')
      .values({ name: 'Alpha' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const admin = await seedUser(ctx.db, { role: 'admin', name: 'Adm' });
    const ann = await seedUser(ctx.db, { role: 'rep', name: 'Ann', teamId: team.id });
    const bob = await seedUser(ctx.db, { role: 'rep', name: 'Bob', teamId: team.id });
    id.ann = ann.id;
    id.bob = bob.id;
    // Bob joined on 1 July with a 2-month ramp: all of July is ramp month 1 of 2, so his benchmarks halve.
    await ctx.db
      .updateTable('users')
      .set({ hire_date: '2026-07-01', ramp_months: 2 })
      .where('id', '=', bob.id)
      .execute();
    await calls(ctx.db, ann.id, '2026-07-07', 5);
    await calls(ctx.db, bob.id, '2026-07-08', 4);
    h.admin = await signIn(app, admin);
    h.ann = await signIn(app, ann);
    h.bob = await signIn(app, bob);
    const list = await app.inject({ method: 'GET', url: '/api/coaching/scorecards', headers: h.ann });
    defaultId = (list.json() as { scorecards: { id: number; salesRole: string | null }[] }).scorecards.find(
      (c) => c.salesRole === null,
    )!.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets only admins change a scorecard, and names every bad line without writing anything', async () => {
    const byRep = await app.inject({
      method: 'PUT',
      url: `/api/coaching/scorecards/${defaultId}`,
      headers: h.ann,
      payload: CARD,
    });
    expect(byRep.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'PUT',
      url: `/api/coaching/scorecards/${defaultId}`,
      headers: h.admin,
      payload: {
        ...CARD,
        metrics: [
          { metricId: 'nope', kind: 'leading', benchmark: 10, weight: 1 },
          { metricId: 'calls', kind: 'leading', benchmark: 0, weight: 1 },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('metrics[0].metricId');
    expect(bad.body).toContain('metrics[1].benchmark');
    const after = await app.inject({ method: 'GET', url: '/api/coaching/scorecards', headers: h.admin });
    expect(after.json().scorecards[0].name).not.toBe('Test card');
    const ok = await app.inject({
      method: 'PUT',
      url: `/api/coaching/scorecards/${defaultId}`,
      headers: h.admin,
      payload: CARD,
    });
    expect(ok.statusCode).toBe(200);
    defaultId = (ok.json() as { id: number }).id;
  });

  it('scores each rep against the ramp-aware benchmark', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/coaching/scorecard?period=2026-07&grain=month',
      headers: h.admin,
    });
    expect(res.statusCode).toBe(200);
    const reps = (res.json() as { reps: { name: string; buckets: Record<string, unknown>[] }[] }).reps;
    // Ann: 5 calls / 10 = 50. Bob: 4 calls / (10 x 1/2) = 80. No won revenue: results 0.
    expect(
      reps.map((r) => [r.name, r.buckets[0]!.activityScore, r.buckets[0]!.resultsScore, r.buckets[0]!.ramp]),
    ).toEqual([
      ['Ann', 50, 0, 1],
      ['Bob', 80, 0, 0.5],
    ]);
  });

  it("shows a rep only their own scorecard and refuses another rep's", async () => {
    const own = await app.inject({
      method: 'GET',
      url: '/api/coaching/scorecard?period=2026-07',
      headers: h.ann,
    });
    expect(own.statusCode).toBe(200);
    expect((own.json() as { reps: { userId: number }[] }).reps.map((r) => r.userId)).toEqual([id.ann]);
    for (const path of [
      'scorecard?period=2026-07',
      'benchmarks?period=2026-07',
      'quadrants?period=2026-07',
    ]) {
      const other = await app.inject({
        method: 'GET',
        url: `/api/coaching/${path}&userId=${id.bob}`,
        headers: h.ann,
      });
      expect(other.statusCode, path).toBe(403);
      expect(other.body).not.toContain('Bob');
    }
  });

  it("gives the peers' median and percentiles, withheld from a rep while the peers are too few to hide", async () => {
    type Body = {
      peers: number;
      activity: { median: number | null };
      reps: {
        userId: number;
        activityPercentile: number | null;
        kpis: { metricId: string; value: number; median: number | null; percentile: number | null }[];
      }[];
    };
    const admin = await app.inject({
      method: 'GET',
      url: `/api/coaching/benchmarks?period=2026-07&userId=${id.ann}`,
      headers: h.admin,
    });
    const all = admin.json() as Body;
    expect(all.peers).toBe(2);
    // Activity scores 50 and 80: median 65; Ann's 50 is the lower of two (mid-rank 25).
    expect(all.activity.median).toBe(65);
    expect(all.reps.map((r) => [r.userId, r.activityPercentile])).toEqual([[id.ann, 25]]);
    const calls = all.reps[0]!.kpis.find((k) => k.metricId === 'calls')!;
    // Calls 5 and 4: median 4.5; Ann's 5 beats one of two (mid-rank 75).
    expect([calls.value, calls.median, calls.percentile]).toEqual([5, 4.5, 75]);

    // Ann herself: her own row only, and with one other peer the median would give Bob's numbers away.
    const res = await app.inject({
      method: 'GET',
      url: '/api/coaching/benchmarks?period=2026-07',
      headers: h.ann,
    });
    expect(res.statusCode).toBe(200);
    const own = res.json() as Body;
    expect(own.reps.map((r) => r.userId)).toEqual([id.ann]);
    expect(own.activity.median).toBeNull();
    expect(own.reps[0]!.activityPercentile).toBeNull();
    expect(own.reps[0]!.kpis.find((k) => k.metricId === 'calls')).toMatchObject({ value: 5, median: null });
    expect(res.body).not.toContain('Bob');
  });

  it('lets managers and admins set quadrant thresholds, naming bad ones', async () => {
    const byRep = await app.inject({
      method: 'PATCH',
      url: '/api/coaching/quadrant-settings',
      headers: h.ann,
      payload: { levelPercentile: 60 },
    });
    expect(byRep.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'PATCH',
      url: '/api/coaching/quadrant-settings',
      headers: h.admin,
      payload: { levelPercentile: 60 },
    });
    expect(ok.json()).toEqual({ levelPercentile: 60, trendSlope: 0, minPeriods: 3 });
    const bad = await app.inject({
      method: 'PATCH',
      url: '/api/coaching/quadrant-settings',
      headers: h.admin,
      payload: { levelPercentile: 150 },
    });
    expect(bad.statusCode).toBe(400);
  });
});
