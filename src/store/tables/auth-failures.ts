import { THROTTLE_RULES, retryAfterSeconds } from '../../domain/access/throttle-policy.ts';
import { AppError } from '../../errors.ts';
import type { Db } from '../db.ts';
import type { AuthFailureKind } from './auth.ts';

// Rows older than the longest window are useless; they are pruned as new ones arrive.
const KEEP_MS = 24 * 60 * 60 * 1000;

/** Counts one event (a failed sign-in, a bad token, a token creation) against a throttle key. */
export async function recordAuthFailure(
  db: Db,
  kind: AuthFailureKind,
  key: string,
  now: Date,
): Promise<void> {
  await db.insertInto('auth_failures').values({ kind, key: key.toLowerCase(), at: now }).execute();
  await db
    .deleteFrom('auth_failures')
    .where('at', '<', new Date(now.getTime() - KEEP_MS))
    .execute();
}

/** Forgets a key's events (a successful sign-in clears that email's failures). */
export async function clearAuthFailures(db: Db, kind: AuthFailureKind, key: string): Promise<void> {
  await db
    .deleteFrom('auth_failures')
    .where('kind', '=', kind)
    .where('key', '=', key.toLowerCase())
    .execute();
}

/** Seconds until the key may try again, or null when it is under its limit. */
export async function throttledFor(
  db: Db,
  kind: AuthFailureKind,
  key: string,
  now: Date,
): Promise<number | null> {
  const rule = THROTTLE_RULES[kind];
  const row = await db
    .selectFrom('auth_failures')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
    .where('kind', '=', kind)
    .where('key', '=', key.toLowerCase())
    .where('at', '>', new Date(now.getTime() - rule.windowMs))
    .executeTakeFirst();
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return retryAfterSeconds(rule, Number(row?.count ?? 0), oldest, now);
}

/** Throws rate_limited (429, with the wait in details) when any of the keys is over its limit. */
export async function assertNotThrottled(
  db: Db,
  keys: Array<{ kind: AuthFailureKind; key: string }>,
  now: Date,
): Promise<void> {
  let wait: number | null = null;
  for (const { kind, key } of keys) {
    const w = await throttledFor(db, kind, key, now);
    if (w !== null) wait = Math.max(wait ?? 0, w);
  }
  if (wait !== null) {
    throw new AppError('rate_limited', 'Too many attempts; try again later', [
      { field: 'retryAfterSeconds', value: String(wait), reason: 'throttled' },
    ]);
  }
}
