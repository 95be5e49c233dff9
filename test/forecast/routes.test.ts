import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { instantToLocal } from '../../src/domain/calendar/zoned.ts';
import { defaultSeed } from '../../src/domain/forecast/default-seed.ts';
import { getSettings } from '../../src/store/tables/settings.ts';
import { seedForecastWorld, type ForecastFixture } from './fixture.ts';

// Route results depend on the real clock, so these tests pin access rules, call history, reproducibility and the
// planner; the numbers themselves are pinned with an injected `now` in store.test.ts.
describeStores('forecast and plan routes', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let f: ForecastFixture;
  let admin: AuthHeaders;
  let manager: AuthHeaders;
  let rep: AuthHeaders;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    f = await seedForecastWorld(ctx.db);
    app = await testApp(ctx.db);
    admin = await signIn(app, f.admin);
    manager = await signIn(app, f.manager);
    rep = await signIn(app, f.r1);
  });
  afterAll(async () => app?.close());

  it('serves every method side by side, reproducible for a seed, with deal lines filtered for a rep', async () => {
    const url = '/api/forecast?period=2026-Q4&scope=company&seed=11&iterations=500&trackRecord=false';
    const a = await app.inject({ method: 'GET', url, headers: admin });
    expect(a.statusCode).toBe(200);
    const body = a.json();
    expect(body.methods.map((m: { method: string }) => m.method)).toEqual([
      'stage_weighted',
      'judgement',
      'run_rate',
      'cycle_age',
      'monte_carlo',
    ]);
    // The pipeline methods split their projection into open deals and deals still to be created.
    expect(body.newPipeline).toMatchObject({
      value: expect.any(Number),
      dealsPerBusinessDay: expect.any(Number),
    });
    const sw = body.methods.find((m: { method: string }) => m.method === 'stage_weighted');
    expect(sw.inPipeline + sw.toBeCreated).toBe(sw.projected);
    expect(sw.toBeCreated).toBe(body.newPipeline.value);
    const b = await app.inject({ method: 'GET', url, headers: admin });
    expect(b.json().range).toEqual(body.range);
    const mine = await app.inject({ method: 'GET', url, headers: rep });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().deals.every((d: { ownerId: number }) => d.ownerId === f.r1.id)).toBe(true);
    const other = await app.inject({
      method: 'GET',
      url: `/api/forecast?period=2026-Q4&scope=rep:${f.r2.id}`,
      headers: rep,
    });
    expect(other.statusCode).toBe(403);
    const bad = await app.inject({ method: 'GET', url: '/api/forecast?period=2026-Q9', headers: admin });
    expect(bad.statusCode).toBe(400);
    const anonymous = await app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
    const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/forecast',
      '/api/forecast/calls',
      '/api/forecast/snapshots',
      '/api/forecast/backtest',
      '/api/plan',
    ]) {
      expect(openapi.paths[path], path).toBeDefined();
    }
  });

  it('shows the same Monte Carlo range all day without a seed: the default seed hashes scope, period and day', async () => {
    const url =
      '/api/forecast?period=2026-Q4&scope=company&method=monte_carlo&iterations=500&trackRecord=false';
    const a = (await app.inject({ method: 'GET', url, headers: admin })).json();
    const b = (await app.inject({ method: 'GET', url, headers: manager })).json();
    const settings = await getSettings(ctx.db);
    const today = instantToLocal(new Date(), settings.timeZone).date;
    expect(a.seed).toBe(defaultSeed('company', '2026-Q4', today));
    expect(b.seed).toBe(a.seed);
    expect(b.range).toEqual(a.range);
    const team = (
      await app.inject({ method: 'GET', url: url.replace('company', `team:${f.teamId}`), headers: admin })
    ).json();
    expect(team.seed).toBe(defaultSeed(`team:${f.teamId}`, '2026-Q4', today));
    const explicit = (await app.inject({ method: 'GET', url: `${url}&seed=5`, headers: admin })).json();
    expect(explicit.seed).toBe(5);
  });

  it("takes learned probabilities and the brief's cycle-age on request, with the calibration table", async () => {
    const url =
      '/api/forecast?period=2026-Q4&method=cycle_age&trackRecord=false&probabilities=learned&cycleAge=age';
    const res = await app.inject({ method: 'GET', url, headers: manager });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.probabilities).toBe('learned');
    expect(body.methods[0].breakdown.mode).toBe('age');
    const trial = body.calibration.find((c: { stageName: string }) => c.stageName === 'Trial');
    expect(trial).toMatchObject({ configured: 0.6, observed: 1, closed: 6 });
    const bad = await app.inject({
      method: 'GET',
      url: `${url.replace('learned', 'guessed')}`,
      headers: manager,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps a rep call and a manager override, with deal categories, in the call history', async () => {
    const call = await app.inject({
      method: 'PUT',
      url: '/api/forecast/calls',
      headers: rep,
      payload: {
        period: '2026-Q4',
        scope: `rep:${f.r1.id}`,
        amount: 110_000,
        deals: [{ opportunityId: f.deals.A, forecastCategory: 'commit', forecastAmount: 95_000 }],
      },
    });
    expect(call.statusCode).toBe(200);
    expect(call.json()).toMatchObject({
      call: { kind: 'call', amount: 110_000, setBy: f.r1.id },
      dealsUpdated: 1,
    });
    const notMine = await app.inject({
      method: 'PUT',
      url: '/api/forecast/calls',
      headers: rep,
      payload: { period: '2026-Q4', scope: `rep:${f.r2.id}`, amount: 1 },
    });
    expect(notMine.statusCode).toBe(403);
    const override = await app.inject({
      method: 'PUT',
      url: '/api/forecast/calls',
      headers: manager,
      payload: { period: '2026-Q4', scope: `rep:${f.r1.id}`, amount: 90_000, note: 'A slips' },
    });
    expect(override.json()).toMatchObject({ call: { kind: 'override', setBy: f.manager.id } });
    const history = await app.inject({
      method: 'GET',
      url: `/api/forecast/calls?period=2026-Q4&scope=rep:${f.r1.id}`,
      headers: manager,
    });
    expect(history.json().calls.map((c: { kind: string; amount: number }) => [c.kind, c.amount])).toEqual([
      ['override', 90_000],
      ['call', 110_000],
    ]);
    const judged = await app.inject({
      method: 'GET',
      url: `/api/forecast?period=2026-Q4&scope=rep:${f.r1.id}&method=judgement&trackRecord=false`,
      headers: rep,
    });
    expect(judged.json().methods[0]).toMatchObject({
      value: 90_000,
      breakdown: { source: 'override', callAmount: 110_000 },
    });
    const deal = await ctx.db
      .selectFrom('opportunities')
      .select(['forecast_category', 'forecast_amount_minor'])
      .where('id', '=', f.deals.A)
      .executeTakeFirstOrThrow();
    expect(deal).toEqual({ forecast_category: 'commit', forecast_amount_minor: 95_000 });
  });

  it('takes snapshots on demand (managers), lists them, and backtests', async () => {
    const denied = await app.inject({
      method: 'POST',
      url: '/api/forecast/snapshots',
      headers: rep,
      payload: {},
    });
    expect(denied.statusCode).toBe(403);
    const taken = await app.inject({
      method: 'POST',
      url: '/api/forecast/snapshots',
      headers: admin,
      payload: { period: '2026-Q4', seed: 4 },
    });
    expect(taken.statusCode).toBe(201);
    expect(taken.json()).toMatchObject({ periodKey: '2026-Q4', trigger: 'manual' });
    const list = await app.inject({
      method: 'GET',
      url: `/api/forecast/snapshots?period=2026-Q4&scope=team:${f.teamId}`,
      headers: manager,
    });
    expect(list.json().snapshots).toHaveLength(1);
    expect(list.json().snapshots[0].values).toHaveLength(5);
    const bt = await app.inject({
      method: 'GET',
      url: '/api/forecast/backtest?grain=month&periods=2&weekly=false',
      headers: rep,
    });
    expect(bt.statusCode).toBe(200);
    // A rep sees the company and their own scope, not the team or other reps.
    expect(bt.json().scopes.map((s: { scopeKey: string }) => s.scopeKey)).toEqual([
      'company',
      `rep:${f.r1.id}`,
    ]);
    expect(bt.json().yourScope).toBe(`rep:${f.r1.id}`);
    // The blend has its own track record beside the methods'.
    expect(bt.json().scopes[0].blended).toMatchObject({
      atStart: { n: expect.any(Number) },
      beatsBest: expect.toBeOneOf([true, false, null]),
    });
    // What the company's forecast learned at each period start, the same when read back from the stored checkpoints.
    const learned = bt.json().periods.map((p: { learnedAtStart: unknown }) => p.learnedAtStart);
    expect(learned[0]).toMatchObject({
      newPipeline: { dealsPerBusinessDay: expect.any(Number), value: expect.any(Number) },
      stages: expect.arrayContaining([
        expect.objectContaining({
          stageName: 'Discovery',
          used: expect.any(Number),
          timingFactor: expect.any(Number),
        }),
      ]),
    });
    const again = await app.inject({
      method: 'GET',
      url: '/api/forecast/backtest?grain=month&periods=2&weekly=false',
      headers: rep,
    });
    expect(again.json().periods.map((p: { learnedAtStart: unknown }) => p.learnedAtStart)).toEqual(learned);

    // Without a seed a snapshot stores the range the page shows today for each scope.
    const unseeded = await app.inject({
      method: 'POST',
      url: '/api/forecast/snapshots',
      headers: admin,
      payload: { period: '2026-Q4' },
    });
    expect(unseeded.statusCode).toBe(201);
    const scope = `team:${f.teamId}`;
    const snaps = (
      await app.inject({
        method: 'GET',
        url: `/api/forecast/snapshots?period=2026-Q4&scope=${scope}`,
        headers: admin,
      })
    ).json().snapshots;
    const mc = snaps[1].values.find((v: { method: string }) => v.method === 'monte_carlo');
    const page = (
      await app.inject({
        method: 'GET',
        url: `/api/forecast?period=2026-Q4&scope=${scope}&method=monte_carlo&trackRecord=false`,
        headers: admin,
      })
    ).json();
    expect([mc.low, mc.high]).toEqual([page.range.p10, page.range.p90]);
  });

  it("plans the brief's funnel: 500 leads for 50 customers, and 120 leads make 12 at 10%", async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/plan',
      headers: rep,
      payload: {
        period: '2026-11',
        targetWins: 50,
        leads: 120,
        avgDealSize: 5_000,
        stages: [
          { id: 'lead', label: 'Leads', reach: 1 },
          { id: 'quote', label: 'Quotes', reach: 0.5 },
          { id: 'negotiation', label: 'Negotiation', reach: 0.2 },
          { id: 'won', label: 'Customers', reach: 0.1 },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const plan = res.json().plan;
    expect(plan.required.map((s: { required: number }) => s.required)).toEqual([500, 250, 100, 50]);
    expect(plan.projectedWins).toBeCloseTo(12, 10);
    expect(plan.projectedRevenue).toBe(60_000);
    const observed = await app.inject({
      method: 'GET',
      url: '/api/plan?period=2026-Q4&targetRevenue=500000',
      headers: admin,
    });
    expect(observed.statusCode).toBe(200);
    expect(observed.json().rates).toBe('observed');
  });
});
