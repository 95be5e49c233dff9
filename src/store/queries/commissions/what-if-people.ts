import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { PlanRules } from '../../../domain/commissions/types.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inList } from '../../sql/lists.ts';

/** Someone a what-if models, with the plan they are on today (the baseline), if any. */
export interface WhatIfPerson {
  userId: number;
  name: string;
  hireDate: string | null;
  rampMonths: number;
  current: {
    planId: number;
    planName: string;
    planVersionId: number;
    rules: PlanRules;
    /** The assignment's own target (overrides quotas), or null. */
    targetMinor: number | null;
  } | null;
}

interface Row {
  id: number;
  name: string;
  hire_date: string | null;
  ramp_months: number;
  plan_id: number | null;
  plan_name: string | null;
  version_id: number | null;
  rules: PlanRules | null;
  target_minor: number | null;
}

/**
 * The people a viewer may model and their plans on `today`: admins anyone, managers the people below them (not
 * themselves: nobody models their own pay), reps nobody (forbidden). Without `userIds`, everyone in reach with a
 * plan today (or, when nobody is on a plan yet, every active rep in reach); with them, exactly those, each of
 * which must exist and be in reach (else not_found naming the entry, the same answer for both so ids do not
 * leak).
 */
export async function whatIfPeople(
  db: Db,
  viewer: Viewer,
  userIds: readonly number[] | undefined,
  today: string,
): Promise<WhatIfPerson[]> {
  if (viewer.role === 'rep')
    throw new AppError('forbidden', 'Only admins and managers model commission plans');
  const reach =
    viewer.visibleUserIds === null ? null : viewer.visibleUserIds.filter((id) => id !== viewer.userId);
  const load = (who: 'on_plan' | 'active_reps' | 'listed') =>
    // One row per user: the assignment in effect today and its plan's version in effect today (lateral).
    sql<Row>`
      select u.id, u.name, u.hire_date, u.ramp_months, a.plan_id, p.name as plan_name, v.id as version_id,
        v.rules, a.target_minor
      from users u
      left join commission_assignments a on a.user_id = u.id and a.effective_from <= ${today}::date
        and (a.effective_to is null or a.effective_to > ${today}::date)
      left join commission_plans p on p.id = a.plan_id
      left join lateral (
        select pv.id, pv.rules from commission_plan_versions pv
        where pv.plan_id = a.plan_id and pv.effective_from <= ${today}::date
        order by pv.effective_from desc limit 1
      ) v on true
      where ${
        who === 'on_plan'
          ? sql`a.id is not null`
          : who === 'active_reps'
            ? sql`u.active and u.role = 'rep'`
            : inList('u.id', userIds ?? [])
      }
        ${reach === null ? sql`` : sql`and ${inList('u.id', reach)}`}
      order by u.id`.execute(db);
  let r = await load(userIds === undefined ? 'on_plan' : 'listed');
  // Designing a first plan: nobody is on one yet, so model every active rep in reach.
  if (userIds === undefined && r.rows.length === 0) r = await load('active_reps');
  const found = new Map(r.rows.map((row) => [Number(row.id), row]));
  if (userIds !== undefined) {
    const errors: ErrorDetail[] = [];
    userIds.forEach((id, i) => {
      if (!found.has(id))
        errors.push({
          field: `userIds.${i}`,
          value: String(id),
          reason: 'no such person among yours',
          rule: 'not_found',
        });
    });
    if (errors.length > 0) throw new AppError('not_found', 'Unknown people in userIds', errors);
  }
  if (found.size === 0)
    throw new AppError('validation', 'Nobody to model', [
      { field: 'userIds', reason: 'nobody in your reach to model (no people on a plan, no active reps)' },
    ]);
  return [...found.values()].map((row) => ({
    userId: Number(row.id),
    name: row.name,
    hireDate: row.hire_date,
    rampMonths: row.ramp_months,
    current:
      row.plan_id === null || row.version_id === null || row.rules === null
        ? null
        : {
            planId: Number(row.plan_id),
            planName: row.plan_name ?? '',
            planVersionId: Number(row.version_id),
            rules: row.rules,
            targetMinor: row.target_minor === null ? null : Number(row.target_minor),
          },
  }));
}
