import type { Viewer } from '../../../domain/access/viewer.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { visibleMembersOf } from '../../access/visible-users.ts';
import { withDescendantTeams } from '../metrics/scope.ts';

/** Whose meeting the pack is for: one team (sub-teams included) or the whole company. */
export interface PackSubject {
  type: 'team' | 'company';
  /** The team id; null for the company. */
  id: number | null;
  name: string;
  /** The team and its sub-teams; null for the company. */
  teamIds: number[] | null;
  /** Owners whose deals count: the members of those teams; null for the company (every owner). */
  ownerIds: number[] | null;
}

/** The one answer for everything the viewer may not have: the pack does not exist for them. */
function noPack(team: number | 'company' | undefined): AppError {
  return new AppError('not_found', 'No such meeting pack', [
    { field: 'team', value: String(team ?? ''), reason: 'not found', rule: 'not_found' },
  ]);
}

/**
 * Resolves and authorizes the pack's subject. Reps have no meeting pack; a manager gets the teams they manage
 * (and their sub-teams); an admin any team and the company. Without `team`: the company for an admin, the
 * manager's first team (lowest id) for a manager. Every refusal, an unknown team included, is the same 404, so
 * team ids reveal nothing.
 */
export async function resolvePackSubject(
  db: Db,
  viewer: Viewer,
  team: number | 'company' | undefined,
): Promise<PackSubject> {
  if (viewer.role === 'rep') throw noPack(team);
  if (team === 'company' || (team === undefined && viewer.role === 'admin')) {
    if (viewer.role !== 'admin') throw noPack(team);
    return { type: 'company', id: null, name: 'Company', teamIds: null, ownerIds: null };
  }
  if (viewer.role === 'manager' && viewer.userId === null) throw noPack(team);
  // A manager's teams are those they manage and their sub-teams, not the team they sit in as a member.
  const visible =
    viewer.role === 'admin' || viewer.userId === null
      ? null
      : await withDescendantTeams(
          db,
          (await db.selectFrom('teams').select('id').where('manager_id', '=', viewer.userId).execute()).map(
            (t) => t.id,
          ),
        );
  const teamId = team ?? (visible && visible.length > 0 ? Math.min(...visible) : undefined);
  if (teamId === undefined || (visible !== null && !visible.includes(teamId))) throw noPack(team);
  const row = await db.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).executeTakeFirst();
  if (!row) throw noPack(team);
  const teamIds = await withDescendantTeams(db, [row.id]);
  // Only people the viewer may read count (a manager's subtree holds every member of a managed team anyway).
  const ownerIds = await visibleMembersOf(db, viewer, teamIds);
  return { type: 'team', id: row.id, name: row.name, teamIds, ownerIds };
}

/** The print documents' read rule for a meeting pack: the pack resolves for the viewer (no other answer leaks). */
export async function mayReadMeetingPack(db: Db, viewer: Viewer, id: number | 'company'): Promise<boolean> {
  try {
    await resolvePackSubject(db, viewer, id);
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return false;
    throw e;
  }
}
