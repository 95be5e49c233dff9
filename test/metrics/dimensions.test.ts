import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COMPANY_SCOPE } from '../../src/domain/access/scope.ts';
import { SYSTEM_VIEWER, type Viewer } from '../../src/domain/access/viewer.ts';
import type { MetricPart } from '../../src/domain/metrics/definition.ts';
import type { GroupBy, MetricQuery, MetricRow } from '../../src/domain/metrics/query.ts';
import { getMetric } from '../../src/domain/metrics/registry.ts';
import type { Db } from '../../src/store/db.ts';
import { rollupPicker } from '../../src/store/queries/metrics/choose-rollup.ts';
import {
  openStoredReports,
  reportMetrics,
  type MetricReport,
} from '../../src/store/queries/metrics/report-metrics.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { activities, pipeline, team } from './fixtures.ts';

// Issue 18: any metric grouped by lead source, deal type, pipeline, product or time category, with numbers
// computed by hand from the deals below (all closed in 2026-Q3 unless said otherwise, USD).
//
//   deal  owner  status  amount  lead source  type          product  pipeline
//   1     Ann    won     10,000  Web          new_business  Alpha    default
//   2     Ann    won     20,000  Web          upsell        Beta     default
//   3     Ann    lost     5,000  Web          new_business  Alpha    default
//   4     Ann    won     30,000  Referral     new_business  -        Enterprise
//   5     Ann    lost     7,000  -            renewal       Alpha    default
//   6     Bob    won     40,000  Referral     new_business  Beta     default
//   7     Bob    lost     8,000  Web          new_business  -        Enterprise
//   8     Bob    won      6,000  -            renewal       Alpha    default
//   9     Ann    won     99,000  Web          new_business  Alpha    default   (closed in Q4: never counted)

const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const NOW = new Date('2026-11-23T12:00:00Z');
const DEALS = ['win_rate', 'won_revenue', 'avg_deal_size'];

type Row = Record<string, unknown>;

/** Rows as { group, metric values } for compact expectations. */
function table(rows: MetricRow[], ids: readonly string[] = DEALS): Row[] {
  return rows.map((r) => ({
    groupId: r.groupId,
    groupName: r.groupName,
    ...Object.fromEntries(ids.map((id) => [id, r.values[id]?.value ?? null])),
  }));
}

