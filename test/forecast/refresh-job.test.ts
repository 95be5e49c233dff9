import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { instantToLocal } from '../../src/domain/calendar/zoned.ts';
import { forecastRefreshJob } from '../../src/jobs/definitions/forecast-refresh.ts';
import { runJobOnce } from '../../src/jobs/runner.ts';
import {
  forecastRequestOf,
  managerHomeForecastQuery,
} from '../../src/server/routes/forecast/forecast-query.ts';
import { forecastReport } from '../../src/store/queries/forecast/forecast-report.ts';
import { getSettings, updateSettings } from '../../src/store/tables/settings.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedForecastWorld, type ForecastFixture } from './fixture.ts';

// The forecast-refresh job stores the manager home's forecast after a data change, so the page's request (the URL
// web/src/pages/manager/ForecastPanel.tsx asks for) is served the stored answer: proved by altering the stored row
// and reading the alteration through the route. The route reads the real clock, so the job runs at the real now.
describeStores('forecast-refresh job', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let f: ForecastFixture;
  let manager: AuthHeaders;
  let url: string;
  let period: string;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    f = await seedForecastWorld(ctx.db);
    app = await testApp(ctx.db);
    manager = await signIn(app, f.manager);
    // A fiscal year from February, as in the demo: the page still asks for the calendar quarter, as the web app
    // computes it (web/src/period/ranges.ts, periodKeyFor), which the job must ask for too.
    await updateSettings(ctx.db, { fiscalYearStartMonth: 2 });
    const settings = await getSettings(ctx.db);
    const [y, m] = instantToLocal(new Date(), settings.timeZone).date.split('-').map(Number) as [
      number,
      number,
    ];
    period = `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    url = `/api/forecast?period=${period}&scope=company&seed=1&trackRecord=true&deals=false`;
  });
  afterAll(async () => app?.close());

  const rows = async () =>
    Number(
      (await sql<{ n: string }>`select count(*)::text as n from forecast_live_results`.execute(ctx.db))
        .rows[0]?.n,
    );
  const tamper = () =>
    sql`update forecast_live_results set report = jsonb_set(report::jsonb, '{seed}', '424242')::json`.execute(
      ctx.db,
    );
  const page = async () => {
    const res = await app.inject({ method: 'GET', url, headers: manager });
    expect(res.statusCode).toBe(200);
    return res.json() as { seed: number; asOf: string };
  };

  it('stores the page forecast after a write, which the page is then served, and is quiet while nothing changes', async () => {
    await sql`delete from forecast_live_results`.execute(ctx.db);
    const first = await runJobOnce(ctx.db, forecastRefreshJob, new Date());
    expect(first).toMatchObject({
      ran: true,
      summary: `manager home forecast ${period} computed and stored`,
    });
    expect(await rows()).toBe(1);
    await tamper();
    expect((await page()).seed).toBe(424242);

    // Nothing changed: the job reads the stored answer and leaves it (still the altered one).
    const quiet = await runJobOnce(ctx.db, forecastRefreshJob, new Date());
    expect(quiet).toMatchObject({ ran: true, summary: '' });
    expect((await page()).seed).toBe(424242);

    // A write moves the data version (a statement-level trigger, even with no row changed): the job computes again
    // and the page is served that new answer, the one a computed request gives.
    await sql`update stages set name = name where false`.execute(ctx.db);
    const now = new Date();
    const again = await runJobOnce(ctx.db, forecastRefreshJob, now);
    expect(again).toMatchObject({
      ran: true,
      summary: `manager home forecast ${period} computed and stored`,
    });
    const served = await page();
    expect(served.seed).toBe(1);
    expect(served.asOf).toBe(now.toISOString());
    const computed = await forecastReport(ctx.db, SYSTEM_VIEWER, {
      ...forecastRequestOf(managerHomeForecastQuery(period), now, ctx.db),
      resultStore: undefined,
    });
    // The route's response schema sets the key order of its JSON, so the answers are compared as values.
    expect(served).toEqual({ ...JSON.parse(JSON.stringify(computed)), stale: false });
  }, 120_000);
});
