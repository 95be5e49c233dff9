import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import type { MetricQuery } from '../../src/domain/metrics/query.ts';
import { refreshDerived } from '../../src/store/derived/refresh.ts';
import { saveSettings } from '../../src/store/workspace/save-settings.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { activities, lead, team, user } from './fixtures.ts';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
// Wednesday 25 November 2026, 12:00 UTC.
const NOW = new Date('2026-11-25T12:00:00Z');
const MONTH_DAYS = 30.4375;

describeStores('lead metrics', (ctx) => {
  let ann = 0;
  const run = (metricIds: string[], q: Partial<MetricQuery> = {}) =>
    runMetrics(ctx.db, SYSTEM_VIEWER, { metricIds, groupBy: 'rep', ...NOVEMBER, ...q }, { now: NOW });

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    ann = await user(db, 'Ann');
    // Friday 17:55, answered Monday 09:10: 5 + 10 = 15 business minutes with 09:00-18:00 hours.
    const l1 = await lead(db, { ownerId: ann, createdAt: '2026-11-20T17:55:00Z', source: 'Web' });
    const l2 = await lead(db, {
      ownerId: ann,
      createdAt: '2026-11-23T10:00:00Z',
      source: 'Web',
      mqlAt: '2026-11-23T12:00:00Z',
      sqlAt: '2026-11-24T12:00:00Z',
    });
    const l3 = await lead(db, { ownerId: ann, createdAt: '2026-11-24T10:00:00Z' });
    // Not answered: one still within its deadline (12:30 today), one long past it.
    await lead(db, { ownerId: ann, createdAt: '2026-11-25T11:30:00Z' });
    await lead(db, { ownerId: ann, createdAt: '2026-11-16T10:00:00Z' });
    // Created in October, qualified in November.
    await lead(db, { ownerId: ann, createdAt: '2026-10-30T10:00:00Z', mqlAt: '2026-11-02T10:00:00Z' });
    await activities(db, [
      { userId: ann, type: 'call', at: '2026-11-23T09:10:00Z', leadId: l1 },
      { userId: ann, type: 'email', at: '2026-11-23T10:30:00Z', leadId: l2 },
      { userId: ann, type: 'call', at: '2026-11-24T12:00:00Z', leadId: l3 },
    ]);
    await refreshDerived(db, { all: true });
  });

  it('reports response time in business minutes from the derived column', async () => {
    const minutes = await ctx.db
      .selectFrom('leads')
      .select('response_business_minutes')
      .orderBy('id')
      .execute();
    expect(minutes.map((m) => m.response_business_minutes)).toEqual([15, 30, 120, null, null, null]);
    const [row] = await run(['lead_response_time_p50', 'lead_response_time_p90', 'lead_response_time_mean']);
    expect(row!.values.lead_response_time_p50?.value).toBe(30);
    // percentile_cont(0.9) of 15, 30, 120: 30 + 0.8 x 90.
    expect(row!.values.lead_response_time_p90?.value).toBeCloseTo(102, 9);
    expect(row!.values.lead_response_time_mean?.value).toBe(55);
  });

  it('counts SLA hits over decided leads: unanswered leads miss once the deadline has passed', async () => {
    const [row] = await run(['leads_contacted_within_sla']);
    // Met: the 30-minute answer. Missed: the Friday 17:55 lead (the same-business-day rule makes it due Friday 18:00;
    // answered Monday 09:10, 15 business minutes), the 120-minute answer, and the lead unanswered since the 16th.
    // Still open: today's (due 12:30).
    expect(row!.values.leads_contacted_within_sla).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
  });

  it('counts leads created, MQLs and SQLs by their own dates, and filters by lead source', async () => {
    const [row] = await run(['leads_created', 'mql_count', 'sql_count']);
    expect([
      row!.values.leads_created?.value,
      row!.values.mql_count?.value,
      row!.values.sql_count?.value,
    ]).toEqual([5, 2, 1]);
    const [web] = await run(['leads_created'], { filters: { leadSources: ['Web'] } });
    expect(web!.values.leads_created?.value).toBe(2);
  });
  it('applies the same-business-day rule from the stored deadline, recomputed when the flag changes', async () => {
    // December, 09:00-18:00 UTC, 60 minutes; now is Wednesday 9 December 20:00.
    const now = new Date('2026-12-09T20:00:00Z');
    const december = { from: '2026-12-01', to: '2026-12-31' };
    const share = async () =>
      (
        await runMetrics(
          ctx.db,
          SYSTEM_VIEWER,
          { metricIds: ['leads_contacted_within_sla'], groupBy: 'rep', ...december },
          { now },
        )
      )[0]!.values.leads_contacted_within_sla;
    // a: Wed 17:30, answered 17:50 (met either way).
    const a = await lead(ctx.db, { ownerId: ann, createdAt: '2026-12-02T17:30:00Z' });
    // b: Wed 17:30, answered Thu 09:15 (45 business minutes): due Wed 18:00 with the rule, Thu 09:30 without.
    const b = await lead(ctx.db, { ownerId: ann, createdAt: '2026-12-02T17:30:00Z' });
    // c: Fri 20:00, answered Mon 09:45: the clock starts Monday 09:00, due 10:00 either way.
    const c = await lead(ctx.db, { ownerId: ann, createdAt: '2026-12-04T20:00:00Z' });
    // d: Mon 17:45, never answered: due Mon 18:00 or Tue 09:45, both passed.
    await lead(ctx.db, { ownerId: ann, createdAt: '2026-12-07T17:45:00Z' });
    // f: today 17:30, not answered yet: due 18:00 today (passed) with the rule, 09:30 tomorrow without (still open).
    await lead(ctx.db, { ownerId: ann, createdAt: '2026-12-09T17:30:00Z' });
    await activities(ctx.db, [
      { userId: ann, type: 'call', at: '2026-12-02T17:50:00Z', leadId: a },
      { userId: ann, type: 'call', at: '2026-12-03T09:15:00Z', leadId: b },
      { userId: ann, type: 'call', at: '2026-12-07T09:45:00Z', leadId: c },
    ]);
    await refreshDerived(ctx.db, { leadIds: [a, b, c] });
    await refreshDerived(ctx.db, { all: true, responseMinutesOnly: true });
    const deadlineOfB = async () =>
      (
        await ctx.db
          .selectFrom('leads')
          .select('sla_deadline_at')
          .where('id', '=', b)
          .executeTakeFirstOrThrow()
      ).sla_deadline_at;

    // With the rule (the default): a and c met; b, d and f missed.
    expect(await deadlineOfB()).toEqual(new Date('2026-12-02T18:00:00Z'));
    expect(await share()).toEqual({ value: 0.4, numerator: 2, denominator: 5 });

    // Without it: a, b and c met; d missed; f still within its deadline and left out.
    await saveSettings(ctx.db, SYSTEM_VIEWER, { leadSlaSameBusinessDay: false });
    try {
      expect(await deadlineOfB()).toEqual(new Date('2026-12-03T09:30:00Z'));
      expect(await share()).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
    } finally {
      await saveSettings(ctx.db, SYSTEM_VIEWER, { leadSlaSameBusinessDay: true });
    }
    expect(await deadlineOfB()).toEqual(new Date('2026-12-02T18:00:00Z'));
  });
});

