import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { runBacktest, type BacktestOptions } from '../../src/store/queries/forecast/backtest.ts';
import { forecastDataVersion } from '../../src/store/queries/forecast/stored-checkpoints.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedForecastWorld, type ForecastFixture } from './fixture.ts';

// The track record's checkpoints are kept in the store keyed by a data version that every write a forecast reads
// bumps (migration 0016). A stored run must give the report of a fresh one; a stored row must be what is served
// while nothing changed (proved by altering it); and a write of each kind must make the next run compute again.
describeStores('stored track record', (ctx) => {
  let world: ForecastFixture;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    world = await seedForecastWorld(ctx.db);
  });

  const options = (store: boolean): BacktestOptions => ({
    grain: 'quarter',
    periods: 4,
    weekly: true,
    now: new Date(),
    seed: 3,
    iterations: 100,
    store: store ? ctx.db : undefined,
  });
  const rows = async () =>
    Number(
      (
        await sql<{ n: string }>`select count(*)::text as n from forecast_backtest_checkpoints`.execute(
          ctx.db,
        )
      ).rows[0]?.n,
    );

  it('serves stored checkpoints while the data is unchanged and the same report as computing them', async () => {
    const fresh = await runBacktest(ctx.db, SYSTEM_VIEWER, options(false));
    expect(await rows()).toBe(0);
    const first = await runBacktest(ctx.db, SYSTEM_VIEWER, options(true));
    const scopes = first.scopes.length;
    expect(await rows()).toBe(first.checkpoints * scopes);
    const second = await runBacktest(ctx.db, SYSTEM_VIEWER, options(true));
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);

    // A stored number changed by hand is what the next run reports: it read the row instead of computing.
    await sql`update forecast_backtest_checkpoints set result = jsonb_set(result, '{actual}', '123456789')
      where scope_key = 'company'`.execute(ctx.db);
    const tampered = await runBacktest(ctx.db, SYSTEM_VIEWER, options(true));
    expect(tampered.periods.every((p) => p.actual === 123456789)).toBe(true);
  });

  it('computes again after a write to anything the forecast reads, and not after one it does not', async () => {
    const writes = [
      ['deal', sql`update opportunities set amount_minor = amount_minor + 1 where id = ${world.deals.A}`],
      ['history', sql`delete from opportunity_history where id = (select max(id) from opportunity_history)`],
      ['stage', sql`update stages set probability_pct = probability_pct where id = ${world.stages.Demo}`],
      [
        'pipeline',
        sql`update pipelines set probability_source = 'configured' where id = ${world.pipelineId}`,
      ],
      ['call', sql`delete from forecast_calls`],
      ['holiday', sql`insert into holidays (day, name) values ('2026-03-03', 'Test day')`],
      ['settings', sql`update settings set planned_growth_pct = 5`],
      ['rep', sql`update users set hire_date = '2024-01-01' where id = ${world.r1.id}`],
    ] as const;
    for (const [name, write] of writes) {
      const before = await forecastDataVersion(ctx.db);
      await write.execute(ctx.db);
      expect(await forecastDataVersion(ctx.db), name).not.toBe(before);
    }
    // A sign-in's write to users changes nothing the forecast reads.
    const version = await forecastDataVersion(ctx.db);
    await sql`update users set name = name where id = ${world.r1.id}`.execute(ctx.db);
    expect(await forecastDataVersion(ctx.db)).toBe(version);

    // The hand-altered rows of the previous test are of another version: never read again, and removed.
    const fresh = await runBacktest(ctx.db, SYSTEM_VIEWER, options(false));
    expect(await runBacktest(ctx.db, SYSTEM_VIEWER, options(true))).toEqual(fresh);
    const old = await sql<{ n: string }>`select count(*)::text as n from forecast_backtest_checkpoints
      where data_version <> ${await forecastDataVersion(ctx.db)}::bigint`.execute(ctx.db);
    expect(old.rows[0]?.n).toBe('0');
  });
});
