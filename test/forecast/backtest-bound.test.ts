import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { WEB_MAX_CHECKPOINTS } from '../../src/server/routes/forecast/get-backtest.ts';
import { runBacktest, type BacktestReport } from '../../src/store/queries/forecast/backtest.ts';
import { signIn, testApp } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { seedForecastWorld } from './fixture.ts';

// A weekly backtest of four quarters is 55 forecasts, each rebuilding the pipeline from history: 1.3-1.6 s of CPU
// on the default demo, over the one-second budget of a web request. The API bounds the checkpoints; the period
// starts (the track record and the best method) stay exactly those of the full run.
describeStores('backtest over a web request', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>> | undefined;
  let headers: Record<string, string> = {};
  afterAll(async () => app?.close());
  beforeAll(async () => {
    await truncateAll(ctx.db);
    await seedForecastWorld(ctx.db);
    app = await testApp(ctx.db);
    headers = await signIn(app, await seedUser(ctx.db, { role: 'admin' }));
  });

  const get = async (query: string) => {
    const res = await app!.inject({ method: 'GET', url: `/api/forecast/backtest?${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as BacktestReport;
  };

  it('widens weekly checkpoints to fit the bound and keeps the at-start numbers of the full weekly run', async () => {
    const web = await get('grain=quarter&periods=4&iterations=100');
    const full = await runBacktest(ctx.db, SYSTEM_VIEWER, {
      grain: 'quarter',
      periods: 4,
      weekly: true,
      now: new Date(),
      seed: 1,
      iterations: 100,
    });
    expect(full.checkpoints).toBeGreaterThan(WEB_MAX_CHECKPOINTS);
    expect(full.checkpointDays).toBe(7);
    expect(web.checkpoints).toBeLessThanOrEqual(WEB_MAX_CHECKPOINTS);
    // Four quarters of 89-92 days: every 49 days is 2 checkpoints a quarter (every 42 would be 3, too many).
    expect(web.checkpointDays).toBe(49);
    expect(web.checkpoints).toBe(8);
    // Widened steps keep honest slots: no "week 2" off a weekly schedule, and no middle 49 days in.
    for (const s of web.scopes)
      for (const m of s.methods) {
        expect(m.atWeek2.n + m.atWeek2.skipped).toBe(0);
        expect(m.atMid.n + m.atMid.skipped).toBe(0);
      }
    expect(web.periods).toEqual(full.periods);
    expect(web.scopes.map((s) => [s.scopeKey, s.best, s.methods.map((m) => m.atStart)])).toEqual(
      full.scopes.map((s) => [s.scopeKey, s.best, s.methods.map((m) => m.atStart)]),
    );
  });

  it('falls back to the period starts when no whole-week step fits, and keeps short runs weekly', async () => {
    const months = await get('grain=month&periods=12&iterations=100');
    expect(months).toMatchObject({ checkpoints: 12, checkpointDays: null });
    const two = await get('grain=month&periods=1&iterations=100');
    expect(two.checkpointDays).toBe(7);
    expect(two.checkpoints).toBeLessThanOrEqual(WEB_MAX_CHECKPOINTS);
    expect(await get('weekly=false&iterations=100')).toMatchObject({ checkpoints: 4, checkpointDays: null });
  });
});
