import { AppError } from '../../../errors.ts';
import type { Db } from '../../../store/db.ts';

/** Throws validation when a team id is given but no such team exists. */
export async function assertTeamExists(db: Db, teamId: number | null, field = 'teamId'): Promise<void> {
  if (teamId === null) return;
  const row = await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!row)
    throw new AppError('validation', 'No such team', [{ field, value: String(teamId), reason: 'not found' }]);
}

/** True for PostgreSQL's unique_violation (both drivers expose SQLSTATE as `code`). */
export function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === '23505'
  );
}
