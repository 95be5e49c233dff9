import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { parsePeriod } from '../../src/domain/calendar/period.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { reportMetrics } from '../../src/store/queries/metrics/report-metrics.ts';
import { creditedDeals } from '../../src/store/queries/commissions/credited-deals.ts';
import { putExchangeRates } from '../../src/store/tables/exchange-rates.ts';
import { openDealsAt } from '../../src/store/queries/forecast/open-deals-at.ts';
import { wonByOwner } from '../../src/store/queries/forecast/won-by-owner.ts';
import { amounts, november, planRules } from '../support/commission-fixtures.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { opportunity, user } from '../metrics/fixtures.ts';

// Workspace USD, zone UTC (truncateAll). Rates: EUR 1.1 from 07-01, 1.2 from 08-01, 1.25 from 11-01; JPY 0.0067;
// KWD 3.25; none for GBP. Each converted amount below is round_half_away(amount / 10^from x rate x 10^2).
const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const NOW = new Date('2026-11-23T12:00:00Z');

describeStores('money in more than one currency', (ctx) => {
  const ids = { ann: 0, bob: 0, cy: 0, eurNov: 0 };
  const run = (metricIds: string[], q: Partial<typeof Q3> & { strategy?: 'raw' | 'auto' } = {}) =>
    runMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      { metricIds, groupBy: 'rep', from: q.from ?? Q3.from, to: q.to ?? Q3.to },
      { now: NOW, strategy: q.strategy ?? 'auto' },
    );
  const of = (rows: Awaited<ReturnType<typeof run>>, id: number) =>
    rows.find((r) => r.groupId === id)!.values;

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    ids.ann = await user(db, 'Ann');
    ids.bob = await user(db, 'Bob');
    ids.cy = await user(db, 'Cy');
    await putExchangeRates(db, SYSTEM_VIEWER, [
      { currency: 'EUR', effectiveFrom: '2026-07-01', rate: '1.1' },
      { currency: 'EUR', effectiveFrom: '2026-08-01', rate: '1.2' },
      { currency: 'EUR', effectiveFrom: '2026-11-01', rate: '1.25' },
      { currency: 'JPY', effectiveFrom: '2026-01-01', rate: '0.0067' },
      { currency: 'KWD', effectiveFrom: '2026-01-01', rate: '3.25' },
    ]);
    const won = (amount: number, currency: string, closedAt: string, ownerId = ids.ann) =>
      opportunity(db, {
        ownerId,
        status: 'won',
        amount,
        currency,
        createdAt: '2026-06-01T00:00:00Z',
        closedAt,
      });
    await won(10_000, 'USD', '2026-07-11T10:00:00Z'); // 10000
    await won(5_000, 'EUR', '2026-07-20T10:00:00Z'); // 50.00 x 1.1 = 55.00 -> 5500
    await won(333, 'EUR', '2026-08-15T10:00:00Z'); // 3.33 x 1.2 = 3.996 -> 399.6 -> 400 (the rate changed)
    await won(12_345, 'JPY', '2026-08-20T10:00:00Z'); // 12345 x 0.0067 = 82.7115 -> 8271.15 -> 8271
    await won(150, 'JPY', '2026-09-01T10:00:00Z'); // 150 x 0.0067 = 1.005 -> 100.5 -> 101 (half away from zero)
    await won(1_234, 'KWD', '2026-09-02T10:00:00Z'); // 1.234 x 3.25 = 4.0105 -> 401.05 -> 401
    await won(7_000, 'GBP', '2026-08-02T10:00:00Z'); // no GBP rate: left out
    // Bob's open EUR deal: 100.00 x 1.25 today (Nov 23) = 12500; at the end of Q3 x 1.2 = 12000.
    await opportunity(db, {
      ownerId: ids.bob,
      status: 'open',
      amount: 10_000,
      currency: 'EUR',
      createdAt: '2026-06-01T00:00:00Z',
    });
    // Cy's November deals for the statement: 200.00 EUR x 1.25 = 25000; GBP without a rate.
    ids.eurNov = await won(20_000, 'EUR', '2026-11-10T10:00:00Z', ids.cy);
    await won(3_000, 'GBP', '2026-11-12T10:00:00Z', ids.cy);
  });

  it('converts each won deal by the rate of its close date, leaves a currency without a rate out', async () => {
    const rows = await run(['won_revenue', 'won_count', 'avg_deal_size']);
    const ann = of(rows, ids.ann);
    expect(ann.won_revenue!.value).toBe(24_673); // 10000 + 5500 + 400 + 8271 + 101 + 401
    expect(ann.won_count!.value).toBe(7); // the GBP deal still counts as a deal
    expect(ann.avg_deal_size!.numerator).toBe(24_673);
    expect(ann.avg_deal_size!.denominator).toBe(6);
  });

  it('answers the same from the closed-deal rollup as from the raw rows, with mixed currencies', async () => {
    const ids_ = [
      'won_revenue',
      'won_count',
      'avg_deal_size',
      'sales_cycle_days_mean',
      'new_business_revenue',
    ];
    for (const q of [
      Q3,
      { from: '2026-08-01', to: '2026-08-31' },
      { from: '2026-07-01', to: '2026-11-30' },
    ]) {
      const auto = await run(ids_, { ...q, strategy: 'auto' });
      const raw = await run(ids_, { ...q, strategy: 'raw' });
      expect(auto).toEqual(raw);
    }
    expect(
      of(await run(['won_revenue'], { from: '2026-08-01', to: '2026-08-31' }), ids.ann).won_revenue!.value,
    ).toBe(
      8_671, // 400 + 8271
    );
  });

  it("values the open pipeline by today's rate, a past period's by the rate of its end", async () => {
    const now = await run(['pipeline_value', 'weighted_pipeline'], { from: '2026-10-01', to: '2026-12-31' });
    expect(of(now, ids.bob).pipeline_value!.value).toBe(12_500);
    expect(of(now, ids.bob).weighted_pipeline!.value).toBe(1_250); // Discovery, 10%
    const q3 = await run(['pipeline_value'], Q3);
    expect(of(q3, ids.bob).pipeline_value!.value).toBe(12_000);
  });

  it('names the currencies left out in the report warnings', async () => {
    const report = await reportMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      {
        metricIds: ['won_revenue'],
        period: parsePeriod('2026-Q3', { fiscalYearStartMonth: 1, weekStartDay: 1 }),
        groupBy: 'company',
      },
      { now: NOW },
    );
    expect(report.rows[0]!.values.won_revenue!.value).toBe(24_673);
    expect(report.currenciesWithoutRate).toEqual(['GBP']);
    expect(report.warnings).toEqual([
      'Deals in GBP are left out of money figures: no exchange rate to the workspace currency is in effect on their date (settings, exchange rates).',
    ]);
    // Counts only: nothing to warn about.
    const counts = await reportMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      {
        metricIds: ['won_count'],
        period: parsePeriod('2026-Q3', { fiscalYearStartMonth: 1, weekStartDay: 1 }),
        groupBy: 'company',
      },
      { now: NOW },
    );
    expect(counts.warnings).toBeUndefined();
  });

  it('credits a converted deal in a commission statement; a deal without a rate stays excluded', async () => {
    const got = await creditedDeals(ctx.db, {
      userIds: [ids.cy],
      from: '2026-11-01',
      to: '2026-12-01',
      creditOn: 'close',
      rollUpUserIds: [],
    });
    const deals = got.get(ids.cy)!;
    expect(deals.map((d) => [d.currency, d.amountMinor, d.creditedMinor, d.convertedFrom ?? null])).toEqual([
      ['USD', 25_000, 25_000, { currency: 'EUR', amountMinor: 20_000 }],
      ['GBP', 3_000, 3_000, null],
    ]);
    const statement = november(planRules(), 1_000_000, deals);
    expect(amounts(statement)).toEqual([
      ['commission', 2_500], // 10% of 25000
      ['excluded', 0],
    ]);
    expect(statement.lines[0]!.explanation).toContain('200.00 EUR converted at the rate of 2026-11-10');
    // Split: converted first, then shared, so the credits add up to the converted amount.
    await sql`insert into opportunity_splits (opportunity_id, user_id, share_bp)
      values (${ids.eurNov}, ${ids.cy}, 3333), (${ids.eurNov}, ${ids.ann}, 6667)`.execute(ctx.db);
    const split = await creditedDeals(ctx.db, {
      userIds: [ids.cy, ids.ann],
      from: '2026-11-01',
      to: '2026-12-01',
      creditOn: 'close',
      rollUpUserIds: [],
    });
    // Ann: round(25000 x 0.6667) = round(16667.5) = 16668; Cy, the highest id, takes the rest: 25000 - 16668.
    expect(split.get(ids.ann)![0]!.creditedMinor).toBe(16_668);
    expect(split.get(ids.cy)![0]!.creditedMinor).toBe(8_332);
    await sql`delete from opportunity_splits where opportunity_id = ${ids.eurNov}`.execute(ctx.db);
  });

  it("feeds forecasts converted amounts: open deals by the rate of the forecast's date, wins by close date", async () => {
    const today = await openDealsAt(ctx.db, NOW, NOW, 'UTC');
    expect(today.filter((d) => d.ownerId === ids.bob).map((d) => d.amount)).toEqual([12_500]);
    // A forecast made at a checkpoint in the past: the rate of that day (1.2 from August 1).
    const sept = await openDealsAt(ctx.db, new Date('2026-09-15T12:00:00Z'), NOW, 'UTC');
    expect(sept.filter((d) => d.ownerId === ids.bob).map((d) => d.amount)).toEqual([12_000]);
    const won = await wonByOwner(ctx.db, new Date('2026-07-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z'));
    expect(won.get(`rep:${ids.ann}`)).toEqual({ amount: 24_673, count: 7 });
  });

  it('takes the rate of the local close date in the workspace zone', async () => {
    // 2026-07-31 13:00 UTC is 2026-08-01 01:00 in Auckland (UTC+12): the August rate, 1.2, not July's 1.1.
    await sql`update settings set time_zone = 'Pacific/Auckland' where id = 1`.execute(ctx.db);
    try {
      const dee = await user(ctx.db, 'Dee');
      await opportunity(ctx.db, {
        ownerId: dee,
        status: 'won',
        amount: 1_000,
        currency: 'EUR',
        createdAt: '2026-07-01T00:00:00Z',
        closedAt: '2026-07-31T13:00:00Z',
      });
      const rows = await run(['won_revenue'], { from: '2026-08-01', to: '2026-08-31', strategy: 'raw' });
      expect(of(rows, dee).won_revenue!.value).toBe(1_200); // 10.00 x 1.2
      const credited = await creditedDeals(ctx.db, {
        userIds: [dee],
        from: '2026-08-01',
        to: '2026-09-01',
        creditOn: 'close',
        rollUpUserIds: [],
      });
      expect(credited.get(dee)!.map((d) => [d.creditedOn, d.amountMinor])).toEqual([['2026-08-01', 1_200]]);
    } finally {
      await sql`update settings set time_zone = 'UTC' where id = 1`.execute(ctx.db);
    }
  });

  it('converts acquisition costs by the rate of their period end', async () => {
    await sql`insert into acquisition_costs (period_start, period_end, amount_minor, currency)
      values ('2026-07-01', '2026-09-30', 100000, 'EUR'), ('2026-07-01', '2026-09-30', 50000, 'USD'),
        ('2026-07-01', '2026-09-30', 99999, 'GBP')`.execute(ctx.db);
    const c = await sql<{ id: number }>`insert into customers (name, acquired_by, started_at)
      values ('Acme', ${ids.ann}, '2026-08-01') returning id`.execute(ctx.db);
    try {
      const rows = await runMetrics(
        ctx.db,
        SYSTEM_VIEWER,
        { metricIds: ['cac'], groupBy: 'company', ...Q3 },
        { now: NOW },
      );
      // 1,000.00 EUR x 1.2 (the rate of 2026-09-30) = 120000, plus 50000 USD; GBP has no rate. One new customer.
      expect(rows[0]!.values.cac).toMatchObject({ value: 170_000, numerator: 170_000, denominator: 1 });
    } finally {
      await sql`delete from acquisition_costs`.execute(ctx.db);
      await sql`delete from customers where id = ${c.rows[0]!.id}`.execute(ctx.db);
    }
  });
});
