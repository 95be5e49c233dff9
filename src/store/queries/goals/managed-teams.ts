import { sql } from 'kysely';
import type { Db } from '../../db.ts';

/** Teams a user manages, directly or through sub-teams (teams.parent_team_id followed down; union stops cycles). */
export async function managedTeamIds(db: Db, userId: number | null): Promise<number[]> {
  if (userId === null) return [];
  const r = await sql<{ id: number }>`
    with recursive subtree(id) as (
      select id from teams where manager_id = ${userId}
      union
      select t.id from teams t join subtree s on t.parent_team_id = s.id
    )
    select id from subtree order by id`.execute(db);
  return r.rows.map((row) => Number(row.id));
}
