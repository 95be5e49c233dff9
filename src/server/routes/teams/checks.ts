import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Db } from '../../../store/db.ts';
import { wouldCreateCycle } from '../../../store/tables/teams.ts';
import { assertTeamExists, isUniqueViolation } from '../users/checks.ts';

/** Turns the store's unique violation on teams.external_id into a conflict naming the field; rethrows others. */
export function rethrowDuplicateExternalId(err: unknown, externalId: string | null | undefined): never {
  if (isUniqueViolation(err)) {
    throw new AppError('conflict', 'A team with this external id already exists', [
      { field: 'externalId', value: externalId ?? '', reason: 'already used', rule: 'duplicate' },
    ]);
  }
  throw err;
}

/** Validates a team's manager and parent, collecting every problem into one validation error. */
export async function assertTeamRefs(
  db: Db,
  teamId: number | null,
  refs: { managerId?: number | null; parentTeamId?: number | null },
): Promise<void> {
  const details: ErrorDetail[] = [];
  if (refs.managerId !== undefined && refs.managerId !== null) {
    const m = await db.selectFrom('users').select('id').where('id', '=', refs.managerId).executeTakeFirst();
    if (!m)
      details.push({
        field: 'managerId',
        value: String(refs.managerId),
        reason: 'no such user',
        rule: 'not_found',
      });
  }
  if (refs.parentTeamId !== undefined && refs.parentTeamId !== null) {
    try {
      await assertTeamExists(db, refs.parentTeamId, 'parentTeamId');
      if (teamId !== null && (await wouldCreateCycle(db, teamId, refs.parentTeamId))) {
        details.push({
          field: 'parentTeamId',
          value: String(refs.parentTeamId),
          reason: 'would make the team its own ancestor',
        });
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      details.push(
        ...err.details.map((d) => ({ field: 'parentTeamId', value: d.value ?? '', reason: d.reason })),
      );
    }
  }
  if (details.length > 0) throw new AppError('validation', 'Team is invalid', details);
}
