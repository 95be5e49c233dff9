import { sql } from 'kysely';
import { COMPANY_SCOPE, ownersScope, type Scope } from '../../../domain/access/scope.ts';
import { canSeeOwner, type Viewer } from '../../../domain/access/viewer.ts';
import { scopeKey, type ForecastScope } from '../../../domain/forecast/scope.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';

/** A forecast's scope and the name reports show for it ('Company', the team's or the rep's). */
export interface ScopeWithName {
  scope: Scope;
  name: string;
}

/** Ids of the users in a team and every team below it. */
async function teamMemberIds(db: Db, teamId: number): Promise<number[]> {
  const r = await sql<{ id: number }>`
    with recursive subtree(id) as (
      select id from teams where id = ${teamId}
      union
      select t.id from teams t join subtree s on t.parent_team_id = s.id
    )
    select id from users where team_id in (select id from subtree) order by id`.execute(db);
  return r.rows.map((row) => Number(row.id));
}

function forbidden(key: string): AppError {
  return new AppError('forbidden', `You may not see the forecast for ${key}`, [
    { field: 'scope', value: key, reason: 'outside your visible users' },
  ]);
}

/**
 * Resolves a scope to its owners and checks access: company aggregates are visible to everyone (deal lines are
 * filtered separately); a team needs every member visible; a rep needs that rep visible.
 */
export async function resolveScope(db: Db, viewer: Viewer, scope: ForecastScope): Promise<ScopeWithName> {
  const key = scopeKey(scope);
  switch (scope.type) {
    case 'company':
      return { scope: COMPANY_SCOPE, name: 'Company' };
    case 'team': {
      const team = await db.selectFrom('teams').select('name').where('id', '=', scope.id).executeTakeFirst();
      if (!team)
        throw new AppError('not_found', `No team ${scope.id}`, [
          { field: 'scope', value: key, reason: 'no such team', rule: 'not_found' },
        ]);
      const ids = await teamMemberIds(db, scope.id);
      if (viewer.visibleUserIds !== null && ids.some((id) => !canSeeOwner(viewer, id))) throw forbidden(key);
      return { scope: ownersScope(scope, ids), name: team.name };
    }
    case 'rep': {
      const user = await db.selectFrom('users').select('name').where('id', '=', scope.id).executeTakeFirst();
      if (!user)
        throw new AppError('not_found', `No user ${scope.id}`, [
          { field: 'scope', value: key, reason: 'no such user', rule: 'not_found' },
        ]);
      if (!canSeeOwner(viewer, scope.id)) throw forbidden(key);
      return { scope: ownersScope(scope, [scope.id]), name: user.name };
    }
  }
}

/**
 * Every scope the viewer may see, for snapshots and backtests: the company, each team whose members are all
 * visible, and each visible user who owns an opportunity.
 */
export async function listVisibleScopes(db: Db, viewer: Viewer): Promise<ScopeWithName[]> {
  const out: ScopeWithName[] = [await resolveScope(db, viewer, { type: 'company' })];
  const teams = await db.selectFrom('teams').select('id').orderBy('id').execute();
  for (const t of teams) {
    try {
      out.push(await resolveScope(db, viewer, { type: 'team', id: t.id }));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  const owners = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where((eb) =>
      eb.exists(eb.selectFrom('opportunities as o').select('o.id').whereRef('o.owner_id', '=', 'users.id')),
    )
    .orderBy('id')
    .execute();
  for (const u of owners) {
    if (!canSeeOwner(viewer, u.id)) continue;
    out.push({ scope: ownersScope({ type: 'rep', id: u.id }, [u.id]), name: u.name });
  }
  return out;
}
