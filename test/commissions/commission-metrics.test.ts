import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER, type Viewer } from '../../src/domain/access/viewer.ts';
import type { MetricQuery } from '../../src/domain/metrics/query.ts';
import { leaderboard } from '../../src/store/queries/leaderboard/leaderboard.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { statement } from '../support/statement-rows.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { opportunity, team, user } from '../metrics/fixtures.ts';

// Hand-made statements (the engine is not involved): what CAC and commission_cost_of_sales read of them.
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const Q4 = { from: '2026-10-01', to: '2026-12-31' };
const NOW = new Date('2027-01-15T12:00:00Z');

describeStores('commission metrics: CAC and commission cost of sales', (ctx) => {
  const who = {} as Record<'a' | 'b' | 'c' | 'team', number>;
  const run = (metricIds: string[], q: Partial<MetricQuery> = {}) =>
    runMetrics(ctx.db, SYSTEM_VIEWER, { metricIds, groupBy: 'company', ...NOVEMBER, ...q }, { now: NOW });

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    who.team = await team(db, 'Sales');
    who.a = await user(db, 'Ann', who.team);
    who.b = await user(db, 'Bob', who.team);
    who.c = await user(db, 'Cid', who.team);
    const won = (ownerId: number, type: 'new_business' | 'renewal') =>
      opportunity(db, {
        ownerId,
        status: 'won',
        amount: 1,
        type,
        createdAt: '2026-09-01T00:00:00Z',
        closedAt: '2026-11-10T00:00:00Z',
      });
    const n1 = await won(who.a, 'new_business');
    const r1 = await won(who.a, 'renewal');
    const n2 = await won(who.b, 'new_business');
    const n3 = await won(who.b, 'new_business');
    const n4 = await won(who.b, 'new_business');
    const n5 = await won(who.c, 'new_business');
    // Ann, November, locked: 8,000 new-business commission, 500 on a renewal, a 500 bonus.
    await statement(db, {
      userId: who.a,
      periodKey: '2026-11',
      start: '2026-11-01',
      end: '2026-12-01',
      status: 'locked',
      credited: 100_000,
      lines: [
        { kind: 'commission', opp: n1, amount: 8_000 },
        { kind: 'type_rate', opp: r1, amount: 500 },
        { kind: 'bonus', opp: null, amount: 500 },
      ],
    });
    // Bob, November, paid: SPIF 1,000 and commission 3,500 on N2, a 500 clawback on N3.
    await statement(db, {
      userId: who.b,
      periodKey: '2026-11',
      start: '2026-11-01',
      end: '2026-12-01',
      status: 'paid',
      credited: 50_000,
      lines: [
        { kind: 'spif', opp: n2, amount: 1_000 },
        { kind: 'commission', opp: n2, amount: 3_500 },
        { kind: 'clawback', opp: n3, amount: -500 },
      ],
    });
    // Bob, October, locked: in Q4, not in November.
    await statement(db, {
      userId: who.b,
      periodKey: '2026-10',
      start: '2026-10-01',
      end: '2026-11-01',
      status: 'locked',
      credited: 20_000,
      lines: [{ kind: 'type_rate', opp: n4, amount: 1_000 }],
    });
    // Ann, a quarterly plan's Q4, locked: counts in the quarter, not in November (its payout has no month).
    await statement(db, {
      userId: who.a,
      periodKey: '2026-Q4',
      start: '2026-10-01',
      end: '2027-01-01',
      status: 'locked',
      credited: 30_000,
      lines: [{ kind: 'commission', opp: n1, amount: 3_000 }],
    });
    // Cid: a November draft and a locked statement in euros: neither counts.
    await statement(db, {
      userId: who.c,
      periodKey: '2026-11',
      start: '2026-11-01',
      end: '2026-12-01',
      status: 'draft',
      credited: 10_000,
      lines: [{ kind: 'commission', opp: n5, amount: 5_000 }],
    });
    await statement(db, {
      userId: who.c,
      periodKey: '2026-11-eur',
      start: '2026-11-01',
      end: '2026-12-01',
      status: 'locked',
      currency: 'EUR',
      credited: 10_000,
      lines: [{ kind: 'commission', opp: n5, amount: 7_000 }],
    });
    await db
      .insertInto('acquisition_costs')
      .values({
        period_start: '2026-11-01',
        period_end: '2026-11-30',
        amount_minor: 6_000,
        currency: 'USD',
        team_id: who.team,
      })
      .execute();
    await db
      .insertInto('customers')
      .values(
        ['K1', 'K2', 'K3'].map((name) => ({
          name,
          started_at: '2026-11-15',
          ended_at: null,
          acquired_by: who.a,
        })),
      )
      .execute();
  });

  it('commission cost of sales: payouts / credited revenue of locked and paid statements inside the period', async () => {
    const [nov] = await run(['commission_cost_of_sales']);
    // (9,000 + 4,000) / (100,000 + 50,000).
    expect(nov!.values.commission_cost_of_sales).toEqual({
      value: 13_000 / 150_000,
      numerator: 13_000,
      denominator: 150_000,
    });
    const [q4] = await run(['commission_cost_of_sales'], Q4);
    // Adds Bob's October (1,000 on 20,000) and Ann's quarter (3,000 on 30,000).
    expect(q4!.values.commission_cost_of_sales).toEqual({
      value: 0.085,
      numerator: 17_000,
      denominator: 200_000,
    });
  });

  it('commission cost of sales per rep; a rep with only a draft or a foreign currency has none', async () => {
    const rows = await run(['commission_cost_of_sales'], { groupBy: 'rep' });
    const byRep = new Map(rows.map((r) => [r.groupId, r.values.commission_cost_of_sales?.value ?? null]));
    expect(byRep.get(who.a)).toBe(0.09);
    expect(byRep.get(who.b)).toBe(0.08);
    expect(byRep.get(who.c) ?? null).toBeNull();
  });

  it('CAC counts new-business commission lines and their clawbacks beside acquisition costs', async () => {
    const [nov] = await run(['cac']);
    // 6,000 acquisition + Ann's 8,000 (not the renewal or the bonus) + Bob's 1,000 + 3,500 - 500; 3 customers.
    expect(nov!.values.cac).toEqual({ value: 6_000, numerator: 18_000, denominator: 3 });
    const [q4] = await run(['cac'], Q4);
    // Adds Bob's October type-rate 1,000 and Ann's quarterly 3,000.
    expect(q4!.values.cac).toEqual({ value: 22_000 / 3, numerator: 22_000, denominator: 3 });
    const [t] = await run(['cac'], { groupBy: 'team' });
    expect(t!.values.cac?.value).toBe(6_000);
  });

  it('pay is private: a rep asking for the team or the company gets only their own, and it is never ranked', async () => {
    const ann: Viewer = { userId: who.a, role: 'rep', visibleUserIds: [who.a] };
    for (const groupBy of ['company', 'team'] as const) {
      const [row] = await runMetrics(
        ctx.db,
        ann,
        { metricIds: ['commission_cost_of_sales', 'won_count'], groupBy, ...NOVEMBER },
        { now: NOW },
      );
      // Ann's 9,000 on 100,000 only, not the team's 13,000 on 150,000; the other metric of the same request is
      // narrowed with it (Ann's two won deals, not the team's six).
      expect(row!.values.commission_cost_of_sales).toEqual({
        value: 0.09,
        numerator: 9_000,
        denominator: 100_000,
      });
      expect(row!.values.won_count?.value).toBe(2);
    }
    // Without a pay metric, the team aggregate stays open to every signed-in user, as before.
    const [open] = await runMetrics(
      ctx.db,
      ann,
      { metricIds: ['won_count'], groupBy: 'team', ...NOVEMBER },
      { now: NOW },
    );
    expect(open!.values.won_count?.value).toBe(6);
    await expect(
      leaderboard(ctx.db, SYSTEM_VIEWER, {
        metricId: 'commission_cost_of_sales',
        periodKey: '2026-11',
        board: 'reps',
      }),
    ).rejects.toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
