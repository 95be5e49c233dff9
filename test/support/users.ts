import type { Db } from '../../src/store/db.ts';

let counter = 0;

/** Inserts a user (and nothing else) for tests; returns its id and email. Password defaults to 'correct horse battery'. */
export async function seedUser(
  db: Db,
  user: {
    role: 'admin' | 'manager' | 'rep';
    name?: string;
    email?: string;
    teamId?: number | null;
    password?: string;
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // PLACEHOLDER until issue 6: no password hash is stored yet; the auth engineer makes this hash `password`.
  return { id, email, password };
}
