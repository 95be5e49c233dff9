import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import type { MetricQuery } from '../../src/domain/metrics/query.ts';
import { pipelineAtDate } from '../../src/store/queries/pipeline-at-date.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { opportunity, pipeline, team, user } from './fixtures.ts';

const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const NOW = new Date('2026-11-23T12:00:00Z');

describeStores('deal metrics', (ctx) => {
  const ids = { a: 0, b: 0, c: 0, t: 0, o1: 0, o2: 0 };
  const run = (metricIds: string[], q: Partial<MetricQuery> = {}) =>
    runMetrics(ctx.db, SYSTEM_VIEWER, { metricIds, groupBy: 'rep', ...Q3, ...q }, { now: NOW });
  const byName = (rows: Awaited<ReturnType<typeof run>>, name: string) =>
    rows.find((r) => r.groupName === name)!.values;

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    const p = await pipeline(db);
    ids.t = await team(db, 'Closers');
    ids.a = await user(db, 'Ann', ids.t);
    ids.b = await user(db, 'Bob', ids.t);
    ids.c = await user(db, 'Cy');
    const a = ids.a;
    await opportunity(db, {
      ownerId: a,
      status: 'won',
      amount: 10_000,
      createdAt: '2026-06-01T00:00:00Z',
      closedAt: '2026-07-11T00:00:00Z',
    });
    await opportunity(db, {
      ownerId: a,
      status: 'won',
      amount: 20_000,
      type: 'upsell',
      createdAt: '2026-07-01T00:00:00Z',
      closedAt: '2026-07-21T00:00:00Z',
      leadSource: 'Web',
    });
    // Another currency: a won deal, but no revenue in the workspace currency.
    await opportunity(db, {
      ownerId: a,
      status: 'won',
      amount: 5_000,
      currency: 'EUR',
      type: 'renewal',
      createdAt: '2026-07-01T00:00:00Z',
      closedAt: '2026-08-01T00:00:00Z',
    });
    await opportunity(db, {
      ownerId: a,
      status: 'won',
      amount: 3_000,
      type: 'renewal',
      createdAt: '2026-08-01T00:00:00Z',
      closedAt: '2026-08-31T00:00:00Z',
    });
    await opportunity(db, {
      ownerId: a,
      status: 'lost',
      amount: 7_000,
      createdAt: '2026-05-01T00:00:00Z',
      closedAt: '2026-07-15T00:00:00Z',
    });
    await opportunity(db, {
      ownerId: a,
      status: 'lost',
      amount: 9_000,
      createdAt: '2026-05-01T00:00:00Z',
      closedAt: '2026-09-15T00:00:00Z',
    });
    await opportunity(db, {
      ownerId: a,
      status: 'won',
      amount: 50_000,
      createdAt: '2026-05-01T00:00:00Z',
      closedAt: '2026-10-01T00:00:00Z',
    });
    // Open now in Trial at 18,000; at the end of Q3 it was in Demo at 12,000.
    ids.o1 = await opportunity(db, {
      ownerId: a,
      status: 'open',
      amount: 18_000,
      stage: 'Trial',
      createdAt: '2026-07-05T00:00:00Z',
    });
    // Won after Q3; open in Qualified at 8,000 at the end of Q3.
    ids.o2 = await opportunity(db, {
      ownerId: a,
      status: 'won',
      amount: 8_000,
      createdAt: '2026-08-01T00:00:00Z',
      closedAt: '2026-10-05T00:00:00Z',
    });
    await opportunity(db, { ownerId: a, status: 'open', amount: 99_000, createdAt: '2026-10-02T00:00:00Z' });
    await db
      .insertInto('opportunity_history')
      .values([
        {
          opportunity_id: ids.o1,
          changed_at: '2026-07-05T00:00:00Z',
          stage_id: p.stage('Discovery'),
          amount_minor: 15_000,
          owner_id: a,
        },
        {
          opportunity_id: ids.o1,
          changed_at: '2026-09-15T00:00:00Z',
          stage_id: p.stage('Demo'),
          amount_minor: 12_000,
          owner_id: a,
        },
        {
          opportunity_id: ids.o1,
          changed_at: '2026-10-10T00:00:00Z',
          stage_id: p.stage('Trial'),
          amount_minor: 18_000,
          owner_id: a,
        },
        {
          opportunity_id: ids.o2,
          changed_at: '2026-08-01T00:00:00Z',
          stage_id: p.stage('Qualified'),
          amount_minor: 8_000,
          owner_id: a,
        },
        {
          opportunity_id: ids.o2,
          changed_at: '2026-10-05T00:00:00Z',
          stage_id: p.stage('Won'),
          amount_minor: 8_000,
          owner_id: a,
        },
      ])
      .execute();
    await opportunity(db, {
      ownerId: ids.b,
      status: 'won',
      amount: 5_000,
      createdAt: '2026-07-01T00:00:00Z',
      closedAt: '2026-07-02T00:00:00Z',
    });
    await opportunity(db, {
      ownerId: ids.c,
      status: 'won',
      amount: 1_000,
      createdAt: '2026-07-01T00:00:00Z',
      closedAt: '2026-07-02T00:00:00Z',
    });
    // Quotas: Ann 30,000 for the quarter; Bob 2,000 every month (3 whole months in Q3); Cy none.
    await db
      .insertInto('goals')
      .values([
        {
          name: 'Ann Q3',
          metric_id: 'won_revenue',
          scope_type: 'user',
          scope_id: a,
          grain: 'quarter',
          period_key: '2026-Q3',
          target: 30_000,
        },
        {
          name: 'Bob monthly',
          metric_id: 'won_revenue',
          scope_type: 'user',
          scope_id: ids.b,
          grain: 'month',
          period_key: null,
          target: 2_000,
        },
        {
          name: 'Ann calls',
          metric_id: 'calls',
          scope_type: 'user',
          scope_id: a,
          grain: 'quarter',
          period_key: '2026-Q3',
          target: 999,
        },
        {
          name: 'Ann Q4',
          metric_id: 'won_revenue',
          scope_type: 'user',
          scope_id: a,
          grain: 'quarter',
          period_key: '2026-Q4',
          target: 1,
        },
      ])
      .execute();
  });

  it('counts wins, losses and revenue by type in the workspace currency', async () => {
    const ann = byName(
      await run([
        'won_count',
        'lost_count',
        'win_rate',
        'won_revenue',
        'avg_deal_size',
        'new_business_revenue',
        'upsell_revenue',
        'renewal_revenue',
        'opportunities_created',
      ]),
      'Ann',
    );
    expect(ann.won_count?.value).toBe(4);
    expect(ann.lost_count?.value).toBe(2);
    expect(ann.win_rate).toEqual({ value: 4 / 6, numerator: 4, denominator: 6 });
    expect(ann.won_revenue?.value).toBe(33_000);
    // The EUR deal is neither in the revenue nor in the deal count of the average.
    expect(ann.avg_deal_size).toEqual({ value: 11_000, numerator: 33_000, denominator: 3 });
    expect([ann.new_business_revenue?.value, ann.upsell_revenue?.value, ann.renewal_revenue?.value]).toEqual([
      10_000, 20_000, 3_000,
    ]);
    // Created in Q3: upsell, EUR renewal, renewal, the open Trial deal and the one won in October.
    expect(ann.opportunities_created?.value).toBe(5);
  });

  it('measures the sales cycle of won deals in calendar days', async () => {
    const ann = byName(await run(['sales_cycle_days_median', 'sales_cycle_days_mean']), 'Ann');
    // 40, 20, 31, 30 days.
    expect(ann.sales_cycle_days_median?.value).toBe(30.5);
    expect(ann.sales_cycle_days_mean?.value).toBe(30.25);
  });

  it('rebuilds the pipeline at the end of a past period from stage history', async () => {
    const ann = byName(await run(['pipeline_value', 'weighted_pipeline']), 'Ann');
    // Demo 12,000 x 40% + Qualified 8,000 x 20%.
    expect(ann.pipeline_value?.value).toBe(20_000);
    expect(ann.weighted_pipeline?.value).toBe(6_400);
    const entries = await pipelineAtDate(ctx.db, SYSTEM_VIEWER, new Date('2026-09-30T23:59:59Z'));
    expect(entries.map((e) => [e.opportunityId, e.amountMinor, e.probabilityPct])).toEqual([
      [ids.o1, 12_000, 40],
      [ids.o2, 8_000, 20],
    ]);
    // Row-level data: another rep sees none of Ann's deals.
    const bob = { userId: ids.b, role: 'rep' as const, visibleUserIds: [ids.b] };
    expect(await pipelineAtDate(ctx.db, bob, new Date('2026-09-30T23:59:59Z'))).toEqual([]);
    // Monthly buckets: end of July only the Discovery deal (15,000), end of August both.
    const months = (await run(['pipeline_value'], { grain: 'month' })).filter((r) => r.groupName === 'Ann');
    expect(months.map((r) => [r.period, r.values.pipeline_value?.value])).toEqual([
      ['2026-07', 15_000],
      ['2026-08', 23_000],
      ['2026-09', 20_000],
    ]);
  });

  it('computes quota attainment per rep and the share of reps at quota from per-rep values', async () => {
    const rows = await run(['quota_attainment', 'quota_attainment_rate']);
    expect(byName(rows, 'Ann').quota_attainment).toEqual({
      value: 1.1,
      numerator: 33_000,
      denominator: 30_000,
    });
    expect(byName(rows, 'Bob').quota_attainment).toEqual({
      value: 5_000 / 6_000,
      numerator: 5_000,
      denominator: 6_000,
    });
    expect(byName(rows, 'Cy').quota_attainment?.value).toBeNull();
    expect(byName(rows, 'Ann').quota_attainment_rate?.value).toBe(1);
    const teams = await run(['quota_attainment', 'quota_attainment_rate'], { groupBy: 'team' });
    expect(byName(teams, 'Closers').quota_attainment_rate).toEqual({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
    expect(byName(teams, 'Closers').quota_attainment).toEqual({
      value: 38_000 / 36_000,
      numerator: 38_000,
      denominator: 36_000,
    });
    expect(byName(teams, 'No team').quota_attainment_rate?.value).toBeNull();
    const company = await run(['quota_attainment_rate'], { groupBy: 'company' });
    expect(company[0]!.values.quota_attainment_rate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('filters by opportunity type, lead source and pipeline', async () => {
    expect(
      byName(await run(['won_revenue'], { filters: { opportunityTypes: ['upsell'] } }), 'Ann').won_revenue
        ?.value,
    ).toBe(20_000);
    expect(
      byName(await run(['won_revenue'], { filters: { leadSources: ['Web'] } }), 'Ann').won_revenue?.value,
    ).toBe(20_000);
    expect(
      byName(await run(['won_revenue'], { filters: { pipelineIds: [987654] } }), 'Ann').won_revenue?.value,
    ).toBe(0);
  });
});
