import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { mayAdministerCommissions } from '../../../domain/commissions/access.ts';
import { parsePlanRules } from '../../../domain/commissions/plan-rules.ts';
import type { PlanRules } from '../../../domain/commissions/types.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import { lockCommissionWrites } from './writes-lock.ts';

/** A plan with its versions and the assignments the viewer may see (docs/commissions.md, "API and CLI"). */
export interface CommissionPlan {
  id: number;
  name: string;
  description: string;
  archived: boolean;
  versions: Array<{ id: number; version: number; effectiveFrom: string; rules: PlanRules }>;
  assignments: PlanAssignment[];
}

export interface PlanAssignment {
  id: number;
  userId: number;
  userName: string;
  planId: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  targetMinor: number | null;
}

export function requireCommissionsAdmin(viewer: Viewer, what: string): void {
  if (!mayAdministerCommissions(viewer)) {
    throw new AppError('forbidden', `Only an admin may ${what}`);
  }
}

/**
 * Plans with versions (oldest first) and assignments. Admins and managers read every plan; a rep only the plans
 * they are assigned to. Assignments (targets are pay data) are limited to the people the viewer may see.
 */
export async function listPlans(
  db: Db,
  viewer: Viewer,
  only?: { planId: number },
): Promise<CommissionPlan[]> {
  let q = db.selectFrom('commission_plans').selectAll().orderBy('name').orderBy('id');
  if (only) q = q.where('id', '=', only.planId);
  if (viewer.role === 'rep') {
    const me = viewer.userId ?? -1;
    q = q.where(
      'id',
      'in',
      db.selectFrom('commission_assignments').select('plan_id').where('user_id', '=', me),
    );
  }
  const plans = await q.execute();
  if (plans.length === 0) return [];
  const ids = plans.map((p) => p.id);
  let aq = db
    .selectFrom('commission_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.id',
      'a.user_id',
      'a.plan_id',
      'a.effective_from',
      'a.effective_to',
      'a.target_minor',
      'u.name as user_name',
    ])
    .where('a.plan_id', 'in', ids)
    .orderBy('a.effective_from')
    .orderBy('a.id');
  if (viewer.visibleUserIds !== null) {
    aq = aq.where('a.user_id', 'in', viewer.visibleUserIds.length > 0 ? [...viewer.visibleUserIds] : [-1]);
  }
  const [versions, assignments] = await Promise.all([
    db
      .selectFrom('commission_plan_versions')
      .select(['id', 'plan_id', 'version', 'effective_from', 'rules'])
      .where('plan_id', 'in', ids)
      .orderBy('version')
      .execute(),
    aq.execute(),
  ]);
  return plans.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    archived: p.archived_at !== null,
    versions: versions
      .filter((v) => v.plan_id === p.id)
      .map((v) => ({ id: v.id, version: v.version, effectiveFrom: v.effective_from, rules: v.rules })),
    assignments: assignments
      .filter((a) => a.plan_id === p.id)
      .map((a) => ({
        id: a.id,
        userId: a.user_id,
        userName: a.user_name,
        planId: a.plan_id,
        effectiveFrom: a.effective_from,
        effectiveTo: a.effective_to,
        targetMinor: a.target_minor,
      })),
  }));
}

async function planOrThrow(db: Db, viewer: Viewer, planId: number): Promise<CommissionPlan> {
  const [plan] = await listPlans(db, viewer, { planId });
  if (!plan) {
    throw new AppError('not_found', `Plan ${planId} not found`, [
      { field: 'planId', value: String(planId), reason: 'no such commission plan', rule: 'not_found' },
    ]);
  }
  return plan;
}

