import type { Selectable } from 'kysely';
import type { Role, Viewer } from '../../domain/access/viewer.ts';
import type { Language } from '../../domain/i18n/languages.ts';
import { visibleUser } from '../access/visible-owner.ts';
import type { Db } from '../db.ts';
import type { UsersTable } from '../schema.ts';

/** A user as the API and CLI show it (never the password hash). */
export interface User {
  id: number;
  externalId: string | null;
  name: string;
  email: string;
  role: Role;
  teamId: number | null;
  hireDate: string | null;
  rampMonths: number;
  /** Sales role (SDR, AE ...): picks the rep's scorecard; null = the default card. */
  salesRole: string | null;
  active: boolean;
  /** First day no longer employed (a leaver is inactive), or null. */
  leftOn: string | null;
  leaveReason: string | null;
  /** The language the user chose (0034); null = their browser's. */
  language: Language | null;
  hasPassword: boolean;
  createdAt: Date;
}

/** Maps a users row to the domain object. */
export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    email: row.email,
    role: row.role,
    teamId: row.team_id,
    hireDate: row.hire_date,
    rampMonths: row.ramp_months,
    salesRole: row.sales_role,
    active: row.active,
    leftOn: row.left_on,
    leaveReason: row.leave_reason,
    language: row.language,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
  };
}

/** Emails compare case-insensitively; they are stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The credentials row for a sign-in (active users only), or undefined. */
export async function findLoginUser(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'password_hash'])
    .where(db.fn('lower', ['email']), '=', normalizeEmail(email))
    .where('active', '=', true)
    .executeTakeFirst();
}

/** Users the viewer may see (admins: all; managers: their subtree; reps: themself), by name. */
export async function listUsers(
  db: Db,
  viewer: Viewer,
  filter: { teamId?: number; role?: Role; active?: boolean } = {},
): Promise<User[]> {
  let q = db.selectFrom('users').selectAll().where(visibleUser(viewer, 'users.id'));
  if (filter.teamId !== undefined) q = q.where('team_id', '=', filter.teamId);
  if (filter.role !== undefined) q = q.where('role', '=', filter.role);
  if (filter.active !== undefined) q = q.where('active', '=', filter.active);
  const rows = await q.orderBy('name').orderBy('id').execute();
  return rows.map(toUser);
}

/** One user if the viewer may see them, else undefined. */
export async function getUser(db: Db, viewer: Viewer, id: number): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where(visibleUser(viewer, 'users.id'))
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** Fields an admin may set on a user. */
export interface UserInput {
  name: string;
  email: string;
  role: Role;
  teamId: number | null;
  hireDate: string | null;
  rampMonths: number;
  active: boolean;
  externalId: string | null;
  /** Setting a leave date makes the user inactive; making a leaver active again clears it (a re-hire). */
  leftOn?: string | null;
  leaveReason?: string | null;
  salesRole?: string | null;
}

/** Inserts a user with an already-hashed password (or none: cannot sign in until one is set). */
export async function insertUser(db: Db, input: UserInput, passwordHash: string | null): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      name: input.name,
      email: normalizeEmail(input.email),
      role: input.role,
      team_id: input.teamId,
      hire_date: input.hireDate,
      ramp_months: input.rampMonths,
      active: input.leftOn ? false : input.active,
      left_on: input.leftOn ?? null,
      leave_reason: input.leftOn ? (input.leaveReason ?? null) : null,
      external_id: input.externalId,
      sales_role: input.salesRole ?? null,
      password_hash: passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

/** Applies a partial change to a user; returns undefined when there is no such user. */
export async function updateUser(db: Db, id: number, patch: Partial<UserInput>): Promise<User | undefined> {
  const values: Record<string, unknown> = { updated_at: new Date() };
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.email !== undefined) values.email = normalizeEmail(patch.email);
  if (patch.role !== undefined) values.role = patch.role;
  if (patch.teamId !== undefined) values.team_id = patch.teamId;
  if (patch.hireDate !== undefined) values.hire_date = patch.hireDate;
  if (patch.rampMonths !== undefined) values.ramp_months = patch.rampMonths;
  if (patch.active !== undefined) values.active = patch.active;
  if (patch.externalId !== undefined) values.external_id = patch.externalId;
  if (patch.leaveReason !== undefined) values.leave_reason = patch.leaveReason;
  if (patch.leftOn !== undefined) {
    values.left_on = patch.leftOn;
    if (patch.leftOn !== null) values.active = false;
    else if (patch.leaveReason === undefined) values.leave_reason = null;
  } else if (patch.active === true) {
    // Active again: no longer a leaver (kept consistent with users_left_inactive, migration 0028).
    values.left_on = null;
    values.leave_reason = null;
  }
  if (patch.salesRole !== undefined) values.sales_role = patch.salesRole;
  const row = await db
    .updateTable('users')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** Replaces a user's password hash. */
export async function setPasswordHash(db: Db, id: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The stored hash for a user (for password change), or null. */
export async function getPasswordHash(db: Db, id: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash ?? null;
}

/** Number of active admins (the first-run check, and the guard against removing the last one). */
export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Sets the language a user reads the app in (null: their browser's); only ever their own (the route's rule). */
export async function setUserLanguage(db: Db, userId: number, language: Language | null): Promise<void> {
  await db.updateTable('users').set({ language, updated_at: new Date() }).where('id', '=', userId).execute();
}
