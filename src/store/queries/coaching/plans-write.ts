import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { instantToLocal } from '../../../domain/calendar/zoned.ts';
import { canCheckInOn, canManagePlansOf, canSeePlansOf } from '../../../domain/coaching/plan-access.ts';
import {
  baselinePeriodOf,
  dateProblem,
  defaultEndOn,
  validatePlan,
  type ActionInput,
  type PlanInput,
  type PlanPatch,
} from '../../../domain/coaching/plan-input.ts';
import {
  outcomesFor,
  type Outcome,
  type Plan,
  type PlanSkill,
  type TargetSpec,
} from '../../../domain/coaching/plan.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import { getBusinessCalendar } from '../../tables/calendar.ts';
import { getSettingsWithRollupZone } from '../../tables/settings.ts';
import { getPlan } from './plans-read.ts';
import { resolveTargets } from './plans-targets.ts';

function notFound(planId: number): AppError {
  return new AppError('not_found', `Plan ${planId} not found`, [
    { field: 'id', value: String(planId), reason: 'no such plan', rule: 'not_found' },
  ]);
}

/**
 * Validates dates, skills, actions and targets, checks that the action owners exist, and resolves the targets;
 * throws one validation error listing every problem.
 */
async function prepare(
  db: Db,
  userId: number,
  plan: {
    kind: Plan['kind'];
    title: string;
    startOn: string;
    endOn: string;
    skills: readonly PlanSkill[];
    actions: readonly ActionInput[];
    targets: readonly TargetSpec[];
  },
  now: Date,
) {
  const read = await getSettingsWithRollupZone(db);
  const errors: ErrorDetail[] = validatePlan(plan, read.settings);
  const owners = [...new Set(plan.actions.flatMap((a) => (a.ownerId === null ? [] : [a.ownerId])))];
  const found =
    owners.length === 0
      ? []
      : (await db.selectFrom('users').select('id').where('id', 'in', owners).execute()).map((r) => r.id);
  plan.actions.forEach((a, i) => {
    if (a.ownerId !== null && !found.includes(a.ownerId)) {
      errors.push({
        field: `actions.${i}.ownerId`,
        value: String(a.ownerId),
        reason: 'no user with this id',
      });
    }
  });
  if (errors.length > 0) throw new AppError('validation', 'The plan is invalid', errors);
  const today = instantToLocal(now, read.settings.timeZone).date;
  plan.targets.forEach((t, i) => {
    if ('target' in t) return;
    const p = baselinePeriodOf(t, plan.startOn, read.settings);
    if (p.end > today) {
      errors.push({
        field: `targets.${i}.baselinePeriod`,
        value: t.baselinePeriod ?? p.key,
        reason: `is not over yet (${p.start}..${addDays(p.end, -1)}); a relative target is resolved from a finished period`,
      });
    }
  });
  if (errors.length > 0) throw new AppError('validation', 'The plan is invalid', errors);
  const years = [Number(plan.startOn.slice(0, 4)) - 2, Number(plan.endOn.slice(0, 4)) + 1] as const;
  const cal = await getBusinessCalendar(db, years[0], years[1], read.settings);
  const resolved = await resolveTargets(db, userId, plan, plan.targets, cal, read, now);
  if (resolved.errors.length > 0) throw new AppError('validation', 'The plan is invalid', resolved.errors);
  return resolved.rows;
}

async function writeChildren(
  db: Db,
  planId: number,
  parts: {
    skills?: readonly PlanSkill[];
    actions?: readonly ActionInput[];
    targets?: Awaited<ReturnType<typeof prepare>>;
  },
  now: Date,
  doneBefore: ReadonlyMap<string, Date | null> = new Map(),
): Promise<void> {
  if (parts.skills) {
    await db.deleteFrom('coaching_plan_skills').where('plan_id', '=', planId).execute();
    if (parts.skills.length > 0) {
      await db
        .insertInto('coaching_plan_skills')
        .values(
          parts.skills.map((s, i) => ({
            plan_id: planId,
            position: i,
            area: s.area,
            skill: s.skill.trim(),
            note: s.note,
          })),
        )
        .execute();
    }
  }
  if (parts.actions) {
    await db.deleteFrom('coaching_plan_actions').where('plan_id', '=', planId).execute();
    if (parts.actions.length > 0) {
      await db
        .insertInto('coaching_plan_actions')
        .values(
          parts.actions.map((a, i) => ({
            plan_id: planId,
            position: i,
            kind: a.kind,
            description: a.description.trim(),
            owner_id: a.ownerId,
            due_on: a.dueOn,
            // An action that stays done keeps the date it was first marked done.
            done_at: a.done ? (doneBefore.get(`${a.kind}|${a.description.trim()}`) ?? now) : null,
          })),
        )
        .execute();
    }
  }
  if (parts.targets) {
    await db.deleteFrom('coaching_plan_targets').where('plan_id', '=', planId).execute();
    if (parts.targets.length > 0) {
      await db
        .insertInto('coaching_plan_targets')
        .values(parts.targets.map((t, i) => ({ ...t, plan_id: planId, position: i, resolved_at: now })))
        .execute();
    }
  }
}