/** Creates a plan with its version 1; admins only; audited. */
export async function createCommissionPlan(
  db: Db,
  viewer: Viewer,
  input: { name: string; description?: string; effectiveFrom: string; rules: unknown },
): Promise<CommissionPlan> {
  requireCommissionsAdmin(viewer, 'create commission plans');
  const rules = parsePlanRules(input.rules);
  const name = input.name.trim();
  const description = input.description ?? '';
  if (name.length < 1 || name.length > 200 || description.length > 2000) {
    throw new AppError('validation', 'The plan is invalid', [
      name.length < 1 || name.length > 200
        ? { field: 'name', value: name, reason: '1 to 200 characters' }
        : { field: 'description', reason: 'at most 2000 characters' },
    ]);
  }
  return inTransaction(db, async (tx) => {
    // on conflict: two concurrent creations of one name give one plan and one 409, never a 500.
    const plan = await tx
      .insertInto('commission_plans')
      .values({ name, description, created_by: viewer.userId })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!plan) {
      throw new AppError('conflict', `A commission plan named '${name}' already exists`, [
        { field: 'name', value: name, reason: 'plan names are unique' },
      ]);
    }
    await tx
      .insertInto('commission_plan_versions')
      .values({
        plan_id: plan.id,
        version: 1,
        effective_from: input.effectiveFrom,
        rules: JSON.stringify(rules),
        created_by: viewer.userId,
      })
      .execute();
    const after = await planOrThrow(tx, viewer, plan.id);
    await recordAudit(tx, viewer, { action: 'create', entity: 'commission_plan', entityId: plan.id, after });
    return after;
  });
}

/**
 * Adds the next version of a plan, in effect from `effectiveFrom` (one version per date). Earlier periods keep
 * the version they were computed with: a locked statement holds its rules in its inputs. Admins only; audited.
 */
export async function addPlanVersion(
  db: Db,
  viewer: Viewer,
  planId: number,
  input: { effectiveFrom: string; rules: unknown },
): Promise<CommissionPlan> {
  requireCommissionsAdmin(viewer, 'change commission plans');
  const rules = parsePlanRules(input.rules);
  return inTransaction(db, async (tx) => {
    // The plan row lock serialises two version writes, so both cannot take the same number.
    const locked = await tx
      .selectFrom('commission_plans')
      .select('id')
      .where('id', '=', planId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) await planOrThrow(tx, viewer, planId);
    const before = await planOrThrow(tx, viewer, planId);
    if (before.versions.some((v) => v.effectiveFrom === input.effectiveFrom)) {
      throw new AppError('conflict', `Plan ${planId} already has a version from ${input.effectiveFrom}`, [
        { field: 'effectiveFrom', value: input.effectiveFrom, reason: 'one version per date' },
      ]);
    }
    const version = Math.max(0, ...before.versions.map((v) => v.version)) + 1;
    await tx
      .insertInto('commission_plan_versions')
      .values({
        plan_id: planId,
        version,
        effective_from: input.effectiveFrom,
        rules: JSON.stringify(rules),
        created_by: viewer.userId,
      })
      .execute();
    const after = await planOrThrow(tx, viewer, planId);
    await recordAudit(tx, viewer, {
      action: 'add_version',
      entity: 'commission_plan',
      entityId: planId,
      before: before.versions,
      after: after.versions,
    });
    return after;
  });
}

/**
 * Assigns a person to a plan from `effectiveFrom` up to `effectiveTo` (exclusive, null = open). A person's
 * assignments never overlap: the user row is locked first, so two concurrent assignments for the same person
 * cannot both pass the check. Admins only; audited.
 */
