import { sql } from 'kysely';
import type { Viewer } from '../../domain/access/viewer.ts';
import { visibleTeamIdsFor } from '../access/visible-users.ts';
import type { Db } from '../db.ts';

/** A team as the API shows it. */
export interface Team {
  id: number;
  externalId: string | null;
  name: string;
  managerId: number | null;
  parentTeamId: number | null;
  memberCount: number;
}

/** Fields an admin may set on a team. */
export interface TeamInput {
  name: string;
  managerId: number | null;
  parentTeamId: number | null;
  externalId: string | null;
}

async function teamIdsFor(db: Db, viewer: Viewer): Promise<number[] | null> {
  if (viewer.userId === null || viewer.visibleUserIds === null) return null;
  return visibleTeamIdsFor(db, viewer.userId, viewer.role);
}

/** Teams the viewer may see (admins: all; managers: their subtree and own team; reps: their team), by name. */
export async function listTeams(db: Db, viewer: Viewer, onlyId?: number): Promise<Team[]> {
  const ids = await teamIdsFor(db, viewer);
  if (ids !== null && ids.length === 0) return [];
  let q = db
    .selectFrom('teams as t')
    .select([
      't.id',
      't.external_id',
      't.name',
      't.manager_id',
      't.parent_team_id',
      sql<number>`(select count(*) from users u where u.team_id = t.id and u.active)`.as('member_count'),
    ]);
  if (ids !== null) q = q.where('t.id', 'in', ids);
  if (onlyId !== undefined) q = q.where('t.id', '=', onlyId);
  const rows = await q.orderBy('t.name').orderBy('t.id').execute();
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    managerId: r.manager_id,
    parentTeamId: r.parent_team_id,
    memberCount: Number(r.member_count),
  }));
}

/** One team if the viewer may see it. */
export async function getTeam(db: Db, viewer: Viewer, id: number): Promise<Team | undefined> {
  return (await listTeams(db, viewer, id))[0];
}

/**
 * True when making `parentId` the parent of `teamId` would close a loop: the parent is the team itself or
 * one of its descendants.
 */
export async function wouldCreateCycle(db: Db, teamId: number, parentId: number): Promise<boolean> {
  if (teamId === parentId) return true;
  const r = await sql<{ id: number }>`
    with recursive below(id) as (
      select id from teams where parent_team_id = ${teamId}
      union
      select t.id from teams t join below b on t.parent_team_id = b.id
    )
    select id from below where id = ${parentId}`.execute(db);
  return r.rows.length > 0;
}

/** Inserts a team; returns its id. */
export async function insertTeam(db: Db, input: TeamInput): Promise<number> {
  const { id } = await db
    .insertInto('teams')
    .values({
      name: input.name,
      manager_id: input.managerId,
      parent_team_id: input.parentTeamId,
      external_id: input.externalId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Applies a partial change to a team; returns false when there is no such team. */
export async function updateTeam(db: Db, id: number, patch: Partial<TeamInput>): Promise<boolean> {
  const values: Record<string, unknown> = { updated_at: new Date() };
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.managerId !== undefined) values.manager_id = patch.managerId;
  if (patch.parentTeamId !== undefined) values.parent_team_id = patch.parentTeamId;
  if (patch.externalId !== undefined) values.external_id = patch.externalId;
  const r = await db.updateTable('teams').set(values).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
