import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import type { PlanRules } from '../../src/domain/commissions/types.ts';
import { AppError } from '../../src/errors.ts';
import { whatIf } from '../../src/store/queries/commissions/what-if.ts';
import { testApp, signIn, type AuthHeaders } from '../support/app.ts';
import { emptyStoreWithPipeline } from '../support/pipeline.ts';
import { planRules } from '../support/commission-fixtures.ts';
import { describeStores } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

// Today is 10 December 2026 (UTC workspace): a monthly plan's last two complete periods are October and November.
// Today's plan for A and B pays a flat 10%. A's assignment has its own monthly target of 1,000.00; B's target is
// a recurring monthly quota of 2,000.00. C (another team, no plan) is outside the manager's reach.
// Deals: A 500.00 in October and 1,500.00 in November; B 1,000.00 in November.
// The proposal: 5% up to target, 20% above (marginal).
const NOW = new Date('2026-12-10T12:00:00Z');
const PROPOSAL: PlanRules = planRules({
  tiers: [
    { fromPct: 0, rateBp: 500 },
    { fromPct: 100, rateBp: 2000 },
  ],
});

describeStores('commissions what-if', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  const h = {} as Record<'manager' | 'rep' | 'admin', AuthHeaders>;
  const id = {} as Record<'a' | 'b' | 'c' | 'manager', number>;

  beforeAll(async () => {
    const db = ctx.db;
    const p = await emptyStoreWithPipeline(db);
    app = await testApp(db);
    const admin = await seedUser(db, { role: 'admin' });
    const manager = await seedUser(db, { role: 'manager' });
    const east = await db
      .insertInto('teams')
      .values({ name: 'East', manager_id: manager.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const west = await db
      .insertInto('teams')
      .values({ name: 'West' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await seedUser(db, { role: 'rep', teamId: east.id, name: 'Ann' });
    const b = await seedUser(db, { role: 'rep', teamId: east.id, name: 'Bob' });
    const c = await seedUser(db, { role: 'rep', teamId: west.id, name: 'Cid' });
    Object.assign(id, { a: a.id, b: b.id, c: c.id, manager: manager.id });
    h.admin = await signIn(app, admin);
    h.manager = await signIn(app, manager);
    h.rep = await signIn(app, a);
    const plan = await db
      .insertInto('commission_plans')
      .values({ name: 'Flat 10%' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('commission_plan_versions')
      .values({
        plan_id: plan.id,
        version: 1,
        effective_from: '2026-01-01',
        rules: JSON.stringify(planRules()),
      })
      .execute();
    await db
      .insertInto('commission_assignments')
      .values([
        { user_id: a.id, plan_id: plan.id, effective_from: '2026-01-01', target_minor: 100_000 },
        { user_id: b.id, plan_id: plan.id, effective_from: '2026-01-01', target_minor: null },
      ])
      .execute();
    await db
      .insertInto('goals')
      .values({
        name: 'Bob monthly quota',
        metric_id: 'won_revenue',
        scope_type: 'user',
        scope_id: b.id,
        grain: 'month',
        period_key: null,
        target: 200_000,
      })
      .execute();
    const won = (owner: number, amount: number, closedAt: string) =>
      db
        .insertInto('opportunities')
        .values({
          name: `deal ${owner} ${closedAt}`,
          owner_id: owner,
          pipeline_id: p.pipelineId,
          stage_id: p.firstStageId,
          status: 'won',
          amount_minor: amount,
          currency: 'USD',
          created_at: '2026-09-01T00:00:00Z',
          closed_at: closedAt,
        })
        .execute();
    await won(a.id, 50_000, '2026-10-10T10:00:00Z');
    await won(a.id, 150_000, '2026-11-05T10:00:00Z');
    await won(b.id, 100_000, '2026-11-20T10:00:00Z');
    await won(c.id, 999_000, '2026-11-21T10:00:00Z');
  });
  afterAll(async () => app?.close());

  it('replays the last two months under the proposal and under today plans, by hand', async () => {
    const r = await whatIf(ctx.db, SYSTEM_VIEWER, { rules: PROPOSAL, periods: 2, now: NOW });
    // Cid is on no plan: the admin's default is the people on a plan.
    expect(r.people.map((p) => p.name)).toEqual(['Ann', 'Bob']);
    // October: A 500 of 1,000 at 5% = 25.00. November: A 1,000 at 5% + 500 at 20% = 150.00; B 1,000 of 2,000 at
    // 5% = 50.00. A reached her target in November.
    expect(r.periods).toEqual([
      {
        periodKey: '2026-10',
        periodStart: '2026-10-01',
        periodEnd: '2026-11-01',
        revenueMinor: 50_000,
        payoutMinor: 2_500,
        costOfSalesPct: 5,
        repsOverTarget: 0,
        reps: 2,
      },
      {
        periodKey: '2026-11',
        periodStart: '2026-11-01',
        periodEnd: '2026-12-01',
        revenueMinor: 250_000,
        payoutMinor: 20_000,
        costOfSalesPct: 8,
        repsOverTarget: 1,
        reps: 2,
      },
    ]);
    // Today's flat 10%: 50.00 in October, 250.00 in November.
    expect(r.baseline.map((p) => [p.periodKey, p.payoutMinor, p.costOfSalesPct])).toEqual([
      ['2026-10', 5_000, 10],
      ['2026-11', 25_000, 10],
    ]);
    expect(r.totals).toEqual({
      revenueMinor: 300_000,
      payoutMinor: 22_500,
      costOfSalesPct: 7.5,
      repsOverTarget: 1,
      reps: 4,
      baselineRevenueMinor: 300_000,
      baselinePayoutMinor: 30_000,
      baselineCostOfSalesPct: 10,
      differenceMinor: -7_500,
    });
    expect(r.simulated).toBeUndefined();
  });

  it('simulates attainment: at exactly 100% every run pays each person their on-target commission', async () => {
    const r = await whatIf(ctx.db, SYSTEM_VIEWER, {
      rules: PROPOSAL,
      periods: 2,
      now: NOW,
      simulation: { runs: 200, meanPct: 100, sdPct: 0, seed: 7 },
    });
    // Targets 1,000 and 2,000: 5% of each = 150.00 per run on 3,000.00.
    expect(r.simulated).toMatchObject({ p10: 15_000, p50: 15_000, p90: 15_000, costOfSalesPct: 5 });
    // The curve at the median target (1,000.00): 5% to target, 20% above.
    const curve = new Map(r.simulated!.payoutCurve.map((c) => [c.attainmentPct, c.payoutMinor]));
    expect(r.simulated!.curveTargetMinor).toBe(100_000);
    expect([curve.get(0), curve.get(50), curve.get(100), curve.get(150), curve.get(200)]).toEqual([
      0, 2_500, 5_000, 15_000, 25_000,
    ]);
    const spread = await whatIf(ctx.db, SYSTEM_VIEWER, {
      rules: PROPOSAL,
      periods: 1,
      now: NOW,
      simulation: { runs: 500, meanPct: 100, sdPct: 30, seed: 7 },
    });
    const s = spread.simulated!;
    expect(s.p10).toBeLessThan(s.p50);
    expect(s.p50).toBeLessThan(s.p90);
  });

  it('names people without a plan in the warnings and leaves them out of the baseline only', async () => {
    const r = await whatIf(ctx.db, SYSTEM_VIEWER, {
      rules: PROPOSAL,
      periods: 1,
      userIds: [id.a, id.c],
      now: NOW,
    });
    expect(r.periods[0]).toMatchObject({ reps: 2, revenueMinor: 150_000 + 999_000 });
    expect(r.baseline[0]).toMatchObject({ reps: 1, revenueMinor: 150_000, payoutMinor: 15_000 });
    expect(r.warnings.join('\n')).toMatch(/not on a plan today \(no baseline\): Cid/);
    // Cid has no target: his deal earns the on-target rate (tier of 100%: 20%).
    expect(r.warnings.join('\n')).toMatch(/no target .*Cid/);
    // One notice per warning, naming the same people as values.
    expect(r.notices).toEqual([
      { code: 'no_plan_today', params: { names: ['Cid'], more: 0 } },
      { code: 'no_target', params: { names: ['Cid'], more: 0 } },
    ]);
    expect(r.periods[0]!.payoutMinor).toBe(15_000 + 199_800);
  });

  it('a roll-up proposal credits a manager with their people deals against their people quotas', async () => {
    const r = await whatIf(ctx.db, SYSTEM_VIEWER, {
      rules: { ...PROPOSAL, rollUp: true },
      periods: 2,
      userIds: [id.manager],
      now: NOW,
    });
    // Target: the manager's own quota (none) + Bob's 2,000.00 (Ann's 1,000.00 is her assignment's, not a quota).
    // October: Ann's 500.00 at 5% = 25.00. November: 2,500.00 = 2,000 at 5% + 500 at 20% = 200.00, 125%.
    expect(r.periods.map((p) => [p.periodKey, p.payoutMinor, p.repsOverTarget, p.revenueMinor])).toEqual([
      ['2026-10', 2_500, 0, 0],
      ['2026-11', 20_000, 1, 0],
    ]);
    // Roll-up credits are the people's deals again, not the manager's revenue: no cost-of-sales ratio.
    expect(r.periods[1]!.costOfSalesPct).toBeNull();
  });

  it('refuses bad rules and periods naming the field', async () => {
    const bad = (await whatIf(ctx.db, SYSTEM_VIEWER, {
      rules: { ...PROPOSAL, tiers: [{ fromPct: 0, rateBp: -5 }] },
      periods: 2,
      now: NOW,
    }).catch((e: unknown) => e)) as AppError;
    expect(bad).toBeInstanceOf(AppError);
    expect(bad.code).toBe('validation');
    expect(JSON.stringify(bad.details)).toMatch(/tiers/);
    const periods = (await whatIf(ctx.db, SYSTEM_VIEWER, { rules: PROPOSAL, periods: 0, now: NOW }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(periods.details[0]?.field).toBe('periods');
  });

  it('over HTTP: a manager models the people below them only; a rep is refused', async () => {
    const mine = await app.inject({
      method: 'POST',
      url: '/api/commissions/what-if',
      headers: h.manager,
      payload: { rules: PROPOSAL, periods: 2 },
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().people.map((p: { userId: number }) => p.userId)).toEqual([id.a, id.b]);
    expect(mine.json().periods).toHaveLength(2);
    const outside = await app.inject({
      method: 'POST',
      url: '/api/commissions/what-if',
      headers: h.manager,
      payload: { rules: PROPOSAL, periods: 2, userIds: [id.c] },
    });
    expect(outside.statusCode).toBe(404);
    const self = await app.inject({
      method: 'POST',
      url: '/api/commissions/what-if',
      headers: h.manager,
      payload: { rules: PROPOSAL, periods: 2, userIds: [id.manager] },
    });
    expect(self.statusCode).toBe(404);
    const rep = await app.inject({
      method: 'POST',
      url: '/api/commissions/what-if',
      headers: h.rep,
      payload: { rules: PROPOSAL, periods: 2 },
    });
    expect(rep.statusCode).toBe(403);
  });
});
