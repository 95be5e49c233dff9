import { AppError } from '../errors.ts';
import type { Db } from '../store/db.ts';

/**
 * The id of the user with this email (any case), or a not_found error naming the option it came from. Only a type
 * import of the store: command files load at start-up, the store on first use.
 */
export async function userIdByEmail(db: Db, email: string, option = '--user'): Promise<number> {
  const u = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  if (!u)
    throw new AppError('not_found', `No user with email ${email}`, [
      { field: option, value: email, reason: 'no such user' },
    ]);
  return Number(u.id);
}
