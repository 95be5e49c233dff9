import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER, type Viewer } from '../../src/domain/access/viewer.ts';
import { englishExplanation } from '../../src/domain/commissions/line-reasons.ts';
import type { PlanRules } from '../../src/domain/commissions/types.ts';
import { listDisputes, raiseDispute, resolveDispute } from '../../src/store/queries/commissions/disputes.ts';
import { estimateDeal } from '../../src/store/queries/commissions/estimate.ts';
import { putExchangeRates } from '../../src/store/tables/exchange-rates.ts';
import { lockStatements, payStatements } from '../../src/store/queries/commissions/lock-pay.ts';
import {
  createAssignment,
  createCommissionPlan,
  deleteAssignment,
} from '../../src/store/queries/commissions/plans.ts';
import { payrollCsv } from '../../src/store/queries/commissions/payroll.ts';
import { runCommissions } from '../../src/store/queries/commissions/run.ts';
import { getStatement, listStatements } from '../../src/store/queries/commissions/statements-read.ts';
import { account, opportunity, team, user } from '../metrics/fixtures.ts';
import { testApp, signIn } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

/*
 * A November and December of two reps on one accelerator plan, every number worked by hand
 * (docs/commissions.md). Plan: target 10,000.00 a month (assignment override), 10% to 100% attainment, 15% above,
 * marginal tiers, clawback within 90 days.
 *
 * November (Ann < Bob by user id):
 *   D3  5 Nov  Bob, 2,000.00 new business for Acme     Bob  credited 2,000.00  -> 10% = 200.00
 *   D1 10 Nov  Ann, 8,000.00 split Ann 60% / Bob 40%   Ann  credited 4,800.00  -> 10% = 480.00
 *                                                       Bob  credited 3,200.00  -> 10% = 320.00
 *   D2 20 Nov  Ann, 7,000.00                            Ann  48% -> 118%: 5,200.00 at 10% = 520.00 and
 *                                                            1,800.00 at 15% = 270.00 (the accelerator crossing)
 *   Ann pays 480 + 520 + 270 = 1,270.00; Bob 200 + 320 = 520.00.
 * After November is locked, D2 becomes 8,000.00: recomputed, Ann's D2 is 520.00 + 2,800.00 x 15% = 940.00, so
 * December carries a +150.00 adjustment from 2026-11 and the locked statement still says 1,270.00.
 * Acme started 1 Oct and ends 15 Dec (75 days, within 90): Bob's 200.00 on D3 is clawed back in December.
 */
const RULES: PlanRules = {
  currency: 'USD',
  period: 'month',
  creditOn: 'close',
  tierMode: 'marginal',
  tiers: [
    { fromPct: 0, rateBp: 1000 },
    { fromPct: 100, rateBp: 1500 },
  ],
  typeRates: {},
  attainmentTypes: ['new_business', 'upsell', 'renewal'],
  capMinor: null,
  bonuses: [],
  spifs: [],
  draw: null,
  ramp: false,
  rollUp: false,
  clawbackDays: 90,
};

