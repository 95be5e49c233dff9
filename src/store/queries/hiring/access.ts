import { sql, type Expression, type SqlBool } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';

/**
 * Who may read and change hiring data (docs/coaching.md, "Hiring scorecards", Access): admins everything; a
 * manager the openings they own and the openings of the teams they manage (their subtree, followed down
 * teams.parent_team_id), with those openings' candidates and scores; reps nothing (their routes answer 403
 * before reaching the store). Anything not granted here is hidden: an opening outside a manager's reach answers
 * 404, exactly as one that does not exist.
 */
export type HiringReach = { all: true } | { all: false; userId: number; teamIds: number[] };

export async function hiringReach(db: Db, viewer: Viewer): Promise<HiringReach> {
  if (viewer.role === 'admin' && viewer.visibleUserIds === null) return { all: true };
  if (viewer.role !== 'manager' || viewer.userId === null) {
    throw new AppError('forbidden', 'Hiring data are for managers and admins');
  }
  const r = await sql<{ id: number }>`
    with recursive subtree(id) as (
      select id from teams where manager_id = ${viewer.userId}
      union
      select t.id from teams t join subtree s on t.parent_team_id = s.id
    )
    select id from subtree order by id`.execute(db);
  return { all: false, userId: viewer.userId, teamIds: r.rows.map((row) => Number(row.id)) };
}

/** SQL condition: the opening aliased `o` is within reach. */
export function openingInReach(reach: HiringReach): Expression<SqlBool> {
  if (reach.all) return sql<SqlBool>`true`;
  const teams = reach.teamIds.length > 0 ? sql.join(reach.teamIds) : sql`null`;
  return sql<SqlBool>`(o.owner_id = ${reach.userId} or o.team_id in (${teams}))`;
}

/** Throws not_found (naming the field) unless the opening exists and is within reach. */
export async function requireOpeningInReach(
  db: Db,
  reach: HiringReach,
  openingId: number,
  field = 'openingId',
): Promise<void> {
  const r = await sql<{ id: number }>`select o.id from hiring_openings o
    where o.id = ${openingId} and ${openingInReach(reach)}`.execute(db);
  if (r.rows.length === 0) {
    throw new AppError('not_found', 'No such opening', [
      { field, value: String(openingId), reason: 'not found', rule: 'not_found' },
    ]);
  }
}

/** The opening of a candidate within reach, or not_found. */
export async function requireCandidateInReach(
  db: Db,
  reach: HiringReach,
  candidateId: number,
): Promise<number> {
  const r = await sql<{ opening_id: number }>`select c.opening_id from hiring_candidates c
    join hiring_openings o on o.id = c.opening_id
    where c.id = ${candidateId} and ${openingInReach(reach)}`.execute(db);
  const row = r.rows[0];
  if (!row) {
    throw new AppError('not_found', 'No such candidate', [
      { field: 'candidateId', value: String(candidateId), reason: 'not found', rule: 'not_found' },
    ]);
  }
  return Number(row.opening_id);
}
