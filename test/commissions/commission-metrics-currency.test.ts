import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import type { MetricQuery } from '../../src/domain/metrics/query.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import {
  missingStatementRateWarning,
  statementCurrenciesWithoutRate,
} from '../../src/store/queries/money/currencies-without-rate.ts';
import { putExchangeRates } from '../../src/store/tables/exchange-rates.ts';
import { statement } from '../support/statement-rows.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { opportunity, team, user } from '../metrics/fixtures.ts';

// A PLN workspace paying some people from euro plans. Rates EUR -> PLN: 4.3 from 2026-10-01, 4.25 from 2026-11-20;
// none for GBP. A statement converts by the rate of its period's last day (November: 30 Nov, 4.25; October:
// 31 Oct, 4.3), each amount round_half_away(minor / 100 x rate x 100).
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const Q4 = { from: '2026-10-01', to: '2026-12-31' };
const NOW = new Date('2027-01-15T12:00:00Z');

describeStores('pay metrics over statements in another currency', (ctx) => {
  const who = {} as Record<'ann' | 'bob' | 'cid', number>;
  const run = (metricIds: string[], q: Partial<MetricQuery> = {}, strategy: 'raw' | 'auto' = 'auto') =>
    runMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      { metricIds, groupBy: 'company', ...NOVEMBER, ...q },
      { now: NOW, strategy },
    );

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    await sql`update settings set currency = 'PLN'`.execute(db);
    await putExchangeRates(db, SYSTEM_VIEWER, [
      { currency: 'EUR', effectiveFrom: '2026-10-01', rate: '4.3' },
      { currency: 'EUR', effectiveFrom: '2026-11-20', rate: '4.25' },
    ]);
    const teamId = await team(db, 'Sales');
    who.ann = await user(db, 'Ann', teamId);
    who.bob = await user(db, 'Bob', teamId);
    who.cid = await user(db, 'Cid', teamId);
    const deal = (ownerId: number) =>
      opportunity(db, {
        ownerId,
        status: 'won',
        amount: 1,
        currency: 'PLN',
        type: 'new_business',
        createdAt: '2026-09-01T00:00:00Z',
        closedAt: '2026-10-10T00:00:00Z',
      });
    const november = {
      periodKey: '2026-11',
      start: '2026-11-01',
      end: '2026-12-01',
      status: 'locked',
    } as const;
    // Ann, PLN: 80.00 zł on 1,000.00 zł, as it is.
    await statement(db, {
      ...november,
      userId: who.ann,
      currency: 'PLN',
      credited: 100_000,
      lines: [{ kind: 'commission', opp: await deal(who.ann), amount: 8_000 }],
    });
    // Bob, EUR: €10.01 on €200.01 by 4.25 -> 42.5425 zł = 4254.25 -> 4254 on 850.0425 zł = 85004.25 -> 85004.
    await statement(db, {
      ...november,
      userId: who.bob,
      currency: 'EUR',
      credited: 20_001,
      lines: [{ kind: 'commission', opp: await deal(who.bob), amount: 1_001 }],
    });
    // Bob, October, EUR: €5.00 on €100.00 by 4.3 -> 2150 on 43000 (in Q4, not in November).
    await statement(db, {
      userId: who.bob,
      periodKey: '2026-10',
      start: '2026-10-01',
      end: '2026-11-01',
      status: 'paid',
      currency: 'EUR',
      credited: 10_000,
      lines: [{ kind: 'type_rate', opp: await deal(who.bob), amount: 500 }],
    });
    // Cid, GBP: no rate, left out of every pay metric.
    await statement(db, {
      ...november,
      userId: who.cid,
      currency: 'GBP',
      credited: 10_000,
      lines: [{ kind: 'commission', opp: await deal(who.cid), amount: 700 }],
    });
    await db
      .insertInto('customers')
      .values(
        ['K1', 'K2'].map((name) => ({
          name,
          started_at: '2026-11-15',
          ended_at: null,
          acquired_by: who.ann,
        })),
      )
      .execute();
  });

  it('commission cost of sales converts a euro statement by its period’s last day and leaves GBP out', async () => {
    const [nov] = await run(['commission_cost_of_sales']);
    // (8000 + 4254) / (100000 + 85004).
    expect(nov!.values.commission_cost_of_sales).toEqual({
      value: 12_254 / 185_004,
      numerator: 12_254,
      denominator: 185_004,
    });
    const [q4] = await run(['commission_cost_of_sales'], Q4);
    // Adds Bob's October at October's rate: 2150 on 43000.
    expect(q4!.values.commission_cost_of_sales).toMatchObject({ numerator: 14_404, denominator: 228_004 });
    const reps = await run(['commission_cost_of_sales'], { groupBy: 'rep' });
    const byRep = new Map(reps.map((r) => [r.groupId, r.values.commission_cost_of_sales]));
    expect(byRep.get(who.bob)).toEqual({ value: 4_254 / 85_004, numerator: 4_254, denominator: 85_004 });
    expect(byRep.get(who.cid)?.value ?? null).toBeNull();
  });

  it('CAC adds the converted new-business commission lines', async () => {
    const [nov] = await run(['cac']);
    // (8000 + 4254) / 2 customers; the GBP line is left out.
    expect(nov!.values.cac).toEqual({ value: 6_127, numerator: 12_254, denominator: 2 });
  });

  it('raw and the default strategy agree on pay metrics', async () => {
    for (const q of [{}, Q4, { groupBy: 'rep' as const }]) {
      expect(await run(['commission_cost_of_sales', 'cac'], q, 'auto')).toEqual(
        await run(['commission_cost_of_sales', 'cac'], q, 'raw'),
      );
    }
  });

  it('names the statement currencies left out, for the report warning', async () => {
    const range = { from: '2026-11-01', toExclusive: '2026-12-01', currency: 'PLN' };
    expect(await statementCurrenciesWithoutRate(ctx.db, range)).toEqual(['GBP']);
    expect(
      await statementCurrenciesWithoutRate(ctx.db, {
        ...range,
        from: '2026-10-01',
        toExclusive: '2026-11-01',
      }),
    ).toEqual([]);
    expect(missingStatementRateWarning(['GBP'])).toMatch(
      /^Commission statements in GBP are left out of pay metrics/,
    );
  });
});