describeStores('commission runs: split, accelerator, lock, prior-period adjustment, clawback', (ctx) => {
  const id = {} as Record<'ann' | 'bob' | 'plan' | 'd1' | 'd2' | 'd3' | 'admin', number>;
  let admin: Viewer;

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    const t = await team(db, 'Sales');
    id.ann = await user(db, 'Ann', t);
    id.bob = await user(db, 'Bob', t);
    id.admin = (await seedUser(db, { role: 'admin' })).id;
    admin = { userId: id.admin, role: 'admin', visibleUserIds: null };
    const acme = await account(db, 'Acme');
    id.d3 = await opportunity(db, {
      ownerId: id.bob,
      status: 'won',
      amount: 200_000,
      createdAt: '2026-10-01T10:00:00Z',
      closedAt: '2026-11-05T10:00:00Z',
    });
    await db.updateTable('opportunities').set({ account_id: acme }).where('id', '=', id.d3).execute();
    id.d1 = await opportunity(db, {
      ownerId: id.ann,
      status: 'won',
      amount: 800_000,
      createdAt: '2026-10-01T10:00:00Z',
      closedAt: '2026-11-10T10:00:00Z',
    });
    await db
      .insertInto('opportunity_splits')
      .values([
        { opportunity_id: id.d1, user_id: id.ann, share_bp: 6000 },
        { opportunity_id: id.d1, user_id: id.bob, share_bp: 4000 },
      ])
      .execute();
    id.d2 = await opportunity(db, {
      ownerId: id.ann,
      status: 'won',
      amount: 700_000,
      createdAt: '2026-10-01T10:00:00Z',
      closedAt: '2026-11-20T10:00:00Z',
    });
    await db
      .insertInto('customers')
      .values({ name: 'Acme', account_id: acme, started_at: '2026-10-01', ended_at: '2026-12-15' })
      .execute();
    const plan = await createCommissionPlan(db, admin, {
      name: 'Accelerator',
      effectiveFrom: '2026-01-01',
      rules: RULES,
    });
    id.plan = plan.id;
    for (const u of [id.ann, id.bob]) {
      await createAssignment(db, admin, {
        userId: u,
        planId: plan.id,
        effectiveFrom: '2026-01-01',
        targetMinor: 1_000_000,
      });
    }
  });

  const lines = async (userId: number, periodKey: string) => {
    const [s] = await listStatements(ctx.db, SYSTEM_VIEWER, { periodKey, userId });
    const detail = await getStatement(ctx.db, SYSTEM_VIEWER, s!.id);
    return {
      id: s!.id,
      status: s!.status,
      payout: s!.payoutMinor,
      lines: detail!.lines.map((l) => [
        l.kind,
        l.opportunityId,
        l.creditedMinor,
        l.rateBp,
        l.amountMinor,
        l.fromPeriodKey,
      ]),
    };
  };

  it('November: the split deal ends in two statements, the accelerator crossing in two lines', async () => {
    const r = await runCommissions(ctx.db, admin, '2026-11');
    expect(r).toEqual({
      periodKey: '2026-11',
      statements: 2,
      drafts: 2,
      skippedLocked: 0,
      payoutByCurrency: [{ currency: 'USD', payoutMinor: 127_000 + 52_000 }],
    });
    const ann = await lines(id.ann, '2026-11');
    expect(ann.payout).toBe(127_000);
    expect(ann.lines).toEqual([
      ['commission', id.d1, 480_000, 1000, 48_000, null],
      ['commission', id.d2, 520_000, 1000, 52_000, null],
      ['commission', id.d2, 180_000, 1500, 27_000, null],
    ]);
    const bob = await lines(id.bob, '2026-11');
    expect(bob.payout).toBe(52_000);
    expect(bob.lines).toEqual([
      ['commission', id.d3, 200_000, 1000, 20_000, null],
      ['commission', id.d1, 320_000, 1000, 32_000, null],
    ]);
  });

  it('a line keeps its structured reason; a statement stored without reasons falls back to the English text', async () => {
    const [s] = await listStatements(ctx.db, SYSTEM_VIEWER, { periodKey: '2026-11', userId: id.ann });
    const detail = await getStatement(ctx.db, SYSTEM_VIEWER, s!.id);
    // Deal 2 crosses the target: 180,000 of its 700,000 at 15% (tier 2, from 100%), attainment 100% -> 118%.
    const line = detail!.lines[2]!;
    expect(line.reason).toEqual({
      code: 'tier_slice',
      rateBp: 1500,
      sliceMinor: 180_000,
      ofCreditedMinor: 700_000,
      credit: null,
      tier: { number: 2, fromPct: 100, toPct: null, decelerator: false },
      fromPct: 100,
      toPct: 118,
    });
    expect(englishExplanation(line.reason!, 'USD')).toBe(line.explanation);
    // A statement computed before reasons existed: its stored result has none, so the API sends none.
    await sql`
      update commission_statements
      set result = jsonb_set(result, '{lines}',
        (select jsonb_agg(l - 'reason' order by n) from jsonb_array_elements(result->'lines') with ordinality as x(l, n)))
      where id = ${s!.id}`.execute(ctx.db);
    const old = await getStatement(ctx.db, SYSTEM_VIEWER, s!.id);
    expect(old!.lines.map((l) => l.reason)).toEqual([undefined, undefined, undefined]);
    expect(old!.lines[2]!.explanation).toBe(line.explanation);
  });

  it('a second run replaces the drafts instead of adding to them, even when two run at once', async () => {
    const [a, b] = await Promise.all([
      runCommissions(ctx.db, admin, '2026-11'),
      runCommissions(ctx.db, admin, '2026-11'),
    ]);
    expect(a.drafts).toBe(2);
    expect(b.drafts).toBe(2);
    const all = await listStatements(ctx.db, SYSTEM_VIEWER, { periodKey: '2026-11' });
    expect(all.map((s) => s.payoutMinor).sort((x, y) => x - y)).toEqual([52_000, 127_000]);
    const count = await ctx.db
      .selectFrom('commission_statement_lines as l')
      .innerJoin('commission_statements as s', 's.id', 'l.statement_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('s.period_key', '=', '2026-11')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5);
  });

  it('lock, then a changed deal: December carries the difference and the locked statement stays as it was', async () => {
    expect(await lockStatements(ctx.db, admin, { periodKey: '2026-11' })).toHaveLength(2);
    const lockedBefore = await lines(id.ann, '2026-11');
    await ctx.db
      .updateTable('opportunities')
      .set({ amount_minor: 800_000 })
      .where('id', '=', id.d2)
      .execute();
    const nov = await runCommissions(ctx.db, admin, '2026-11');
    expect(nov).toMatchObject({ drafts: 0, skippedLocked: 2 });
    expect(await lines(id.ann, '2026-11')).toEqual(lockedBefore);

    await runCommissions(ctx.db, admin, '2026-12');
    const dec = await lines(id.ann, '2026-12');
    expect(dec.lines).toEqual([['adjustment', id.d2, null, null, 15_000, '2026-11']]);
    expect(dec.payout).toBe(15_000);
    // Running December again does not pay the difference twice.
    await runCommissions(ctx.db, admin, '2026-12');
    expect((await lines(id.ann, '2026-12')).payout).toBe(15_000);
  });

  it("December claws back Bob's commission on the churned customer's deal", async () => {
    const bob = await lines(id.bob, '2026-12');
    expect(bob.lines).toEqual([['clawback', id.d3, null, null, -20_000, null]]);
    expect(bob.payout).toBe(-20_000);
  });

  it("estimate: Ann's open 5,000.00 deal adds 500.00 to December; Bob cannot estimate it", async () => {
    const open = await opportunity(ctx.db, {
      ownerId: id.ann,
      status: 'open',
      amount: 500_000,
      createdAt: '2026-11-01T10:00:00Z',
    });
    const ann: Viewer = { userId: id.ann, role: 'rep', visibleUserIds: [id.ann] };
    const bob: Viewer = { userId: id.bob, role: 'rep', visibleUserIds: [id.bob] };
    const now = new Date('2026-12-10T12:00:00Z');
    const e = await estimateDeal(ctx.db, ann, open, now);
    expect(e).toMatchObject({
      currency: 'USD',
      periodKey: '2026-12',
      payoutNowMinor: 15_000,
      payoutIfWonMinor: 65_000,
      differenceMinor: 50_000,
    });
    expect(e.lines.map((l) => [l.kind, l.opportunityId, l.creditedMinor, l.amountMinor])).toEqual([
      ['commission', open, 500_000, 50_000],
    ]);
    await expect(estimateDeal(ctx.db, bob, open, now)).rejects.toMatchObject({ code: 'not_found' });
    await expect(estimateDeal(ctx.db, ann, id.d1, now)).rejects.toMatchObject({ code: 'conflict' });
  });

  it("estimate: an open deal in another currency is converted by today's rate, or excluded without one", async () => {
    const eur = await opportunity(ctx.db, {
      ownerId: id.ann,
      status: 'open',
      amount: 100_000,
      currency: 'EUR',
      createdAt: '2026-11-01T10:00:00Z',
    });
    const ann: Viewer = { userId: id.ann, role: 'rep', visibleUserIds: [id.ann] };
    const now = new Date('2026-12-10T12:00:00Z');
    const excluded = await estimateDeal(ctx.db, ann, eur, now);
    expect(excluded.lines.map((l) => [l.kind, l.amountMinor])).toEqual([['excluded', 0]]);
    // 1,000.00 EUR at 1.1 (the rate of 2026-12-01, in effect on the 10th; the 2026-12-20 rate is not yet) = 1,100.00.
    await putExchangeRates(ctx.db, admin, [
      { currency: 'EUR', effectiveFrom: '2026-12-01', rate: '1.1' },
      { currency: 'EUR', effectiveFrom: '2026-12-20', rate: '2' },
    ]);
    const e = await estimateDeal(ctx.db, ann, eur, now);
    expect(e.lines.map((l) => [l.kind, l.creditedMinor, l.amountMinor])).toEqual([
      ['commission', 110_000, 11_000],
    ]);
    expect(e.lines[0]!.explanation).toContain('1,000.00 EUR converted at the rate of 2026-12-10');
    await ctx.db.deleteFrom('opportunities').where('id', '=', eur).execute();
  });

  it('pay, payroll CSV, and an assignment used by a locked statement cannot be removed', async () => {
    expect(await payStatements(ctx.db, admin, { periodKey: '2026-11' })).toHaveLength(2);
    const { csv } = await payrollCsv(ctx.db, admin, '2026-11');
    const rows = csv.trim().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`,USD,1270.00,127000,paid,`);
    const [assignment] = await ctx.db
      .selectFrom('commission_assignments')
      .select('id')
      .where('user_id', '=', id.ann)
      .execute();
    await expect(deleteAssignment(ctx.db, admin, assignment!.id)).rejects.toMatchObject({ code: 'conflict' });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', 'like', 'commission%')
      .execute();
    const actions = new Set(audit.map((a) => `${a.entity}:${a.action}`));
    for (const a of [
      'commission_plan:create',
      'commission_assignment:create',
      'commission_period:run',
      'commission_statement:lock',
      'commission_statement:pay',
      'commission_payroll:export',
    ]) {
      expect(actions, a).toContain(a);
    }
  });

  it("an accepted dispute is paid once, in the person's next open statement", async () => {
    const bob: Viewer = { userId: id.bob, role: 'rep', visibleUserIds: [id.bob] };
    const nov = await lines(id.bob, '2026-11');
    const detail = await getStatement(ctx.db, bob, nov.id);
    const line = detail!.lines.find((l) => l.opportunityId === id.d1)!;
    const d = await raiseDispute(ctx.db, bob, nov.id, { lineId: line.id, comment: 'My share was 50%' });
    await resolveDispute(ctx.db, admin, d.id, {
      decision: 'accepted',
      resolution: 'Agreed: 50%',
      adjustmentMinor: 8_000,
    });
    await runCommissions(ctx.db, admin, '2026-12');
    await runCommissions(ctx.db, admin, '2026-12');
    const dec = await lines(id.bob, '2026-12');
    expect(dec.lines).toContainEqual(['adjustment', id.d1, null, null, 8_000, '2026-11']);
    expect(dec.lines).toContainEqual(['clawback', id.d3, null, null, -20_000, null]);
    expect(dec.lines).toHaveLength(2);
    expect(dec.payout).toBe(-12_000);
    const [after] = await listDisputes(ctx.db, admin, { statementId: nov.id });
    expect(after).toMatchObject({
      status: 'accepted',
      appliedInStatementId: dec.id,
      // The list names whose statement and which period, so an admin's queue reads without opening each one.
      personName: 'Bob',
      periodKey: '2026-11',
      currency: 'USD',
    });
    const tagged = await ctx.db
      .selectFrom('commission_statement_lines')
      .select('dispute_id')
      .where('statement_id', '=', dec.id)
      .where('kind', '=', 'adjustment')
      .execute();
    expect(tagged).toEqual([{ dispute_id: d.id }]);
  });

  it('assignments of one person never overlap, even when two are written at once', async () => {
    const carl = await user(ctx.db, 'Carl');
    const results = await Promise.allSettled([
      createAssignment(ctx.db, admin, { userId: carl, planId: id.plan, effectiveFrom: '2026-03-01' }),
      createAssignment(ctx.db, admin, {
        userId: carl,
        planId: id.plan,
        effectiveFrom: '2026-06-01',
        effectiveTo: '2026-07-01',
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'conflict' });
    // Adjacent ranges are fine: [2026-01-01, 2026-03-01) ends where the open one starts.
    const stored = await ctx.db
      .selectFrom('commission_assignments')
      .selectAll()
      .where('user_id', '=', carl)
      .execute();
    if (stored[0]!.effective_from === '2026-03-01') {
      await expect(
        createAssignment(ctx.db, admin, {
          userId: carl,
          planId: id.plan,
          effectiveFrom: '2026-01-01',
          effectiveTo: '2026-03-01',
        }),
      ).resolves.toMatchObject({ effectiveTo: '2026-03-01' });
    }
  });

  it('HTTP: bad rules and bad periods are 400s naming the field; reps and managers cannot write plans', async () => {
    const app = await testApp(ctx.db);
    try {
      const adminUser = await ctx.db
        .selectFrom('users')
        .select(['email'])
        .where('id', '=', id.admin)
        .executeTakeFirstOrThrow();
      const h = await signIn(app, { email: adminUser.email });
      const bad = await app.inject({
        method: 'POST',
        url: '/api/commissions/plans',
        headers: h,
        payload: {
          name: 'Bad',
          effectiveFrom: '2026-01-01',
          rules: { ...RULES, tiers: [{ fromPct: 0, rateBp: -5 }] },
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('tiers');
      const period = await app.inject({
        method: 'POST',
        url: '/api/commissions/runs',
        headers: h,
        payload: { period: '2026-W47' },
      });
      expect(period.statusCode).toBe(400);
      expect(period.json().error.details[0]).toMatchObject({ field: 'period', value: '2026-W47' });
      const rep = await seedUser(ctx.db, { role: 'rep' });
      const hr = await signIn(app, rep);
      const denied = await app.inject({
        method: 'POST',
        url: '/api/commissions/plans',
        headers: hr,
        payload: { name: 'Mine', effectiveFrom: '2026-01-01', rules: RULES },
      });
      expect(denied.statusCode).toBe(403);
      // A rep on no plan sees no plans; Ann (not signed in here) would see only hers.
      const plans = await app.inject({ method: 'GET', url: '/api/commissions/plans', headers: hr });
      expect(plans.json()).toEqual({ plans: [] });
    } finally {
      await app.close();
    }
  });

  it('removing an assignment takes its drafts with it, and never interleaves with a lock (found by probing)', async () => {
    // Dana is on the plan only in 2027-03; the other reps' March statements show the lock still works.
    const dana = await user(ctx.db, 'Dana');
    const statusOf = async () =>
      (await listStatements(ctx.db, SYSTEM_VIEWER, { periodKey: '2027-03', userId: dana }))[0]?.status ??
      null;
    const assign = () =>
      createAssignment(ctx.db, admin, {
        userId: dana,
        planId: id.plan,
        effectiveFrom: '2027-03-01',
        effectiveTo: '2027-04-01',
        targetMinor: 1_000_000,
      });
    // One after the other: the draft computed under the removed assignment is gone, so a lock cannot freeze it.
    const first = await assign();
    await runCommissions(ctx.db, admin, '2027-03');
    expect(await statusOf()).toBe('draft');
    await deleteAssignment(ctx.db, admin, first.id);
    expect(await statusOf()).toBeNull();
    // At once: either the lock wins (the removal is refused: the statement is locked) or the removal wins (no
    // statement for Dana is locked). Before, the removal could pass its check while the lock froze the draft.
    const second = await assign();
    await runCommissions(ctx.db, admin, '2027-03');
    const [locked, removed] = await Promise.allSettled([
      lockStatements(ctx.db, admin, { periodKey: '2027-03' }),
      deleteAssignment(ctx.db, admin, second.id),
    ]);
    expect(locked.status).toBe('fulfilled');
    if (removed.status === 'fulfilled') expect(await statusOf()).toBeNull();
    else {
      expect(removed.reason).toMatchObject({ code: 'conflict' });
      expect(await statusOf()).toBe('locked');
    }
  });
});