async function addPipeline(db: Db, name: string): Promise<{ id: number; won: number; lost: number }> {
  const { id } = await db.insertInto('pipelines').values({ name }).returning('id').executeTakeFirstOrThrow();
  const stage = async (n: string, position: number, pct: number, flags: object) =>
    (
      await db
        .insertInto('stages')
        .values({ pipeline_id: id, name: n, position, probability_pct: pct, ...flags })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return {
    id,
    won: await stage('Won', 1, 100, { is_won: true }),
    lost: await stage('Lost', 2, 0, { is_lost: true }),
  };
}

describeStores('metrics grouped by dimensions', (ctx) => {
  const ids = { ann: 0, bob: 0, team: 0, main: 0, ent: 0, deal2: 0 };
  let mainName = '';
  let app: Awaited<ReturnType<typeof testApp>>;
  const h: Record<'admin' | 'bob', AuthHeaders> = {} as never;
  const run = (
    metricIds: string[],
    groupBy: GroupBy,
    viewer: Viewer = SYSTEM_VIEWER,
    q: Partial<MetricQuery> = {},
  ) => runMetrics(ctx.db, viewer, { metricIds, groupBy, ...Q3, ...q }, { now: NOW });
  const bob = (): Viewer => ({ userId: ids.bob, role: 'rep', visibleUserIds: [ids.bob] });

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    const main = await pipeline(db);
    ids.main = main.id;
    mainName = (
      await db.selectFrom('pipelines').select('name').where('id', '=', main.id).executeTakeFirstOrThrow()
    ).name;
    const ent = await addPipeline(db, 'Enterprise');
    ids.ent = ent.id;
    ids.team = await team(db, 'Closers');
    const admin = await seedUser(db, { role: 'admin', name: 'Ada' });
    const ann = await seedUser(db, { role: 'rep', name: 'Ann', teamId: ids.team });
    const bobUser = await seedUser(db, { role: 'rep', name: 'Bob', teamId: ids.team });
    ids.ann = ann.id;
    ids.bob = bobUser.id;
    const deal = async (
      owner: number,
      status: 'won' | 'lost',
      amount: number,
      leadSource: string | null,
      type: 'new_business' | 'upsell' | 'renewal',
      product: string | null,
      enterprise = false,
      closedAt = '2026-08-14T12:00:00Z',
    ) =>
      (
        await db
          .insertInto('opportunities')
          .values({
            name: `Deal ${amount}`,
            owner_id: owner,
            pipeline_id: enterprise ? ent.id : main.id,
            stage_id: enterprise ? ent[status] : main.stage(status === 'won' ? 'Won' : 'Lost'),
            status,
            amount_minor: amount,
            currency: 'USD',
            type,
            lead_source: leadSource,
            product,
            created_at: '2026-06-01T12:00:00Z',
            closed_at: closedAt,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const a = ids.ann;
    const b = ids.bob;
    await deal(a, 'won', 10_000, 'Web', 'new_business', 'Alpha');
    ids.deal2 = await deal(a, 'won', 20_000, 'Web', 'upsell', 'Beta');
    await deal(a, 'lost', 5_000, 'Web', 'new_business', 'Alpha');
    await deal(a, 'won', 30_000, 'Referral', 'new_business', null, true);
    await deal(a, 'lost', 7_000, null, 'renewal', 'Alpha');
    await deal(b, 'won', 40_000, 'Referral', 'new_business', 'Beta');
    await deal(b, 'lost', 8_000, 'Web', 'new_business', null, true);
    await deal(b, 'won', 6_000, null, 'renewal', 'Alpha');
    await deal(a, 'won', 99_000, 'Web', 'new_business', 'Alpha', false, '2026-10-15T12:00:00Z');

    // Logged time: Ann 10 min selling call, 20 min prospecting call, 30 min held meeting (not categorised);
    // Bob 5 min selling call. Ann's first call is on deal 2 (upsell), the rest on no deal.
    await activities(db, [
      { userId: a, type: 'call', at: '2026-07-10T15:00:00Z', durationSeconds: 600 },
      { userId: a, type: 'call', at: '2026-07-11T15:00:00Z', durationSeconds: 1200 },
      { userId: a, type: 'meeting', outcome: 'held', at: '2026-07-12T15:00:00Z', durationSeconds: 1800 },
      { userId: b, type: 'call', at: '2026-07-13T15:00:00Z', durationSeconds: 300 },
    ]);
    const set = async (
      at: string,
      values: { time_category?: 'selling' | 'prospecting'; opportunity_id?: number },
    ) => db.updateTable('activities').set(values).where('occurred_at', '=', new Date(at)).execute();
    await set('2026-07-10T15:00:00Z', { time_category: 'selling', opportunity_id: ids.deal2 });
    await set('2026-07-11T15:00:00Z', { time_category: 'prospecting' });
    await set('2026-07-13T15:00:00Z', { time_category: 'selling' });

    app = await testApp(db);
    h.admin = await signIn(app, admin);
    h.bob = await signIn(app, bobUser);
  });
  afterAll(async () => app?.close());

  it('win rate, won revenue and average deal size by lead source: each deal in its source, none in "No lead source" twice', async () => {
    expect(table(await run(DEALS, 'lead_source'))).toEqual([
      { groupId: null, groupName: 'Referral', win_rate: 1, won_revenue: 70_000, avg_deal_size: 35_000 },
      { groupId: null, groupName: 'Web', win_rate: 0.5, won_revenue: 30_000, avg_deal_size: 15_000 },
      { groupId: null, groupName: 'No lead source', win_rate: 0.5, won_revenue: 6_000, avg_deal_size: 6_000 },
    ]);
    const rows = await run(DEALS, 'lead_source');
    expect(rows.every((r) => r.groupType === 'lead_source' && r.period === null)).toBe(true);
    expect(rows[1]!.values.win_rate).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });

  it('won revenue by product, with the deals of no product in their own group', async () => {
    expect(table(await run(DEALS, 'product'))).toEqual([
      { groupId: null, groupName: 'Alpha', win_rate: 0.5, won_revenue: 16_000, avg_deal_size: 8_000 },
      { groupId: null, groupName: 'Beta', win_rate: 1, won_revenue: 60_000, avg_deal_size: 30_000 },
      { groupId: null, groupName: 'No product', win_rate: 0.5, won_revenue: 30_000, avg_deal_size: 30_000 },
    ]);
  });

  it('by pipeline (the id and name of each) and by deal type; the groups add up to the company', async () => {
    const byPipeline = table(await run(DEALS, 'pipeline'));
    const expected = [
      {
        groupId: ids.ent,
        groupName: 'Enterprise',
        win_rate: 0.5,
        won_revenue: 30_000,
        avg_deal_size: 30_000,
      },
      { groupId: ids.main, groupName: mainName, win_rate: 4 / 6, won_revenue: 76_000, avg_deal_size: 19_000 },
    ].sort((x, y) => (x.groupName < y.groupName ? -1 : 1));
    expect(byPipeline).toEqual(expected);
    expect(table(await run(DEALS, 'deal_type'))).toEqual([
      {
        groupId: null,
        groupName: 'new_business',
        win_rate: 0.6,
        won_revenue: 80_000,
        avg_deal_size: 80_000 / 3,
      },
      { groupId: null, groupName: 'renewal', win_rate: 0.5, won_revenue: 6_000, avg_deal_size: 6_000 },
      { groupId: null, groupName: 'upsell', win_rate: 1, won_revenue: 20_000, avg_deal_size: 20_000 },
    ]);
    const company = await run(['won_revenue'], 'company');
    expect(company[0]!.values.won_revenue!.value).toBe(106_000);
  });

  it('a rep grouping by lead source sees only their own deals', async () => {
    expect(table(await run(DEALS, 'lead_source', bob()))).toEqual([
      { groupId: null, groupName: 'Referral', win_rate: 1, won_revenue: 40_000, avg_deal_size: 40_000 },
      { groupId: null, groupName: 'Web', win_rate: 0, won_revenue: 0, avg_deal_size: null },
      { groupId: null, groupName: 'No lead source', win_rate: 1, won_revenue: 6_000, avg_deal_size: 6_000 },
    ]);
    // A user filter naming a colleague does not widen it either.
    const filtered = await run(['won_revenue'], 'product', bob(), { filters: { userIds: [ids.ann] } });
    expect(filtered).toEqual([]);
  });

  it('activities by deal type (via the deal they were logged on) and logged time share by (effective) time category', async () => {
    expect(table(await run(['calls'], 'deal_type'), ['calls'])).toEqual([
      { groupId: null, groupName: 'upsell', calls: 1 },
      { groupId: null, groupName: 'No deal type', calls: 2 },
    ]);
    // Lead source of an activity: its deal's (Ann's first call, on the Web deal 2), else its lead's; else none.
    expect(table(await run(['calls'], 'lead_source'), ['calls'])).toEqual([
      { groupId: null, groupName: 'Web', calls: 1 },
      { groupId: null, groupName: 'No lead source', calls: 2 },
    ]);
    // The denominator is the whole working time of the people in scope, the same for every category. Categories
    // are the effective ones (docs/metrics.md): Ann's uncategorised held meeting is selling time.
    const [company] = await run(['selling_time_share'], 'company');
    const minutes = company!.values.selling_time_share!.denominator!;
    expect(minutes).toBeGreaterThan(0);
    expect(company!.values.selling_time_share!.numerator).toBe(10 + 30 + 5);
    const byCategory = await run(['logged_time_share'], 'time_category');
    expect(byCategory.map((r) => [r.groupName, r.values.logged_time_share])).toEqual([
      ['prospecting', { value: 20 / minutes, numerator: 20, denominator: minutes }],
      ['selling', { value: 45 / minutes, numerator: 45, denominator: minutes }],
    ]);
    // Bob: his 5 selling minutes over his own working time (one of the two active reps).
    const bobs = await run(['logged_time_share'], 'time_category', bob());
    expect(bobs.map((r) => [r.groupName, r.values.logged_time_share])).toEqual([
      ['selling', { value: 5 / (minutes / 2), numerator: 5, denominator: minutes / 2 }],
    ]);
  });

  it('refuses a metric that cannot be split by the dimension, naming the metric and the dimension', async () => {
    await expect(run(['won_revenue', 'calls'], 'time_category')).rejects.toMatchObject({
      code: 'validation',
      details: [
        {
          field: 'group',
          value: 'time_category',
          reason: "metric 'won_revenue' cannot be grouped by time_category",
        },
      ],
    });
    await expect(run(['selling_time_share'], 'lead_source')).rejects.toMatchObject({ code: 'validation' });
    await expect(run(['commission_cost_of_sales'], 'product')).rejects.toMatchObject({ code: 'validation' });
    await expect(run(['leads_created'], 'product')).rejects.toMatchObject({ code: 'validation' });
  });

  it('the rollups answer what they keep (lead source) and decline product, with the same numbers as raw', async () => {
    const part = getMetric('won_revenue')!.parts.value as MetricPart;
    const range = { from: Q3.from, toExclusive: '2026-10-01', grain: null };
    expect(rollupPicker('auto', COMPANY_SCOPE, 'lead_source', range, true)(part)?.name).toBe(
      'opportunity_closed_days',
    );
    expect(rollupPicker('auto', COMPANY_SCOPE, 'product', range, true)(part)).toBeNull();
    const all = [
      'win_rate',
      'won_revenue',
      'avg_deal_size',
      'opportunities_created',
      'sales_cycle_days_median',
    ];
    for (const groupBy of ['lead_source', 'deal_type', 'pipeline', 'product'] as const) {
      for (const grain of [null, 'month'] as const) {
        const q = { metricIds: all, groupBy, ...Q3, grain };
        const raw = await runMetrics(ctx.db, SYSTEM_VIEWER, q, { now: NOW, strategy: 'raw' });
        const auto = await runMetrics(ctx.db, SYSTEM_VIEWER, q, { now: NOW, strategy: 'auto' });
        expect(raw.length).toBeGreaterThan(0);
        expect(auto).toEqual(raw);
      }
    }
  });

  it('compares with the previous period by group value', async () => {
    const report = await reportMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      {
        metricIds: ['won_revenue'],
        period: { key: '2026-Q4', grain: 'quarter', start: '2026-10-01', end: '2027-01-01' },
        groupBy: 'lead_source',
        comparePrevious: true,
      },
      { now: NOW },
    );
    expect(report.rows.map((r) => [r.group, r.values.won_revenue])).toEqual([
      [
        { type: 'lead_source', id: null, name: 'Web' },
        { value: 99_000, previous: 30_000, change: 69_000 },
      ],
    ]);
  });

  it('stored answers are kept per dimension and per viewer: each served as computed, none for another', async () => {
    await sql`delete from metrics_results`.execute(ctx.db);
    const req = (groupBy: GroupBy) => ({
      metricIds: ['won_revenue'],
      period: { key: '2026-Q3', grain: 'quarter' as const, start: '2026-07-01', end: '2026-10-01' },
      groupBy,
    });
    const names = (r: MetricReport) => r.rows.map((x) => [x.group.name, x.values.won_revenue!.value]);
    const stored = await openStoredReports(ctx.db, ctx.db);
    const kept = async (viewer: Viewer, groupBy: GroupBy) =>
      names(await reportMetrics(ctx.db, viewer, req(groupBy), { now: NOW, stored }));
    for (let round = 0; round < 2; round++) {
      expect(await kept(SYSTEM_VIEWER, 'lead_source')).toEqual([
        ['Referral', 70_000],
        ['Web', 30_000],
        ['No lead source', 6_000],
      ]);
      expect(await kept(SYSTEM_VIEWER, 'product')).toEqual([
        ['Alpha', 16_000],
        ['Beta', 60_000],
        ['No product', 30_000],
      ]);
      expect(await kept(bob(), 'lead_source')).toEqual([
        ['Referral', 40_000],
        ['Web', 0],
        ['No lead source', 6_000],
      ]);
    }
    const rows = await sql<{ n: number }>`select count(*)::int as n from metrics_results`.execute(ctx.db);
    expect(rows.rows[0]!.n).toBe(3);
  });

  it('GET /api/metrics groups by a dimension, answers 400 for an unsupported pair, and lists dimensions', async () => {
    const ok = await app.inject({
      method: 'GET',
      url: '/api/metrics?ids=won_revenue&period=2026-Q3&group=lead_source',
      headers: h.bob,
    });
    expect(ok.statusCode).toBe(200);
    expect(
      ok
        .json()
        .rows.map((r: { group: unknown; values: { won_revenue: { value: number } } }) => [
          r.group,
          r.values.won_revenue.value,
        ]),
    ).toEqual([
      [{ type: 'lead_source', id: null, name: 'Referral' }, 40_000],
      [{ type: 'lead_source', id: null, name: 'Web' }, 0],
      [{ type: 'lead_source', id: null, name: 'No lead source' }, 6_000],
    ]);
    const refused = await app.inject({
      method: 'GET',
      url: '/api/metrics?ids=won_revenue,calls&period=2026-Q3&group=time_category',
      headers: h.admin,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("metric 'won_revenue' cannot be grouped by time_category");
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/metrics?ids=won_revenue&period=2026-Q3&group=colour%00',
      headers: h.admin,
    });
    expect(unknown.statusCode).toBe(400);
    const defs = await app.inject({ method: 'GET', url: '/api/metrics/definitions', headers: h.bob });
    const byId = new Map(
      (defs.json().metrics as { id: string; dimensions: string[] }[]).map((m) => [m.id, m.dimensions]),
    );
    expect(byId.get('won_revenue')).toEqual(['lead_source', 'deal_type', 'pipeline', 'product']);
    expect(byId.get('leads_created')).toEqual(['lead_source']);
    expect(byId.get('selling_time_share')).toEqual(['time_category']);
    expect(byId.get('quota_attainment_rate')).toEqual([]);
  });
});
