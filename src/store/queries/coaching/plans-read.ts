import type { Viewer } from '../../../domain/access/viewer.ts';
import { canSeePlansOf } from '../../../domain/coaching/plan-access.ts';
import { isFinalOutcome, type Plan, type PlanKind } from '../../../domain/coaching/plan.ts';
import type { Db } from '../../db.ts';
import type { CoachingPlansTable, CoachingPlanTargetsTable } from '../../tables/coaching-plans.ts';
import type { Selectable } from 'kysely';

/** Narrows the plan list. */
export interface PlanFilter {
  userId?: number;
  kind?: PlanKind;
  /** open: no final outcome yet; closed: a final outcome was recorded. */
  state?: 'open' | 'closed';
}

/** Maps a stored target to the domain's. */
export function toTarget(row: Selectable<CoachingPlanTargetsTable>): Plan['targets'][number] {
  return {
    id: row.id,
    metricId: row.metric_id,
    comparison: row.comparison,
    cadence: row.cadence,
    absoluteTarget: row.absolute_target,
    relative:
      row.delta === null ||
      row.delta_unit === null ||
      row.baseline_start === null ||
      row.baseline_end === null
        ? null
        : {
            baselineStart: row.baseline_start,
            baselineEnd: row.baseline_end,
            delta: row.delta,
            unit: row.delta_unit,
          },
    baselineValue: row.baseline_value,
    resolvedTarget: row.resolved_target,
    resolvedAt: row.resolved_at,
  };
}

/** Loads the plans with these rows, with their skills, actions, targets and check-ins, in the rows' order. */
async function assemble(
  db: Db,
  rows: readonly (Selectable<CoachingPlansTable> & { user_name: string })[],
): Promise<Plan[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [skills, actions, targets, checkIns] = await Promise.all([
    db
      .selectFrom('coaching_plan_skills')
      .selectAll()
      .where('plan_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('coaching_plan_actions')
      .selectAll()
      .where('plan_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('coaching_plan_targets')
      .selectAll()
      .where('plan_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('coaching_plan_check_ins as c')
      .leftJoin('users as u', 'u.id', 'c.author_id')
      .selectAll('c')
      .select('u.name as author_name')
      .where('c.plan_id', 'in', ids)
      .orderBy('c.on_date')
      .orderBy('c.id')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    startOn: r.start_on,
    endOn: r.end_on,
    state: isFinalOutcome(r.outcome) ? 'closed' : 'open',
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    outcomeAt: r.outcome_at,
    outcomeBy: r.outcome_by,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    skills: skills
      .filter((s) => s.plan_id === r.id)
      .map((s) => ({ area: s.area, skill: s.skill, note: s.note })),
    actions: actions
      .filter((a) => a.plan_id === r.id)
      .map((a) => ({
        kind: a.kind,
        description: a.description,
        ownerId: a.owner_id,
        dueOn: a.due_on,
        doneAt: a.done_at,
      })),
    targets: targets.filter((t) => t.plan_id === r.id).map(toTarget),
    checkIns: checkIns
      .filter((c) => c.plan_id === r.id)
      .map((c) => ({
        id: c.id,
        authorId: c.author_id,
        authorName: c.author_name ?? null,
        onDate: c.on_date,
        note: c.note,
        createdAt: c.created_at,
      })),
  }));
}

function plansQuery(db: Db) {
  return db
    .selectFrom('coaching_plans as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .selectAll('p')
    .select('u.name as user_name');
}

/**
 * The plans the viewer may see (their own; a manager's subtree; admins all), newest start first. Access is
 * applied in SQL before any other filter, so a filter on someone out of reach returns nothing.
 */
export async function listPlans(db: Db, viewer: Viewer, filter: PlanFilter = {}): Promise<Plan[]> {
  let q = plansQuery(db);
  if (viewer.visibleUserIds !== null) {
    if (viewer.visibleUserIds.length === 0) return [];
    q = q.where('p.user_id', 'in', [...viewer.visibleUserIds]);
  }
  if (filter.userId !== undefined) q = q.where('p.user_id', '=', filter.userId);
  if (filter.kind) q = q.where('p.kind', '=', filter.kind);
  if (filter.state === 'open') {
    q = q.where((eb) => eb.or([eb('p.outcome', 'is', null), eb('p.outcome', '=', 'extended')]));
  }
  if (filter.state === 'closed')
    q = q.where('p.outcome', 'is not', null).where('p.outcome', '<>', 'extended');
  const rows = await q.orderBy('p.start_on', 'desc').orderBy('p.id', 'desc').execute();
  return assemble(db, rows);
}

/** One plan if it exists and the viewer may see it; undefined otherwise (callers answer 404 either way). */
export async function getPlan(db: Db, viewer: Viewer, planId: number): Promise<Plan | undefined> {
  const row = await plansQuery(db).where('p.id', '=', planId).executeTakeFirst();
  if (!row || !canSeePlansOf(viewer, row.user_id)) return undefined;
  return (await assemble(db, [row]))[0];
}
