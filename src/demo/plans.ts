import type { Transaction } from 'kysely';
import { SYSTEM_VIEWER } from '../domain/access/viewer.ts';
import { addDays } from '../domain/calendar/local-date.ts';
import type { PlanInput } from '../domain/coaching/plan-input.ts';
import { AppError } from '../errors.ts';
import { createPlan } from '../store/queries/coaching/plans-write.ts';
import type { Database } from '../store/schema.ts';
import type { RepProfile } from './org.ts';

/**
 * Demo plans (issue 16), so a newcomer sees them: the weakest rep (the laggard) is two weeks into a 30-day PIP
 * with a weekly calls target relative to their own baseline (the eight weeks before the plan) and a manager's
 * check-in; the demo rep and a declining rep have development plans with a relative win-rate target. A target
 * without a baseline value (no closed deal yet) falls back to the plan without it. A handful of small writes and
 * one metrics query per plan, whatever the demo size; a demo with less than about three months of history gets none.
 */
export async function seedDemoPlans(
  tx: Transaction<Database>,
  reps: readonly RepProfile[],
  demoStart: string,
  until: string,
): Promise<void> {
  if (reps.length < 2) return;
  const now = new Date(`${until}T20:00:00Z`);
  const pipStart = addDays(until, -13);
  const devStart = addDays(until, -30);
  // The baseline is the eight weeks before each plan; a demo without that much history gets no plans.
  if (addDays(devStart, -56) < demoStart) return;
  const baseline = (start: string) => `${addDays(start, -56)}..${addDays(start, -1)}`;
  const bySkill = [...reps].sort((a, b) => a.skill - b.skill || a.userId - b.userId);
  const laggard = bySkill[0]!;
  const demoRep = reps[0]!;
  const declining = reps.find((r) => r.trend === 'declining' && r !== laggard && r !== demoRep);

  const plans: PlanInput[] = [
    {
      userId: laggard.userId,
      kind: 'pip',
      title: 'Thirty days: steady prospecting and follow-up',
      summary:
        'Results fell short of the team for two months. Weekly one-to-ones; targets are checked by the system.',
      startOn: pipStart,
      skills: [
        { area: 'BQ', skill: 'Consistent daily call blocks', note: '' },
        { area: 'EQ', skill: 'Assertiveness in asking for the next step', note: '' },
      ],
      actions: [
        {
          kind: 'shadowing',
          description: 'Shadow two discovery calls of a top rep',
          ownerId: null,
          dueOn: addDays(pipStart, 6),
          done: true,
        },
        {
          kind: 'mentoring',
          description: 'Weekly call review with the manager',
          ownerId: null,
          dueOn: addDays(pipStart, 27),
          done: false,
        },
      ],
      targets: [
        {
          metricId: 'calls',
          comparison: 'at_least',
          cadence: 'weekly',
          delta: 15,
          unit: 'percent',
          baselinePeriod: baseline(pipStart),
        },
        {
          metricId: 'meetings_held',
          comparison: 'at_least',
          cadence: 'plan',
          delta: 10,
          unit: 'percent',
          baselinePeriod: baseline(pipStart),
        },
      ],
    },
    {
      userId: demoRep.userId,
      kind: 'development',
      title: 'Grow into enterprise deals',
      summary: 'Product depth for larger accounts and a higher close rate.',
      startOn: devStart,
      skills: [
        { area: 'IQ', skill: 'Product knowledge: integrations and security review', note: '' },
        { area: 'IQ', skill: 'Industry knowledge: manufacturing buyers', note: '' },
      ],
      actions: [
        {
          kind: 'training',
          description: 'Advanced product certification',
          ownerId: null,
          dueOn: addDays(devStart, 45),
          done: false,
        },
        {
          kind: 'reading',
          description: 'SPIN Selling, chapters 1-4',
          ownerId: null,
          dueOn: addDays(devStart, 20),
          done: true,
        },
      ],
      targets: [
        {
          metricId: 'win_rate',
          comparison: 'at_least',
          cadence: 'plan',
          delta: 5,
          unit: 'points',
          baselinePeriod: baseline(devStart),
        },
      ],
    },
  ];
  if (declining) {
    plans.push({
      userId: declining.userId,
      kind: 'development',
      title: 'Empathy in discovery',
      summary: 'Win rate slipped; more listening in the first meeting.',
      startOn: devStart,
      skills: [{ area: 'EQ', skill: 'Empathy: ask, then listen', note: '' }],
      actions: [
        {
          kind: 'mentoring',
          description: 'Pair with a senior rep on three discovery calls',
          ownerId: null,
          dueOn: addDays(devStart, 30),
          done: false,
        },
      ],
      targets: [
        {
          metricId: 'win_rate',
          comparison: 'at_least',
          cadence: 'plan',
          delta: 5,
          unit: 'points',
          baselinePeriod: baseline(devStart),
        },
        {
          metricId: 'follow_ups',
          comparison: 'at_least',
          cadence: 'plan',
          delta: 20,
          unit: 'percent',
          baselinePeriod: baseline(devStart),
        },
      ],
    });
  }
  for (const input of plans) {
    let plan;
    try {
      plan = await createPlan(tx, SYSTEM_VIEWER, input, now);
    } catch (e) {
      // A rate without a baseline (no closed deal in the history): keep the plan with its other targets.
      if (!(e instanceof AppError) || e.code !== 'validation') throw e;
      const bad = new Set(e.details.map((d) => d.field));
      const targets = input.targets.filter((_, i) => !bad.has(`targets.${i}.delta`));
      plan = await createPlan(tx, SYSTEM_VIEWER, { ...input, targets }, now);
    }
    const manager = await tx
      .selectFrom('users as u')
      .innerJoin('teams as t', 't.id', 'u.team_id')
      .select('t.manager_id')
      .where('u.id', '=', input.userId)
      .executeTakeFirst();
    await tx
      .insertInto('coaching_plan_check_ins')
      .values({
        plan_id: plan.id,
        author_id: manager?.manager_id ?? null,
        on_date: addDays(input.startOn, 7),
        note:
          input.kind === 'pip'
            ? 'Week 1 review: call blocks kept on 4 of 5 days; agreed to book the next step on every connect.'
            : 'First check-in: actions agreed, reading started.',
        created_at: now,
      })
      .execute();
  }
}
