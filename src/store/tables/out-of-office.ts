import { AppError } from '../../errors.ts';
import type { Db } from '../db.ts';

/** An out-of-office period of a rep: local dates in the rep's zone, both inclusive. */
export interface OutOfOfficePeriod {
  id: number;
  userId: number;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

/** Periods of the given users (null = everyone), ending on or after `since` when given. */
export async function listOutOfOffice(
  db: Db,
  userIds: readonly number[] | null,
  since?: string,
): Promise<OutOfOfficePeriod[]> {
  let q = db
    .selectFrom('out_of_office')
    .select(['id', 'user_id', 'starts_on', 'ends_on', 'note'])
    .orderBy('user_id')
    .orderBy('starts_on');
  if (userIds !== null) q = q.where('user_id', 'in', userIds.length > 0 ? [...userIds] : [-1]);
  if (since) q = q.where('ends_on', '>=', since);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    note: r.note,
  }));
}

export async function getOutOfOffice(db: Db, id: number): Promise<OutOfOfficePeriod> {
  const r = await db
    .selectFrom('out_of_office')
    .select(['id', 'user_id', 'starts_on', 'ends_on', 'note'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('not_found', `Out-of-office period ${id} not found`);
  return { id: r.id, userId: r.user_id, startsOn: r.starts_on, endsOn: r.ends_on, note: r.note };
}

export async function addOutOfOffice(
  db: Db,
  input: Omit<OutOfOfficePeriod, 'id'>,
  createdBy: number | null,
): Promise<OutOfOfficePeriod> {
  if (input.endsOn < input.startsOn)
    throw new AppError('validation', 'Invalid out-of-office period', [
      { field: 'endsOn', value: input.endsOn, reason: `is before startsOn ${input.startsOn}` },
    ]);
  const user = await db.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst();
  if (!user) throw new AppError('not_found', `User ${input.userId} not found`);
  const row = await db
    .insertInto('out_of_office')
    .values({
      user_id: input.userId,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      note: input.note,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, ...input };
}

export async function deleteOutOfOffice(db: Db, id: number): Promise<void> {
  const r = await db.deleteFrom('out_of_office').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new AppError('not_found', `Out-of-office period ${id} not found`);
}
