import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { COMPANY_SCOPE } from '../../src/domain/access/scope.ts';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { localDateToInstant } from '../../src/domain/calendar/zoned.ts';
import { getMetric } from '../../src/domain/metrics/registry.ts';
import { NO_VALUE_NAMES, type GroupBy, type MetricFilters } from '../../src/domain/metrics/query.ts';
import { compileBatch } from '../../src/store/queries/metrics/compile-batch.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import type { SourceContext } from '../../src/store/queries/metrics/source-spec.ts';
import { customerSubscriptionsSource } from '../../src/store/queries/metrics/sources/customer-subscriptions.ts';
import { toWorkspaceCurrency } from '../../src/store/queries/money/to-workspace-currency.ts';
import { pipelineAtDateSql } from '../../src/store/queries/pipeline-at-date.ts';
import { putExchangeRates } from '../../src/store/tables/exchange-rates.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { lead, opportunity, pipeline, team, user } from './fixtures.ts';

/*
 * The dashboard's period-end statements were rewritten for speed (docs/performance.md, "Customers, pipeline and
 * leads at the period end"): subscription revenue summed per subscription instead of per customer, the pipeline's
 * totals from the stage spans without their deals, lead assignments without their leads. Each is checked here
 * against the statement it replaced, written out below, over mixed currencies (rounding per row), deals with
 * history, filters and splits, a past period (spans) and a running one (live rows).
 */

const NOW = new Date('2026-11-20T15:00:00Z');
const PERIODS = [
  { from: '2026-07-01', to: '2026-09-30' }, // past: the spans
  { from: '2026-10-01', to: '2026-12-31' }, // running: today's deals and rates
  { from: '2026-08-01', to: '2026-08-31' },
];

