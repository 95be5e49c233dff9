import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { SYSTEM_VIEWER } from '../domain/access/viewer.ts';
import type { Db } from '../store/db.ts';
import { recordAudit } from '../store/tables/audit-log.ts';
import { normalizeEmail } from '../store/tables/users.ts';
import { hashPassword } from './password.ts';

/** Email of the first admin when PACESETTER_ADMIN_EMAIL is not set. */
export const DEFAULT_ADMIN_EMAIL = 'admin@pacesetter.local';

/** A random password for generated accounts: 144 bits, URL-safe, typeable. */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** What ensureFirstAdmin did; `generatedPassword` is set only when it invented one (print it once). */
export type FirstAdminResult =
  { created: false } | { created: true; email: string; generatedPassword: string | null };

/**
 * Makes sure someone can sign in as admin: when no active admin with a password exists, creates one (or, if the
 * email is taken, promotes and re-activates that user) from PACESETTER_ADMIN_EMAIL / PACESETTER_ADMIN_PASSWORD,
 * or with a random password. There is never a default password.
 */
export async function ensureFirstAdmin(db: Db, config: Config): Promise<FirstAdminResult> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .where('password_hash', 'is not', null)
    .executeTakeFirst();
  if (existing) return { created: false };
  const email = normalizeEmail(config.adminEmail ?? DEFAULT_ADMIN_EMAIL);
  const generatedPassword = config.adminPassword ? null : randomPassword();
  const hash = await hashPassword(config.adminPassword ?? (generatedPassword as string));
  await db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('users')
      .select('id')
      .where(tx.fn('lower', ['email']), '=', email)
      .executeTakeFirst();
    const id = taken
      ? (
          await tx
            .updateTable('users')
            .set({ role: 'admin', active: true, password_hash: hash, updated_at: new Date() })
            .where('id', '=', taken.id)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      : (
          await tx
            .insertInto('users')
            .values({ name: 'Administrator', email, role: 'admin', password_hash: hash })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    await recordAudit(tx, SYSTEM_VIEWER, {
      action: 'create_first_admin',
      entity: 'user',
      entityId: id,
      after: { email, role: 'admin' },
    });
  });
  return { created: true, email, generatedPassword };
}
