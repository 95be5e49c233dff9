import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER, type Viewer } from '../../src/domain/access/viewer.ts';
import {
  forecastReport,
  forecastReportAllowingStale,
  refreshStoredForecast,
  type ForecastRequest,
} from '../../src/store/queries/forecast/forecast-report.ts';
import {
  claimLiveRefresh,
  releaseLiveRefresh,
} from '../../src/store/queries/forecast/stored-live-results.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedForecastWorld, type ForecastFixture } from './fixture.ts';

// The live forecast is kept per scope, period and as-of day, keyed by the data version (migration 0018). A stored
// report must be the computed one byte for byte; a stored row must be what is served while nothing changed (proved
// by altering it); a write must make the next request compute again; and each viewer must see only its deal lines.
describeStores('stored live forecast', (ctx) => {
  let world: ForecastFixture;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    world = await seedForecastWorld(ctx.db);
  });

  const NOW = new Date('2026-11-10T15:00:00Z');
  const request = (store: boolean, o: Partial<ForecastRequest> = {}): ForecastRequest => ({
    periodKey: '2026-Q4',
    scope: { type: 'company' },
    now: NOW,
    iterations: 200,
    withTrackRecord: true,
    trackRecordStore: ctx.db,
    resultStore: store ? ctx.db : undefined,
    ...o,
  });
  const rows = async () =>
    Number(
      (await sql<{ n: string }>`select count(*)::text as n from forecast_live_results`.execute(ctx.db))
        .rows[0]?.n,
    );

  it('serves the stored report while the data is unchanged, byte for byte the computed one', async () => {
    const fresh = await forecastReport(ctx.db, SYSTEM_VIEWER, request(false));
    expect(await rows()).toBe(0);
    const first = await forecastReport(ctx.db, SYSTEM_VIEWER, request(true));
    expect(await rows()).toBe(1);
    const second = await forecastReport(ctx.db, SYSTEM_VIEWER, request(true));
    expect(JSON.stringify(first)).toBe(JSON.stringify(fresh));
    expect(JSON.stringify(second)).toBe(JSON.stringify(fresh));
    expect(second).toEqual(fresh);

    // A stored number changed by hand is what the next request reports: it read the row instead of computing.
    await sql`update forecast_live_results set report = jsonb_set(report::jsonb, '{seed}', '424242')::json`.execute(
      ctx.db,
    );
    expect((await forecastReport(ctx.db, SYSTEM_VIEWER, request(true))).seed).toBe(424242);
    // Another day, seed or scope is another row.
    const nextDay = request(true, { now: new Date(NOW.getTime() + 86_400_000) });
    expect((await forecastReport(ctx.db, SYSTEM_VIEWER, nextDay)).seed).not.toBe(424242);
    expect((await forecastReport(ctx.db, SYSTEM_VIEWER, request(true, { seed: 9 }))).seed).toBe(9);
    expect(await rows()).toBe(3);
  });

  it('filters the stored deal lines for each viewer as a computed report does', async () => {
    const rep: Viewer = { userId: world.r1.id, role: 'rep', visibleUserIds: [world.r1.id] };
    const everyone = await forecastReport(ctx.db, SYSTEM_VIEWER, request(true, { seed: 5 }));
    const served = await forecastReport(ctx.db, rep, request(true, { seed: 5 }));
    const computed = await forecastReport(ctx.db, rep, request(false, { seed: 5 }));
    expect(served).toEqual(computed);
    expect(served.deals.length).toBeGreaterThan(0);
    expect(served.deals.length).toBeLessThan(everyone.deals.length);
  });

  it('leaves the deal lines out when asked, everything else as with them, stored apart', async () => {
    const full = await forecastReport(ctx.db, SYSTEM_VIEWER, request(true, { seed: 6 }));
    const bare = await forecastReport(ctx.db, SYSTEM_VIEWER, request(true, { seed: 6, withDeals: false }));
    const served = await forecastReport(ctx.db, SYSTEM_VIEWER, request(true, { seed: 6, withDeals: false }));
    expect(full.deals.length).toBeGreaterThan(0);
    expect(bare).toEqual({ ...full, deals: [] });
    expect(served).toEqual(bare);
    expect((await forecastReport(ctx.db, SYSTEM_VIEWER, request(true, { seed: 6 }))).deals).toEqual(
      full.deals,
    );
  });

  it("computes again after a write to what the forecast reads, and drops the key's rows of older versions", async () => {
    await sql`update forecast_live_results set report = jsonb_set(report::jsonb, '{seed}', '424242')::json`.execute(
      ctx.db,
    );
    const before = await rows();
    await sql`update opportunities set amount_minor = amount_minor + 100 where id = ${world.deals.A}`.execute(
      ctx.db,
    );
    const fresh = await forecastReport(ctx.db, SYSTEM_VIEWER, request(false));
    const served = await forecastReport(ctx.db, SYSTEM_VIEWER, request(true));
    expect(JSON.stringify(served)).toBe(JSON.stringify(fresh));
    // The request's key holds the new version's row only; the other keys keep theirs (their stale answers for a
    // page that accepts one, forecastReportAllowingStale) until they are stored again.
    const byVersion = await sql<{ current: boolean; n: string }>`
      select data_version = (select version from forecast_data_version) as current, count(*)::text as n
      from forecast_live_results group by 1 order by 1`.execute(ctx.db);
    expect(byVersion.rows.map((r) => [r.current, Number(r.n)])).toEqual([
      [false, before - 1],
      [true, 1],
    ]);
  });

  it('serves the newest stored row of the key flagged stale when asked to, and nothing of another day', async () => {
    const current = await forecastReportAllowingStale(ctx.db, SYSTEM_VIEWER, request(true));
    expect(current.stale).toBeNull();
    await sql`update opportunities set amount_minor = amount_minor + 100 where id = ${world.deals.A}`.execute(
      ctx.db,
    );
    const stale = await forecastReportAllowingStale(ctx.db, SYSTEM_VIEWER, request(true));
    expect(stale.stale).not.toBeNull();
    expect(JSON.stringify(stale.report)).toBe(JSON.stringify(current.report));
    // Nothing was computed or stored by it.
    expect(await forecastReportAllowingStale(ctx.db, SYSTEM_VIEWER, request(true))).toEqual(stale);
    // Another day has no stored answer: computed, not stale.
    const nextDay = request(true, { now: new Date(NOW.getTime() + 2 * 86_400_000) });
    const computed = await forecastReportAllowingStale(ctx.db, SYSTEM_VIEWER, nextDay);
    expect(computed.stale).toBeNull();
    expect(computed.report.asOf).toEqual(nextDay.now);
    // Once the current answer is stored, it is what the stale path serves.
    const fresh = await forecastReport(ctx.db, SYSTEM_VIEWER, request(true));
    expect(fresh.methods).not.toEqual(current.report.methods);
    expect(await forecastReportAllowingStale(ctx.db, SYSTEM_VIEWER, request(true))).toEqual({
      report: fresh,
      stale: null,
    });
  });

  it('computes a background refresh once: a claim held by another leaves the work to it', async () => {
    const req = request(true, { seed: 21 });
    const write = () =>
      sql`update opportunities set amount_minor = amount_minor + 100 where id = ${world.deals.A}`.execute(
        ctx.db,
      );
    expect(await refreshStoredForecast(ctx.db, SYSTEM_VIEWER, req)).toBe('computed');
    expect(await refreshStoredForecast(ctx.db, SYSTEM_VIEWER, req)).toBe('current');
    await write();
    const { stale: key } = await forecastReportAllowingStale(ctx.db, SYSTEM_VIEWER, req);
    expect(key).not.toBeNull();
    // Another process (or the job) is computing it: nothing is computed here, the answer stays stale.
    expect(await claimLiveRefresh(ctx.db, key ?? '')).toBe(true);
    expect(await claimLiveRefresh(ctx.db, key ?? '')).toBe(false);
    expect(await refreshStoredForecast(ctx.db, SYSTEM_VIEWER, req)).toBe('busy');
    expect((await forecastReportAllowingStale(ctx.db, SYSTEM_VIEWER, req)).stale).toBe(key);
    // Released: computed and stored, and the claim is gone.
    await releaseLiveRefresh(ctx.db, key ?? '');
    expect(await refreshStoredForecast(ctx.db, SYSTEM_VIEWER, req)).toBe('computed');
    expect((await forecastReportAllowingStale(ctx.db, SYSTEM_VIEWER, req)).stale).toBeNull();
    const claims = async () =>
      Number(
        (await sql<{ n: string }>`select count(*)::text as n from forecast_live_refreshes`.execute(ctx.db))
          .rows[0]?.n,
      );
    expect(await claims()).toBe(0);
    // A claim left by a process that died is taken over once it is old.
    await write();
    const { stale: next } = await forecastReportAllowingStale(ctx.db, SYSTEM_VIEWER, req);
    await sql`insert into forecast_live_refreshes (refresh_key, claimed_at)
      values (${next}, now() - interval '1 hour')`.execute(ctx.db);
    expect(await refreshStoredForecast(ctx.db, SYSTEM_VIEWER, req)).toBe('computed');
    expect(await claims()).toBe(0);
  });
});
