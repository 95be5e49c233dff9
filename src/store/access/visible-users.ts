import { sql } from 'kysely';
import type { Role } from '../../domain/access/viewer.ts';
import type { Db } from '../db.ts';

/**
 * Ids of the users whose row-level data `userId` may read, or null for everyone (admins). A manager sees
 * themself plus every member of the teams they manage and of all teams below those (teams.parent_team_id,
 * followed recursively; `union` stops at a cycle). A rep sees only themself.
 */
export async function visibleUserIdsFor(db: Db, userId: number, role: Role): Promise<number[] | null> {
  if (role === 'admin') return null;
  if (role === 'rep') return [userId];
  const r = await sql<{ id: number }>`
    with recursive subtree(id) as (
      select id from teams where manager_id = ${userId}
      union
      select t.id from teams t join subtree s on t.parent_team_id = s.id
    )
    select u.id from users u
    where u.id = ${userId} or u.team_id in (select id from subtree)
    order by u.id`.execute(db);
  return r.rows.map((row) => Number(row.id));
}

/** Ids of the teams a viewer may read: null for admins, a manager's subtree, a rep's own team. */
export async function visibleTeamIdsFor(db: Db, userId: number, role: Role): Promise<number[] | null> {
  if (role === 'admin') return null;
  const r =
    role === 'manager'
      ? await sql<{ id: number }>`
          with recursive subtree(id) as (
            select id from teams where manager_id = ${userId}
            union
            select t.id from teams t join subtree s on t.parent_team_id = s.id
          )
          select id from subtree
          union
          select team_id as id from users where id = ${userId} and team_id is not null`.execute(db)
      : await sql<{
          id: number;
        }>`select team_id as id from users where id = ${userId} and team_id is not null`.execute(db);
  return r.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/** Ids of the members of `teamIds` whose row-level data the viewer may read, ascending. */
export async function visibleMembersOf(
  db: Db,
  viewer: { visibleUserIds: readonly number[] | null },
  teamIds: readonly number[],
): Promise<number[]> {
  if (teamIds.length === 0) return [];
  const members = await db
    .selectFrom('users')
    .select('id')
    .where('team_id', 'in', [...teamIds])
    .orderBy('id')
    .execute();
  const visible = viewer.visibleUserIds;
  return members.map((m) => m.id).filter((id) => visible === null || visible.includes(id));
}