/** Creates a plan for a rep the viewer manages, with its targets resolved; audited. Not visible: 404. */
export async function createPlan(db: Db, viewer: Viewer, input: PlanInput, now = new Date()): Promise<Plan> {
  const subject = await db.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst();
  if (!subject || !canSeePlansOf(viewer, input.userId)) {
    throw new AppError('not_found', `User ${input.userId} not found`, [
      { field: 'userId', value: String(input.userId), reason: 'no such user', rule: 'not_found' },
    ]);
  }
  if (!canManagePlansOf(viewer, input.userId)) {
    throw new AppError('forbidden', 'Only their manager or an admin may create plans for this user', [
      {
        field: 'userId',
        reason: 'managers create plans for their subtree (not themselves), admins for anyone',
      },
    ]);
  }
  const endOn = input.endOn ?? defaultEndOn(input.kind, input.startOn);
  const plan = { ...input, endOn };
  return inTransaction(db, async (tx) => {
    const targets = await prepare(tx, input.userId, plan, now);
    const row = await tx
      .insertInto('coaching_plans')
      .values({
        user_id: input.userId,
        kind: input.kind,
        title: input.title.trim(),
        summary: input.summary,
        start_on: input.startOn,
        end_on: endOn,
        created_by: viewer.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeChildren(tx, row.id, { skills: input.skills, actions: input.actions, targets }, now);
    const after = await getPlan(tx, viewer, row.id);
    if (!after) throw new Error('created plan not readable');
    await recordAudit(tx, viewer, { action: 'create', entity: 'coaching_plan', entityId: row.id, after });
    return after;
  });
}

/** Loads a plan the viewer may change: 404 when not visible, 403 when visible but not theirs to change. */
async function planToChange(db: Db, viewer: Viewer, planId: number): Promise<Plan> {
  const plan = await getPlan(db, viewer, planId);
  if (!plan) throw notFound(planId);
  if (!canManagePlansOf(viewer, plan.userId)) {
    throw new AppError('forbidden', 'Only their manager or an admin may change this plan');
  }
  return plan;
}

function assertOpen(plan: Plan): void {
  if (plan.state === 'closed') {
    throw new AppError('conflict', `Plan ${plan.id} is closed (${plan.outcome ?? ''})`, [
      { field: 'id', value: String(plan.id), reason: 'a closed plan cannot change' },
    ]);
  }
}

/** Changes a plan's title, summary, end or whole lists; a new target list is resolved again. Audited. */
export async function updatePlan(
  db: Db,
  viewer: Viewer,
  planId: number,
  patch: PlanPatch,
  now = new Date(),
): Promise<Plan> {
  return inTransaction(db, async (tx) => {
    const before = await planToChange(tx, viewer, planId);
    assertOpen(before);
    const merged = {
      kind: before.kind,
      title: patch.title ?? before.title,
      startOn: before.startOn,
      endOn: patch.endOn ?? before.endOn,
      skills: patch.skills ?? before.skills,
      actions: patch.actions ?? before.actions.map((a) => ({ ...a, done: a.doneAt !== null })),
      targets: patch.targets ?? [],
    };
    const targets = await prepare(tx, before.userId, merged, now);
    await tx
      .updateTable('coaching_plans')
      .set({
        title: merged.title.trim(),
        summary: patch.summary ?? before.summary,
        end_on: merged.endOn,
        updated_at: now,
      })
      .where('id', '=', planId)
      .execute();
    const doneBefore = new Map(before.actions.map((a) => [`${a.kind}|${a.description}`, a.doneAt]));
    await writeChildren(
      tx,
      planId,
      { skills: patch.skills, actions: patch.actions, targets: patch.targets ? targets : undefined },
      now,
      doneBefore,
    );
    const after = (await getPlan(tx, viewer, planId)) as Plan;
    await recordAudit(tx, viewer, {
      action: 'update',
      entity: 'coaching_plan',
      entityId: planId,
      before,
      after,
    });
    return after;
  });
}

/** Adds a dated note: the rep on their own plan, or whoever manages it. Audited. */
export async function addCheckIn(
  db: Db,
  viewer: Viewer,
  planId: number,
  input: { onDate?: string; note: string },
  now = new Date(),
): Promise<Plan> {
  return inTransaction(db, async (tx) => {
    const plan = await getPlan(tx, viewer, planId);
    if (!plan) throw notFound(planId);
    if (!canCheckInOn(viewer, plan.userId)) {
      throw new AppError('forbidden', 'Only the rep, their manager or an admin may add check-ins');
    }
    assertOpen(plan);
    const note = input.note.trim();
    const problems: ErrorDetail[] = [];
    if (note.length === 0) problems.push({ field: 'note', reason: 'must not be empty', rule: 'required' });
    const dateIssue = input.onDate === undefined ? null : dateProblem(input.onDate);
    if (dateIssue) problems.push({ field: 'onDate', value: input.onDate, reason: dateIssue });
    if (problems.length > 0) throw new AppError('validation', 'The check-in is invalid', problems);
    const { settings } = await getSettingsWithRollupZone(tx);
    const onDate = input.onDate ?? instantToLocal(now, settings.timeZone).date;
    const row = await tx
      .insertInto('coaching_plan_check_ins')
      .values({ plan_id: planId, author_id: viewer.userId, on_date: onDate, note })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, viewer, {
      action: 'check_in',
      entity: 'coaching_plan',
      entityId: planId,
      after: { checkInId: row.id, onDate, note },
    });
    return (await getPlan(tx, viewer, planId)) as Plan;
  });
}

/**
 * Records the outcome: completed / withdrawn for development plans; passed / extended / failed / withdrawn for
 * PIPs. 'extended' needs a later end (newEndOn) and keeps the plan open; every other outcome closes it. Audited.
 */
export async function recordOutcome(
  db: Db,
  viewer: Viewer,
  planId: number,
  input: { outcome: Outcome; note: string; newEndOn?: string },
  now = new Date(),
): Promise<Plan> {
  return inTransaction(db, async (tx) => {
    const before = await planToChange(tx, viewer, planId);
    assertOpen(before);
    const errors: ErrorDetail[] = [];
    if (!outcomesFor(before.kind).includes(input.outcome)) {
      errors.push({
        field: 'outcome',
        value: input.outcome,
        reason: `a ${before.kind} plan's outcome is one of ${outcomesFor(before.kind).join(', ')}`,
      });
    }
    let endOn = before.endOn;
    if (input.outcome === 'extended') {
      if (!input.newEndOn || input.newEndOn <= before.endOn) {
        errors.push({
          field: 'newEndOn',
          value: input.newEndOn ?? '',
          reason: `must be after ${before.endOn}`,
        });
      } else {
        endOn = input.newEndOn;
        const { settings } = await getSettingsWithRollupZone(tx);
        errors.push(
          ...validatePlan({ ...before, endOn, actions: [], targets: [] }, settings).map((e) =>
            e.field === 'endOn' ? { ...e, field: 'newEndOn' } : e,
          ),
        );
      }
    } else if (input.newEndOn !== undefined) {
      errors.push({ field: 'newEndOn', reason: 'only an extension takes a new end' });
    }
    if (errors.length > 0) throw new AppError('validation', 'The outcome is invalid', errors);
    await tx
      .updateTable('coaching_plans')
      .set({
        outcome: input.outcome,
        outcome_note: input.note.trim(),
        outcome_at: now,
        outcome_by: viewer.userId,
        end_on: endOn,
        updated_at: now,
      })
      .where('id', '=', planId)
      .execute();
    const after = (await getPlan(tx, viewer, planId)) as Plan;
    await recordAudit(tx, viewer, {
      action: 'outcome',
      entity: 'coaching_plan',
      entityId: planId,
      before,
      after,
    });
    return after;
  });
}