export async function createAssignment(
  db: Db,
  viewer: Viewer,
  input: {
    userId: number;
    planId: number;
    effectiveFrom: string;
    effectiveTo?: string | null;
    targetMinor?: number | null;
  },
): Promise<PlanAssignment> {
  requireCommissionsAdmin(viewer, 'assign commission plans');
  const to = input.effectiveTo ?? null;
  if (to !== null && to <= input.effectiveFrom) {
    throw new AppError('validation', 'The assignment ends before it starts', [
      { field: 'effectiveTo', value: to, reason: `must be after effectiveFrom (${input.effectiveFrom})` },
    ]);
  }
  return inTransaction(db, async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', '=', input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) {
      throw new AppError('not_found', `User ${input.userId} not found`, [
        { field: 'userId', value: String(input.userId), reason: 'no such user', rule: 'not_found' },
      ]);
    }
    await planOrThrow(tx, viewer, input.planId);
    const overlap = await tx
      .selectFrom('commission_assignments')
      .select(['id', 'plan_id', 'effective_from', 'effective_to'])
      .where('user_id', '=', input.userId)
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', input.effectiveFrom)]))
      .$if(to !== null, (q) => q.where('effective_from', '<', to as string))
      .executeTakeFirst();
    if (overlap) {
      throw new AppError('conflict', `User ${input.userId} already has a plan in this time`, [
        {
          field: 'effectiveFrom',
          value: input.effectiveFrom,
          reason: `overlaps assignment ${overlap.id} (plan ${overlap.plan_id}, ${overlap.effective_from} to ${overlap.effective_to ?? 'open'}); end it first`,
        },
      ]);
    }
    const row = await tx
      .insertInto('commission_assignments')
      .values({
        user_id: input.userId,
        plan_id: input.planId,
        effective_from: input.effectiveFrom,
        effective_to: to,
        target_minor: input.targetMinor ?? null,
        created_by: viewer.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after: PlanAssignment = {
      id: row.id,
      userId: user.id,
      userName: user.name,
      planId: input.planId,
      effectiveFrom: input.effectiveFrom,
      effectiveTo: to,
      targetMinor: input.targetMinor ?? null,
    };
    await recordAudit(tx, viewer, {
      action: 'create',
      entity: 'commission_assignment',
      entityId: row.id,
      after,
    });
    return after;
  });
}

/** Removes an assignment no locked or paid statement was computed under; admins only; audited. */
export async function deleteAssignment(db: Db, viewer: Viewer, id: number): Promise<void> {
  requireCommissionsAdmin(viewer, 'remove commission assignments');
  await inTransaction(db, async (tx) => {
    // Taken before reading: a run or lock of the period either finishes first (and the check below sees its
    // locked statements) or starts after the drafts computed under this assignment are gone.
    await lockCommissionWrites(tx);
    const a = await tx
      .selectFrom('commission_assignments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!a) {
      throw new AppError('not_found', `Assignment ${id} not found`, [
        { field: 'id', value: String(id), reason: 'no such assignment', rule: 'not_found' },
      ]);
    }
    await tx.selectFrom('users').select('id').where('id', '=', a.user_id).forUpdate().execute();
    // A locked statement of this person whose period meets the assignment was computed under it.
    const used = await tx
      .selectFrom('commission_statements')
      .select(['id', 'period_key'])
      .where('user_id', '=', a.user_id)
      .where('status', '<>', 'draft')
      .where('period_end', '>', a.effective_from)
      .$if(a.effective_to !== null, (q) => q.where('period_start', '<', a.effective_to as string))
      .where(sql<boolean>`inputs->'segments' @> ${JSON.stringify([{ planId: a.plan_id }])}::jsonb`)
      .executeTakeFirst();
    if (used) {
      throw new AppError(
        'conflict',
        `Assignment ${id} was used by locked statement ${used.id} (${used.period_key})`,
        [
          {
            field: 'id',
            value: String(id),
            reason: 'end it with a new assignment instead; locked history stays',
          },
        ],
      );
    }
    // Drafts of the person that met the assignment were computed under it: they go with it, so a later lock
    // cannot freeze a statement whose plan is no longer assigned. The next run writes them afresh.
    const drafts = await tx
      .deleteFrom('commission_statements')
      .where('user_id', '=', a.user_id)
      .where('status', '=', 'draft')
      .where('period_end', '>', a.effective_from)
      .$if(a.effective_to !== null, (q) => q.where('period_start', '<', a.effective_to as string))
      .returning(['id', 'period_key'])
      .execute();
    await tx.deleteFrom('commission_assignments').where('id', '=', id).execute();
    await recordAudit(tx, viewer, {
      action: 'delete',
      entity: 'commission_assignment',
      entityId: id,
      before: a,
      after: { draftsRemoved: drafts.map((d) => ({ id: d.id, periodKey: d.period_key })) },
    });
  });
}
