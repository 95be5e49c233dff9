import { hashPassword } from '../../src/auth/password.ts';
import type { Db } from '../../src/store/db.ts';

let counter = 0;
// Hashing is deliberately slow; tests reuse one hash per distinct password (salts differ in real use).
const hashes = new Map<string, Promise<string>>();

/**
 * Inserts a user (and nothing else) for tests, with an argon2id hash of the password; returns its id, email
 * and plain password (for signIn). Password defaults to 'correct horse battery'.
 */
export async function seedUser(
  db: Db,
  user: {
    role: 'admin' | 'manager' | 'rep';
    name?: string;
    email?: string;
    teamId?: number | null;
    password?: string;
    active?: boolean;
  },
): Promise<{ id: number; email: string; password: string }> {
  counter += 1;
  const email = user.email ?? `${user.role}${counter}-${Date.now()}@example.test`;
  const password = user.password ?? 'correct horse battery';
  const { id } = await db
    .insertInto('users')
    .values({
      name: user.name ?? `${user.role} ${counter}`,
      email,
      role: user.role,
      team_id: user.teamId ?? null,
      active: user.active ?? true,
      password_hash: await hashOnce(password),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, email, password };
}

function hashOnce(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) {
    h = hashPassword(password);
    hashes.set(password, h);
  }
  return h;
}
