import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/access/viewer.ts';
import type { PlanRules } from '../../src/domain/commissions/types.ts';
import { AppError } from '../../src/errors.ts';
import { raiseDispute } from '../../src/store/queries/commissions/disputes.ts';
import { createAssignment, createCommissionPlan } from '../../src/store/queries/commissions/plans.ts';
import { runCommissions } from '../../src/store/queries/commissions/run.ts';
import { setSplits } from '../../src/store/queries/commissions/splits.ts';
import { opportunity, team, user } from '../metrics/fixtures.ts';
import { signIn, testApp } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { insertStatement } from './fixtures.ts';

/*
 * Regressions for the defects an attack on the commissions API found (p1 probe, 2026-11-30). Each test is named
 * after the defect it pins.
 */

const QUARTERLY: PlanRules = {
  currency: 'USD',
  period: 'quarter',
  creditOn: 'close',
  tierMode: 'marginal',
  tiers: [{ fromPct: 0, rateBp: 1000 }],
  typeRates: {},
  attainmentTypes: ['new_business', 'upsell', 'renewal'],
  capMinor: null,
  bonuses: [],
  spifs: [],
  draw: null,
  ramp: false,
  rollUp: false,
  clawbackDays: null,
};

const code = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `plain error: ${String(e)}`),
  );