describeStores('customer metrics', (ctx) => {
  const Q3 = { from: '2026-07-01', to: '2026-09-30' };
  const run = (metricIds: string[], q: Partial<MetricQuery> = {}) =>
    runMetrics(ctx.db, SYSTEM_VIEWER, { metricIds, groupBy: 'company', ...Q3, ...q });

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    const t = await team(db, 'Hunters');
    const ann = await user(db, 'Ann', t);
    const customers = [
      { name: 'K1', started_at: '2026-01-01', ended_at: null },
      { name: 'K2', started_at: '2026-03-01', ended_at: '2026-08-01' },
      { name: 'K3', started_at: '2026-07-15', ended_at: null },
      { name: 'K4', started_at: '2026-08-01', ended_at: '2026-09-01' },
    ];
    const ids = [];
    for (const c of customers) {
      const r = await db
        .insertInto('customers')
        .values({ ...c, acquired_by: ann })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(r.id);
    }
    await db
      .insertInto('subscriptions')
      .values([
        { customer_id: ids[0]!, start_date: '2026-01-01', end_date: null, mrr_minor: 1_000, currency: 'USD' },
        {
          customer_id: ids[1]!,
          start_date: '2026-03-01',
          end_date: '2026-08-01',
          mrr_minor: 500,
          currency: 'USD',
        },
        { customer_id: ids[2]!, start_date: '2026-07-15', end_date: null, mrr_minor: 2_000, currency: 'USD' },
        { customer_id: ids[2]!, start_date: '2026-07-15', end_date: null, mrr_minor: 7_777, currency: 'EUR' },
      ])
      .execute();
    await db
      .insertInto('acquisition_costs')
      .values([
        {
          period_start: '2026-07-01',
          period_end: '2026-09-30',
          amount_minor: 9_000,
          currency: 'USD',
          team_id: t,
        },
        // 60 days, 30 of them in July: half counts.
        {
          period_start: '2026-06-01',
          period_end: '2026-07-30',
          amount_minor: 6_000,
          currency: 'USD',
          team_id: t,
        },
      ])
      .execute();
  });

  it('computes new customers, CAC, churn and tenure by hand', async () => {
    const [c] = await run(['new_customers', 'cac', 'churn_rate', 'avg_tenure_months']);
    expect(c!.values.new_customers?.value).toBe(2);
    expect(c!.values.cac).toEqual({ value: 6_000, numerator: 12_000, denominator: 2 });
    // K1 and K2 were customers on 1 July; K2 left. K4 came and went within the quarter and does not count.
    expect(c!.values.churn_rate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    // Days: K1 273, K2 153, K3 78, K4 31.
    expect(c!.values.avg_tenure_months?.value).toBeCloseTo((273 + 153 + 78 + 31) / 4 / MONTH_DAYS, 9);
  });

  it('has no per-rep CAC (costs belong to teams) but a team CAC', async () => {
    const [rep] = await run(['cac', 'new_customers'], { groupBy: 'rep' });
    expect(rep!.values.cac?.value).toBeNull();
    expect(rep!.values.new_customers?.value).toBe(2);
    const [t] = await run(['cac'], { groupBy: 'team' });
    expect(t!.values.cac?.value).toBe(6_000);
  });

  it('computes CLV from MRR, margin and monthly churn, or from observed revenue when nobody churned', async () => {
    const [c] = await run(['clv']);
    // MRR 3,000 over 2 customers x 80% / (0.5 churn over 92 days in months).
    expect(c!.values.clv?.value).toBeCloseTo((1_500 * 0.8) / (0.5 / (92 / MONTH_DAYS)), 6);
    const [oct] = await run(['clv'], { from: '2026-10-01', to: '2026-10-31' });
    // No churn in October: revenue to 1 November per customer seen (K4 had no subscription) x 80%.
    const observed = (1_000 * 304 + 500 * 153 + 2_000 * 109) / MONTH_DAYS / 4;
    expect(oct!.values.clv?.value).toBeCloseTo(observed * 0.8, 6);
  });
});
