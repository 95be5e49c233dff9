import type { Transaction } from 'kysely';
import { SYSTEM_VIEWER } from '../domain/access/viewer.ts';
import { addMonths, dateParts, ymd } from '../domain/calendar/local-date.ts';
import type { PlanRules } from '../domain/commissions/types.ts';
import { viewerForUser } from '../store/access/viewer-for-user.ts';
import { raiseDispute } from '../store/queries/commissions/disputes.ts';
import { lockStatements, payStatements } from '../store/queries/commissions/lock-pay.ts';
import { createAssignment, createCommissionPlan } from '../store/queries/commissions/plans.ts';
import { runCommissions } from '../store/queries/commissions/run.ts';
import { setSplits } from '../store/queries/commissions/splits.ts';
import type { Database } from '../store/schema.ts';
import type { RepProfile } from './org.ts';

/** The correction the demo makes to one deal after its month was locked (a prior-period adjustment follows). */
export const DEMO_CORRECTION_MINOR = 250_000;

const BASE: Omit<PlanRules, 'tiers' | 'tierMode' | 'currency'> = {
  period: 'month',
  creditOn: 'close',
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

/** The brief: 10% on reaching the monthly target (below it nothing); retroactive, so the rate covers every deal. */
const ON_TARGET_TIERS: PlanRules['tiers'] = [
  { fromPct: 0, rateBp: 0 },
  { fromPct: 100, rateBp: 1000 },
];

function monthKey(date: string): string {
  return date.slice(0, 7);
}

/**
 * Demo commissions (issue 17), so a newcomer sees statements, a dispute and the what-if right after `npm start`:
 * - the brief's junior plan (reps hired within the last year: 10% on reaching target, ramped, with a recoverable
 *   draw) and senior plan (the same 10% on reaching a higher target; renewals at a flat 3%, a SPIF on Analytics
 *   deals, a bonus at 120%, clawback of customers lost within 90 days). The brief's 10,000 and 25,000 are its
 *   illustration; here each rep's target is their quarterly quota's share of the month, which the demo already
 *   sets higher for stronger reps;
 * - one team on an accelerator plan (0% under 50% of target, 10% to 100%, 15% above, capped);
 * - managers on a roll-up plan over their teams' deals;
 * - one won deal split 60/40 between the demo rep and a teammate.
 * The three complete months before the demo's last month are run: the oldest locked and paid, the next locked
 * with the demo rep's dispute on one of its lines (and a later correction of that deal, paid as a prior-period
 * adjustment), the last a draft for the admin to review and lock. A demo with
 * less than five months of history gets none. A few dozen small writes and three runs, whatever the demo size.
 */
export async function seedDemoCommissions(
  tx: Transaction<Database>,
  reps: readonly RepProfile[],
  demoStart: string,
  until: string,
  currency: string,
  /** Issue 19: the demo's dollars into the locale's currency (src/demo/locales.ts); identity for the US demo. */
  money: (minor: number) => number = (m) => m,
): Promise<void> {
  if (reps.length < 2) return;
  const units = (minor: number) => (money(minor) / 100).toLocaleString('en-US');
  const { year, month } = dateParts(until);
  const thisMonth = ymd(year, month, 1);
  const firstRun = addMonths(thisMonth, -3);
  const plansFrom = addMonths(thisMonth, -4);
  if (plansFrom < demoStart) return;
  const now = new Date(`${until}T20:00:00Z`);

  const plan = async (name: string, description: string, rules: PlanRules) =>
    createCommissionPlan(tx, SYSTEM_VIEWER, { name, description, effectiveFrom: plansFrom, rules });
  const junior = await plan(
    'Junior AE',
    `The brief: 10% of everything sold once the monthly target is reached; ramped target; ${units(100_000)} recoverable draw.`,
    {
      ...BASE,
      currency,
      tierMode: 'retroactive',
      tiers: ON_TARGET_TIERS,
      ramp: true,
      draw: { amountMinor: money(100_000), recoverable: true },
    },
  );
  const senior = await plan(
    'Senior AE',
    'The brief: 10% once the (higher) monthly target is reached; renewals 3% flat; Analytics SPIF; bonus at 120%.',
    {
      ...BASE,
      currency,
      tierMode: 'retroactive',
      tiers: ON_TARGET_TIERS,
      typeRates: { renewal: 300 },
      bonuses: [{ label: 'Stretch bonus at 120%', atPct: 120, amountMinor: money(200_000) }],
      spifs: [
        {
          label: 'Analytics launch',
          from: firstRun,
          to: thisMonth,
          product: 'Analytics',
          dealType: null,
          amountMinor: money(25_000),
        },
      ],
      clawbackDays: 90,
    },
  );
  const accelerator = await plan(
    'Expansion accelerator',
    `Marginal tiers: nothing under 50% of target, 10% from 50% to 100%, 15% above; at most ${units(3_000_000)} a month.`,
    {
      ...BASE,
      currency,
      tierMode: 'marginal',
      tiers: [
        { fromPct: 0, rateBp: 0 },
        { fromPct: 50, rateBp: 1000 },
        { fromPct: 100, rateBp: 1500 },
      ],
      capMinor: money(3_000_000),
    },
  );
  const rollUp = await plan(
    'Sales manager roll-up',
    "Managers: 1% of their teams' credited revenue, 2% above target.",
    {
      ...BASE,
      currency,
      tierMode: 'marginal',
      tiers: [
        { fromPct: 0, rateBp: 100 },
        { fromPct: 100, rateBp: 200 },
      ],
      rollUp: true,
    },
  );

  const demoRep = reps[0]!;
  const acceleratorTeam = reps.find((r) => r.teamId !== demoRep.teamId)?.teamId ?? null;
  const yearAgo = addMonths(until, -12);
  for (const r of reps) {
    const planId =
      r.teamId === acceleratorTeam ? accelerator.id : r.hireDate > yearAgo ? junior.id : senior.id;
    await createAssignment(tx, SYSTEM_VIEWER, { userId: r.userId, planId, effectiveFrom: plansFrom });
  }
  const managers = await tx
    .selectFrom('teams')
    .select('manager_id')
    .where('manager_id', 'is not', null)
    .where('parent_team_id', 'is not', null)
    .execute();
  for (const m of managers) {
    await createAssignment(tx, SYSTEM_VIEWER, {
      userId: m.manager_id!,
      planId: rollUp.id,
      effectiveFrom: plansFrom,
    });
  }

  // The split: the demo rep's largest new-business win of the last run month, shared 60/40 with a teammate.
  const lastRun = addMonths(thisMonth, -1);
  const teammate = reps.find((r) => r !== demoRep && r.teamId === demoRep.teamId) ?? reps[1]!;
  const deal = await tx
    .selectFrom('opportunities')
    .select('id')
    .where('owner_id', '=', demoRep.userId)
    .where('status', '=', 'won')
    .where('type', '=', 'new_business')
    .where('closed_at', '>=', new Date(`${lastRun}T12:00:00Z`))
    .where('closed_at', '<', new Date(`${thisMonth}T00:00:00Z`))
    .orderBy('amount_minor', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (deal) {
    await setSplits(tx, SYSTEM_VIEWER, deal.id, [
      { userId: demoRep.userId, shareBp: 6000 },
      { userId: teammate.userId, shareBp: 4000 },
    ]);
  }

  for (let k = 0; k < 2; k++) {
    const periodKey = monthKey(addMonths(firstRun, k));
    await runCommissions(tx, SYSTEM_VIEWER, periodKey, now);
    await lockStatements(tx, SYSTEM_VIEWER, { periodKey }, now);
    if (k === 0) await payStatements(tx, SYSTEM_VIEWER, { periodKey }, now);
  }

  // The demo rep questions the largest deal line of their locked (unpaid) statement, and the CRM is corrected
  // afterwards (a second product line added to that deal): the last month's draft pays the difference as a
  // prior-period adjustment, while the locked statement stays as it was.
  const locked = await tx
    .selectFrom('commission_statements as s')
    .innerJoin('commission_statement_lines as l', 'l.statement_id', 's.id')
    .select(['s.id as statementId', 'l.id as lineId', 'l.opportunity_id as opportunityId'])
    .where('s.user_id', '=', demoRep.userId)
    .where('s.period_key', '=', monthKey(addMonths(firstRun, 1)))
    .where('l.opportunity_id', 'is not', null)
    .orderBy('l.credited_minor', 'desc')
    .orderBy('l.id')
    .limit(1)
    .executeTakeFirst();
  if (locked) {
    const repViewer = await viewerForUser(tx, { userId: demoRep.userId, role: 'rep' });
    await raiseDispute(tx, repViewer, locked.statementId, {
      lineId: locked.lineId,
      comment:
        'This deal closed with a second product line that was added after the quote: the credited amount looks low.',
    });
    await tx
      .updateTable('opportunities')
      .set((eb) => ({ amount_minor: eb('amount_minor', '+', money(DEMO_CORRECTION_MINOR)) }))
      .where('id', '=', locked.opportunityId!)
      .execute();
  }
  await runCommissions(tx, SYSTEM_VIEWER, monthKey(lastRun), now);
}
