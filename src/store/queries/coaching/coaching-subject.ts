import { canSeeOwner, type Viewer } from '../../../domain/access/viewer.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { visibleMembersOf, visibleTeamIdsFor } from '../../access/visible-users.ts';
import { withDescendantTeams } from '../metrics/scope.ts';

/** Whose deals a coaching view reads: one rep, one team (with its sub-teams), or everything the viewer sees. */
export interface CoachingSubject {
  type: 'rep' | 'team' | 'visible';
  id: number | null;
  name: string;
  /** Owners whose deals count; null = every owner (admins, no subject given), unassigned deals included. */
  ownerIds: number[] | null;
}

/**
 * Resolves and authorizes the subject of a coaching view. A rep may only ask for themself (their own rows); a
 * manager for a rep or team in their subtree; an admin for anyone. Without a subject: the viewer's visible rows.
 * A rep asking for another rep, or for a team, is forbidden; an unknown id is not found.
 */
export async function resolveCoachingSubject(
  db: Db,
  viewer: Viewer,
  req: { userId?: number | undefined; teamId?: number | undefined },
): Promise<CoachingSubject> {
  if (req.userId !== undefined && req.teamId !== undefined) {
    throw new AppError('validation', 'Give userId or teamId, not both', [
      { field: 'teamId', value: String(req.teamId), reason: 'userId is given too' },
    ]);
  }
  if (req.userId !== undefined) {
    const user = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', '=', req.userId)
      .executeTakeFirst();
    if (!user) {
      throw new AppError('not_found', `No user ${req.userId}`, [
        { field: 'userId', value: String(req.userId), reason: 'no such user', rule: 'not_found' },
      ]);
    }
    if (!canSeeOwner(viewer, user.id)) {
      throw new AppError('forbidden', `You may not read user ${req.userId}'s deals`, [
        { field: 'userId', value: String(req.userId), reason: 'outside your team', rule: 'outside_scope' },
      ]);
    }
    return { type: 'rep', id: user.id, name: user.name, ownerIds: [user.id] };
  }
  if (req.teamId !== undefined) {
    const team = await db
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('id', '=', req.teamId)
      .executeTakeFirst();
    if (!team) {
      throw new AppError('not_found', `No team ${req.teamId}`, [
        { field: 'teamId', value: String(req.teamId), reason: 'no such team', rule: 'not_found' },
      ]);
    }
    const allowed =
      viewer.role === 'admin' ||
      (viewer.role === 'manager' &&
        viewer.userId !== null &&
        (await visibleTeamIdsFor(db, viewer.userId, viewer.role))?.includes(team.id) === true);
    if (!allowed || viewer.role === 'rep') {
      throw new AppError('forbidden', `You may not read team ${req.teamId}'s deals`, [
        { field: 'teamId', value: String(req.teamId), reason: 'outside your teams' },
      ]);
    }
    const ownerIds = await visibleMembersOf(db, viewer, await withDescendantTeams(db, [team.id]));
    return { type: 'team', id: team.id, name: team.name, ownerIds };
  }
  if (viewer.role === 'rep') {
    return {
      type: 'rep',
      id: viewer.userId,
      name: 'you',
      ownerIds: viewer.userId === null ? [] : [viewer.userId],
    };
  }
  return {
    type: 'visible',
    id: null,
    name: 'everyone you see',
    ownerIds: viewer.visibleUserIds === null ? null : [...viewer.visibleUserIds],
  };
}
