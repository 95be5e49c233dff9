import type { Viewer } from '../../../domain/access/viewer.ts';
import type { Goal, GoalInput } from '../../../domain/goals/goal.ts';
import { canSetGoalFor } from '../../../domain/goals/permissions.ts';
import { validateGoalInput } from '../../../domain/goals/validate-goal.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import { getSettings } from '../../tables/settings.ts';
import { toGoal } from './goal-row.ts';
import { getGoal } from './list-goals.ts';
import { managedTeamIds } from './managed-teams.ts';

/** Throws validation (all problems at once) or forbidden, or not_found when the scope does not exist. */
async function checkGoal(db: Db, viewer: Viewer, input: GoalInput): Promise<void> {
  const settings = await getSettings(db);
  const errors = validateGoalInput(input, settings);
  if (errors.length > 0) throw new AppError('validation', 'The goal is invalid', errors);
  if (input.scopeType !== 'company' && input.scopeId !== null) {
    const table = input.scopeType === 'user' ? 'users' : 'teams';
    const exists = await db.selectFrom(table).select('id').where('id', '=', input.scopeId).executeTakeFirst();
    if (!exists) {
      throw new AppError('validation', 'The goal is invalid', [
        { field: 'scopeId', value: String(input.scopeId), reason: `no ${input.scopeType} with this id` },
      ]);
    }
  }
  const teams = viewer.role === 'manager' ? await managedTeamIds(db, viewer.userId) : [];
  if (!canSetGoalFor(viewer, input, teams)) {
    throw new AppError('forbidden', 'You may not set goals for this scope', [
      {
        field: 'scopeId',
        reason: 'managers set goals for their subtree, reps only personal goals for themselves',
      },
    ]);
  }
}

/** Creates a goal after validation and the permission check; audited. */
export async function createGoal(db: Db, viewer: Viewer, input: GoalInput): Promise<Goal> {
  await checkGoal(db, viewer, input);
  const row = await db
    .insertInto('goals')
    .values({
      name: input.name.trim(),
      metric_id: input.metricId,
      scope_type: input.scopeType,
      scope_id: input.scopeId,
      grain: input.grain,
      period_key: input.periodKey,
      target: input.target,
      direction: input.direction,
      template: input.template,
      created_by: viewer.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const goal = toGoal(row);
  await recordAudit(db, viewer, { action: 'create', entity: 'goal', entityId: goal.id, after: goal });
  return goal;
}

/** Loads a goal the viewer may change, or throws not_found / forbidden. */
async function goalToChange(db: Db, viewer: Viewer, goalId: number): Promise<Goal> {
  const goal = await getGoal(db, viewer, goalId);
  if (!goal)
    throw new AppError('not_found', `Goal ${goalId} not found`, [
      { field: 'id', reason: 'no such goal', rule: 'not_found' },
    ]);
  const teams = viewer.role === 'manager' ? await managedTeamIds(db, viewer.userId) : [];
  if (!canSetGoalFor(viewer, goal, teams)) throw new AppError('forbidden', 'You may not change this goal');
  return goal;
}

/** Changes some fields of a goal (the merged goal is validated and permission-checked again); audited. */
export async function updateGoal(
  db: Db,
  viewer: Viewer,
  goalId: number,
  patch: Partial<GoalInput>,
): Promise<Goal> {
  const before = await goalToChange(db, viewer, goalId);
  const merged: GoalInput = {
    name: patch.name ?? before.name,
    metricId: patch.metricId ?? before.metricId,
    scopeType: patch.scopeType ?? before.scopeType,
    scopeId: patch.scopeId !== undefined ? patch.scopeId : before.scopeId,
    grain: patch.grain ?? before.grain,
    periodKey: patch.periodKey !== undefined ? patch.periodKey : before.periodKey,
    target: patch.target ?? before.target,
    direction: patch.direction ?? before.direction,
    template: patch.template !== undefined ? patch.template : before.template,
  };
  await checkGoal(db, viewer, merged);
  const row = await db
    .updateTable('goals')
    .set({
      name: merged.name.trim(),
      metric_id: merged.metricId,
      scope_type: merged.scopeType,
      scope_id: merged.scopeId,
      grain: merged.grain,
      period_key: merged.periodKey,
      target: merged.target,
      direction: merged.direction,
      template: merged.template,
      updated_at: new Date(),
    })
    .where('id', '=', goalId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = toGoal(row);
  await recordAudit(db, viewer, { action: 'update', entity: 'goal', entityId: goalId, before, after });
  return after;
}

/** Archives a goal (kept for history and badges, hidden from pacing); archiving twice keeps the first date. */
export async function archiveGoal(db: Db, viewer: Viewer, goalId: number, now: Date): Promise<Goal> {
  const before = await goalToChange(db, viewer, goalId);
  if (before.archivedAt) return before;
  const row = await db
    .updateTable('goals')
    .set({ archived_at: now, updated_at: now })
    .where('id', '=', goalId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = toGoal(row);
  await recordAudit(db, viewer, { action: 'archive', entity: 'goal', entityId: goalId, before, after });
  return after;
}
