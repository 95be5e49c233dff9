import { AppError } from '../../../errors.ts';
import type { Db } from '../../../store/db.ts';

/** Throws validation when a team id is given but no such team exists. */
export async function assertTeamExists(db: Db, teamId: number | null, field = 'teamId'): Promise<void> {
  if (teamId === null) return;
  const row = await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!row)
    throw new AppError('validation', 'No such team', [
      { field, value: String(teamId), reason: 'not found', rule: 'not_found' },
    ]);
}

/** True for PostgreSQL's unique_violation (both drivers expose SQLSTATE as `code`). */
export function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === '23505'
  );
}

/** Throws validation when a leave date is not after the hire date (a rep employed for no day at all). */
export function assertLeaveAfterHire(hireDate: string | null, leftOn: string | null): void {
  if (hireDate === null || leftOn === null || leftOn > hireDate) return;
  throw new AppError('validation', 'The leave date must be after the hire date', [
    { field: 'leftOn', value: leftOn, reason: `not after hireDate ${hireDate}` },
  ]);
}