/** A fixed pseudo-random sequence (mulberry32), so the fixture is the same on every run and store. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const pick = <T>(r: (n: number) => number, xs: readonly T[]): T => xs[r(xs.length)]!;
const day = (r: (n: number) => number, from = '2026-01-01', days = 330) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + r(days) * 86_400_000).toISOString().slice(0, 10);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

describeStores('period-end sources equal the statements they replaced', (ctx) => {
  const reps: number[] = [];

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    const r = rng(7);
    const teams = [await team(db, 'East'), await team(db, 'West')];
    for (let i = 0; i < 4; i++) reps.push(await user(db, `Rep ${i}`, teams[i % 2]!));
    await putExchangeRates(db, SYSTEM_VIEWER, [
      { currency: 'EUR', effectiveFrom: '2026-07-01', rate: '1.1' },
      { currency: 'EUR', effectiveFrom: '2026-09-15', rate: '1.2' },
      { currency: 'EUR', effectiveFrom: '2026-10-01', rate: '1.3' }, // the day after Q3: Q3 converts at 1.2
      { currency: 'JPY', effectiveFrom: '2026-01-01', rate: '0.0067' },
    ]);
    const currencies = ['USD', 'USD', 'EUR', 'JPY', 'GBP']; // GBP has no rate: left out of sums

    // Customers and subscriptions: some without any, some ended, some started after a period.
    for (let i = 0; i < 40; i++) {
      const started = day(r);
      const ended = r(3) === 0 ? day(r, started, 200) : null;
      const c = await db
        .insertInto('customers')
        .values({
          name: `K${i}`,
          acquired_by: r(6) === 0 ? null : pick(r, reps),
          started_at: started,
          ended_at: ended,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let k = r(4); k > 0; k--) {
        const start = day(r, started, 120);
        await db
          .insertInto('subscriptions')
          .values({
            customer_id: c.id,
            start_date: start,
            end_date: r(2) === 0 ? day(r, start, 150) : null,
            mrr_minor: 1 + r(99_999),
            currency: pick(r, currencies),
          })
          .execute();
      }
    }

    // On the boundaries: subscriptions and customers ending or starting on the first day after a period.
    for (const [i, edge] of ['2026-09-01', '2026-10-01', '2027-01-01'].entries()) {
      const c = await db
        .insertInto('customers')
        .values({
          name: `Edge ${i}`,
          acquired_by: reps[i]!,
          started_at: '2026-02-01',
          ended_at: i === 0 ? edge : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('subscriptions')
        .values([
          { customer_id: c.id, start_date: '2026-02-01', end_date: edge, mrr_minor: 3_333, currency: 'EUR' },
          { customer_id: c.id, start_date: edge, end_date: null, mrr_minor: 777, currency: 'USD' },
          { customer_id: c.id, start_date: '2026-03-01', end_date: null, mrr_minor: 12_345, currency: 'JPY' },
        ])
        .execute();
    }

    // Deals with history (stage, amount and owner changes), some closed, in every type, source and product.
    const p = await pipeline(db);
    const open = ['Discovery', 'Qualified', 'Demo', 'Trial', 'Final negotiation'];
    for (let i = 0; i < 40; i++) {
      const created = day(r, '2026-02-01', 240);
      const status = pick(r, ['open', 'open', 'won', 'lost'] as const);
      const closedAt = status === 'open' ? null : `${day(r, created, 120)}T16:00:00Z`;
      const id = await opportunity(db, {
        ownerId: r(8) === 0 ? null : pick(r, reps),
        status,
        amount: 100 + r(900_000),
        currency: pick(r, currencies),
        type: pick(r, ['new_business', 'upsell', 'renewal'] as const),
        stage: status === 'won' ? 'Won' : status === 'lost' ? 'Lost' : pick(r, open),
        leadSource: pick(r, ['web', 'referral', null]),
        createdAt: `${created}T10:00:00Z`,
        closedAt,
      });
      await db
        .updateTable('opportunities')
        .set({ product: pick(r, ['Core', 'Plus', null]) })
        .where('id', '=', id)
        .execute();
      let at = Date.parse(`${created}T11:00:00Z`);
      for (let k = r(4); k > 0; k--) {
        at += (1 + r(40)) * 86_400_000;
        await db
          .insertInto('opportunity_history')
          .values({
            opportunity_id: id,
            changed_at: new Date(at),
            stage_id: p.stage(pick(r, open)),
            amount_minor: 100 + r(900_000),
            owner_id: r(3) === 0 ? pick(r, reps) : null,
          })
          .execute();
      }
    }

    // Leads, some assigned (more than once) in and around the periods, with and without a score.
    for (let i = 0; i < 60; i++) {
      const created = `${day(r, '2026-05-01', 200)}T12:00:00Z`;
      const id = await lead(db, {
        ownerId: pick(r, reps),
        createdAt: created,
        source: pick(r, ['web', 'referral', null]),
        responseMinutes: r(4) === 0 ? null : r(900),
      });
      for (let k = r(3); k > 0; k--) {
        await db
          .insertInto('lead_assignments')
          .values({
            lead_id: id,
            user_id: pick(r, reps),
            kind: k === 1 ? 'initial' : 'manual',
            reason: 'test',
            assigned_at: new Date(Date.parse(created) + r(60) * 86_400_000),
            lead_score: r(3) === 0 ? null : r(100),
          })
          .execute()
          .catch(() => undefined); // a second 'initial' of the same lead is refused: skip it
      }
    }
  });

  const engine = async (
    metricIds: string[],
    period: (typeof PERIODS)[number],
    groupBy: GroupBy,
    filters?: MetricFilters,
  ) => {
    const rows = await runMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      { metricIds, ...period, groupBy, filters },
      { now: NOW },
    );
    const out = new Map<string, Record<string, number | null>>();
    for (const row of rows) {
      const key = groupBy === 'rep' || groupBy === 'team' ? String(row.groupId) : row.groupName;
      out.set(key, Object.fromEntries(metricIds.map((m) => [m, row.values[m]!.value])));
    }
    return out;
  };

  /** The reference rows' group key as the engine names it (the value, or its "not recorded" name). */
  const keyOf = (groupBy: GroupBy, v: unknown) =>
    v === null
      ? groupBy === 'rep' || groupBy === 'team'
        ? 'null'
        : NO_VALUE_NAMES[groupBy as 'lead_source']
      : String(v);

  it('customer subscriptions: MRR at the end and lifetime revenue equal the per-customer sums', async () => {
    const def = getMetric('clv')!;
    const parts = [def.parts.mrr!, def.parts.lifetime_revenue!].map((part, i) => ({ key: String(i), part }));
    for (const period of PERIODS) {
      for (const groupBy of ['rep', 'team', 'company'] as const) {
        const end = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        const c: SourceContext = {
          from: period.from,
          toExclusive: end,
          timeZone: 'UTC',
          currency: 'USD',
          followUpTarget: 0,
          businessMinutes: 0,
          quotaGoals: [],
          now: NOW,
          forecastMethod: 'stage_weighted',
          forecastCheckpoint: 'start',
        };
        const q = compileBatch(
          customerSubscriptionsSource,
          { source: 'customer_subscriptions', timeColumn: undefined, parts },
          c,
          COMPANY_SCOPE,
          groupBy,
          { grain: null },
        )!;
        const got = (await q.execute(ctx.db)).rows.map(
          (x) => [num(x.group_id), num(x.p0), num(x.p1)] as const,
        );
        // The statement it replaced: a lateral aggregate per customer, summed per group.
        const asOf = sql`least(${end}::date - 1, (${NOW.toISOString()}::timestamptz at time zone 'UTC')::date)`;
        const group =
          groupBy === 'rep' ? sql`c.acquired_by` : groupBy === 'team' ? sql`u.team_id` : sql`null::bigint`;
        const want = await sql<{ g: unknown; mrr: unknown; life: unknown }>`
          select ${group} as g,
            coalesce(sum(sub.mrr_at_end) filter (where c.ended_at is null or c.ended_at >= ${end}::date), 0) as mrr,
            coalesce(sum(sub.lifetime_revenue), 0) as life
          from customers c left join users u on u.id = c.acquired_by
          left join lateral (
            select coalesce(sum(s.mrr) filter (where s.end_date is null or s.end_date >= ${end}::date), 0) as mrr_at_end,
              coalesce(sum(s.mrr * (least(coalesce(s.end_date, ${end}::date), ${end}::date) - s.start_date)
                / 30.4375::numeric), 0) as lifetime_revenue
            from (select s.*, ${toWorkspaceCurrency(sql`s.mrr_minor`, sql`s.currency`, asOf, 'USD')} as mrr
              from subscriptions s) s
            where s.customer_id = c.id and s.start_date < ${end}::date
          ) sub on true
          where c.started_at < ${end}::date ${groupBy === 'rep' ? sql`and c.acquired_by is not null` : sql``}
          group by 1`.execute(ctx.db);
        const wanted = new Map(want.rows.map((x) => [num(x.g), [num(x.mrr), num(x.life)]]));
        // A group whose customers have no subscription has no row here and 0 there.
        for (const [g, mrr, life] of got) expect([mrr, life], `${groupBy} ${g}`).toEqual(wanted.get(g));
        for (const [g, [mrr, life]] of wanted) {
          if (!got.some((x) => x[0] === g))
            expect([mrr, life], `${groupBy} ${g} (no subscription)`).toEqual([0, 0]);
        }
        expect([...wanted.values()].some(([m]) => m! > 0)).toBe(true);
      }
    }
  });

  it('pipeline totals from the spans alone equal the snapshot rows, filtered and split by the deal', async () => {
    const cases: [GroupBy, MetricFilters | undefined][] = [
      ['rep', undefined],
      ['team', undefined],
      ['lead_source', undefined],
      ['deal_type', undefined],
      ['product', undefined],
      ['pipeline', undefined],
      ['rep', { opportunityTypes: ['upsell', 'renewal'] }],
      ['rep', { leadSources: ['web'] }],
      ['product', { leadSources: ['referral'], opportunityTypes: ['new_business'] }],
    ];
    for (const period of PERIODS) {
      const end = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const at = new Date(localDateToInstant(end, 'UTC').getTime() - 1);
      const rateDay = at < NOW ? at.toISOString().slice(0, 10) : NOW.toISOString().slice(0, 10);
      for (const [groupBy, filters] of cases) {
        const got = await engine(['pipeline_value', 'weighted_pipeline'], period, groupBy, filters);
        const group = {
          rep: sql`p.owner_id`,
          team: sql`u.team_id`,
          lead_source: sql`p.lead_source`,
          deal_type: sql`p.type`,
          product: sql`(select o.product from opportunities o where o.id = p.opportunity_id)`,
          pipeline: sql`p.pipeline_id`,
        }[groupBy as 'rep'];
        const where = [sql`true`];
        if (groupBy === 'rep') where.push(sql`p.owner_id is not null`);
        if (filters?.opportunityTypes) where.push(sql`p.type in (${sql.join(filters.opportunityTypes)})`);
        if (filters?.leadSources) where.push(sql`p.lead_source in (${sql.join(filters.leadSources)})`);
        const amount = toWorkspaceCurrency(
          sql`p.amount_minor`,
          sql`p.currency`,
          sql`${rateDay}::date`,
          'USD',
        );
        // The statement it replaced: every deal of the snapshot (pipelineAtDateSql, deals joined) as the source.
        const want = await sql<{ g: unknown; v: unknown; w: unknown }>`
          select ${group} as g, coalesce(sum(${amount}), 0) as v, coalesce(sum(${amount} * p.probability_pct / 100.0), 0) as w
          from ${pipelineAtDateSql(at, NOW)} p left join users u on u.id = p.owner_id
          where ${sql.join(where, sql` and `)} group by 1`.execute(ctx.db);
        expect(want.rows.length, `${period.from} ${groupBy}`).toBeGreaterThan(0);
        for (const x of want.rows) {
          const key =
            groupBy === 'pipeline' ? (got.has('Sales') ? 'Sales' : keyOf(groupBy, x.g)) : keyOf(groupBy, x.g);
          expect(got.get(key), `${period.from} ${groupBy} ${key} ${JSON.stringify(filters)}`).toEqual({
            pipeline_value: num(x.v),
            weighted_pipeline: num(x.w),
          });
        }
        // Groups the snapshot has no deal for (listed reps, pipelines) are zero in the engine's answer.
        const named = new Set(want.rows.map((x) => (groupBy === 'pipeline' ? 'Sales' : keyOf(groupBy, x.g))));
        for (const [key, v] of got) {
          if (!named.has(key))
            expect(v, `${period.from} ${groupBy} ${key}`).toEqual({
              pipeline_value: 0,
              weighted_pipeline: 0,
            });
        }
      }
    }
  });

  it('lead assignments without the leads join: the same counts and scores, filtered and split by lead source', async () => {
    const cases: [GroupBy, MetricFilters | undefined][] = [
      ['rep', undefined],
      ['lead_source', undefined],
      ['rep', { leadSources: ['web', 'referral'] }],
      ['rep', { responseBuckets: ['never', 'later'] }],
      ['lead_source', { responseBuckets: ['under_5m', '5_30m', '30_60m', 'same_day'] }],
    ];
    const bucket = sql`(case when l.response_business_minutes is null then 'never'
      when l.response_business_minutes < 5 then 'under_5m' when l.response_business_minutes < 30 then '5_30m'
      when l.response_business_minutes < 60 then '30_60m' when l.response_business_minutes <= 540 then 'same_day'
      else 'later' end)`;
    for (const period of PERIODS.slice(0, 2)) {
      for (const [groupBy, filters] of cases) {
        const got = await engine(['leads_assigned', 'assigned_lead_score_mean'], period, groupBy, filters);
        const where = [
          sql`a.assigned_at >= ${localDateToInstant(period.from, 'UTC').toISOString()}::timestamptz`,
          sql`a.assigned_at < ${new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString()}::timestamptz`,
        ];
        if (filters?.leadSources) where.push(sql`l.source in (${sql.join(filters.leadSources)})`);
        if (filters?.responseBuckets) where.push(sql`${bucket} in (${sql.join(filters.responseBuckets)})`);
        const want = await sql<{ g: unknown; n: unknown; s: unknown }>`
          select ${groupBy === 'rep' ? sql`a.user_id` : sql`l.source`} as g, count(*) as n,
            avg(a.lead_score) filter (where a.lead_score is not null) as s
          from lead_assignments a join leads l on l.id = a.lead_id
          where ${sql.join(where, sql` and `)} group by 1`.execute(ctx.db);
        expect(want.rows.length, `${period.from} ${groupBy}`).toBeGreaterThan(0);
        for (const x of want.rows) {
          const key = keyOf(groupBy, x.g);
          expect(got.get(key), `${period.from} ${groupBy} ${key} ${JSON.stringify(filters)}`).toEqual({
            leads_assigned: num(x.n),
            assigned_lead_score_mean: num(x.s),
          });
        }
        const named = new Set(want.rows.map((x) => keyOf(groupBy, x.g)));
        for (const [key, v] of got) {
          if (!named.has(key))
            expect(v, `${period.from} ${groupBy} ${key}`).toEqual({
              leads_assigned: 0,
              assigned_lead_score_mean: null,
            });
        }
      }
    }
  });
});