describeStores('commissions: defects found by the attack probe', (ctx) => {
  const id = {} as Record<'admin' | 'manager' | 'rep' | 'deal' | 'openDeal', number>;
  let admin: Viewer;
  let manager: Viewer;
  let rep: Viewer;

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    id.admin = (await seedUser(db, { role: 'admin' })).id;
    id.manager = await user(db, 'Mia Manager', null, 'manager');
    const t = await team(db, 'East');
    await db.updateTable('teams').set({ manager_id: id.manager }).where('id', '=', t).execute();
    id.rep = await user(db, 'Ray Rep', t);
    id.deal = await opportunity(db, {
      ownerId: id.rep,
      status: 'won',
      amount: 1_000_000,
      createdAt: '2026-09-01T10:00:00Z',
      closedAt: '2026-10-15T15:00:00Z',
    });
    id.openDeal = await opportunity(db, {
      ownerId: id.rep,
      status: 'open',
      amount: 500_000,
      createdAt: '2026-09-01T10:00:00Z',
    });
    admin = { userId: id.admin, role: 'admin', visibleUserIds: null };
    manager = { userId: id.manager, role: 'manager', visibleUserIds: [id.manager, id.rep] };
    rep = { userId: id.rep, role: 'rep', visibleUserIds: [id.rep] };
    const plan = await createCommissionPlan(db, admin, {
      name: 'Quarterly',
      effectiveFrom: '2026-01-01',
      rules: QUARTERLY,
    });
    await createAssignment(db, admin, { userId: id.rep, planId: plan.id, effectiveFrom: '2026-01-01' });
  });

  beforeEach(async () => {
    await ctx.db.deleteFrom('commission_statements').where('status', '=', 'draft').execute();
    await ctx.db.updateTable('settings').set({ fiscal_year_start_month: 1 }).execute();
  });

  const statements = () =>
    ctx.db
      .selectFrom('commission_statements')
      .select(['period_key', 'payout_minor'])
      .orderBy('period_key')
      .execute();

  it('a calendar quarter and its overlapping fiscal quarter no longer both pay the same deal', async () => {
    // Fiscal year from February: FY2027-Q3 is Aug-Oct 2026 and overlaps the calendar 2026-Q4 (Oct-Dec). Both
    // runs used to write a statement crediting the 15 Oct deal, so payroll paid it twice.
    await ctx.db.updateTable('settings').set({ fiscal_year_start_month: 2 }).execute();
    await runCommissions(ctx.db, admin, 'FY2027-Q3');
    expect(await code(runCommissions(ctx.db, admin, '2026-Q4'))).toBe('validation');
    expect(await code(runCommissions(ctx.db, admin, '2026'))).toBe('validation');
    expect(await statements()).toEqual([{ period_key: 'FY2027-Q3', payout_minor: 100_000 }]);
  });

  it('a fiscal key naming the same dates as a calendar key is one period, not a second statement', async () => {
    // January start: FY2026-Q4 and 2026-Q4 are both Oct-Dec 2026.
    await runCommissions(ctx.db, admin, '2026-Q4');
    const again = await runCommissions(ctx.db, admin, 'FY2026-Q4');
    expect(again.periodKey).toBe('2026-Q4');
    expect(await statements()).toEqual([{ period_key: '2026-Q4', payout_minor: 100_000 }]);
  });

  it('a manager may not credit themself with a deal of someone below them (self-dealing)', async () => {
    const self = setSplits(ctx.db, manager, id.openDeal, [{ userId: id.manager, shareBp: 10_000 }]);
    expect(await code(self)).toBe('forbidden');
    const half = setSplits(ctx.db, manager, id.openDeal, [
      { userId: id.rep, shareBp: 5000 },
      { userId: id.manager, shareBp: 5000 },
    ]);
    expect(await code(half)).toBe('forbidden');
    expect(
      await ctx.db
        .selectFrom('opportunity_splits')
        .selectAll()
        .where('opportunity_id', '=', id.openDeal)
        .execute(),
    ).toEqual([]);
    // Re-splitting among others stays allowed, and an admin may still credit the manager.
    expect(await code(setSplits(ctx.db, manager, id.openDeal, [{ userId: id.rep, shareBp: 10_000 }]))).toBe(
      'ok',
    );
    expect(await code(setSplits(ctx.db, admin, id.openDeal, [{ userId: id.manager, shareBp: 10_000 }]))).toBe(
      'ok',
    );
    await setSplits(ctx.db, admin, id.openDeal, []);
  });

  it('a statement past 2^53 minor units is a 409 naming the person, not a 500 that stops the whole run', async () => {
    const big = await user(ctx.db, 'Bea Big');
    const huge = Number.MAX_SAFE_INTEGER;
    const plan = await createCommissionPlan(ctx.db, admin, {
      name: 'Two huge bonuses',
      effectiveFrom: '2026-01-01',
      rules: {
        ...QUARTERLY,
        period: 'month',
        bonuses: [
          { label: 'One', atPct: 0, amountMinor: huge },
          { label: 'Two', atPct: 0, amountMinor: huge },
        ],
      },
    });
    await createAssignment(ctx.db, admin, {
      userId: big,
      planId: plan.id,
      effectiveFrom: '2026-01-01',
      targetMinor: 1,
    });
    const run = runCommissions(ctx.db, admin, '2026-10');
    await expect(run).rejects.toThrow(new RegExp(`statement of user ${big} is too large`));
    expect(await code(runCommissions(ctx.db, admin, '2026-10'))).toBe('conflict');
    expect(await statements()).toEqual([]);
  });

  it('the same line cannot be disputed twice while a dispute on it is open (double submit, concurrent posts)', async () => {
    const st = await insertStatement(ctx.db, {
      userId: id.rep,
      periodKey: '2026-Q3',
      periodStart: '2026-07-01',
      periodEnd: '2026-10-01',
      status: 'locked',
      payoutMinor: 1000,
    });
    const lineId = st.lineIds[0]!;
    const results = await Promise.all(
      [1, 2, 3].map(() => code(raiseDispute(ctx.db, rep, st.id, { lineId, comment: 'Looks low' }))),
    );
    expect(results.sort()).toEqual(['conflict', 'conflict', 'ok']);
    const rows = await ctx.db
      .selectFrom('commission_disputes')
      .select(['line_id', 'status'])
      .where('statement_id', '=', st.id)
      .execute();
    expect(rows).toEqual([{ line_id: lineId, status: 'open' }]);
    // Once resolved, the line may be disputed again.
    await ctx.db
      .updateTable('commission_disputes')
      .set({ status: 'rejected', resolution: 'no', resolved_at: new Date() })
      .where('statement_id', '=', st.id)
      .execute();
    expect(await code(raiseDispute(ctx.db, rep, st.id, { lineId, comment: 'Still low' }))).toBe('ok');
    await ctx.db.deleteFrom('commission_disputes').execute();
  });

  it('the statement PDF takes one spelling per id: 019, 0x13, 1.9e1 and +19 are 400s, not statement 19', async () => {
    const app = await testApp(ctx.db);
    try {
      const me = await seedUser(ctx.db, { role: 'rep' });
      const headers = await signIn(app, me);
      for (const raw of ['019', '0x13', '1.9e1', '+19', '19.0', '%2019']) {
        const res = await app.inject({
          method: 'GET',
          url: `/api/print/commission-statement/${raw}/pdf`,
          headers,
        });
        expect(res.statusCode, raw).toBe(400);
      }
      const plain = await app.inject({
        method: 'GET',
        url: '/api/print/commission-statement/19/pdf',
        headers,
      });
      expect(plain.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
