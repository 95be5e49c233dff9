import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import type { MethodId } from '../../src/domain/forecast/types.ts';
import type { MetricFilters } from '../../src/domain/metrics/query.ts';
import type { Db } from '../../src/store/db.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { opportunity, team, user } from './fixtures.ts';

const NOW = new Date('2026-11-29T12:00:00Z');
const Q3 = { from: '2026-07-01', to: '2026-09-30' };

async function snapshot(
  db: Db,
  periodKey: string,
  start: string,
  end: string,
  asOf: string,
  values: Array<[number, MethodId, number]>,
): Promise<void> {
  const { id } = await db
    .insertInto('forecast_snapshots')
    .values({
      period_key: periodKey,
      period_start: start,
      period_end: end,
      as_of: asOf,
      trigger: 'manual',
      seed: 1,
      currency: 'USD',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('forecast_snapshot_values')
    .values(
      values.map(([rep, method, value]) => ({
        snapshot_id: id,
        scope_key: `rep:${rep}`,
        scope_type: 'rep' as const,
        scope_id: rep,
        method,
        value_minor: value,
        won_to_date_minor: 0,
        low_minor: null,
        high_minor: null,
        details: '{}',
      })),
    )
    .execute();
}

// 2026-Q3: Ann won 100 and Bob 50, Cid nothing. Snapshots: 1 July (start), 6 July (also in the first week, later:
// not read), 8 July (week 2), 14 August (day 44, the week up to the middle, day 46: mid). A month snapshot and
// the unfinished Q4 are not read. Hand-computed: Ann at start 1 - |80 - 100| / 100 = 0.8, Bob 1 - 10 / 50 = 0.8,
// team Alpha 1 - |140 - 150| / 150 = 0.9333, the company 1 - |150 - 150| / 150 = 1; Cid won nothing: no value.
describeStores('forecast_accuracy metric', (ctx) => {
  const ids = { alpha: 0, beta: 0, ann: 0, bob: 0, cid: 0 };
  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    ids.alpha = await team(db, 'Alpha');
    ids.beta = await team(db, 'Beta');
    ids.ann = await user(db, 'Ann', ids.alpha);
    ids.bob = await user(db, 'Bob', ids.alpha);
    ids.cid = await user(db, 'Cid', ids.beta);
    const won = (ownerId: number, amount: number, closedAt: string) =>
      opportunity(db, { ownerId, status: 'won', amount, createdAt: '2026-06-01T10:00:00Z', closedAt });
    await won(ids.ann, 100, '2026-08-10T10:00:00Z');
    await won(ids.bob, 50, '2026-09-01T10:00:00Z');
    await won(ids.ann, 999, '2026-10-05T10:00:00Z');
    const q3 = (asOf: string, values: Array<[number, MethodId, number]>) =>
      snapshot(db, '2026-Q3', '2026-07-01', '2026-10-01', asOf, values);
    await q3('2026-07-01T06:00:00Z', [
      [ids.ann, 'stage_weighted', 80],
      [ids.bob, 'stage_weighted', 60],
      [ids.cid, 'stage_weighted', 10],
      [ids.ann, 'monte_carlo', 100],
    ]);
    await q3('2026-07-06T06:00:00Z', [[ids.ann, 'stage_weighted', 500]]);
    await q3('2026-07-08T06:00:00Z', [
      [ids.ann, 'stage_weighted', 90],
      [ids.bob, 'stage_weighted', 50],
    ]);
    await q3('2026-08-14T06:00:00Z', [[ids.ann, 'stage_weighted', 110]]);
    await snapshot(db, '2026-07', '2026-07-01', '2026-08-01', '2026-07-01T07:00:00Z', [
      [ids.ann, 'stage_weighted', 1],
    ]);
    await snapshot(db, '2026-Q4', '2026-10-01', '2027-01-01', '2026-10-01T06:00:00Z', [
      [ids.ann, 'stage_weighted', 1],
    ]);
  });

  const run = (groupBy: 'rep' | 'team' | 'company', filters: MetricFilters = {}, range = Q3) =>
    runMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      { metricIds: ['forecast_accuracy'], groupBy, ...range, filters },
      { now: NOW },
    );
  const value = (rows: Awaited<ReturnType<typeof run>>, id: number | null) =>
    rows.find((r) => r.groupId === id)?.values.forecast_accuracy;

  it('scores the stage-weighted forecast at quarter start by rep, team and company (hand-computed)', async () => {
    const reps = await run('rep');
    expect(value(reps, ids.ann)).toEqual({ value: 0.8, numerator: 80, denominator: 100 });
    expect(value(reps, ids.bob)?.value).toBeCloseTo(0.8, 12);
    expect(value(reps, ids.cid)?.value ?? null).toBeNull();
    const teams = await run('team');
    expect(value(teams, ids.alpha)?.value).toBeCloseTo(1 - 10 / 150, 12);
    const company = await run('company');
    expect(company[0]?.values.forecast_accuracy?.value).toBe(1);
  });

  it('reads the chosen method and checkpoint, and only quarters that ended in the range', async () => {
    const week2 = await run('rep', { forecastCheckpoint: 'week2' });
    expect(value(week2, ids.ann)?.value).toBeCloseTo(0.9, 12);
    expect(value(week2, ids.bob)?.value).toBe(1);
    const mid = await run('rep', { forecastCheckpoint: 'mid' });
    expect(value(mid, ids.ann)?.value).toBeCloseTo(0.9, 12);
    const mc = await run('rep', { forecastMethod: 'monte_carlo' });
    expect(value(mc, ids.ann)?.value).toBe(1);
    // Q4 has not ended by NOW, so a range holding it has no forecast to score.
    const q4 = await run('rep', {}, { from: '2026-10-01', to: '2026-12-31' });
    expect(value(q4, ids.ann)?.value ?? null).toBeNull();
  });
});
